"""The words behind the intent rules (``bot.nlp.intent_rules``), as plain regular expressions and
functions: the Rasa component applies them inside Rasa, and the actions read some of them too
(``YES_FIRST``, ``audience``). Nothing here imports Rasa, so the action server does not load
TensorFlow for them.
"""

from __future__ import annotations

import re

from bot import clock
from bot.assessment import facts
from bot.knowledge import service as knowledge
from bot.nlp.complaints import COMPLAIN, COMPLAINT, FRUSTRATED

# Where someone works is theirs only when they run it: "my agency gave me no shifts" and "my
# warehouse" are a worker's, "i run a warehouse" is not.
_OWNED_PLACE = (
    r"(?:business|company|firm|shop|cafe|café|restaurant|salon|garage|pub|hotel|bakery|farm|"
    r"practice|charity|organisation)"
)
_WORKPLACE = (
    rf"(?:{_OWNED_PLACE}|bar|factory|warehouse|care home|nursery|store|agency|"
    r"building firm)\b(?! (?:idea|ideas|plan|job|jobs|interview|course|degree|nurse|role|"
    r"shift|shifts|apprenticeship|placement|place|places|qualification|worker|assistant))"
)
_STAFF = r"(?:staff|team|workers|employees|workforce|apprentices?|trainees?|vacanc(?:y|ies))"
_HIRES = r"(?:staff|workers|employees|apprentices?|trainees?|labourers|candidates)"
# What only an employer says. Bare "we", "our" and "us" are not among them: "can we carry on",
# "can u help us" and "what about our appointment" are residents (with their family, or with
# the assistant); "our company", "we're hiring" and "an apprentice for my salon" are not.
EMPLOYER_WORDS = "|".join(
    (
        # "my salon", "our company", "our staff", "an apprentice for my business"
        rf"\b(?:my|our) (?:small |little |family |new )?(?:{_OWNED_PLACE}|{_STAFF})\b",
        # "i run a shop", "we own a garage", "i manage a care home", "we're a local business"
        rf"\b(?:i|we) (?:run|own|manage|have|started|set up|opened) (?:a|an|the|my|our)"
        rf"(?: [a-z]+){{0,2}}? {_WORKPLACE}",
        rf"\b(?:we'?re|we are) (?:a|an) (?:[a-z]+ ){{0,2}}?(?:{_WORKPLACE}|employer\b)",
        r"\b(?:i'?m|i am|as) (?:an? )?(?:small |local |big |large |hr |hiring )?(?:employer|"
        r"business owner|manager|owner|director|recruiter)\b",
        # "employer support", but not a resident's "my employer" or "tell employers"
        r"(?<!\bmy )(?<!\byour )(?<!\bnew )(?<!\bgood )(?<!\bfuture )"
        r"(?<!\bcurrent )(?<!\bprevious )(?<!\btell )\bemployers?\b",
        # "hire someone", "take on an apprentice", "need staff", "looking for kitchen staff"
        r"\b(?:hire|hiring|recruit\w*|take on|taking on|employ|employing) (?:an? |some |new |"
        r"more |young |local |extra )?(?:apprentices?|staff|people|workers|someone|somebody|"
        r"employees|trainees?)\b",
        r"\b(?:need|needs|needing|find|finding|looking for|want|wants|get|train|training|"
        r"upskill) (?:an? |some |new |more |young |local |extra |kitchen |temporary |seasonal |"
        rf"part[- ]time |full[- ]time )?{_HIRES}\b(?! (?:job|jobs|role|roles|scheme|wage|pay))",
        # "we're hiring", "i'm recruiting for a warehouse", "how do i recruit through you"
        r"\b(?:i'?m|i am|we'?re|we are|were|now|looking to|want to|how (?:do|can) (?:i|we)|"
        r"can (?:i|we)|help (?:me|us)(?: to)?|need to) (?:currently |now |actively )?"
        r"(?:recruit|recruiting|hire|hiring)\b",
        # "we have vacancies to fill", "i want to advertise a job", "i employ 20 people"
        r"\b(?:jobs?|vacanc(?:y|ies)|roles?|positions?|places?) to fill\b",
        r"\b(?:advertise|advertising|list|listing|post|posting) (?:a |an |my |our |some |the )?"
        r"(?:apprenticeship )?(?:job|jobs|vacanc(?:y|ies)|roles?|positions?)\b",
        r"\b(?:i|we) (?:employ|have) \d+ (?:people|staff|employees|workers)\b",
        r"\b(?:we'?d|we would|we want to|we'?re happy to|i'?d like to|i would like to|i want to|"
        r"can i|can we) (?:like to )?offer (?:work experience|placements?|apprenticeships?|"
        r"jobs?|work|a job|an apprenticeship|training)\b",
        # "how much do we have to pay an apprentice"
        r"\b(?:i|we)\b.{0,30}\bpay (?:an? |my |our |the )?apprentices?\b",
        r"\blevy\b|\bwork experience placements? for\b",
    )
)
ASK_QUESTION = "ask_question"
# "what programmes do you have", "which schemes can i get", "wot programs r there": a question
# about the council's own programmes (the offers it runs), answered from its rules.
ABOUT_PROGRAMMES = re.compile(r"\b(programmes?|programs?|schemes?|offers)\b", re.IGNORECASE)
RULED, RIVAL = 1.0, 0.5  # an intent set by rule, and the most any other reading then keeps
SURE_OF_CRISIS = 0.8  # the model's own crisis reading stands only this sure (or by the rules)
TOPIC = "topic"
# Each of these intents stands only if the message has words that mean it.
NEEDS_WORDS = {
    "start_again": (
        r"\b(start(ing)? (it |this |all |everything )?(again|over|afresh|from (the )?(start|"
        r"beginning|scratch|top))|restart|re-?start|reset|new (chat|conversation)|clear (this|"
        r"the|my|it|everything|all|chat)|clear$|wipe|erase|begin again|from scratch|scrap (this|"
        r"that|it|everything)|delete (this|the|my|everything|it)|go back to the (start|"
        r"beginning)|back to the start|forget (everything|all|what i said|it all)|redo|do it "
        r"(all )?again)\b|\bfrom the top\b|\b(begin|start) (from the start|fresh)\b|"
        r"\bfresh start\b|\bstartagain\b|\bstrat again\b|\bre start\b|"
        r"\bstart the (chat|conversation) again\b|"
        r"\b(delete|forget|wipe) (what i (told|said|typed)|my (data|details|answers|info))"
    ),
    "ask_privacy": (
        r"\b(privacy|private|confidential\w*|data protection|gdpr|my (data|information|info|"
        r"details|personal)|personal (data|information|info|details)|who (can |will |gets to )?"
        r"(see|sees|read|reads|know|knows)|stored?|storing|keep(ing)? (my|this|it)|delete my|"
        r"what (do|will|happens) (you )?(do )?with|share (my|this)|shared|sell my|safe to "
        r"(give|tell|say)|anonymous|(is|are) (this|you|it) (being )?(recorded|saved|kept|"
        r"logged)|record(ing|ed)? (this|me|my|our)|cookies|dwp|job ?centre see|(anyone|anybody|"
        r"someone|somebody|other people|others|the council|my (employer|boss|work coach|partner|"
        r"family|landlord)|my work|job ?centre)( else)? (can |will |could |gonna |going to )?"
        r"(see|read|find out|know|access|get)|(tell|telling|pass|passing|send|sending|share|"
        r"sharing) (it |this |that |anything )?(to |with )?my (work coach|employer|boss|job ?centre"
        r")|is (this|it|the chat|my chat) (saved|kept|stored|secure|safe|private)|how long (is|are|"
        r"do you keep|will you keep)|who (will|would|do|did) you tell|tell anyone|go(es)? to the "
        r"job ?centre|passed (on )?to|saved|save what i|keep what i|record of|recorded|affected by "
        r"what i|give (you )?my (name|address|number|details)|access to my|what data|(my|personal) "
        r"data|secure|gdpr|affect my benefits)\b"
    ),
    "employer_enquiry": EMPLOYER_WORDS,
    # An appointment changed or cancelled is named somehow ("cancel it", "can't make it", "move
    # my appt"); "my diploma need to convert?" is no booking.
    **dict.fromkeys(
        ("cancel_appointment", "manage_booking"),
        r"\b(appointments?|apointments?|appt|appts|booking|bookings|booked|book|cancel\w*|"
        r"cancle\w*|reschedul\w*|re-?arrange\w*|change|move|moving|postpone|push|bring forward|"
        r"different (day|time|date)|another (day|time|date)|reference|ref|come|coming|make it|"
        r"attend|slot|time|date|meeting|interview|adviser|advisor|call|session|there|nt make|"
        r"do it|bring it forward|still on|instead|"
        r"not make|be able|go|going|came up|make)\b",
    ),
    # A farewell says one; "night shift" after "Find a job" ended the conversation.
    "goodbye": (
        r"\b(bye+|byee|goodbye|good bye|see (you|ya|u)|cya|laters?|l8r|ta ?-?ra|tara|gtg|g2g|"
        r"got to go|gotta go|have to go|need to go|must go|speak soon|talk (later|soon)|catch "
        r"(you|ya)|good ?night|nite|night night|that'?s (all|it|everything|me)|thats (all|it|"
        r"everything|me)|end|close|exit|quit|done|finish(ed)?|leav(e|ing)|off now|i'?m off|im off|"
        r"cheerio|adios|ciao|farewell|take care|have a (good|nice)|all (good|sorted)|no more|"
        r"nothing else|signing off|log(ging)? off|come back|going( now)?)\b|^\W*night\W*$"
    ),
    # A time chosen in words names one ("the 10:30", "tuesday", "the first one"); "full time
    # please" after "Find a job" is the hours of a job, not an appointment.
    "choose_slot": (
        r"\d|\b(one|ones|first|second|third|fourth|last|that|this|morning|afternoon|evening|am|"
        r"pm|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|weds|thu|"
        r"thur|thurs|fri|sat|today|tomorrow|tmrw|slot|slots|appointment|book|earliest|soonest|"
        r"next|latest|video|phone|library|person|noon|midday|lunch|o'?clock|half|quarter)\b|"
        r"(?<!full )(?<!part )(?<!full-)(?<!part-)\btimes?\b"
    ),
    # "are you a bot?" names the bot or a person; "where is it exactly" (the appointment) does not
    "bot_challenge": (
        r"\b(bots?|robot\w*|chat ?bot|ai|a\.i|artificial|automat\w*|machine|program\w*|computer|"
        r"chatgpt|gpt|real|human|person|people|alive|someone|somebody|sentient|who (is|r|are|am) "
        r"(this|you|u|i)|what (are|r) (you|u)|are (you|u) (a|an|real|human)|talking to|speaking to|"
        r"typing)\b"
    ),
    # Leaving the questions: "cant read that good" is an answer, not "stop"
    "stop": (
        # not "can't stop thinking about it", "stop shaking": those are about them, not the chat
        r"(?<!cant )(?<!can't )(?<!cannot )(?<!wont )(?<!won't )\bstop\w*(?!\s+(thinking|crying|"
        r"shaking|bleeding|worrying|feeling|hurting|panicking|being|eating|drinking))|"
        r"\b(quit|exit|pause|enough|forget (it|about it)|never ?mind|nvm|leave (it|me)|"
        r"changed? my mind|(don'?t|dont|do not) want|no more|not (right )?now|cancel (that|this)|"
        r"go back|take me back|get me out|let me out|done with|skip all|no thanks)\b"
    ),
    "start_business": (
        r"\b(own business|own company|self[- ]?employ\w*|start(ing)? (up )?(a |my |an? own )?"
        r"(business|company|firm|shop|cafe|salon)|own boss|freelanc\w*|sole trader|business "
        r"idea|set(ting)? up (a|my)( own)?( \w+)? (business|company)|start[- ]?ups?|start trading|"
        r"enterprise allowance|business support|(set|setting) up on my own|"
        r"(start|starting|open|opening) (something|a \w+ business|my own \w+|a shop|a cafe|a "
        r"salon)|my own (thing|shop|cafe|salon|business)|work(ing)? for my ?self|biz|business "
        r"(plan|idea|grant|loan)|grants? for (new |small )?business\w*|new business\w*|"
        r"idea for a business|small business)\b"
    ),
}
# A question these intents ask is theirs, not the knowledge base's.
KEEP_INTENTS = {
    "request_adviser", "request_callback", "crisis", "book_appointment", "cancel_appointment",
    "manage_booking", "choose_slot", "start_again", "stop", "goodbye",
    # A word to explain is the glossary's ("what is ESOL?"); who sees what is the privacy
    # notice's ("will the jobcentre see this?").
    "explain_term", "ask_privacy",
}  # fmt: skip
EMPLOYER = re.compile(EMPLOYER_WORDS, re.IGNORECASE)
# An employer speaking of their own business ("help us recruit", "i'm hiring"), not a resident
# asking about employers ("what do employers look for in a cv?")
OWN_BUSINESS = re.compile(
    r"\b(we|we'?re|us|our|i'?m hiring|i am hiring|my (business|company|firm|shop|salon|cafe|"
    r"garage|restaurant|staff|team))\b",
    re.IGNORECASE,
)
# "where can i do an esol course": a search the model heard, not a question for the knowledge
# base (which would answer about ESOL instead of finding the classes).
SEARCH_INTENTS = frozenset({"find_course", "find_job", "find_apprenticeship", "get_support"})
LOOKING_FOR = re.compile(
    r"^\W*(where (can|could|do|would) i (do|find|get|go|learn|study|take)|where('?s| is| are) "
    r"(there|the nearest)|find me|i'?m looking for|looking for|any .{0,30}\b(near|around|in) )",
    re.IGNORECASE,
)


