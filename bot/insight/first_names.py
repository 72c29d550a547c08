"""Names that ``bot.insight.scrub`` takes out of residents' messages before they are stored.

A regular expression cannot tell "Sarah" from "Salary", so the scrubber needs to know which words
are names. These lists are deliberately short and hand-picked rather than complete: they hold
first names common in England across the communities a council serves (English, Welsh, Scottish
and Irish; South Asian; Polish, Romanian and other Eastern European; West and East African;
Arabic, Kurdish and Persian; Chinese and Vietnamese; Caribbean; Southern European), written in
plain ASCII (the scrubber folds "Paweł" to "pawel" before looking it up).

Three lists, because names that are also English words must be handled differently:

- ``FIRST_NAMES``: removed wherever they appear capitalised, after a cue ("I'm", "cheers") in
  any case, and in lower case anywhere when four letters or longer and not an English word.
  A few are dictionary words too ("john", "jack") but are almost never written capitalised
  mid-sentence as anything but a name, so they stay here.
- ``WORD_NAMES``: names that are ordinary words, months or places ("Will", "May", "Grace",
  "Hope", "Mark", "Bill", "Jordan"...). On sight they are left alone (a resident writes
  "Will I lose my Universal Credit?" or "starting in May"); they are removed only after a name
  cue: in any case after "my name is", capitalised after "I'm", "this is", "call me" or a
  sign-off ("thanks, Grace").
- ``SURNAME_WORDS``: surnames that are also English words ("Smith", "Baker", "Khan"), removed
  only when capitalised straight after a name that was removed. Surnames that are not English
  words ("Nowak", "Patel", "Okafor") need no list: any capitalised non-word after a removed
  name is taken as a surname.

All entries are lower case. The tests check that the lists do not overlap.
"""

from __future__ import annotations


def _names(text: str) -> frozenset[str]:
    """The names of a whitespace-separated list: hundreds of names stay readable."""
    return frozenset(text.split())


FIRST_NAMES: frozenset[str] = _names(
    """
    olivia amelia isla ava mia isabella sophia sophie emily ella evie charlotte freya evelyn
    chloe jessica lucy ellie millie amelie hannah emma sarah rebecca rachel laura lauren katie
    kate jennifer jenny claire nicola michelle lisa karen julie helen susan margaret elizabeth
    mary patricia linda barbara jane joanne tracy tracey donna sharon kelly gemma amy zoe leah
    megan abigail natalie stephanie samantha victoria louise alice anna eleanor phoebe scarlett
    maisie matilda esme rosie molly imogen shannon bethany caitlin kirsty fiona morag eilidh
    siobhan niamh aoife ciara saoirse bronwen cerys catherine deborah denise beverley paula
    wendy angela diane janet christine pauline maureen sandra jacqueline gillian yvonne anne
    marie
    oliver george noah arthur harry leo jack charlie oscar jacob henry thomas freddie alfie
    theo william james archie joshua alexander isaac edward lucas ethan samuel daniel joseph
    benjamin matthew david john michael paul andrew peter richard robert christopher stephen
    steven anthony kevin gary ian simon neil jason darren lee craig wayne scott stuart graham
    keith colin brian alan trevor barry derek kenneth ronald dennis terry tony steve dave mike
    mick chris andy tom ben sam dan joe jamie ryan liam connor kyle callum lewis nathan adam
    luke aaron tyler kieran declan sean ciaran conor niall padraig rhys dylan owen gareth
    dafydd iwan gethin aled euan ewan angus hamish fraser alasdair bradley jake josh reece
    harvey logan finley riley toby elliot jayden bob
    mohammed muhammad mohammad mohamed ahmed ahmad ali hassan hussain hussein imran asif tariq
    bilal usman omar umar hamza zain ibrahim yusuf ismail abdul abdullah khalid faisal arif
    nadeem shahid sajid waseem zubair rashid jamal kamal rahim karim aisha ayesha fatima
    zainab maryam amina khadija sana saima nadia noor hina rabia samina shazia farah yasmin
    bushra iqra nazia rubina rehana tahmina nasrin shamima sultana
    priya anjali pooja neha sunita anita geeta kiran deepa divya kavita meena nisha rani
    parveen raj rajesh ravi amit sanjay vijay arjun rohan rahul vikram sunil anil ashok deepak
    manoj harpreet gurpreet jaspreet manpreet simran amandeep baljit jasbir sukhdev ranjit
    rupinder navdeep
    piotr pawel tomasz krzysztof marcin michal lukasz jakub kamil mateusz wojciech grzegorz
    agnieszka katarzyna magdalena malgorzata joanna monika ewa marta aleksandra dorota justyna
    beata zofia kasia andrei mihai alexandru florin bogdan gheorghe vasile adrian cristina
    mariana andreea alina irina ioana elena dmitri sergei olga natalia tatiana svetlana oksana
    olena yulia viktor oleksandr mykola ivan nikolai vlad darius inga janis goran jelena
    marija maria ana
    chinedu chukwuemeka emeka obinna ifeoma ngozi chioma adaeze oluwaseun seun tunde ayodele
    funmilayo folake yetunde femi bola kemi kwame kofi kwabena akosua abena kojo adwoa abdi
    abdirahman abdullahi mohamud hodan hawa faduma halima sahra asha ayaan hamdi yonas yohannes
    tesfaye meron senait tinashe tendai tafadzwa rutendo chipo farai thabo sipho themba
    mahmoud mustafa youssef khaled walid samir rami nour layla leila rania reem hiba dana lina
    salma huda ghulam habib jawad nasir farhad dilan reza hossein mehdi parisa zahra neda
    shirin sara
    wei mei ming xin linh minh
    joao pedro carlos jose luis miguel paulo sofia ines beatriz francesca giulia marco luca
    giuseppe alessandro matteo
    leroy winston delroy marcia claudette desmond errol clive lloyd shanice tyrone
    jermaine andre
    """
)

WORD_NAMES: frozenset[str] = _names(
    """
    will may grace hope faith rose mark bill pat sue joy max dean mason rob nick frank guy ray
    drew chase hunter miles rich art don sunny robin carol dawn holly ivy lily poppy daisy ruby
    jade amber heather iris violet jasmine hazel olive pearl crystal summer autumn april june
    august star sky junior precious blessing patience mercy comfort gift favour prince honour
    memory christian jordan georgia india chelsea milan florence sydney paris
    """
)

SURNAME_WORDS: frozenset[str] = _names(
    """
    smith brown wood hill green white black walker hall ward king young bell cooper fisher
    price baker cook turner butler marsh moss lord bird fox lamb bishop booth stone field long
    little knight page mills steel banks lane rice waters shepherd khan shah
    """
)