# "complain about my bin collection": a council service, not this one (out of scope).
ABOUT_A_COUNCIL_SERVICE = re.compile(
    r"\b(bins?|bin collection|rubbish collection|recycling|noise|neighbou?rs?|council tax|parking|"
    r"pot ?holes?|roads?|streets?|litter|fly.?tipping|planning|street ?lights?|dog)\b",
    re.IGNORECASE,
)
# "wats esol", "wot is a t level": a short question about a word the glossary explains
WHAT_IS = re.compile(
    r"^\W*(wats|wots|wat|wot|what'?s|whats|what is|what are|what does|wat is|wot is|wats a|"
    r"what'?s an?|whats an?)\b",
    re.IGNORECASE,
)
WHAT_IS_WORDS = 6
NOT_RESTART = re.compile(
    r"\b(no|don'?t|dont|do not|not|never|rather not)\b(\s+\w+){0,2}?\s+(start\w*|restart|wipe|"
    r"delete|clear|reset|erase)\b",
    re.IGNORECASE,
)
# "go back", "take me back to the start": back to what the assistant can do, never "I've
# stopped, I won't send you anything else".
GO_BACK = re.compile(
    r"^\W*(please |pls |can (you|u|i) )?(go|take me|get me) back( to (the )?(start|menu|main menu|"
    r"beginning|options))?( please| pls)?\W*$|^\W*(main )?menu( please| pls)?\W*$",
    re.IGNORECASE,
)
# "nah not that sumthin outdoors": a no to what is shown, and what they want instead.
NOT_THAT_BUT = re.compile(
    r"^\W*(no+|nah|nope|na)?\W*(not (that|those|them|these|this)( one| ones| kind)?|none of "
    r"(them|those|these))\W+(i want |i need |i'd like |id like |more |maybe |rather |prefer )?"
    r"(something|sumthin|summat|sumat|somethin|anything|a job|work|jobs?|courses?) \w+",
    re.IGNORECASE,
)
# "no keep it", "nah leave it": a no to whatever was asked (starting again, cancelling).
KEEP_IT = re.compile(
    r"^\W*(no+|nah|nope|na)\b\W*(please\s+|pls\s+)?(keep|leave) (it|everything|them|it all|all|"
    r"that|my \w+)( please| pls| thanks)?\W*$",
    re.IGNORECASE,
)
# A yes that can only answer a question ("ok" also opens a request: "ok delete my info now").
YES_REALLY = re.compile(r"^\W*(yes|yeah|yep|yh|yea|go on|do it)\b", re.IGNORECASE)
YES_FIRST = re.compile(r"^\W*(yes|yeah|yep|yh|yea|sure|ok|okay|please|pls|go on|do it)\b", re.I)
# Words of wiping the chat: "yes start again", "ok delete it all". A yes without them is a yes
# ("ok yes i can stay at my mates tonight" deleted the conversation of someone sleeping in their
# car): starting again then needs the question "start again?" first.
RESTART_WORDS = re.compile(
    r"\b(start(ing)?\s+(again|over|afresh|fresh|from\s+scratch|a\s+new\s+chat)|restart|reset|"
    r"(delete|wipe|erase|clear|bin|scrap|remove|forget|get\s+rid\s+of)\w*\b[^.!?]{0,20}\b(it|"
    r"this|that|chat|conversation|everything|all|data|details|history|answers|what\s+i\s+"
    r"(said|told\s+you))|new\s+chat|fresh\s+start)\b",
    re.IGNORECASE,
)


def not_employer(text: str) -> bool:
    """ "i'm not an employer", "i dont run a company lol": the employer's words are denied."""
    return facts.employer_denied(facts.normalise(text))


# "machine operator", "i was a forklift operator", "travel agent": the work someone does. Not
# "an operator", "a real agent" or "speak to the operator", which ask for a person.
_A_JOB_NAMED = re.compile(
    r"\b(machine|machinery|forklift|plant|crane|cnc|press|production|process|line|digger|"
    r"excavator|estate|letting|lettings|travel|insurance|property|recruitment|sales|shipping|"
    r"freight|booking|ticket|call centre|contact centre|customer service|customer services|"
    r"border|security|cleaning|tour|holiday|mortgage|leasing|rail|signal) (operators?|agents?)\b",
    re.IGNORECASE,
)
_ASKS_FOR_ONE = re.compile(
    r"\b(speak|talk|chat|person|human|someone|somebody|adviser|advisor|put me through|get me)\b",
    re.IGNORECASE,
)


# "my cv is rubbish", "my english its bad": their own, not the service, is what is rubbish.
ABOUT_THEIR_OWN = re.compile(
    r"\bmy (cv|c\.v\.?|english|maths|spelling|writing|reading|computer skills|skills|interviews?|"
    r"applications?|handwriting|grades?|results|confidence|memory|back|health)\b",
    re.IGNORECASE,
)


# Words a complaint the model hears may be made of, beyond the rules' own: "been on here 20
# mins and got nowhere", "why wont you just answer".
_FED_UP = re.compile(
    r"\b(nowhere|ages|forever|waiting|useless|rubbish|waste|joke|ridiculous|sick of|fed up|"
    r"annoy\w*|angry|fuming|why (can'?t|cant|won'?t|wont|don'?t|dont) (you|u)|not working|"
    r"doesn'?t work|broken|hate|worst|pathetic|disgrac\w*|unacceptable)\b",
    re.IGNORECASE,
)


def frustrated(text: str) -> bool:
    """Whether the message is frustration with the service: "this is useless", not "my cv is
    rubbish"."""
    return bool(FRUSTRATED.search(text)) and not ABOUT_THEIR_OWN.search(text)


def allowed(intent: str | None, text: str) -> bool:
    """Whether an intent may stand for this message (see NEEDS_WORDS); "i'm not an employer"
    has the word but denies it."""
    if intent == COMPLAIN:  # "sales assistant" after "Find a job" got an apology
        return frustrated(text) or bool(COMPLAINT.search(text) or _FED_UP.search(text))
    if intent == "request_adviser":  # "machine operator", "estate agent": a job, not a person
        return not (_A_JOB_NAMED.search(text) and not _ASKS_FOR_ONE.search(text))
    pattern = NEEDS_WORDS.get(intent or "")
    if pattern is None:
        return True
    if intent == "employer_enquiry" and not_employer(text):
        return False
    return re.search(pattern, text, re.IGNORECASE) is not None


def audience(text: str) -> str:
    """An employer asks about staff and apprentices they take on; everyone else is a
    resident."""
    return "employer" if EMPLOYER.search(text) and not not_employer(text) else "resident"


# Intents the model reads into questions about an appointment: "can my mum come with me" is not
# a cancellation ("can't come"), "do i need to bring anything" no new booking.
BOOKING_INTENTS = {"book_appointment", "cancel_appointment", "manage_booking", "choose_slot"}


def about_an_appointment(text: str) -> bool:
    """Whether the knowledge base answers this as a question about an appointment itself."""
    try:
        kb = knowledge.in_force(clock.today())
    except knowledge.KnowledgeError:
        return False
    topic = knowledge.match(text, kb, "resident")
    return topic is not None and topic.about_appointments


def question_topic(text: str) -> str | None:
    """The knowledge base's topic for this question, for the audience the words suggest."""
    try:
        kb = knowledge.in_force(clock.today())
    except knowledge.KnowledgeError:
        return None  # no answers for today's date: the dialogue carries on without them
    topic = knowledge.match(text, kb, audience(text))
    if topic is None and audience(text) == "employer":
        topic = knowledge.match(text, kb, "resident")
    return topic.key if topic is not None else None


_WEEKDAY = (
    r"(?:(?:mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?s?\b|(?:wednesday|weekend)s?\b)"
)
_FLOOR = (
    r"((wait|sorry|hang on|hold on|um+|erm+|oh|ok|okay|btw|quick question|just wondering|"
    r"before (that|we start|we go on))\W+)?"
)
_COST = (
    r"is (this|the service|this service|the chat|this chat|work local|all this|it all) free"
    r"( to use| of charge)?|"
    r"does (this|the service|this chat) cost (anything|money)|how much (does|will) (this|the "
    r"service|this chat) cost|do i (have to|need to|gotta) pay( anything| owt| money| a penny)?"
    r"( for (this|the service|any of this|using (this|it)))?|"
    r"is there (a|any) (cost|charge|fee)( for (this|the service))?"
)
_HOW_TO_USE = (
    r"halp|instructions|(what|wot|wat) (do|should|can) i (type|say|write)|(what|wot|wat) can i "
    r"do( here)?|what can i ask( you)?( about)?|what questions can (you|u) answer|(show|list|"
    r"give) me the options|how do i use (this|it)|how does this work"
)
# Words that say one thing so plainly the model's reading gives way to them.
_APPOINTMENT = r"(app?oi?n?t?ments?|appts?)"
_LOST = r"(lost|forgot\w*|deleted|don'?t have|dont have|can'?t find|cant find)"
_REF = r"ref(e?r+[ae]?n[cs]e)?"
PLAINLY = {
    # "can someone ring me back thursday about 11ish", "i want someone to ring me TODAY"; not
    # "you can't call me at work" or "the jobcentre said they would ring me"
    "request_callback": re.compile(
        r"^(?!.*\b(don'?t|dont|do not|not|never|no need to|can'?t|cant|cannot|no one|nobody|dare)"
        r"\s+(\w+\s+)?(ring|call|phone)\b)(?!.*\b(they|he|she|employer|jobcentre|job centre|work "
        r"coach|it)\b.{0,25}\b(will|would|'ll|going to|gonna|said|says)\b.{0,15}\b(ring|call|"
        r"phone) me).*(\b(ring|call|phone) me( back| today| tomorrow| later| asap| on| at| after| "
        r"before| in the| this| when| please| pls|\W*$)|\bcall ?back\b.{0,30}\b(please|pls|today|"
        r"tomorrow|asap)\b)",
        re.IGNORECASE,
    ),
    # "i did the questions yesterday and got a plan, can i see it again", "i lost my plan"
    "show_plan": re.compile(
        r"\b(see|get|have|show|find|open|send|view|look at)\b.{0,25}\bplan\b.{0,40}\b(again|"
        r"back)\b|\bplan\b.{0,40}\b(see|get|have|show|open|send|view)\b.{0,10}\b(it|that) (again|"
        r"back)\b|\bplan\b.{0,40}\bfrom (yesterday|before|last (time|week))\b|"
        r"\b(lost|can'?t find|cant find|where('?s| is)) (my |the |that )?(old |last )?plan\b",
        re.IGNORECASE,
    ),
    # "delete everything u know about me", "wipe this chat pls"
    "start_again": re.compile(
        r"\b(delete|wipe|erase|clear|forget|remove)\b(?!.{0,30}\b(appointment|booking|bookings)\b)"
        r".{0,25}\b(everything|chat|conversation|this|all|what i (said|told you)|about me|my "
        r"(data|details|answers|info|information)|it all)\b",
        re.IGNORECASE,
    ),
    # "I run a hair salon and want to take on a junior as an apprentice"
    "employer_enquiry": re.compile(
        r"\b(i|we) (run|own|manage) (a|an|the|my|our|small|local)\b.{0,40}\b(take on|taking on|"
        r"hire|hiring|recruit\w*|employ\w*|apprenti\w*|staff|workers|someone to)\b|"
        r"\b(my|our) (business|company|firm|salon|shop|cafe|garage|restaurant|practice)\b.{0,40}"
        r"\b(take on|hire|hiring|recruit\w*|employ|apprenti\w*|staff|workers)\b",
        re.IGNORECASE,
    ),
    # "that time is no good, can i have a different day" (not "change my appointment");
    # "none of them suit, i work tues and wed"
    # "i got a appointment next week but lost the number they gave me": find that one
    # "i booked to see someone but lost the ref number", "lost my booking reference"
    "cancel_appointment": re.compile(
        r"^(?!.*\b(job|work|employer|character|personal) ref).*?"  # a job's reference is not it
        rf"(?:\b{_APPOINTMENT}\b.{{0,60}}\b{_LOST}\b.{{0,25}}\b({_REF}|number|code|text|email|"
        r"message|confirmation)\b|"
        rf"\bbooked\b.{{0,60}}\b{_LOST}\b.{{0,25}}\b({_REF}|number|code|confirmation)\b|"
        rf"\b{_LOST}\b.{{0,25}}\b({_REF}|confirmation)\b.{{0,40}}\b({_APPOINTMENT}|booked)\b|"
        rf"\b{_LOST}\b.{{0,15}}\b({_APPOINTMENT}|booking) ({_REF}|number|code|confirmation)\b)",
        re.IGNORECASE,
    ),
    "book_appointment": re.compile(
        r"^(?!.*\b((my|the|our) (appointment|booking)|move|moving|change|changing|rearrange|"
        r"reschedule|come back|pop back|be back|call back)\b).*(\b(different|another|other) "
        r"(day|time|date)\b|\b(that|this) (time|day|date) (is|isn'?t|is not|was) (no good|"
        r"not good|bad|wrong)|\bcan'?t (make|do) (that|this|the) (time|day|date)\b|"
        r"\b(none of (them|those|these|the times)|neither of (them|those|these)|"
        r"(those|these|the) times)\b.{0,40}\b("
        rf"{_WEEKDAY}|morning|afternoon|evening|time|day|week)|\b(can'?t do|cant do|can'?t make|"
        rf"cant make) (on )?(a )?{_WEEKDAY})",
        re.IGNORECASE,
    ),
    # A word or two that can only mean one thing, said on its own: "operator", "nvm", "halp"
    "request_adviser": re.compile(
        r"^\W*((an?|the|live|real) ){0,2}(operator|agent|human|human being|person|adviser|advisor)"
        r"( please| pls| plz)?\W*$",
        re.IGNORECASE,
    ),
    "stop": re.compile(
        r"^\W*(pause|nvm|never ?mind|no more questions( please| pls)?|stop (it|this|now|please|pls)"
        r"( now| please| pls)?|leave me alone( now| please| pls)?)\W*$",
        re.IGNORECASE,
    ),
    # "wait is this free?", "do i have to pay", "wot can i do": a side question about the
    # service itself, after a word that only holds the floor. A question about cost may go on
    # ("…free? i cant afford it"); the others are the whole message ("what should i do now? ive
    # been out of work 2 years" asks for advice, not for how to use the chat).
    "help": re.compile(
        rf"^\W*{_FLOOR}(({_COST})(\W*$|\s*[?.!]+\s.{{0,100}}$)|({_HOW_TO_USE})\W*$)",
        re.IGNORECASE,
    ),
    # "tuesday afternoon", "any thursday after 4": a day, not "good afternoon" (it started the
    # conversation again while times were on screen)
    "inform": re.compile(
        rf"^\W*((any|a|the|on|next|this|maybe|prob|probably|ideally)\s+)*{_WEEKDAY}"
        r"(\s+(morning|afternoon|evening|(after|before|at|from|around)\s+\d{1,2}(:\d\d)?"
        r"(\s*(am|pm|ish))?|\d{1,2}(:\d\d)?(\s*(am|pm|ish))?|if (possible|poss)|please|pls))*"
        r"\W*$",
        re.IGNORECASE,
    ),
    # "ok lets go back to the questions"
    "career_advice": re.compile(
        r"^(?!.*\b(don'?t|dont|do not|not|no more)\b).*\b(go back to|back to|carry on with|"
        r"continue( with)?|finish|resume|do|start) (the |my )?(questions|assessment)\b",
        re.IGNORECASE,
    ),
}


def is_question(text: str) -> bool:
    """Shaped like a question: a question word or mark, or "can I", "do I"..."""
    try:
        kb = knowledge.in_force(clock.today())
    except knowledge.KnowledgeError:
        return "?" in text
    return bool(re.search(kb.question_pattern, knowledge.normalise(text)))


_MASHED_WORD = re.compile(
    r"^(?:[a-z]*([a-z])\1\1[a-z]*|[bcdfghjklmnpqrstvwxz]{4,}|[a-z]*(?:asdf|qwer|zxcv|hjkl|sdfg|"
    r"wert|xcvb)[a-z]*)$"
)
_SHORT_OK = {"hmm", "hmmm", "mmm", "zzz", "brrr", "grr", "grrr", "shh", "psst", "nvm", "pls", "thx",
             "thnx", "thnks", "gdpr", "hmrc", "cscs", "html", "sql", "btec"}  # fmt: skip


def mashed(text: str) -> bool:
    """Keys pressed at random ("qqq qqq", "asdfgh"): every word is one no one would type."""
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and all(_MASHED_WORD.match(w) and w not in _SHORT_OK for w in words)
