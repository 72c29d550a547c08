"""A rule-based safety net for messages about suicide, self-harm, abuse or nowhere to sleep.

The dialogue model has a ``crisis`` intent too, but a model can be unsure; these patterns do not
depend on its confidence. They are deliberately broad: answering a resident who is fine with
emergency numbers costs far less than missing one who is not. They avoid the everyday phrases
that only sound alarming ("killing it at work", "dying to start"). The common phrases of the
other languages residents most often write (Polish, Romanian, Urdu, Punjabi, Hindi, Bengali and
Persian in English letters, Arabic, Spanish, Portuguese, French, Italian, German, Turkish,
Russian, Ukrainian, Bulgarian, Somali, Amharic and Tigrinya, Vietnamese, and a few phrases each of
Lithuanian, Albanian, Kurdish, Pashto, Greek, Hungarian, Czech, Slovak, Nepali, Gujarati and
Chinese) are caught too, with and without their accents. What they do not read in another
language still gets the numbers (``bot.conversation.aftercare.other_language``). The patterns
name kinds of words (verbs of swallowing, medicines, places to sleep rough) rather than whole
sentences, so other wordings of the same danger are caught.
Measured against a labelled set (bot/safety/examples.yml) and a held-out one
(tests/fixtures/safeguarding_eleventh.yml; docs/benchmarks.md, "Safeguarding").
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Medicines residents name, by kind or by name (the common prescriptions, the opioids and
# benzodiazepines most often taken in an overdose), and the words for them in the other languages.
_MEDS = (
    r"(pills|tablets|paracetamol|painkillers|meds|medication|medicine|medicines|prescription|"
    r"antidepressants?|anti-?depressants?|sleeping\s+(tablets|pills)|sertraline|citalopram|"
    r"fluoxetine|mirtazapine|amitriptyline|diazepam|zopiclone|codeine|co-?codamol|tramadol|"
    r"ibuprofen|insulin|lithium|quetiapine|olanzapine|pregabalin|gabapentin|propranolol|morphine|"
    r"methadone|oxycodone|oxycontin|fentanyl|buprenorphine|subutex|dihydrocodeine|xanax|xans|"
    r"alprazolam|valium|lorazepam|clonazepam|temazepam|nitrazepam|etizolam|benzos|promethazine|"
    r"naproxen|aspirin|warfarin|metformin|venlafaxine|duloxetine|escitalopram|paroxetine|trazodone|"
    r"nortriptyline|lamotrigine|risperidone|aripiprazole|zolpidem|antihistamines?|nytol|pastillas|"
    r"p[ií]ldoras|p[ií]lulas|medicinas|comprimidos|rem[eé]dios|medicamentos|pastile(le)?|"
    r"medicamente(le)?|somnifere(le)?|tabletk\w*|tabletek|leki|lek[oó]w|pigu[lł]\w*|m[eé]dicaments|"
    r"cachets|somnif[eè]res|gol[iy]+a?n?|dawa[iy]+a?n?|pillole|compresse|ila[cç]\w*)"
)
# Street drugs: with a body in danger (breathing, heart, waking), an overdose. Coke, crack, spice,
# molly and smack are everyday words too ("had a coke", "windscreen crack", "Molly from work"),
# so they count only just after a verb of using them: "smoked crack", "on spice", "line of coke".
_STREET_NAMED = (
    r"(ket|ketamine|pingers|mdma|ecstasy|cocaine|heroin|mamba|gbl|ghb|fent|nitazenes?|"
    r"street\s+valium|benzos|xans?|meth|m-?cat|mephedrone|opiates|opioids)"
)
_EVERYDAY_DRUG = (
    r"(coke|crack|spice|molly|smack)(?!'s|\s+(off|at|to|home|up|from|round|back|repairs?|filler|"
    r"sealant|chaser|float|zero|cans?|bottles?|girls?|rack|jars?|in\s+the\s+(wall|ceiling|"
    r"windscreen|screen|plaster|pavement|road|floor|glass))\b)"
)
_STREET = (
    rf"({_STREET_NAMED}|(smoked|smoking|smokin|snorted|snorting|sniffed|injected|injecting|"
    r"dropped|using|on|lines?\s+of|bags?\s+of|bumps?\s+of|rocks?\s+of|pipe\s+of|key\s+of)\s+"
    rf"(some\s+|a\s+bit\s+of\s+|loads\s+of\s+)?{_EVERYDAY_DRUG}|(took|taken|taking|done|doing|"
    rf"did)\s+(some\s+|a\s+bit\s+of\s+|loads\s+of\s+){_EVERYDAY_DRUG}|(took|taken|taking|done|"
    rf"doing|did)\s+(?!molly){_EVERYDAY_DRUG})"
)
# Taken: the verbs residents use for swallowing or using something, slang and dialect too.
_TOOK = (
    r"(took|taken|tooken|swallowed|swallered|ate|eaten|had|necked|downed|popped|chugged|"
    r"drank|drunk|injected|snorted|mixed)"
)
# How much: a quantity makes taking tablets an overdose, and speaking of taking them a plan.
_MANY = (
    r"(a\s+load\s+of|loads\s+of|lots\s+of|a\s+lot\s+of|heaps\s+of|tons\s+of|a\s+bunch\s+of|"
    r"all\s+(of\s+)?(my|me|the|his|her|their|our)|every\s+one\s+of|(way\s+|far\s+)?(too|to|"
    r"2)\s+(many|much)(\s+of)?|double|(a\s+|the\s+|my\s+|his\s+|her\s+)?(big\s+|whole\s+|full\s+|"
    r"entire\s+)?(handfuls?|bottle|packet|box|strip|pack|tub|blister)(\s+(of|worth\s+of))?|(a|the|"
    r"my|his|her)\s+(whole\s+|full\s+|entire\s+)?(week|month)'?s?(\s+(of|worth\s+of))?|(the|my|his|"
    r"her|their)\s+(whole|entire)|(like\s+|about\s+|around\s+|over\s+)?\d{2,}|(\d|two|three|four|"
    r"five|a\s+couple\s+of)\s+(boxes|packets|packs|strips|bottles)(\s+of)?)"
)
# Whose and which: "my", "his nan's", "of my mum's", "the whole week's", "my dad's heart".
_WHOSE = r"((of\s+)?(my|me|his|her|their|our|the|your|ur)\s+)?(\w+'?s\s+)?(\w+\s+)?"
# At the end of one's tether, and nothing worth it: each alone is an everyday complaint ("i cant
# do this anymore, the course is too hard"), both together in one message are not.
_TETHER = r"\bcan'?t\s+(do|take|cope\s+with)\s+(this|it|any\s+of\s+this)\s+any\s*more\b"
_NOTHING_WORTH_IT = (
    r"\b((everything|it\s+all|all\s+of\s+it)\s+(is|'?s|feels|seems)\s+(so\s+|just\s+)?"
    r"(pointless|hopeless|meaningless)|nothing\s+(matters|means\s+anything))\b"
)
# "a load of tablets", "all my pills": taken, an overdose; to take, thoughts of suicide.
_MANY_PILLS = (
    rf"{_MANY}\s+{_WHOSE}{_MEDS}(?!\s+(to\s+(take|swallow|collect)|delivered|to\s+the|for\s+the|with\s+"
    r"me|from\s+the))"
)
_ALCOHOL = (
    r"(vodka|whisky|whiskey|wine|alcohol|gin|booze|cider|rum|beer|lager|brandy|tequila|drink|"
    r"spirits|sambuca)"
)
# A body in danger after taking something: the signs that need 999.
_SEVERE = (
    r"((can'?t|cant|cannot|struggling\s+to)\s+(breathe|breath|stay\s+awake|keep\s+my\s+eyes\s+open|"
    r"feel\s+my\s+(hands|legs|arms|face|feet))|(barely|hardly|not|isn'?t|stopped)\s+breathing|"
    r"(lips|face|fingers)\s+(are\s+|is\s+|have\s+|has\s+)?(gone\s+|going\s+|turning\s+|"
    r"turned\s+)?(blue|grey|gray|purple)|heart\s+(is\s+|'?s\s+)?(going\s+(mad|crazy|really\s+(fast|"
    r"slow))|racing|pounding|beating\s+(so\s+|really\s+)?(fast|slow))|seeing\s+double|(passed|"
    r"passing)\s+out|unconscious|unresponsive|fitting|seizure|(won'?t|wont|will\s+not|can'?t|"
    r"cant)\s+wake\s+(up|him|her|them)|(won'?t|wont|not|isn'?t)\s+respond(ing)?|(gone|turned|going|"
    r"turning)\s+(grey|gray|blue)|foaming\s+at\s+the\s+mouth)"
)
# The plainest signs, said of anyone: lips gone blue, breathing stopped.
_BLUE = (
    r"\b((lips|face|fingers)\s+(are\s+|is\s+|have\s+|has\s+)?(gone\s+|going\s+|turning\s+|"
    r"turned\s+)?(blue|grey|gray|purple)|(barely|hardly|isn'?t|stopped)\s+breathing)\b"
)
# Something taken, in the words that say so alone ("took" and "had" say it only with what).
_USED = (
    r"((swallowed|swallered)(?!\s+my\s+pride)|necked|downed(?!\s+tools)|popped(?!\s+(out|in|"
    r"round|over|by|to|into|down|up|off|back|home))|injected|snorted|overdosed|od'?d|"
    r"been\s+using|using\s+again|relapsed|(took|taken|had|drank|smoked)\s+(something|summat|"
    r"sumthin|stuff|some\s+stuff|((way\s+)?too\s+(much|many)|a\s+load|loads)(?=\s*([,.!;]|$|"
    rf"and\b|then\b|now\b|earlier\b|of\s+(it|them|that|those|stuff|something|{_MEDS}|"
    rf"{_STREET_NAMED})\b))))"
)
# Taken more than allowed: "took way more", "had more ... than the doctor said".
_MORE = rf"\b{_TOOK}\s+(way\s+|a\s+lot\s+|loads\s+|much\s+|far\s+)?more\b"
_THAN_ALLOWED = (
    r"\bthan\s+(the\s+doctor|the\s+gp|(the\s+)?prescribed|i('?m|\s+am)?\s+(meant|supposed|"
    r"should|allowed)|(it|the\s+box|the\s+label|the\s+packet)\s+says|the\s+(max|maximum|dose|"
    r"limit)|(the\s+)?recommended|you'?re\s+(meant|supposed))"
)
# Put out of somewhere that is not a home: "kicked out of college", "out of the group chat".
_NOT_HOME = (
    r"(?!\s+of\s+(my\s+|the\s+|a\s+)?(\w+\s+)?(college|school|class|course|uni|university|job|work|"
    r"team|club|form|lessons?|interview|meeting|pub|bar|shop|library|chat|group|game|server|gym|"
    r"party|cafe|café|restaurant|cinema|concert|match|stadium|festival|venue|nightclub))"
)
# Who at home can hurt someone.
_FAMILY = (
    r"(he|she|partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|ex|fiance|fianc[ée]e|dad|"
    r"mum|mom|father|mother|stepdad|stepmum|brother|sister|son|daughter|uncle|aunt|auntie|"
    r"cousin|grandad|grandma|in-?laws?|carer|fella)"
)
# A passport or papers taken or kept, said in the languages of the people most often trafficked
# to the UK (Polish, Spanish, Portuguese, Romanian, Bulgarian, Hindi, Amharic, Vietnamese).
_PAPERS_TAKEN = (
    r"\b(pasaport\w*|pasaporte|passaporte|paszport\w*|passport\w*|dokumenty|documentos|"
    r"documente(le)?)\b.{0,20}\b(bhi\s+)?(rakh|cheen|chheen|zabt|jabt)\s*(liya|lia|li|liye|"
    r"rakha)\b|\bzabra(li|[lł]|[lł]a)\s+(mi|nam)\s+(paszport\w*|dokumenty|dow[oó]d)|\b(tiene|"
    r"tienen|guarda|guardan|quit[oó]|quitaron|retiene|retienen|se\s+llev[oó])\s+(mi|mis|"
    r"nuestros?)\s+(pasaportes?|documentos|papeles)\b|\b(tem|t[eê]m|ficou\s+com|ficaram\s+com|"
    r"pegou|pegaram|tirou|tiraram)\s+(o\s+|os\s+)?(meu|meus|nossos?)\s+(passaportes?|documentos)\b|"
    r"\b(mi-?a|ne-?a|ne-?au|mi-?au)\s+luat\s+(pa[sșş]aport\w*|actele)|(взе|взеха|взял\w*|забра\w*|"
    r"отн[яе]л\w*|държ\w*|держ\w*|трима\w*|відібра\w*)\s+(\w+\s+)?паспорт|"
    r"паспорт\w*\s+(\w+\s+)?(взе|взеха|взял\w*|забра\w*|отн[яе]л\w*)|"
    r"\bpass?port\w*\s+w[ae]s[ae]d[ou]\w*|ፓስፖርቴን\s+ወሰዱ|\b(gi[uữ]|"
    r"l[aấ]y)\s+(\w+\s+)?h[oộ]\s+chi[eế]u\b"
)
# Each kind of danger has its own patterns and its own answer (actions/safety.py).
_KINDS: dict[str, list[str]] = {
    # Tablets already taken: a medical emergency before anything else.
    "overdose": [
        # "i give up, took some tablets": tablets taken said with giving up
        rf"\b((give|gave)\s+up(?!\s+(smoking|drinking|the\s+drink|vaping|sugar|booze))|had\s+enough|"
        rf"can'?t\s+do\s+this|done\s+with\s+(it|this|life))\b"
        rf".{{0,30}}\b(took|taken|swallowed|necked)\s+(some|all|loads\s+of|a\s+load\s+of|the|my)\s+"
        rf"{_MEDS}",
        r"\boverdosed\b(?!\s+on\s+(sugar|caffeine|coffee|chocolate|sweets|carbs|netflix|tv))|"
        r"\b(took|taken|had|done)\s+an\s+(overdose|od)\b|\bod'?(d|ed|ing)\b",
        rf"\b{_TOOK}\s+{_MANY_PILLS}",
        r"\b(i'?ve|i\s+have|just)\s+(taken|took|swallowed)\s+(some\s+)?(pills|tablets)\s*[.!]*$",
        r"\b(drank|drunk|swallowed|took|taken|had)\s+(some\s+)?(bleach|poison|antifreeze|"
        r"weedkiller)\b",
        rf"\b{_TOOK}\b.{{0,40}}\b(to\s+make\s+(it|everything)\s+(all\s+)?stop|so\s+i\s+(don'?t|"
        r"dont|won'?t|wont)\s+wake\s+up|to\s+not\s+wake\s+up)\b",
        rf"\bhow\s+many\s+{_MEDS}\s+(would|does|will|do)\s+(it\s+)?(take|kill|need)\b",
        rf"\b{_MEDS}\b.{{0,40}}\b(take|taking|swallow)\s+(them|it)\s+all\b",
        r"\b(injected|took|taken|had)\s+(extra|too\s+much|loads\s+of|all\s+my|double\s+my|"
        r"more)\s+insulin\b",
        # "more of my morphine than the doctor said": more than the dose, not a quantity named; a
        # medicine or a dose named (not "took more shifts than i'm allowed on universal credit")
        rf"{_MORE}.{{0,30}}\b({_MEDS}|{_STREET}|doses?|dosage)\b.{{0,30}}{_THAN_ALLOWED}",
        rf"{_MORE}.{{0,30}}{_THAN_ALLOWED}(.{{0,25}}\b(doses?|dosage)|.{{0,12}}\bof\s+{_WHOSE}"
        rf"{_MEDS})\b",
        rf"\b({_MEDS}|{_STREET}|doses?|dosage)\b.{{0,40}}{_MORE}.{{0,30}}{_THAN_ALLOWED}",
        rf"\b{_TOOK}\b.{{0,50}}\b{_MEDS}\b.{{0,30}}\b(in\s+one\s+go|all\s+at\s+once|at\s+once|"
        r"in\s+one\s+hit|on\s+purpose)\b",
        # With drink: "necked my meds with vodka", "mixed my diazepam with a litre of cider".
        rf"\b{_TOOK}\b.{{0,40}}\b{_ALCOHOL}\b.{{0,20}}\b(and|with|plus)\b.{{0,25}}{_MEDS}",
        rf"\b{_TOOK}\b.{{0,30}}{_MEDS}\b.{{0,20}}\b(with|and)\s+(a\s+(litre|bottle|pint|"
        r"can)\s+of\s+|some\s+|"
        rf"loads\s+of\s+)?{_ALCOHOL}",
        # A body in danger after pills or street drugs: breathing, lips, heart, not waking.
        rf"\b{_STREET}\b.{{0,100}}{_SEVERE}|\b{_SEVERE}.{{0,60}}\b{_STREET}\b",
        # (not "had my medication review, heart racing before the interview")
        rf"\b({_TOOK}|been\s+using|using\s+again)\b.{{0,60}}\b{_MEDS}\b(?!\s+(review|reviewed|check|"
        rf"checked|appointment|changed?|form|list))\b.{{0,80}}{_SEVERE}",
        # "she's been using again", not "i've been using indeed and my heart is racing"
        rf"\b(been\s+using(?=\s*([,.!;]|$|and\b|again\b|{_STREET_NAMED}|{_MEDS}))|using\s+again|"
        rf"relapsed)\b.{{0,80}}{_SEVERE}",
        # Blue lips or breathing stopped: with something taken, not on its own (choked, the cold,
        # a carer's client).
        rf"\b({_USED}|{_MEDS}|{_STREET})\b.{{0,80}}{_BLUE}|{_BLUE}.{{0,60}}\b({_MEDS}|"
        rf"{_STREET_NAMED}|(after|from)\s+((taking|using|having)\s+(something|stuff|it|them|"
        rf"{_MEDS}|{_STREET})|snorting|smoking|injecting|drinking))\b",
        # The other languages: all, a box of, too many tablets swallowed.
        r"\b(tomei|engoli|tom[eé]|me\s+tom[eé]|tragu[eé])\s+(todos\s+os|todas\s+as|todas\s+mis|"
        r"todos\s+mis|todas\s+las|todos\s+los|todas|todos|muit[oa]s|much[oa]s|demasiad[oa]s|"
        r"una\s+caja\s+(entera\s+)?de|uma\s+"
        rf"caixa\s+(inteira\s+)?de|\d{{2,}})\s+(\w+\s+)?{_MEDS}\b",
        rf"\b(tomei|engoli|tom[eé]|tragu[eé])\s+(\w+\s+){{0,2}}{_MEDS}\s+(todos|todas|da\s+caixa|"
        r"de\s+la\s+caja|de\s+uma\s+vez|de\s+golpe|de\s+una\s+vez)\b|"
        r"\btomei\s+(todos\s+os\s+)?(meus\s+)?(comprimidos|rem[eé]dios)\b|\bsobredosis\b",
        r"\b(pris|aval[ée])\s+(tou(s|tes)\s+(mes|les)|une\s+bo[iî]te\s+(de|d')|plein\s+de|"
        r"trop\s+de|\d{2,})\s*(\w+\s+)?(m[ée]dicaments|cachets|comprim[ée]s|pilules|somnif[eè]res)|"
        r"\bsurdose\b",
        r"\b(preso|ingoiato)\s+(tutte\s+le|tutti\s+i|troppe|troppi|una\s+scatola\s+di|"
        r"\d{2,})\s+(\w+\s+)?(pillole|pastiglie|compresse|farmaci|medicine|sonniferi)\b",
        r"\bam\s+(luat|[iî]nghi[tțţ]it)\s+(toate|o\s+cutie\s+(de|cu)|prea\s+multe|multe|"
        r"\d{2,})\s+(\w+\s+)?(pastile(le)?|medicamente(le)?|pilule(le)?|tablete(le)?|calmante(le)?|"
        r"somnifere(le)?)\b",
        r"\b(po[lł]kn[aąeę][lł](em|am|a)?|[lł]ykn[aąeę][lł](em|am|a)?|wzi[aąeę][lł](em|am|a)?|"
        r"za[zż]y[lł](em|am|a)?|zjad[lł](em|am|a)?)\s+(wszystkie|ca[lł][aąe]\s+(paczk[eę]|"
        r"opakowanie|list[eę])|du[zż]o|za\s+du[zż]o|gar[sś][cć]|\d{2,})\s+(\w+\s+)?(tabletk\w*|"
        r"tabletek|lek\w*|pigu[lł]\w*|proszk\w*)|\bprzedawkowa[lł]",
        # Hindi and Urdu in English letters: "saari neend ki goliyan kha li".
        r"\b(saari|sari|saare|sare|sab|bahut|bohot|bohat|zyada|jyada|zayada|poori|puri|"
        r"\d{2,})\s+(\w+\s+){0,3}(gol[iy]+a?n?|dawa[iy]+a?n?|tablets|pills)\s+(kha|khaa|nigal|"
        r"le)\s*(li|liya|lee|lin|liye|lia|lein)\b",
        r"\b(t[uü]m|b[uü]t[uü]n|hepsini|bir\s+kutu|bir\s+s[uü]r[uü]|\d{2,})\s+(\w+\s+)?(ila[cç]\w*|"
        r"hap\w*)\s+(\w+\s+)?(i[cç]tim|yuttum)\b",
        r"(выпил\w*|наглотал\w*|проглотил\w*|випил\w*|випив|наковтал\w*|проковтну\w*|"
        r"ковтнул\w*)\s+(все|всі|всю|много|багато|пачку|упаковку|\d{2,})\s+(\w+\s+)?(таблет\w*|"
        r"пігул\w*|пилюл\w*|ліки|ліків|лекарств\w*|снодійн\w*|снотворн\w*)|передозир|передозув",
        r"(أخذت|اخذت|بلعت|تناولت)\s+(كل|علبة|كثير\s+من|الكثير\s+من)\s+(ال)?(حبوب|أدوية|ادوية|دواء|"
        r"أقراص|اقراص)|جرعة\s+زائدة",
        # A child who swallowed something from the cupboard: poisoning, 999 or 111.
        r"\b(drunk|drank|swallowed|eaten|ate|licked|bitten|chewed)\s+(something|some|one\s+of\s+the)\s+"
        r"(\w+\s+)?from\s+under\s+the\s+sink\b|\b(drunk|drank|swallowed|eaten|ate|bitten|"
        r"chewed)\s+(some\s+|a\s+|one\s+of\s+the\s+|the\s+)?(washing[\s-]?up\s+liquid|dishwasher\s+"
        r"(tablets?|pods?)|washing\s+(pods?|tablets?|capsules?)|laundry\s+(pods?|capsules?)|liquitabs?|"
        r"cleaning\s+(stuff|products?|fluid|spray)|white\s+spirit|drain\s+cleaner|"
        r"e-?liquid|button\s+batter(y|ies))\b|\bswallowed\s+(a|the|some)\s+batter(y|ies)\b",
        # "diazepam with my methadone and a few cans? already done it": a question that is not one.
        rf"\b{_MEDS}\b.{{0,15}}\bwith\b.{{0,25}}\b({_MEDS}|{_ALCOHOL}|cans|drink)\b.{{0,60}}"
        r"\balready\s+(done|taken|took|had|necked)\s+(it|them|that|both)\b",
        # "taken 16 of the 500mg ones": a number of a strength, swallowed.
        rf"\b{_TOOK}\s+(like\s+|about\s+|around\s+|over\s+)?\d{{2,}}\s+of\s+(the|my|me|his|her)\s+"
        r"(\w+\s+)?\d+\s*mg\b",
        # Gone blue after a bag or a line: street drugs said without their names.
        r"\b(gone|turned|going|turning)\s+(blue|grey|gray)\b.{0,30}\bafter\s+(a|the|some)\s+(bag|"
        r"line|hit|bump|pill|tab|few\s+lines)\b|\bafter\s+(a|the|some)\s+(bag|line|hit|bump)\b"
        rf".{{0,60}}{_BLUE}",
        # Other languages: all the tablets swallowed (Lithuanian, Bulgarian, Turkish), a brother
        # who took many and does not wake (Portuguese), a whole packet (Russian, Ukrainian).
        r"\bi[sš]g[eė]r(iau|[eė])\s+(visas|daug|vis[aą])\s+(\w+\s+)?(tablet\w*|vaist\w*)",
        r"(изпих|изпи|глътнах|погълнах)\s+(всичките|всички|много|цяла\w*)\s+(\w+\s+){0,3}"
        r"(хапчета|таблетки|лекарства)",
        r"\b(bir\s+s[uü]r[uü]|[cç]ok|b[uü]t[uü]n|t[uü]m)\s+(\w+\s+)?hap\w*\s+(yuttu\w*|i[cç]ti\w*)\b",
        r"\b(tomou|tomaram|engoliu|tom[oó])\s+(muit[oa]s|tod[oa]s\s+[oa]s|much[oa]s|tod[oa]s\s+l[oa]s|"
        r"\d{2,})\s+(\w+\s+)?(comprimidos|rem[eé]dios|pastillas|p[ií]lulas|medicamentos)\b",
        r"(выпил\w*|випил\w*|випив)\s+(целую|цілу)\s+(упаковку|пачку)",
        # From the seventh set: a child into the handbag or the methadone; everything in the
        # medicine cabinet; foaming at the mouth.
        rf"\b(toddler|baby|son|daughter|little\s+(one|boy|girl|un)|kid|child|\d+\s*(year|yr)s?\s*"
        rf"old|\d+\s*yo)\b.{{0,60}}\b(ate|eaten|swallowed|drank|drunk|chewed)\s+(some\s+(of\s+)?|a\s+"
        rf"(load|lot|bottle|packet|box|capful)\s+of\s+|all\s+)?(my\s+|his\s+|her\s+|the\s+|their\s+)?(\w+'?s\s+)?"
        rf"(\w+\s+)?({_MEDS}|{_STREET_NAMED}|bleach|cleaning\s+stuff)\b",
        rf"\b(spice|drugs|gear|something|pills|{_STREET_NAMED})\b.{{0,60}}\bfoaming\s+at\s+the\s+mouth\b",
        r"\b(swallowed|necked)\s+(everything|all|whatever\s+was)\s+(in|from)\s+(the|my|our)\s+(medicine|"
        r"bathroom)\s+(cabinet|cupboard|drawer)\b",
        # Injected or took "something", then grey, not waking or not responding (not "been using
        # indeed", not "kitchen fitting").
        rf"\b(injected|snorted|necked\s+(something|some|a\s+load|loads|{_MEDS})|popped\s+(some\s+)?"
        rf"({_MEDS}|{_STREET_NAMED})|relapsed|using\s+again|(took|taken|had|smoked)\s+(something|summat|"
        rf"sumthin|some\s+stuff))\b.{{0,80}}{_SEVERE}",
        # Pills at a party, then burning up, confused or collapsed; a child into the dishwasher
        # tablets; tablets taken twice by mistake and faint.
        rf"\b(took|taken|had|dropped|necked)\s+(some\s+)?(pills|{_STREET_NAMED})\b.{{0,80}}\b(burning\s+up|"
        r"not\s+making\s+(any\s+)?sense|collapsed|overheating)\b|\b(pills|mdma|ecstasy)\b.{0,40}\b(meant\s+"
        r"to\s+be|were\s+(fake|dodgy|bad|laced))\b.{0,60}\b(collapsed|burning\s+up|really\s+ill)\b",
        r"\b(baby|toddler|son|daughter|kid|child|little\s+(one|boy|girl))\b.{0,30}\bgot\s+into\s+(the|my|"
        r"some|his|her)\s+(dishwasher\s+(tablets|pods|liquid)|washing\s+(pods|tablets|powder)|laundry\s+"
        r"(pods|capsules)|cleaning\s+(stuff|products)|bleach|(tablets|pills|meds|medicine)(?!\s+section))\b",
        r"\baccidentally\s+(taken|took|had)\b.{0,60}\b(twice|double|wife'?s|husband'?s|someone\s+else'?s)"
        r"\b.{0,60}\b(faint|dizzy|drowsy)\b",
        # Other languages: a child who drank liquid paracetamol (Romanian), bleach drunk by
        # mistake (Vietnamese), not breathing (Albanian), many pills eaten (Gujarati, Hindi).
        r"\ba\s+b[aă]ut\b.{0,30}\b(paracetamol|medicament\w*|sirop|pastile|clor|in[aă]lbitor)",
        r"\bu[oố]ng\s+(nh[aầ]m\s+)?thu[oố]c\s+(t[aẩ]y|ng[uủ]\s+(nhi[eề]u|c[aả]\s+l[oọ])|\w+\s+nhi[eề]u)",
        r"\bnuk\s+(po\s+)?merr\s+frym[eë]\b",
        r"\b(ghani|bahut|bohot|saari|sari|badhi)\s+(\w+\s+)?gol[iy]+a?n?\s+(khai|kha\s+li|khali|"
        r"kha\s+lidhi|le\s+li|kha\s+gaya|kha\s+gayi|kha\s+laiyan|kha\s+lai|kha\s+liyan)\b",
        # From the eighth set: overdid it on ket and pills; laced; a child who swallowed a
        # grandmother's tablets (Polish) or a bottle of cough medicine (Arabic); an overdose
        # (Vietnamese); medicine swallowed (Amharic).
        rf"\boverdid\s+it\s+on\s+(the\s+|my\s+)?({_STREET_NAMED}|{_MEDS}|pills|ket)\b",
        r"\b(think|thought|reckon)\s+(it|they|that)\s+(was|were|had\s+been)\s+laced\b|\blaced\s+with\s+"
        r"(something|summat|fent\w*|spice|ket|xylazine|nitazenes?)\b|\b(coke|pills|gear|drink|bag|stuff|weed|"
        r"ket|it)\s+(was|were|had\s+been)\s+(cut|spiked|laced)\s+with\s+(something|summat|sumthin)\b",
        r"\bpo[lł]kn[aą][lł]\w*\s+(\w+\s+)?(tabletk\w*|leki|lek[oó]w|pigu\w*)",
        r"شرب\s+(زجاجة|علبة)\s+(دواء|الدواء)|\bqu[aá]\s+li[eề]u\b|መድሃኒት\s+ዋጠ",
        # From the ninth set: dishwasher liquid; the spice and fitting; a needle still in the arm;
        # too many patches; the whole packet swallowed; fentanyl in the gear; other languages (a
        # cleaner drunk, too much heroin, a whole bottle of sleeping pills, cannot wake her, all my
        # pills eaten).
        r"\b(drunk|drank|swallowed|eaten|ate|chewed)\s+(some\s+(of\s+)?(the\s+|my\s+)?|a\s+bit\s+of\s+"
        r"(the\s+)?)?(dishwasher\s+(liquid|tablets?|pods?|powder|salt)|washing[\s-]?up\s+liquid|"
        r"bathroom\s+cleaner|toilet\s+cleaner|oven\s+cleaner|fabric\s+softener|bleach)\b",
        r"\bneedle\s+(still\s+)?in\s+(his|her|their)\s+(arm|leg|neck|groin)\b.{0,40}\b(barely|not|isn'?t|"
        r"stopped|won'?t)\b|\bon\s+the\s+spice\b.{0,80}\b(fitting|not\s+breathing|unconscious|seizure)\b",
        r"\btoo\s+many\s+(morphine|fentanyl|pain(killer)?|buprenorphine|butrans|opioid)\s+patch(es)?\b|\bswallowed\s+(the|a|my)\s+(whole|entire|full)\s+(packet|"
        r"box|bottle|strip|lot|tub)\b(?!\s+of\s+(crisps|sweets|biscuits|chocolate|gum|mints|cookies))",
        r"\bfentanyl\s+in\s+(the\s+)?(gear|bag|batch|heroin|pills|stuff)\b|\bsnoring\s+(weird|funny|"
        r"strange)\b.{0,40}\bafter\s+using\b",
        r"شرب\s+(منظف|كلور|مبيض)|твърде\s+много\s+(хероин|хапчета|лекарства)|一整瓶.{0,4}药|吃了.{0,6}安眠药|\bnem[uů][zž]u\s+(ji|ho)\s+probudit\b|\bheb[eê]n\s+xwe\s+xwarin\b|\bhem[uû]\s+heb[eê]n\b",
    ],
    "suicide": [
        # suicide, suicidal ("sucide" typed fast is caught below); not a job in prevention
        r"(?<!pattern is )(?<!rota is )(?<!shifts are )(?<!schedule is )(?<!hours are )"
        r"\bsu[i1]c[i1]d(?!e\s+(prevention|awareness|bereavement))",
        r"\bsucid",
        # "nobody will hire me, might as well be dead", "wats the point of living"
        r"\b(might|may|could)\s+as\s+well\s+(be\s+dead|die|not\s+be\s+here|kill\s+my\s*self|end\s+"
        r"it(\s+all)?)\b|\b(what'?s|whats|wats|wots)\s+(the|da)\s+point\s+(of|in)\s+(living|life|"
        r"being\s+alive|being\s+here)\b",
        r"\bkill(ing)?\s+my\s*self\b",
        r"\bkms\b",
        r"\bend(ing)?\s+(it\s+all|my\s+life|things)\b",
        r"\b(want|wanna|going)\s+(to\s+)?die\b(?!\s+(my|your|his|her|the|our)\s+(hair|clothes|"
        r"t-?shirts?|shirts?|jeans|fabric|wool|roots))",
        r"\bdon'?t\s+want\s+to\s+(live|be\s+alive|be\s+here\s+anymore|wake\s+up)\b",
        r"\bno\s+(reason|point)\s+(to|in)\s+(live|living|go(ing)?\s+on)\b|\bno\s+(reason|"
        r"point)\s+for\s+me\s+(to|in)\s+(be(ing)?\s+alive|live|living|exist\w*|stay(ing)?\s+alive|"
        r"go(ing)?\s+on)\b",
        r"\b(decided|made\s+up\s+my\s+mind|ready|feel\s+like)\s+(to\s+)?end(ing)?\s+(it|it\s+all|"
        r"things|my\s+life)\b(?!\s+(with|between))|\bcan'?t\s+keep\s+my\s*self\s+safe\b",
        r"\bbetter\s+off\s+dead\b",
        r"\btake\s+my\s+(own\s+)?life\b",
        r"(?<!cover )(?<!covers )(?<!covered )(?<!covering )\boverdose\b(?!\s+on\s+(coffee|caffein"
        r"e|sugar|chocolate|sweets|"
        r"carbs|energy\s+drinks|red\s+bull|monster|netflix|tv|telly))(?!\s+(management|awareness|"
        r"training|prevention|response|first\s+aid|kits?|"
        r"course|module))|\bod'?d\b",
        rf"\b(take|taking)\s+{_MANY_PILLS}(?!\s+(in\s+the|every|each|at\s+(night|bedtime)|"
        r"with\s+(food|water)|as\s+prescribed|on\s+time))",
        r"\b(don'?t|dont|do\s+not|can'?t|cant|cannot)\s+see\s+(the|any)\s+point\s+(in|of)\s+"
        r"(living|life|going\s+on|being\s+here|carrying\s+on)",
        r"\b(no\s*one|nobody)\s+(would|will)\s+miss\s+me\b",
        r"\blife\s+(is\s*n'?t|is\s+not|not)\s+worth\s+living\b",
        # "life is pointless", "my life feels meaningless" (not "my work life is pointless"; a
        # course, a job or the job centre being pointless is an everyday complaint)
        # "life" alone or "my life", never another noun's ("student life", "my working life")
        r"(?:^|[.!?,;]\s*|\b(?:and|but|so|honestly|just|tbh|cos|coz|because|feel like|think)\s+|"
        r"\bmy\s+)(?:life|living|existing|being\s+alive)\s+(is|feels|seems|'?s)\s+"
        r"(so\s+|just\s+|completely\s+|totally\s+|utterly\s+)?(pointless|meaningless)\b",
        # "i cant do this anymore everything is pointless": at the end of one's tether and
        # nothing worth it, in either order
        rf"{_TETHER}.{{0,40}}{_NOTHING_WORTH_IT}|{_NOTHING_WORTH_IT}.{{0,40}}{_TETHER}",
        # Only at the end of a message: "I can't go on the course" and "jump at the chance".
        r"\bcan'?t\s+go\s+on(\s+like\s+this)?(\s+any\s*more|\s+living)?\s*[.!]*$",
        r"\bwhat'?s\s+the\s+point\s+(in|of)\s+(living|life|going\s+on(?!\s+(a|an|the|to|with)\b)|"
        r"being\s+alive|me|myself|it\s+all|existing)\b(?!\s+(applying|trying|going|doing|getting|"
        r"bothering|learning|studying|working|taking|sending))",
        r"\b(going|want|wanna)\s+to\s+jump(\s+off\b.*)?[.!]*$",
        r"\bend(ing)?\s+everything\s*[.!]*$",
        r"\b(had|have|had\s+just\s+about)\s+enough\s+of\s+(life|living|being\s+alive|it\s+all)\b",
        r"\bwant\s+to\s+disappear\s+(forever|for\s+good|and\s+never)",
        r"\b(giving|give|given)\s+up\s+on\s+(everything|life|living|it\s+all)\b",
        r"\bwant\s+(it|everything|it\s+all)\s+to\s+(stop|end)\s*[.!]*$",
        r"\b(don'?t|do\s+not)\s+want\s+to\s+(carry|go)\s+on(\s+any\s*more)?\s*[.!]*$",
        r"\bcan'?t\s+carry\s+on(\s+like\s+this)?(\s+any\s*more|\s+living)?\s*[.!]*$",
        r"\b(everyone|everybody|they|my\s+family|my\s+kids)\s+(would\s+be|'?d\s+be|are|is)\s+better"
        r"\s+(off\s+)?without\s+me\b",
        # "everyone be better off without me", "the world would be better without me" (not
        # "the shop is better off without me, i was rubbish at tills")
        r"\b(everyone|everybody|every\s*1|they|people|the\s+world|we|the\s+kids|my\s+(family|"
        r"kids|children|mum|mom|dad|partner|wife|husband|son|daughter|friends|girlfriend|"
        r"boyfriend))\b[^.!?]{0,20}\b(better|happier|fine)\s+(off\s+)?without\s+me\b",
        r"\b(better|easier|happier)\b.{0,30}\bif\s+i\s+((was|were|'?m|am)\s+(gone|dead)|"
        r"(was\s*n'?t|wasnt|was\s+not|were\s*n'?t|werent|were\s+not)\s+(around|here|alive|born))\b",
        r"\bbetter\s+off\s+not\s+(waking\s+up|being\s+(here|alive|around)|existing|living)\b",
        # "whats the point of anything anymore", "no point living anymore"
        r"\bwhat'?s\s+the\s+point\s+(of|in)\s+anything(\s+any\s*more)?\s*([.!?,]|$)",
        # "no point living anymore" (not "no point living in this town, there are no jobs")
        r"\bno\s+(reason|point)\s+(living|going\s+on|being\s+alive)(\s+(any\s*more|like\s+"
        r"this))?\s*([.!?,]|$)",
        r"\b(sleep|go\s+to\s+sleep)\s+and\s+(never|not)\s+wake\s+up\b",
        r"\bways\s+to\s+(die|kill\s+(my\s*self|yourself))\b|\bhow\s+to\s+(kill\s+(my\s*self|"
        r"yourself)|end\s+it\s+all|die\s+painlessly)\b",
        r"\b(goodbye|suicide|farewell)\s+(note|letter)s?\b",
        r"\b(pills|tablets)\s+(saved|stockpiled|hidden|ready)\b|\b(pills|tablets|"
        r"meds)\b.{0,20}\b(lined\s+up|"
        r"counted\s+out|laid\s+out)\b|\b(staring|stare|stared)\s+at\s+(the|my|"
        r"a)\s+(\w+\s+)?(blades?|razors?|"
        r"pills|tablets|rope|noose)\b|\b(saving|stockpiling)\s+(up\s+)?"
        r"(pills|tablets)\b",
        r"\bhang(ing)?\s+(my\s*self|meself|masel|mesel|mysel)\b|\bnoose\b",
        r"\b(don'?t|do\s+not)\s+want\s+to\s+exist\b|\bwish\s+i\s+(was|were)\s+(dead|never\s+born|"
        r"n'?t\s+(alive|born|here))\b",
        r"\bwant\s+out\s+of\s+(life|this\s+life|it\s+all)\b",
        r"\b(going\s+to|gonna|gonnae|gunna|finna|want\s+to|wanna|plan\s+to|a\s+plan\s+to|"
        r"ready\s+to|will|i'?ll)\s+"
        r"end\s+(it|it\s+all|myself)\b(?!\s+(by|before|on|this|next|in|at|for|off|with))",
        r"\bfinish\s+(it|myself)\s+(tonight|for\s+good|once\s+and\s+for\s+all)\b|\btonight\b.{0,20}"
        r"\bfinish\s+it\s*[.!]*$",
        r"\b(easiest|quickest|best|painless|fastest)\s+way\s+to\s+(die|kill\s+(my\s*self|"
        r"yourself))\b",
        r"\bburden\s+(to|on)\s+(everyone|everybody|my\s+family|them\s+all|people)\b",
        r"\bno\s+way\s+out(\s+for\s+me)?\s*[.!]*$",
        r"\b(stop|quit)\s+existing\b|\bsleep\s+forever\b|\bnot\s+be\s+here\s+any\s*more\s*[.!]*$",
        # Indirect: easier without them, a plan decided, a place or a means, pain to end forever.
        r"\b(easier|better)\b.{0,30}\bif\s+i\s+(was\s*n'?t|was\s+not|were\s*n'?t|were\s+not|"
        r"wasnt|werent)\s+(around|here|alive|born)\b",
        r"\bif\s+i\s+(was\s*n'?t|wasnt|were\s*n'?t|werent)\s+(here|around|alive)\s+any\s*more\b",
        r"\b(decided|planned|worked\s+out)\s+(how|when|where)\s+(i'?m|i\s+am|im|i'?ll|i\s+will)\s+"
        r"(going\s+to\s+|gonna\s+)?(do|end)\s+it\b",
        r"\b(standing|stood|stand|sitting|sat|sit)\s+(on|at|by)\s+the\s+edge\s+of\s+(the\s+|a\s+)?"
        r"(platform|bridge|roof|cliff|building|tracks)\b",
        r"\b(bought|got|buy|ordered|found)\s+(a\s+|some\s+)?rope\s*[.!]*$",
        r"\bwant\s+(the\s+)?(pain|it|this|everything|all\s+this)\s+to\s+(end|stop)\s+(forever|"
        r"for\s+good|permanently)\b",
        r"\b(no\s*one|nobody|noone|none\s+of\s+them)\s+(cares|would\s+care|will\s+care|care)\s+(if|"
        r"whether)\s+i\s+(live|die|lived|died|was\s+gone|disappeared)\b",
        # "won't be around much longer"; not "won't be around next week" (a holiday, a shift)
        r"\b(won'?t|will\s+not|wont)\s+be\s+(around|here)\s+(much\s+longer|"
        r"for\s+(much\s+)?long(er)?|"
        r"any\s*more)\b(?!\s+(after|from|until|till|by|in|on|next|this|when))|"
        r"\b(won'?t|wont|will\s+not)\s+be\s+needing\s+(it|this|them|any\s+of\s+it)\b.{0,40}"
        r"\b(won'?t|wont|will\s+not)\s+be\s+(around|here)\b",
        r"\b(tired|sick)\s+of\s+(living|being\s+alive|life|existing)\b(?!\s+(with|in|at|on|here|"
        r"there|like|off|out\s+of|from|under))",
        r"\b(written|wrote|writing|left)\s+(a\s+)?(letters?|notes?)\s+(for|to)\s+(my\s+)?(kids|"
        r"children|sister|brother|nan|gran|best\s+mate|friends|family|mum|mom|dad|partner|wife|"
        r"husband|everyone|son|daughter)\b",
        r"\b(no\s*one|nobody|noone)\s+(would|will|'?d)\s+(even\s+)?(notice|care|"
        r"miss\s+me)\b.{0,25}\bif\s+"
        r"i\s+(was|were|am|died)\b",
        r"\b(won'?t|wont|will\s+not|not\s+going\s+to)\s+be\s+alive\b",
        r"\b(plan\w*|thinking|decided|thought|worked\s+out)\s+(about\s+|out\s+)?(how|when|"
        r"where)\s+to\s+(end\s+(it|my\s+life)|do\s+it|kill\s+my\s*self|die)\b",
        r"\b(nebenoriu|nenoriu)\s+(daugiau\s+)?gyventi\b",
        r"\btonight\s+(is|'?s)\s+the\s+night\b|\b(after|when|once)\s+(i'?m|im|i\s+am)\s+(gone|"
        r"dead)\b",
        r"\b(step\w*|jump\w*|walk\w*|throw\w*\s+my\s*self|lie|"
        r"lying)\s+(out\s+)?in\s+front\s+of\s+(a|the)\s+(\S+\s+)?"
        r"(train|bus|lorry|car|truck|tube)\b(?!\s+(station|stop|shelter|depot|lane))",
        r"\bmy\s+last\s+(message|text|post|words)\s+(to\s+(anyone|anybody|you\s+all|everyone)|"
        r"ever)\b",
        r"\bhose\b.{0,40}\bexhaust\b|\bexhaust\b.{0,40}\bhose\b|"
        r"\bhose\s+(is\s+)?(already\s+)?(sorted|"
        r"ready|attached|fitted|taped)\b",
        r"\b(looking|staring|stood|standing|going|went)\s+(at|to|on)\s+the\s+(bridge|cliff|railway|"
        r"tracks|roof)\b.{0,60}\b(tonight|every\s+day|jump|the\s+night)\b",
        r"\b(sleep|go\s+to\s+sleep)\s+forever\b",
        # Slang and euphemisms for suicide ("unalive", "sewerslide", "self delete"), and the ways
        # "kill myself" is typed fast.
        r"\bun-?aliv(e|ing|ed)\b(?!\s+(him|her|them|you|the|a|that|this)\b)|\bsewer\s*slide\b|"
        r"\bself[\s-]?delet(e|ing)\b",
        r"\bkill(ing)?\s+(me\s*self|meself|mysef|myslef|myseld)\b|"
        r"\bshoot(ing)?\s+my\s*self\b(?!\s+in\s+"
        r"the\s+(foot|feet))",
        # Someone who has decided: a last week, no need for things "where I'm going", done with it.
        r"\b(this\s+is|it'?s|today\s+is|tonight\s+is|this\s+will\s+be)\s+my\s+last\s+(day|night|"
        r"week|weekend)\s+(alive|on\s+(this\s+)?earth|here|anyway|ever)\b",
        r"\b(i'?m|im|i\s+am)\s+done\s+with\s+(life|living|being\s+alive|this\s+life)\b|\b(i'?m|im|"
        r"i\s+am)\s+done\s+with\s+(it\s+all|all\s+of\s+it|"
        r"everything)\s*([.!]+\s*\w+\s*\w*\s*\w*\s*[.!?]*)?$",
        r"\b(won'?t|wont|will\s+not|don'?t|dont)\s+need\s+(\w+\s+){1,3}where\s+(i'?m|im|"
        r"i\s+am)\s+going\b",
        r"\b(what'?s|whats|what\s+is)\s+the\s+point\b.{0,60}\b(won'?t|wont|"
        r"will\s+not)\s+be\s+(here|"
        r"around|alive)\b(?!.{0,40}\b(moving|move|holiday|abroad|away|travel\w*|relocat\w*|"
        r"leaving\s+the))",
        r"\b(want|wanna|wish)\s+(to\s+|2\s+)?be\s+dead\b|\b(want|wanna)\s+2\s+die\b|"
        r"\bhope\s+i\s+(don'?t|dont|never|do\s+not)\s+wake\s+up\b",
        r"\b(don'?t|dont|do\s+not|dinnae|dinna|no|not)\s+(want|wantin[g']?|wanna)\s+(to\s+|tae\s+|"
        r"ta\s+)?(be\s+(here|around|alive)\s+(any\s*more|nae\s+mair|no\s+more|no\s+longer)|"
        r"be\s+alive|live\s+(any\s*more|no\s+more|nae\s+mair))\b",
        r"\b(saved|saving|stockpil\w+|hoard\w*|stash\w*|been\s+saving)\s+(up\s+)?(all\s+)?(my\s+|"
        r"the\s+|some\s+)?(pills|tablets|meds|medication|painkillers|paracetamol|sleeping\s+(pills|"
        r"tablets))\b",
        # A farewell: a goodbye message, then no answer.
        r"\b(saying|said|says|say|sent\s+(me\s+)?(a\s+)?(msg|message|"
        r"text)\s+saying)\s+goodbye\b.{0,80}\b(won'?t|wont|not|isn'?t|can'?t|cant|"
        r"doesn'?t)\s+(pick\s+up|picking\s+up|answer\w*|repl(y|ying)|respond\w*)|"
        r"\bsorry\s+for\s+everything\b.{0,40}\b(goodbye|bye|love\s+you|tell\s+(my|them|her|him))|"
        r"\b(goodbye|bye)\b.{0,30}\bsorry\s+for\s+everything\b",
        # A high place: standing on a bridge or a ledge, jumping off a multi-storey.
        r"\b(standing|stood|stand|sitting|sat|sit)\s+(on|at)\s+(the\s+|a\s+)?(bridge|cliff|"
        r"tracks|railway\s+line|parapet|top\s+of\s+the\s+(car\s+park|multi[\s-]?storey|building|"
        r"block))\b",
        r"\b(jump|jumping|jumped|leap\w*|throw\w*\s+my\s*self|chuck\w*\s+my\s*self)\s+(off|"
        r"from)\s+(the\s+|a\s+|that\s+)?(\w+\s+){0,2}(bridge|roof|building|multi[\s-]?storey|"
        r"car\s+park|cliff|balcony|tower|flyover|block\s+of\s+flats|top\s+floor|window)\b(?!.{0,30}\bthan\b)",
        # Self-harm (not a support worker's "people who self harm").
        r"(?<!who )(?<!used to )\bself[\s-]?harm(?!\s+(awareness|training|course|policy|team))",
        r"\b(hurt|hurting|cut|cutting|cuttin|harm|harming|burn|burning|punch|punching|bite|"
        r"biting)\s+my\s*sel[fv]e?s?\b",
        r"\b(wrists?|arms?|legs?)\s+(are\s+|is\s+)?(bleeding|cut\s+up)\b|\bcut\s+(too\s+deep|"
        r"my\s+(wrists?|arms?|legs?|thighs?))\b",
        r"\b(scratch\w*|hit\w*|punch\w*|bang\w*|bit\w*|burn\w*)\s+(my\s+|ur\s+|your\s+|"
        r"me\s+)?(arms?|legs?|head|skin|myself)\b.{0,25}\b(bleed\w*|blood|bruise\w*)",
        # Their own arms or legs, as a habit, or with what they use ("burnt my arm on the oven"
        # is an accident: one arm, in the past, no blade).
        r"\b(burn|burns|burning|cut|cuts|cutting|slash\w*|scratch|scratches|scratching|carv\w*)\s+"
        r"(into\s+)?my\s+(arms|legs|wrists|thighs|skin|stomach|body)\b",
        # "scrathced my arms wid a compass": the scratch however it is typed, "with" however said
        r"\b(burn\w*|cut\w*|slash\w*|scr\w*|hurt\w*|carv\w*|stab\w*|jab\w*)\s+(into\s+)?my\s*(self|"
        r"arms?|legs?|wrists?|thighs?|skin|stomach)\s+(again\s+)?(with|wid|wiv|w/|using)\s+(a\s+|"
        r"the\s+|my\s+)?(lighter|blade|razor|knife|cigarette|scissors|compass|glass|needle|pin|"
        r"sharpener)\b",
        r"\b(started|been|keep|kept|back\s+to)\s+(cutting|harming)\s+(again|myself)\b|"
        r"\b(started|been|keep|kept|back\s+to)\s+(burning|hurting)\s+myself\b",
        # "sh" for self-harm: "been sh again", "6 months clean from sh", "urge to sh"
        r"\b(been|started|relapsed?|doing|did|urges?\s+to|want\s+to|clean\s+from|free\s+from)\s+"
        r"(sh|s/h)\b|\bsh\s+again\b",
        r"\bcuts?\b.{0,25}\b(i\s+did\s+(myself|to\s+myself)|did\s+myself|self[\s-]inflicted)\b",
        r"(\b(i|i'?ve|ive|i\s+have)\s+|^\W*)(burn\w*|cut\w*|hurt\w*|hit\w*|scald\w*|punch\w*|"
        r"starv\w*|(put|poured)\s+boiling\s+water)\b.{0,40}\bon\s+purpose\b"
        r"(?!.{0,20}\b(to\s+(test|check|see)|accident))",
        r"\b(feel\s+like|want\s+to|wanna|urge\s+to|tempted\s+to|gonna|going\s+to)\s+(cut|cutting|"
        r"self[\s-]?harm|sh|hurt(ing)?\s+my\s*self|burn(ing)?\s+my\s*self)\b(?!\s+(my|your|the|his|"
        r"her|our|down|back|costs|hours|losses|ties|hair|corners))",
        r"\b(cutting|cut|harming|hurting|burning)\s+(him|her|them)sel(f|ves)\b",
        r"\bme\s+corto\s+(los\s+brazos|las\s+piernas|las\s+mu[ñn]ecas)\b|\bme\s+hago\s+da[ñn]o\b|"
        r"\bautolesi",
        # "sh'd", "sh urges", "been cutting since year 9": self-harm in its own shorthand.
        r"\brelapsed\b.{0,20}\b(cut|cutting|harm\w*|burn\w*|sh)\b|\bsh'(d|ed|ing)\b|\b(sh|s/h|"
        r"self[\s-]?harm|cutting)\s+urges?\b|\burges?\s+to\s+(cut|sh|"
        r"self[\s-]?harm|hurt\s+my\s*self|burn\s+my\s*self)\b",
        r"\b(been|started|keep|kept|back\s+to|relapsed\s+into)\s+(cutting|harming)\s*(since|"
        r"for\s+(years|months|ages|a\s+while|\d+)|again|([.!?,]|$))",
        # Arms hidden, a wound "still open", "did it again": a self-harm wound spoken of.
        r"\b(wear|wearing|show|showing)\s+(short\s+sleeves|t-?shirts?|shorts|a\s+skirt|"
        r"vest\s+tops?)\b.{0,20}\b(because|bc|cos|coz|cause|as)\s+of\s+(my\s+)?(arms|legs|scars|"
        r"cuts|marks|wrists|thighs)\b",
        r"\b(my\s+)?(arms?|wrists?|legs?|thighs?)\b.{0,80}\b(did\s+it\s+again|still\s+(open|"
        r"bleeding)|(won'?t|wont|will\s+not)\s+stop\s+bleeding)\b|\b(deep|"
        r"deeper)\b.{0,40}\b(won'?t|wont|will\s+not|can'?t|cant)\s+stop\s+bleeding\b",
        # (not a child's burns that "his mum does with the iron": abuse, below)
        r"(?=\b(fresh|new|deep|open|self|cuts|scars|wounds|burns))"
        r"(?!.{0,200}\b(says|said|told\s+me)\s+(his|her|their)\s+\w+\s+(does|did|done)\s+(it|them|that)\b)"
        r"(?:\b((fresh|new|deep|open|self[\s-]inflicted)\s+)?(cuts|scars|wounds|burns)\s+(on|"
        r"all\s+over|up)\s+(my|his|her|their|ur|your)\s+(\w+'?s\s+)?(arms|legs|wrists|thighs|"
        r"stomach)\b|\b(fresh|new|deep|open|self[\s-]inflicted)\s+(cuts|scars|wounds|burns|"
        r"marks)\s+(on|all\s+over|up)\s+(my|his|her|their|ur|your)\s+(\w+'?s\s+)?(arm|leg|wrist|"
        r"thigh|body)\b)",
        r"\b(made|make|did|done)\s+(a\s+|another\s+)?(cut|cuts)\s+(on|in|into|"
        r"across)\s+my\s+(arms?|legs?|"
        r"wrists?|thighs?|stomach|skin)\b",
        r"\b(razor|razors|blades?)\s+(hidden\s+)?(in|under)\s+(my|his|her|their)\s+(pencil\s+case|"
        r"drawer|room|pillow|mattress|phone\s+case|bedroom)\b",
        r"\b(blade|blades|razor|razors|sharpener)\b.{0,30}\b(in\s+my\s+hand|next\s+to\s+me|"
        r"beside\s+me|in\s+front\s+of\s+me|on\s+my\s+(bed|lap)|rn|right\s+now|apart)\b",
        # Hitting or scratching until it bleeds or cracks, as a habit or a punishment.
        r"\b(keep|kept|keeps|been|can'?t\s+stop|cant\s+stop|started)\s+(hitting|banging|punching|"
        r"smashing|slamming|headbutting)\s+(my\s+)?(head|fists?|hands?|knuckles|myself)\b",
        r"\b(hit\w*|bang\w*|punch\w*|smash\w*|slam\w*|headbutt\w*|scratch\w*|pick\w*|bit|bite|"
        r"biting|claw\w*)\b.{0,40}\b(til|till|until|untill)\s+((it|they|i)\s+(bleed\w*|bled|"
        r"bruis\w*|scar\w*|see\s+stars)|my\s+\w+\s+(bleed\w*|bled|bruis\w*|crack\w*|split|broke|"
        r"scar\w*))\b",
        r"\b(hurt\w*|punish\w*|cut\w*|burn\w*|starv\w*|punch\w*|"
        r"hit\w*)\s+my\s*self\b.{0,40}\bdeserve|"
        r"\bi\s+deserve\s+(to\s+(suffer|hurt|bleed|die|be\s+punished|feel\s+pain)|the\s+pain|"
        r"pain)\b",
        r"\b(starv\w*|mak\w*)\s+my\s*self\s+(sick|throw\s+up|vomit)\b(?!\s+(with|over|about)\s+"
        r"(worry|stress|nerves|anxiety|it|this|the))|"
        r"\bstarv\w*\s+my\s*self\b.{0,40}\b(on\s+purpose|punish\w*|for\s+days|faint\w*)",
        r"\b(starv\w*|hurt\w*|cut\w*|burn\w*|hit\w*|punch\w*|"
        r"mak\w*)\s+my\s*self\b.{0,60}\b(as\s+(a\s+)?"
        r"punishment|to\s+punish\s+my\s*self)\b",
        r"\bcut\s+too\s+deep\b|\b(went|gone)\s+too\s+deep\s+(this\s+time|again)\b|\b(cuts?|wrists?|"
        r"arms?|legs?)\b.{0,25}\b(won'?t|wont|will\s+not|"
        r"can'?t|cant)\s+stop\s+bleeding\b",
        # In the other languages residents most often write (see the module's docstring).
        r"\bchc[eę]\s+umrze[cć]|\bzabij[eę]\s+si[eę]\b|\bsamob[oó]j",
        r"\bsi[eę]\s+zabi[cć]\b|\bnie\s+chc[eę]\s+(ju[zż]\s+)?[zż]y[cć]\b",
        r"\b(bidi|badi|biddi|abi|abgha|areed|ureed)\s+a?moo?t\b",
        r"\bjaan\s+(lena|le\s+lun|dena|de\s+dun)\b|\bkhud\s+ko\s+(maar|khatam)",
        r"\bno\s+quiero\s+(vivir|seguir\s+viviendo)\b|\bn[aã]o\s+quero\s+(mais\s+)?viver\b",
        r"\bvreau\s+s[aă]\s+mor\b|\bsinucid",
        r"\bmarna\s+chah(ta|ti|tay)\b|\bkhud\s*kushi\b",
        r"[أا]ريد\s+[أا]ن\s+[أا]موت|[أا]نتحر|انتحار",
        r"\bquiero\s+morir|\bme\s+quiero\s+matar\b|\bsuicidarme\b",
        r"\bquero\s+(morrer|me\s+matar)\b|\bje\s+veux\s+mourir\b",
        r"\bs[aă]\s+m[aă]\s+(omor|sinucid)|\bnu\s+mai\s+vreau\s+s[aă]\s+tr[aă]iesc\b",
        r"\bmar(na|\s+jana|\s+jaun|\s+jaaun)\s+(hai|h|chahta|chahti|chahunga|chahungi)\b|"
        r"\bjee?na\s+(nahi|nahin|nai)\s+(chahta|chahti|hai)\b|\bmar\s+jana\s+chah",
        r"\ben\s+finir\b|\bme\s+(tuer|suicider)\b|\bquitarme\s+la\s+vida\b|"
        r"\bacabar\s+com\s+(a\s+minha\s+vida|tudo)\b",
        r"\bnoriu\s+mirti\b|\bnusi[zž]udyti\b|[öo]lmek\s+istiyorum\b|\bintihar\b|"
        r"\bis\s+dil(ayaa|o)\b|\binaan\s+dhinto\b",
        r"\bsko[nń]czy[cć]\s+ze\s+sob[aą]\b|\bchc[eę]\s+si[eę]\s+zabi[cć]\b",
        # Self-harm in the other languages: "mi-am tăiat mâinile", "pocięłam się", "kolumu kestim".
        r"\b(mi-?am|m-?am)\s+t[aă]iat\s+(pe\s+)?(m[aâ]inile|m[aâ]na|venele|bra[tțţ]ele|bra[tțţ]ul|"
        r"picioarele|[iî]ncheieturile|[iî]ncheietura)\b|\b[iî]mi\s+fac\s+r[aă]u\b|\bautomutil",
        r"\bsi[eę]\s+poci[eę][lł](am|em|a)?\b|\bpoci[eę][lł](am|em)\s+si[eę]\b|"
        r"\bpoci[aą][cć]\s+si[eę]\b|"
        r"\bt[nń][eę]\s+si[eę]\b|\bsamookalecz|\bokalecz\w*\s+si[eę]|"
        r"\brobi[eę]\s+sobie\s+krzywd[eę]",
        r"\bkendime\s+zarar\s+ver|\b(kolumu|kollar[\u0131i]m[\u0131i]|bile[gğ]imi|bileklerimi|"
        r"bacaklar[\u0131i]m[\u0131i]|"
        r"baca[gğ][\u0131i]m[\u0131i]|kendimi)\s+(yine\s+|tekrar\s+)?kes(tim|iyorum|ece[gğ]im|ti|"
        r"mek|iyordum)\b",
        r"пор[іе]за(ла|в|л)\s+(собі\s+|себе\s+)?(руки|руку|вени|вены|ноги)|р[іе]жу\s+(себе|себя)|"  # noqa: RUF001 (Cyrillic on purpose)
        r"самоповрежд|самоушкодж",
        r"\b(apne\s+aap|khud)\s+(ko\s+)?(chot|zakhm|nuksan|nuqsan|nuksaan|takleef)\s+(pohn?ch|"
        r"pahun?ch|de|deta|deti|dena)|\b(nas|nasein|kalai)\s+(kaat|kat)\s*(li|liya|di|diya|rahi|"
        r"raha|leti|leta)\b",
        # Thoughts of suicide in the other languages, with and without their accents.
        r"не\s+хоч[уе]\s+(більше\s+|больше\s+|вже\s+|уже\s+)?жи(ть|ти)|хоч[уе]\s+(умереть|померти|"  # noqa: RUF001 (Cyrillic on purpose)
        r"вмерти)|поконч(ить|у)\s+с\s+собой|покінч(ити|у)\s+з\s+собою|(вб'?ю|убью|убить|вбити)\s+(себе|"  # noqa: RUF001 (Cyrillic on purpose)
        r"себя)|самоубийств|самогубств|суицид|суїцид|не\s+искам\s+да\s+живея|искам\s+да\s+умра|"
        r"самоубия",
        r"\bne\s+(k?h|x)ochu\s+(bolshe\s+|uzhe\s+)?zhit|\b(k?h|x)ochu\s+umeret|"
        r"\bpokonchit\s+s\s+soboj",
        r"\bya[sş]amak\s+istemiyorum|\bkendimi\s+[oö]ld[uü]r|\bcan[\u0131i]ma\s+k[\u0131i]y",
        r"\bma\s+rabo\s+(in\s+aan\s+|inaan\s+)?nool",
        r"\bba+n?ch(te|ite)\s+(ar\s+)?chai\s*na\b|\bmor(te|bo)\s+chai\b|\batm[oa]\s*hot+(a|ya)\b|"
        r"\b(sob|shob|sab|nijeke)\s+shesh\s+kore\s+(debo|dibo|dei|felbo)\b|বাঁচতে\s+চাই\s+না|"
        r"মরতে\s+চাই|আত্মহত্যা",
        r"\bkhod(am|amo|amam|mo)?\s+(ro\s+)?(bo|be)?kosh(am|[ae]m)\b|\bkhodkoshi\b|"
        r"\bmikhay?am\s+bemiram\b|خودکشی|خودمو\s+بکشم|خوام\s+بمیرم",
        r"\bvoglio\s+morire\b|\bfarla\s+finita\b(?!\s+con)|\bvoglio\s+(uccidermi|ammazzarmi)\b|"
        r"\btogliermi\s+la\s+vita\b|\bmi\s+(ammazzo|uccido)\b|"
        r"\bnon\s+voglio\s+pi[uù]\s+vivere\b",
        r"\bich\s+(will|m[oö]chte|moechte)\s+(nicht\s+mehr\s+leben|sterben)\b|\b(will|"
        r"werde)\s+mich\s+umbringen\b|\bbringe\s+mich\s+um\b|\bselbstmord|\bsuizid",
        r"\bdua\s+t[eë]\s+vdes\b|\bvras\s+veten\b",
        r"\bk[iy]?mew[iu]t\s+d[ae]l[iy]e?\b|\bmemot\s+[ie]?f[ae]l[ie]?g|\bras[ie]e?n\s+(megdel|"
        r"matfat|[ie]gedl)|መሞት\s+እፈልጋለሁ|ራሴን\s+(ማጥፋት|እገድላለሁ)|ክመውት\s+ደልየ",
        # Not the Vietnamese "muốn chết à?" said to others, nor the Chinese "想死你了" (miss you).
        r"tự\s+tử|tự\s+sát|(tôi|toi|em|mình)\s+muốn\s+chết|自杀|自殺|不想活",
        r"[أا]قتل\s+نفسي|لا\s+[أا]ريد\s+[أا]ن\s+[أا]عيش|بدي\s+موت|نفسي\s+[أا]موت|"
        r"ما\s+بدي\s+[أا]?عيش",
        r"مرنا\s+چاہت|मरना\s+चाहत|आत्महत्या|जीना\s+नहीं\s+चाहत|खुदकुशी|ख़ुदकुशी|ਮਰਨਾ\s+ਚਾਹ|"
        r"ਖੁਦਕੁਸ਼ੀ",
        r"\bmarna\s+chah(nda|ndi|unda|undi)\b|\bzind[ae]gi\s+(khatam|se\s+tang|se\s+thak)|"
        r"\bkhudkhushi\b",
        r"\b(voy|quiero|pienso)\s+a?\s*matarme\b|\bme\s+voy\s+a\s+matar\b|"
        r"\bacabar\s+con\s+mi\s+vida\b|"
        r"\bvou\s+me\s+matar\b|\btirar\s+a\s+minha\s+(pr[oó]pria\s+)?vida\b|"
        r"\bn[aã]o\s+aguento\s+mais\s+"
        r"viver\b",
        r"\benvie\s+de\s+mourir\b|\bne\s+veux\s+plus\s+vivre\b|"
        r"\bmettre\s+fin\s+[aà]\s+(mes\s+jours|ma\s+"
        r"vie)\b|\bs[aă]-?mi\s+iau\s+via[tțţ]a\b|\bpun\s+cap[aă]t\s+(zilelor|vie[tțţ]ii)\b",
        r"\bodebra[cć]\s+sobie\s+[zż]ycie\b|\bpowiesz[eę]\s+si[eę]\b|\bpowiesi[cć]\s+si[eę]\b",
        # From the sixth to ninth sets (written blind, then folded in): plans and means named,
        # self-harm with anything to hand. Veiled goodbyes ("this is goodbye", "won't be here
        # after friday") are too often ordinary to be called a crisis: they get the check-in
        # (``_VEILED`` below).
        r"\bno\s+point\s+(in\s+)?(carrying|going)\s+on\b(?!\s+and\s+on)(?=\s*([.,!;]|$|so\b|and\b|any\s*more|like\s+"
        r"this|with\s+(life|living|it\s+all)))",
        r"\b(a|the|some)\s+rope\b(?!\s+(access|course|rescue|work))\b.{0,60}\b(been\s+)?(looking|staring)"
        r"\s+at\s+it\b|\bnoose\b|\brope\b.{0,30}\b(tied|tie)\s+(to|round|around)\s+the\s+(banister|beam|"
        r"loft\s+hatch|hook|tree)\b",
        r"\bhow\s+(high|tall|far)\b.{0,50}\b(bridge|multi[\s-]?stor(e)?y|building|car\s+park|cliff|"
        r"block|tower|flyover|roof|balcony|fall)\b.{0,50}\b(to\s+be\s+sure|to\s+(definitely\s+)?(kill|"
        r"die)|(definitely\s+)?kill\s+(someone|you|a\s+person)|not\s+survive|(you|i|u|someone)\s+"
        r"(definitely\s+)?(don'?t|dont|won'?t|wont)\s+survive|be\s+fatal)\b",
        r"\bpainless\s+ways?\s+(to\s+(go|die|do\s+it|end\s+it)|of\s+(dying|going))\b",
        r"\b(i'?m|im|i\s+am|decided\s+(i'?m|to))\s+(going\s+to\s+|gonna\s+)?end(ing)?\s+it(\s+all)?\s+"
        r"(tonight|today|now)\b(?!.{0,30}\bwith\b)",
        r"\b(takes?|took|taking)\s+(their|his|her|my)\s+own\s+life\b.{0,100}\bbefore\s+i\b",
        r"\b(hope|hoping|wish|wishing|pray|praying)\s+(that\s+)?i\s+(don'?t|dont|won'?t|wont|never)\s+"
        r"wake\s+up\b",
        r"\bhose(pipe)?\b.{0,30}\b(on|to|into|onto|from)\s+the\s+exhaust\b|\bexhaust\b.{0,30}\bhose(pipe)?\b"
        r".{0,30}\b(car|window|inside)\b|\b(in|sleeping\s+in)\s+"
        r"(the|my)\s+(car|van)\b.{0,60}\b(bought|got)\s+a\s+hose(pipe)?\b",
        r"\brope\b.{0,40}\b(a\s+)?(person'?s|persons|body'?s|man'?s|human)\s+weight\b",
        r"\b(sat|sitting|sit)\s+in\s+the\s+(car|van|motor)\b.{0,30}\bgarage\b.{0,40}\bengine\s+running\b|"
        r"\b(sat|sitting)\s+in\s+(the|my)\s+(car|van|motor)\b.{0,40}\bengine\s+running\b.{0,20}\bgarage\b|"
        r"\btied\s+(the|a)\s+rope\s+(to|round|around)\s+the\s+(banister|beam|loft|hook|tree)\b|"
        r"\bengine\s+running\b.{0,40}\b(garage\s+door\s+(shut|closed)|hose|thinking\s+about\s+it)\b",
        r"\blife\s+insurance\b.{0,100}\b(making\s+(that|it)\s+happen|worth\s+more\s+dead)\b|\bworth\s+"
        r"more\s+dead\b(?!.{0,40}\b(lol|haha|pay\s+rate))",
        r"(?<!massage )(?<!glue )(?<!nail )(?<!staple )\b(gun|shotgun|rifle|knife|blade|pills)\b.{"
        r"0,80}\b(using|"
        r"use)\s+it\s+on\s+myself\b|\b(turn|point)\s+"
        r"(it|the\s+gun|a\s+gun)\s+on\s+myself\b",
        r"\b(going\s+to|gonna|want\s+to|thinking\s+(of|about)|i'?ll|i\s+will)\s+(walk|wade|walking|wading)\s+"
        r"into\s+the\s+(sea|river|canal|lake|reservoir)\b",
        r"\b(do|dae|doing|daein)\s+(myself|masel|mesel|meself|mysel)\s+in\s*([.!]|$|tonight|the\s+night|"
        r"the\s+nite)",
        r"\btop(ping)?\s+(myself|meself|masel|mysel|mesel)\b|\btoppin\s+(masel|meself|myself)\b",
        r"\bstepping\s+(off|onto)\s+the\s+(platform|tracks?)\b|\b(take|swallow|neck)\s+(every|all\s+the)\s+"
        r"(pill|tablet|med)s?\s+in\s+the\s+house\b|\btook\s+the\s+lot\b",
        r"\bpoint\b.{0,60}\b(tablets|pills)\s+(here|ready|next\s+to\s+me)\b",
        r"\b(tablets|pills|meds)\s+(put\s+by|saved\s+up|stockpiled|hoarded)\b",
        # Self-harm: a wrist wrapped and soaked, a blade taken out of a sharpener, a head banged
        # against a wall, cuts again and unable to stop, skin scratched raw, starving and cutting,
        # marks done today, carving or slashing, cigarettes put out on the skin, burning oneself
        # because it helps, deserving to starve.
        r"\bwrapped\s+my\s+(wrist|wrists|arm|arms|leg|legs|thigh)\b.{0,40}\b(soaked|bleeding|blood)\b",
        r"\b(blade|razor)\s+out\s+of\s+(my|a|the|me)\s+(pencil\s+)?(sharpener|razor|shaver)\b",
        r"\b(banging|bang|banged|hitting|hit|smashing|smashed)\s+my\s+head\s+(off|on|against)\s+"
        r"(the\s+)?(wall|walls|floor)\b(?!\s+(with|over|trying))",
        r"\bstarving\s+myself\s+and\s+(cutting|self[\s-]?harm\w*|hurting\s+myself)\b",
        r"\bcuts?\s+on\s+(my|ma|me)\s+(arms?|wrists?|legs?|thighs?)\s+again\b|(?<!benefit )(?<!pay"
        r" )"
        r"(?<!budget )(?<!funding )\b(cutting|cuts)\b(?!\s+to\b)"
        r".{0,40}\b(can'?t|cant|cannae|canny)\s+stop\b",
        r"\bscratch(ed|ing)\s+(my|her|his)\s+(face|arms?|legs?|skin|wrists?)\s+raw\b(?!.{0,30}\b(eczema|"
        r"gloves|rash|itch))",
        r"\bbecause\s+of\s+(my|the\s+marks\s+on\s+my)\s+(arms|wrists|legs)\b.{0,80}\b(new\s+ones|"
        r"won'?t\s+stop|wont\s+stop|bleeding)\b",
        r"\b(marks|cuts|scars)\s+on\s+my\s+(arms|wrists|legs|thighs)\b.{0,60}\b(did|done|made)\s+(them|"
        r"it)\s+(this\s+morning|today|last\s+night|again|yesterday|earlier)\b",
        r"\bonly\s+thing\b.{0,60}\b(is|was)\s+(cutting|hurting\s+myself|burning\s+myself|self[\s-]?"
        r"harm\w*)\s*([.!?]|$|myself|me\b)",
        r"\b(carv|slic|cutt)(ing|in'?)\s+(into\s+)?(me|my|ma)\s+(arms?|legs?|wrists?|thighs?|skin|"
        r"stomach)\b|\bcarv(e|ed|ing|in'?)\s+into\s+(my|me|ma|her|his)\s+(arm|arms|leg|legs|wrist|"
        r"wrists|thigh|thighs|skin|stomach)\b|\bslash(ing|in'?|ed)?\s+(my|ma|me)\s+(arms?|legs?|"
        r"wrists?|thighs?)\b",
        r"\bpunch(ing|ed)?\s+(the\s+)?walls?\b.{0,60}\b(on\s+purpose|knuckles\s+(break|split|bleed))",
        r"\b(cuts|burns|marks)\b.{0,40}\b(i\s+do|i\s+did|i\s+make|i\s+made)\s+to\s+(myself|masel|"
        r"mysel|meself)\b",
        r"\bi\s+deserve\s+to\s+(starve|suffer|die|be\s+hurt)\b|\b(not|haven'?t|havent)\s+eaten\b"
        r".{0,30}\bon\s+purpose\b",
        r"\bburn(ed|t|ing|s)?\s+myself\b.{0,40}\b(on\s+purpose|it\s+helps|helps)\b",
        r"\b(hit|hitting|hits|punch|punching)\s+my(self|\s+(legs?|arms?|head|face|stomach))\b.{0,40}\b(so"
        r"\s+the\s+pain|(?<!not\s)(?<!n't\s)on\s+purpose|to\s+feel|it\s+helps)\b",
        r"(?<!n't )(?<!nt )(?<!not )\bwants?\s+to\s+hurt\s+(herself|himself|themselves|myself)\b",
        r"\b(put|putting|stub|stubbing)\w*\s+(cigarettes?|fags?|ciggies?)\s+out\s+on\s+(my|me|ma|her|"
        r"his)\s+(hand|hands|arm|arms|leg|legs|skin|wrist|wrists|thigh|thighs|stomach)\b",
        # Other languages: to end it with oneself (Polish), no heart to stay alive and ending it
        # all or hanging from the fan (Urdu/Hindi), no longer wanting to live, ending one's life
        # and jumping from a roof (Arabic), leaving life and better off without me (Ukrainian,
        # Russian), not wanting to be alive and suicide (Persian), throwing oneself (Romanian,
        # Spanish), one's life taken (Spanish); self-harm (Hindi, Persian, Bengali, Arabic,
        # Russian, Kurdish, French, Lithuanian, Spanish, Gujarati, Italian, Albanian).
        r"\bze\s+sob[aą]\s+sko[nń]czy[cć]\b|\bsko[nń]cz[eę]\s+ze\s+sob[aą]\b|\bdzi[sś]\s+w\s+nocy\b"
        r".{0,20}\bz\s+tym\s+sko[nń]cz",
        r"\bzinda\s+(rehne|rehna|rehnay)\b.{0,20}\b(nahi|nahin|nai)\b|\b(dil|mann?)\s+(nahi|nahin|nai)"
        r"\s+karta\s+zinda\b|\bkhatam\s+kar\s+(doon|dun|du)\s+(sab|khud|apne)|\b(sab\s+kuch|khud\s+ko|"
        r"zindagi)\s+khatam\s+kar\s+(dena|doon|dun)\b|\bpankh[ea]\s+se\s+latak",
        r"(لم|لا)\s+(أعد\s+)?أريد\s+أن\s+أعيش|أنهي\s+حياتي|سأقفز|أقفز\s+من\s+(سطح|فوق)",
        r"піти\s+з\s+життя|покінчити\s+з\s+собою|уйти\s+из\s+жизни|покончить\s+с\s+собой|краще\s+без\s+"  # noqa: RUF001
        r"мене|лучше\s+без\s+меня|мене\s+вже\s+не\s+буде(?!\s+на)|меня\s+уже\s+не\s+будет(?!\s+на)",
        r"نمی[\u200c\s]?خوا(ه)?م\s+زنده|خودکشی",  # noqa: RUF001 (Persian on purpose)
        r"\bs[aă]\s+m[aă]\s+arunc\b|\bquitar\s+la\s+vida\b|\bme\s+voy\s+a\s+tirar\s+(a|de|por|desde)\s+"
        r"(las\s+v[ií]as|el\s+puente|un\s+puente|la\s+ventana|el\s+balc[oó]n|la\s+azotea|el\s+tren)\b",
        r"\bblade\s+chala\b|\bkhoon\s+ruk\s+(nahi|nahin|nai)\b|تیغ.{0,30}بریدم|\bkhud\s+ko\s+(blade|"
        r"chaaku|chaku|chaqu)\s+se\s+kaat",
        r"\bnijeke\s+(blade\s+diye\s+)?(kete|kati|aghat)|\brokto\s+bondho\s+(hochche|hoy|hocche)\s+na\b",
        r"[أا]جرح\s+نفسي|[أا]ؤذي\s+نفسي",
        r"(резал\w*|порезал\w*|ріжу|різала|порізал\w*)\s+(себе\s+)?(руки|вены|вени|ноги)",  # noqa: RUF001
        r"\bxwe\s+di[eê][sş][iî]n\w*|\bbi\s+k[eê]r[eê]\s+bir[iî]|\bxwe\s+bir[iî]ndar\s+kir",
        r"\b(je\s+me|me\s+suis|se|s'est)\s+(encore\s+)?(scarifi\w*|mutil\w*|coup[ée]e?s?\s+les\s+(bras|"
        r"poignets))|\bje\s+me\s+coupe\s+(les\s+bras|les\s+poignets|expr[eè]s)",
        r"\bpjaust\w*\s+rank|\bme\s+(he\s+(vuelto\s+a\s+)?cortado|vuelvo\s+a\s+cortar|corto|cort[eé]|"
        r"he\s+vuelto\s+a\s+cortar)\s+(los\s+|las\s+)?(brazos|venas|mu[nñ]ecas|piernas)\b",
        r"જાતને.{0,20}કાપ|બ્લેડથી\s+કાપ|\bmi\s+taglio\s+(le\s+braccia|i\s+polsi|le\s+gambe)|\bmi\s+"
        r"faccio\s+del\s+male\b|\bpres\s+veten\b",
        # From the tenth set: a time set by which it will be done ("by the time anyone reads
        # this ill have done it"), a hose to a car's exhaust
        r"\bby\s+the\s+time\s+(any(one|body|1)|some(one|body|1)|you|u|she|he|they|my\s+\w+)\s+"
        r"(reads?|sees?|gets?|opens?)\s+(this|it)\b.{0,30}\b(i'?ll|ill|i\s+will|i'?d|i\s+would)\s+"
        r"(have\s+done\s+it|be\s+dead|not\s+be\s+here(\s+any\s*more)?\s*([.,!]|$)|(be|have)\s+gone"
        r"\s*([.,!]|$))",
        r"\bhose(pipe)?\b.{0,40}\bexhaust\b|\bexhaust\b.{0,40}\bhose(pipe)?\b",
    ],
    "abuse": [
        rf"\b{_FAMILY}\s+(always\s+|keeps\s+|still\s+|sometimes\s+)?(hits|beats|hurts|kicks|"
        r"punches|slaps|abuses|rapes|chokes|strangles)\s+me\b",
        r"\bthreaten\w*\s+(to\s+)?(take|keep|hurt|harm)\s+(away\s+)?(the|my|our)\s+(kids|children|"
        r"baby|son|daughter|kid)\b",
        r"\bnot\s+allowed\s+(to\s+)?(go\s+)?(out|outside|leave(\s+the\s+(house|flat|home))?|see\s+"
        r"(anyone|my\s+friends|my\s+family))\b.{0,25}\b(without|unless)\s+(him|her|them|my\s+"
        r"(husband|partner|wife|boyfriend|girlfriend|family|in-?laws))\b",
        r"\bthreaten\w*\s+to\s+(burn|kill|hurt|stab|shoot|attack|beat)\b(?!.{0,20}\b(my\s+)?(cv|"
        r"application|chances))",
        rf"\b{_FAMILY}\s+(controls?|takes?|keeps?)\s+(all\s+)?((the|my|our)\s+(money|wages|"
        r"bank\s+cards?|benefits)|(my|our)\s+phone)\b(?!\s*calls?)",
        r"\b(not\s+allowed|can'?t|cannot|cant)\b.{0,40}\bwithout\s+(his|her)\s+(permission|"
        r"say\s*so)\b",
        r"\bhiding\s+(in|from)\b.{0,40}\b(smash\w*|shout\w*|hitting|drunk|angry|violent|"
        r"find\s+me)\b|\b(he'?s|she'?s|hes|shes)\s+(smashing|breaking|throwing)\s+(stuff|things|"
        r"the\s+house|plates)\b",
        rf"\bbruises?\b.{{0,40}}\b(from|by)\s+(my\s+)?{_FAMILY}\b",
        r"\bwuu\s+i\s+(garaacaa|garaaca|dilaa)\b|\bi\s+garaac",
        r"\bnever\s+see\s+(the|my|our)\s+(kids|children|baby|son|daughter)\s+again\b",
        r"\b(mari|copain|compagnon|p[eè]re|conjoint)\s+me\s+(frappe|bat)\b|\bpeur\s+de\s+rentrer\b",
        rf"\b{_FAMILY}\s+(forces|forced|makes|made|pressures|pressured)\s+me\s+(to\s+)?(have\s+sex|"
        r"sleep\s+with|do\s+(sexual|sex)\s+(things|stuff))",
        r"\b(he|she|they|partner|husband|wife|boyfriend|girlfriend|dad|mum|father|mother)\s+"
        r"(hits|hit|beats|beat|hurts|abuses|abused|threatens|threatened)\s+me\b",
        r"(?<!survivors of )(?<!survivor of )(?<!victims of )\bdomestic\s+(abuse|violence)\b(?!\s+"
        r"(from\s+)?(\w+\s+)?years?\s+(back|ago))(?!\s+(charity|"
        r"charities|service|services|support|worker|"
        r"workers|officer|training|course|awareness|sector|organisation|team|champion|outreach|"
        r"advisor|adviser|advocate|practitioner))",
        r"\b(he|she|they|partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|mum|stepdad)\b"
        r".{0,30}\b(kill|hurt|beat|batter|stab)\s+me\b",
        r"\b(being|been|am|was|got)\s+(abused|assaulted|raped|sexually\s+assaulted)\b",
        r"\bafraid\s+to\s+go\s+home\b",
        r"\b(i'?m|i\s+am|im)\s+in\s+danger\b(?!\s+of\s+(missing|failing|being\s+late|"
        r"losing\s+(my|the)\s+(job|place|course|benefits)))",
        r"\b(beaten|battered|attacked)\s+(up\s+)?at\s+home\b",
        r"\b(being|been|getting|get)\s+(hit|beaten|hurt|kicked|punched)\s+(at\s+home|by\s+(my|him|"
        r"her|them))",
        r"\b(partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|mum|stepdad|stepmum)\s+(is|"
        r"gets|can\s+be|has\s+been)\s+(violent|abusive)",
        r"\b(someone|somebody|he|she|they|a\s+man|a\s+woman)\s+(attacked|assaulted|raped)\s+me\b",
        r"\bscared\s+(of|to\s+go)\s+(home|my\s+partner)\b",
        # Coercive control: money, friends, work or a phone kept from them.
        r"\b(husband|partner|boyfriend|wife|girlfriend|bf|gf|he|she)\s+(won'?t|wont|doesn'?t|"
        r"does\s+not|will\s+not|never)\s+let\s+me\s+(have\s+(any\s+|my\s+own\s+)?money|"
        r"see\s+my\s+(friends|family|mum|mom)|go\s+out|leave|work|get\s+a\s+job|have\s+a\s+phone)",
        r"\b(husband|partner|boyfriend|wife|girlfriend|he|she)\s+(controls|takes|keeps)\s+(all\s+)?"
        r"my\s+(money|wages|bank\s+card|benefits|phone)",
        r"\b(strangl\w*|chok(ed|es|ing))\s+me\b|\b(threw|throws|thrown|throwing)\s+(a|the|his|her|"
        r"my|things|stuff|plates|glasses)\s+(\w+\s+)?at\s+me\b|\b(knife|gun|weapon)\b.{0,20}\b(at|"
        r"to)\s+me\b",
        r"\b(he|she|partner|husband|wife|boyfriend|girlfriend|bf|gf|dad|mum|stepdad|stepmum|"
        r"parents)\s+(always\s+|keeps\s+|just\s+)?(locks|locked)\s+me\s+in\b",
        r"\b(partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|mum|stepdad|stepmum|he|"
        r"she)\s+((has|had|have)\s+)?(pushed|shoved|slapped|punched|kicked|hit|strangled|choked|"
        r"grabbed|dragged|bit|burned|burnt|beaten|hurt|hurts)\s+me\b(?!\s+(out|off|to|into|with|"
        r"for|towards)\b)",
        r"\b(scared|frightened|afraid|terrified)\s+(of|to\s+go\s+home\s+to)\s+(my\s+)?(partner|"
        r"husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|stepdad|him|her)\b",
        r"\b(they|he|she)('?ll|\s+will|\s+would|\s+said\s+(they|he|she)('?d|\s+would|\s+will))\s+"
        r"(hurt|kill|find\s+and\s+kill)\s+(me|my)\b",
        r"\bmi-?e\s+(fric[aă]|team[aă])\s+de\s+(so[țţt]ul|iubitul|partenerul|el)\b|"
        r"\bboj[eę]\s+si[eę]\s+(m[eę][zż]a|partnera|ch[lł]opaka)\b",
        r"\b(partner|husband|wife|boyfriend|girlfriend|bf|gf)\b.{0,40}\b(won'?t|wont|doesn'?t|"
        r"never)\s+let\s+me\s+(leave|go\s+out|see\s+(anyone|my))",
        r"\b(touches|touched|touching|grop\w+)\s+me\b|\b(being|been|was|getting)\s+groomed\b|"
        r"\bgrooming\s+me\b",
        r"\b(m[aą][zż]|partner|ch[lł]opak|ojciec|tata)\s+mnie\s+bije\b",
        r"\b(so[țţt]ul|iubitul|partenerul|tata)\s+(meu\s+)?m[aă]\s+bate\b",
        r"\b(marido|esposo|novio|pareja|padre)\s+me\s+(pega|golpea|maltrata)\b",
        r"(زوجي|خطيبي|أبي|ابي)\s+يضربني",
        r"\b(shohar|shauhar|pati|husband)\s+(mujhe|mjhe)\s+(marta|maarta|peet)",
        # Coercive control: wages taken, a tracker, "if he finds out". Not a phone taken (a parent
        # taking a teenager's is no danger) or checked: "delete this, he checks my phone" needs the
        # deletion, and the abuse answer already said how.
        rf"\b{_FAMILY}\b.{{0,40}}\b(takes|took|controls|keeps|steals|"
        r"stole)\s+(all\s+)?(of\s+)?my\s+(money|"
        r"wages|pay|salary|bank\s+cards?|benefits|pension)\b",
        # A tracker someone else put on them (not "i put a tracker on my van for work").
        rf"\b({_FAMILY}|someone|somebody|they)\s+((has|had|have)\s+|'s\s+|'ve\s+)?(put|installed|"
        r"hid|hidden|placed)\s+(a\s+|an\s+)?(tracker|tracking\s+(app|device)|airtag|"
        r"spyware|stalkerware)\s+(on|in|under)\s+my\b",
        r"\bfound\s+(a\s+|an\s+)?(tracker|tracking\s+(app|device)|airtag|spyware|stalkerware)\s+"
        r"(on|in|under)\s+my\b(?!.{0,25}\b(for|from)\s+(work|the\s+(company|firm|job|agency|"
        r"insurance)|insurance))",
        r"\bif\s+(he|she|they)\s+(ever\s+)?(finds?|found)\s+out\b.{0,40}\b(kill\w*|hurt\w*|beat\w*|"
        r"batter\w*|(i'?ll|i\s+will|i'?d|you'?ll)\s+regret|take\s+the\s+(kids|children|baby))\b",
        # A threat said ("he says if i go to the job club he'll take the kids"), not a plan for
        # childcare ("if i get the job she'll take the kids", "my mum says she'll take the kids").
        r"\b(he|she|they|partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|ex|fella)\s+"
        r"(always\s+|keeps\s+|even\s+)?(threaten\w*|warn\w*|swears?|swore|says?|said|told\s+me|"
        r"tells\s+me|keeps\s+saying)\b(\s+that)?\s+"
        r"if\s+i\b.{0,40}\b(he|she|they)\s*('?ll|\s+will|'?d|\s+would|\s+is\s+going\s+to|"
        r"\s+are\s+going\s+to)\s+(take|keep)\s+(away\s+)?(the|my|our)\s+(kids|children|baby|son|"
        r"daughter|kid)\b(?!\s+(to|for|out|on|swimming|so|while|when|today|this))",
        r"\b(he|she|they)\s+(says?|said|told\s+me|tells\s+me)\b.{0,80}\b(no\s*one|nobody|"
        r"noone)\s+(will|would|'?ll|'?d)\s+(ever\s+)?believe\s+me\b",
        # Violence now: a weapon in the house, a phone smashed, whispering from hiding.
        r"\b(someone|somebody|he|she|they)\s+(is|are|'?s|'?re|keeps)\s+(hurting|threatening|"
        r"hitting|beating)\s+me\b|\b(not|don'?t\s+feel|dont\s+feel)\s+safe\s+(at\s+home|"
        r"in\s+my\s+(own\s+)?(home|house|flat))\b|"
        rf"\b{_FAMILY}\s+(is|'?s|keeps)\s+threatening\s+me\b",
        r"\bstalk(ing|s|ed)\s+me\b|\b(turned|turns|showed|shows|came|"
        r"comes)\s+up\b.{0,40}\bwith\s+a\s+(knife|"
        r"gun|machete|weapon|bat|hammer)\b",
        rf"\b{_FAMILY}\s+(grabbed|grabs|pulled|pulls|dragged|drags|yanked)\s+(me\s+by\s+(the|"
        r"my)\s+(hair|arm|neck|throat)|my\s+(hair|throat|neck))\b|\bdragged\s+me\s+(across|along|"
        r"down|up|through|out\s+of\s+bed)\b",
        r"\b(he|she|they)\s*('?s|\s+has|\s+have|'?ve|\s+is)\s+(got\s+)?(a|the|his|her)\s+(knife|"
        r"gun|machete|weapon)\b(?!\s+(set|block|sharpening|sharpener|skills|licen[cs]e|course|crime|"
        r"drawer|roll))|\b(he|she|they)\s*('?s|\s+has|\s+have|'?ve|\s+is)\s+(got\s+)?(a|the|his|"
        r"her)\s+hammer\s*([,.!?]|$|and\b|in\s+(his|her|their)\s+hands?|out\b|(up\s+)?at\s+me)",
        rf"\b{_FAMILY}\s+(smashed|destroyed|snatched|stamped\s+on|threw)\s+my\s+phone\b",
        r"\b(whispering|hiding|locked\s+myself\s+in)\b.{0,40}\b(he'?s|she'?s|hes|shes|they'?re|"
        r"theyre)\s+(in\s+the\s+(other|next)\s+room|downstairs|upstairs|outside|at\s+the\s+door|"
        r"looking\s+for\s+me)\b",
        # Overheard or seen: a child or a parent being beaten.
        r"\b(hear|heard|hearing|see|saw|seeing|watch\w*)\s+(the\s+|her\s+|his\s+|their\s+|"
        r"my\s+)?(\w+\s+){0,2}(hitting|beating|hurting|kicking|punching|slapping|strangling|"
        r"battering|attacking|choking)\s+(him|her|them|the\s+(kid|kids|child|children|baby|boy|"
        r"girl)|my\s+(mum|mom|sister|brother)|his\s+(wife|partner|girlfriend|kids?|son|daughter)|"
        r"her\s+(kids?|son|daughter|husband))\b(?!\s+(at|in)\b)",
        r"\b(hits?|beats?|whips?|whipped|belts?)\s+(me|us)\s+with\s+(his|her|a|the)\s+(belt|stick|"
        r"shoe|slipper|cable|wire|fists?|bat)\b",
        # Sexual abuse of a child: an adult in their room at night, pictures demanded.
        r"\b(stepdad|step-?dad|stepfather|step-?father|uncle|step-?brother|cousin|lodger|"
        r"mum'?s\s+(boyfriend|partner|fella))\s+(comes|came|keeps\s+coming|has\s+been\s+coming|"
        r"creeps|crept|sneaks|sneaked|snuck|gets|got)\s+(in|into)\s+(to\s+)?(my|our)\s+(room|bed|"
        r"bedroom)\s+(at\s+night|every\s+night|when|while)\b",
        # Pictures of themselves, or sent to him (not "makes me take pictures for instagram",
        # "made me send him photos of the stock").
        r"\b(makes?|made|making|forc\w+|pressur\w+|blackmail\w*)\s+me\s+(to\s+)?(send|sending|take|"
        r"taking|share|sharing)\s+((him|her|them)\s+)?(nudes|naked\s+\w+|(pics|pictures|photos|"
        r"videos|selfies)\s+(of\s+(me|myself|my\s*self|my\s+body)|in\s+(my\s+)?(underwear|bed|"
        r"the\s+(bath|shower))))\b",
        r"\b(makes?|made|making|forc\w+|pressur\w+)\s+me\s+(to\s+)?(send|sending|share|"
        r"sharing)\s+(him|her|them)\s+(pics|pictures|photos|videos|selfies)\s*([,.!?]|$|and\b|"
        r"or\b|every\s+(night|day))",
        r"\bblackmail\w*\s+me\s+(to\s+|into\s+)?(send|sending|take|taking|share|sharing)\s+"
        r"((him|her|them)\s+)?(pics|pictures|photos|nudes|videos|selfies)\b",
        r"\b(threaten\w*|says?|said)\b.{0,40}\b(share|send|post|show|leak)\w*\s+(my\s+)?(nudes|"
        r"naked\s+(pics|pictures|photos)|intimate\s+(pics|pictures|photos|images))\b",
        # In the other languages, with and without their accents.
        r"\b(kocam|e[sş]im|babam|erkek\s+arkada[sş][\u0131i]m|annem|a[gğ]abeyim|"
        r"sevgilim)\s+(beni\s+)?(d[oö]v|"
        r"tehdit)|\bbeni\s+d[oö]v[uü]yor",
        r"\bme\s+(golpea|maltrata|viola|agrede|encierra|encierran|encerr[oó])\b|"
        r"(?<!ele\s)(?<!ela\s)(?<!voc[eê]\s)\bme\s+pega\s*([,.!?]|$|y\b|cuando\b|siempre\b|"
        r"mucho\b|todos\b|a\s+menudo\b|otra\s+vez\b|con\s+(el|la|un|una)\b)|"
        r"\bme\s+quita\s+(el|mi|todo\s+el)\s+(dinero|sueldo|m[oó]vil|tel[eé]fono)\b|"
        r"\bme\s+tranca\b|\bme\s+amenaza\s+con\s+matarme\b|\bviolencia\s+(dom[eé]stica|"
        r"de\s+g[eé]nero)\b|\bmiedo\s+de\s+(volver|regresar|ir)\s+a\s+casa\b|\b(marido|esposo|"
        r"novio|pareja|padre)\b.{0,30}\bno\s+me\s+deja\s+salir\b",
        r"\bme\s+(bate|agride|espanca)\b(?!\s+(uma|um|a\s+saudade))|"
        r"\bviol[eê]ncia\s+dom[eé]stica\b|\bmedo\s+de\s+(voltar|ir)\s+para\s+"
        r"casa\b",
        r"\bmi\s+(picchia|maltratta)\b|\bme\s+(frappe|viole)\b|\bviolence\s+conjugale\b|"
        r"\b(il|elle|on|qui|mari|copain|compagnon|conjoint|p[eè]re|m[eè]re|fr[eè]re)\s+(ne\s+)?me\s+"
        r"bat\b(?!\s+((toujours|encore|souvent|facilement|tout\s+le\s+temps)\s+)?(aux?|au|[àa]|en|"
        r"de|sur)\b)",
        r"\b(bij[eą]\s+mnie|mnie\s+bij[eą])\b|\bboj[eę]\s+si[eę]\s+(wr[oó]ci[cć]\s+"
        r"do\s+domu|m[eę][zż]a|go|jego|partnera)\b|\bprzemoc\s+domow",
        r"\bm[aă]\s+bat(e|ea)\b(?!\s+(g[aâ]ndul|la\s+cap))|\bm[aă]\s+(amenin[tțţ][aă]|"
        r"love[sșş]te)\b|\bviolen[tțţ][aă]\s+"
        r"domestic[aă]\b|\bnu\s+am\s+voie\s+s[aă]\s+ies\b",
        r"\bmujhe\s+(roz\s+|phir\s+|bahut\s+|bohot\s+)?(maar|mar|peet|pit)(ta|ti|te)\s+(hai|h|hain|"
        r"he)\b|\bmujhe\s+maar\s+(de|da)(ga|gi|la)\b|\b(shohar|shauhar|pati|sasural|"
        r"saas)\b.{0,40}\bbahar\s+(nahi|nahin|nai)\s+(jane|jaane|nikalne)\s+(de|dete|deta|deti)\b",
        r"[يت]ضربني|يهددني|يعنفني|عنف\s+(منزلي|أسري|اسري)|لا\s+يسمح\s+لي\s+بالخروج",
        r"мен[яе]\s+(бь[её]т|б'?є|б'ють|бьют)|(бь[её]т|б'?є)\s+мен[яе]|\bamake\s+(mare|maare|marche)\b|"  # noqa: RUF001 (Cyrillic on purpose)
        r"আমাকে\s+মারে",
        # Hands round the neck; a child always covered in bruises; a carer who shoves or takes a
        # parent's money; a passport hidden by a partner; allowed out only for the school run;
        # the kids threatened; a secret kept for an adult who asks for pictures; battered; touched.
        r"\b(he|she|they|partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|stepdad)\s+(put|had|got|"
        r"puts|has)\s+(his|her|their|both)\s+hands?\s+(a?round|on)\s+my\s+(neck|throat)\b",
        r"(?<!i'm )(?<!im )(?<!i am )\b(always|constantly|keeps\s+turning\s+up|keeps\s+coming\s+(i"
        r"n|to\s+"
        r"school))\s+(\w+\s+)?"
        r"(covered\s+in|with|black\s+and\s+blue\s+with)\s+(\w+\s+)?bruises\b(?!\s+(from|in|at|during|playing)\s+(hockey|football|rugby|sport|training|work|climbing|the\s+gym|boxing|a\s+match|sparring|netball|karate|judo)\b)",
        r"\bcarer\b(?!.{0,40}\b(cuts|cost\s+of\s+living|bills)\b).{0,80}\b(shove|shoved|shoving|slapped|slapping|(hit|hits|hitting)\s+(her|him|my\s+\w+)\b|"
        r"taking\s+(money|her\s+money|his\s+money|cash))\b",
        rf"\b{_FAMILY}\b.{{0,30}}\b(hidden|hid|hides|hiding)\s+my\s+(passport|papers|documents|id|"
        r"visa|brp)\b(?!\s+somewhere)",
        r"\bonly\s+(allowed|let)\s+out\s+(for\s+the\s+school\s+run|with\s+(him|her|them)|when\s+(he|she)|"
        r"to\s+(take|get)\s+the\s+kids)\b",
        rf"\b{_FAMILY}\s+(said|says|say|told\s+me)\s+(he|she|they)('?ll|\s+will|\s+would|'?d|\s+is\s+"
        r"going\s+to|\s+gonna)\s+(hurt|kill|harm)\s+(the|my|our)\s+(kids|children|baby|son|"
        r"daughter|boy|girl|mum|mam)\b",
        r"\b(asking|asked|asks|wants?|keeps?\s+asking)\s+(me\s+)?for\s+(mine|pics|pictures|photos|"
        r"nudes)\b.{0,60}\b(can'?t|cant|mustn'?t|not\s+to|never)\s+tell\b",
        rf"\b{_FAMILY}\s+(batters|battered|battering|beats\s+up|leathers|hammers|belts)\s+(my\s+)?"
        r"(mam|mum|mom|ma|me|us|her|him|the\s+kids)\b(?!\s+(at|in|on|out)\b)",
        rf"\b{_FAMILY}\s+(touches|touched|touching|fiddles\s+with|interferes\s+with)\s+(her|him|me)\b(?!\s+(on\s+the\s+(shoulder|arm|back|head)|gently|to\s+(wake|get)))",
        # Other languages: beaten at home (Bengali, Punjabi, Albanian, Kurdish).
        r"মারধর|\bmainu\s+(maarda|marda|kutda)\b|\bm[eë]\s+rreh\b|\bl[eê]dixe\b",
        # From the seventh set: bruises on an older man's arms; kicked in the belly; a threat to
        # burn the flat with her in it; hurt if a voicemail is heard; a child hit with a belt; a
        # mother locked in her room; raped; a broken jaw; somewhere he can't find me.
        r"(?<!gets )\bbruises\s+on\s+(his|her)\s+(arms|face|legs|body|neck|wrists|back)\b(?!\s+eas"
        r"ily)(?!\s+(from|in|at|during|playing)\s+(hockey|football|rugby|sport|training|work|climb"
        r"ing|the\s+gym|boxing|a\s+match|sparring|netball|karate|judo)\b)",
        r"\b(he|she|they|partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|stepdad|fella)\s+kick(ed|s|"
        r"ing)\s+(her|me|him)\s+in\s+the\s+(belly|stomach|head|face|ribs|back)\b|\b(keeps?"
        r"\s+)?(leatherin'?|leathering|batterin'?|battering)\s+(her|him|me|us)\b",
        r"\b(burn|set\s+fire\s+to|torch)\s+(it|the\s+\w+|my\s+\w+|our\s+\w+)(\s+down)?\s+with\s+(me|us|"
        r"the\s+kids|my\s+kids)\s+in(side)?(\s+it)?\b",
        r"\b(he|she|partner|husband|wife|boyfriend|girlfriend|bf|gf|ex)\b.{0,60}\b(listens|finds\s+out|sees|"
        r"reads|knows|hears|checks)\b.{0,40}\b(i'?ll|i\s+will|ill)\s+get\s+(hurt|battered|beaten|a\s+beating|"
        r"a\s+hiding)\b",
        rf"\b{_FAMILY}\s+(always\s+|keeps\s+|still\s+)?(hits|beats|hurts|kicks|punches|slaps|belts)\s+"
        r"(my\s+)?(little\s+|baby\s+|younger\s+|big\s+)?(brother|sister|son|daughter|kids?|children|"
        r"mum|mam|nan|gran|dad)\b(?!\s+(at|in|on)\b)",
        r"\block(ing|s|ed)\s+(my\s+)?(mother|mum|mam|father|dad|nan|gran|grandma|grandad|her|him|me)"
        r"\s+in\s+(her|his|my|the|their)\s+room\b(?!.{0,20}\bby\s+accident)|\bnot\s+feeding\s+(her|him|them)\s+properly\b",
        r"\brap(ed|es|ing)\s+me\b",
        rf"\b(says|said|told\s+me)\s+(his|her|their)\s+{_FAMILY}\s+(does|did|done)\s+(it|them|that)\b",
        r"\b(he|she|they)\s+broke\s+(my|ma|me)\s+(jaw|nose|arm|ribs?|wrist|tooth|teeth|fingers?|leg|"
        r"cheekbone|eye\s+socket)\b(?!\s+(from|in|at|during|playing)\s+(hockey|football|rugby|sport|training|work|climbing|the\s+gym|boxing|a\s+match|sparring|netball|karate|judo)\b)|\bsomewhere\s+(he|she|they)\s+(can'?t|cant|won'?t|wont)\s+find\s+"
        r"me\b",
        # Other languages: beaten (Pashto, Tigrinya, Amharic, Italian), threatened with death
        # (Tigrinya), the neck squeezed (Spanish).
        r"\b(khawand|merre|mera)\b.{0,20}\bwahi\b|ይወቕዓ|ክቐትለ|ይደበድበ",
        r"\bme\s+(apret[oó]|agarr[oó])\s+(el\s+)?cuello\b|\b(picchia|picchiava)\s+(me|mia|mio|la\s+"
        r"mamma)\b|\bmi\s+picchia\b",
        # From the eighth set: followed home by an ex; an arm to be broken and a phone tracked;
        # children made to sleep in the shed without food; a child abused by an uncle; shut in a
        # room (Punjabi); the neck squeezed (Romanian); beaten (Persian); a threat to kill
        # (Turkish).
        rf"\b{_FAMILY}\b.{{0,40}}\b(stalking|stalks|stalked)\s+me\b|\b{_FAMILY}\b.{{0,40}}\b(following|"
        r"follows|followed)\s+me\s+(home|to\s+work)\b",
        r"\b(he|she|they|hes|shes|he'?s|she'?s|he'?ll|she'?ll)\b.{0,20}\b(going\s+to|gonna|will|'ll)\s+break\s+"
        r"my\s+(arm|arms|legs?|neck|jaw|nose|fingers?)\b",
        r"\b(he|partner|husband|wife|boyfriend|girlfriend|bf|gf|ex)\b.{0,20}\b(tracks|tracking)\s+my\s+"
        r"(phone|location)\b",
        rf"\b{_FAMILY}\b.{{0,40}}\b(doesn'?t|dont|don'?t|won'?t|wont|never)\s+give\s+(us|me)\s+(any\s+)?"
        r"food\b(?!\s+on\s+(shift|the\s+shift|break))|\bmakes?\s+(me|us)\b.{0,30}\bsleep\s+in\s+the\s+(shed|garden|garage)\b",
        rf"\b{_FAMILY}\s+(has\s+been\s+|is\s+|was\s+|keeps\s+)?(abusing|molesting|interfering\s+with)\s+"
        r"(her|him|me|them)\b",
        r"\bband\s+kar\s+(dinde|dende|dete|deti|dita)\b|\bkhana\s+(vi|bhi)\s+(nahi|nai)\s+(dinde|dete)"
        r"\b|\bm-?a\s+str[aâ]ns\s+de\s+g[aâ]t\b|کتک\s+می[\u200c\s]?زن|\bbeni\s+[oö]ld[uü]rece[gğ]ini\s+(s[oö]yl|de|tehdit)|"
        r"\bbeni\s+d[oö]v[uü]yor",
        # From the ninth set: frightened in my own home; knows where I sleep; pictures asked of a
        # child; "ma man"; sexually abused; a care home's staff hitting; followed home; forced
        # marriage; an injunction broken; made to watch; a tracker; other languages (forced
        # marriage and a threat to kill in Hindi, abused by a stepfather in Portuguese, beaten
        # in Pashto and Greek).
        r"\b(son|daughter)[\s-]in"
        r"[\s-]law\b.{0,40}\b(taken|takes|took)\s+my\s+(bank\s+card|pension|money)\b",
        r"\bknows\s+where\s+i\s+sleep\b|\bturning\s+up\s+(outside|at)\b.{0,80}\b(terrified|scared|"
        r"frightened)\b",
        r"\bsend\s+(him\s+|her\s+|them\s+)?(pics|pictures|photos|nudes|selfies)\b(?!\s+of\s+my\s+(certificates?|"
        r"id|cv|passport|work|qualifications?))(?!\s+and\s+then)\b.{0,40}\b(meet\s+up|"
        r"i'?m\s+1[0-5]|im\s+1[0-5]|i\s+am\s+1[0-5]|secret|don'?t\s+tell)\b",
        r"\b(my|ma|me)\s+(man|fella)\s+(batters|hits|beats|punches|leathers)\s+me\b",
        r"\bsexually\s+(abus\w*|assault\w*)\s+(me|her|him)\b|\b(abus\w*|assault\w*)\s+(me|her|him)\s+"
        r"sexually\b",
        r"\bcare\s+home\b.{0,100}\b(staff|carers?|one\s+of\s+them|nurse)\b.{0,30}\b(hit|hits|slapped|"
        r"pushed|shoved)\s+(him|her|my\s+\w+)\b(?!\s+(to|in|along|round|into)\b)|\bleave\s+(him|her)\s+in\s+"
        r"soiled\b",
        r"\bfollowed\s+home\b.{0,60}\bby\s+(the\s+same|a|some)\s+(man|guy|bloke|person|lad|men)\b|\b(he|"
        r"she|someone|a\s+(man|guy|bloke))\s+(keeps\s+)?(following|follows|followed)\s+me\s+home\b",
        r"\b(taking|take|sending|send)\s+me\s+(to\s+\w+\s+)?.{0,40}\bto\s+marry\b|"
        r"(?<!can )(?<!could )(?<!cannot )\b(forcing|force|forced|making|make)\s+me\s+(to\s+)?"
        r"(marry|get\s+married)\b|(?<!course on )(?<!training on )(?<!about )(?<!of )\bforced\s+"
        r"marriage\b(?!\s+(unit|training|course|awareness))",
        r"\b(outside|at\s+the\s+door|banging)\b.{0,40}\b(right\s+now|now)\b.{0,60}\binjunction\b|\bbreach"
        r"\w*\s+(the|his|her|an|my)\s+injunction\b",
        rf"\b{_FAMILY}\s+makes?\s+me\s+watch\s+(videos|porn|things|stuff)\b(?!\s+for\s+(training|work))",
        r"\b(he|she|they|ex|partner|husband|wife|boyfriend|girlfriend)\s+(has\s+|'s\s+)?(put|hid|fitted|"
        r"installed)\s+a\s+tracker\s+on\s+my\b|\bnever\s+get\s+away\s+from\s+(him|her)"
        r"\b",
        r"\bzabardasti\s+(meri\s+)?shaadi\b|\bmaar\s+denge\b|\babus(a|ou)\s+de\s+mim\b|ما\s+وهي|με\s+"
        r"χτυπ|θα\s+με\s+σκοτώσει",
        # From the tenth set: burnt, smothered, put in hospital by someone
        rf"\b((my|me|his|her)\s+(older\s+|younger\s+|step\s*|big\s+|little\s+)?)?{_FAMILY}\s+"
        r"(\w+\s+)?(burns?|burnt|burned|keeps\s+burning)\s+me\s+with\b",
        r"\b(put|held|holds|holding|pushed|pressed|pushes|presses)\s+(a\s+|the\s+)?(pillow|cushion|"
        r"plastic\s+bag|bag|hand|hands)\s+over\s+my\s+(face|mouth|head|nose)\b",
        rf"\b((my|me|his|her)\s+(older\s+|younger\s+|step\s*|big\s+|little\s+)?)?{_FAMILY}\s+(put|"
        r"landed|sent)\s+me\s+in\s+(hospital|a\s*&\s*e|a\s+and\s+e|intensive\s+care)\b",
        # Kurdish (Kurmanji): "hits me", "will kill me"; Russian: "strangled me"
        r"\bli\s+min\s+dixe\b|\bmin\s+bikuje\b|душил\w*\s+меня|душит\s+меня|меня\s+душил\w*",
    ],
    # Forced labour and exploitation: the Modern Slavery & Exploitation Helpline's answer.
    "exploitation": [
        r"\b(forced|made|make|makes|making)\s+(me\s+)?(to\s+)?work\b.{0,30}\b(for\s+)?(no\s+(money|"
        r"pay|wages)|nothing|free|without\s+(pay|money|wages))\b",
        r"\b(boss|employer|gangmaster|landlord|they|he|she)\s+(keeps|kept|takes|took|has\s+taken|"
        r"has|holds|won'?t\s+give\s+(me\s+)?back)\s+my\s+(passport|id|documents|papers)",
        # Children and young people made to sell or carry drugs ("county lines").
        r"\b(making|make|makes|made|forcing|force|forced)\s+me\s+(to\s+)?(sell|carry|deliver|hold|"
        r"move|run|stash)\s+(stuff|drugs|gear|weed|packages?|parcels?|bags?|things)\b",
        r"\b(i'?ll|i\s+will|i'?d|that\s+i)\s+owe\s+them\b|"
        r"(?<!risk of )(?<!course on )(?<!training on )(?<!course about )(?<!about )"
        r"(?<!involved in )\bcounty\s+lines?\b",
        r"\b((being|been)\s+(made|forced)|forced)\s+to\s+(sell|carry|deliver|hold|move|run|"
        r"stash)\s+(stuff|drugs|gear|weed|packages?|parcels?|bags?|things)\b",
        r"\b(don'?t|doesn'?t|never|won'?t)\s+(get\s+)?pa(y|id)\s+me\b.{0,40}\b(passport|can'?t\s+"
        r"leave|not\s+allowed|lock|locked|threat)",
        r"\b(can'?t|not\s+allowed\s+to)\s+leave\s+(the\s+)?(farm|site|car\s+wash|factory|"
        r"work)\b",
        r"(?<!on\s)(?<!about\s)(?<!spotting\s)(?<!recognising\s)(?<!recognizing\s)(?<!identifying\s)"
        r"(?<!tackling\s)\bmodern\s+slavery\b(?!\s+(act|statement|policy|training|course|"
        r"module|research|charity|sector|awareness))|\btrafficked\b|(?<!on )(?<!about )(?<!and )\b"
        r"forced\s+labou?r\b(?!\s+(act|training|course))",
        r"\b(won'?t|wont|will\s+not|refuse\w*\s+to)\s+give\s+(me\s+)?(my|our)\s+(id|passport|"
        r"papers|documents)\s+back\b",
        r"\b(they|he|she|someone|somebody)\s+took\s+(my|our)\s+(phones?\s+and\s+)?(passports?|id|"
        r"papers|documents)\b",
        r"\b(must|have\s+to|made\s+to|forced\s+to|make\s+me|makes\s+me)\s+work\s+(to\s+pay\s+(back|"
        r"off)|off)\s+(the|a|their|my|a\s+huge)\s+debt\b",
        r"\bmade\s+to\s+(sleep\s+with|have\s+sex)\b|\bkept\s+in\s+(a|the)\s+(flat|house|room)\b",
        r"\btrap\s+house\b|\b(can'?t|cant|not\s+allowed\s+to)\s+go\s+home\s+(till|"
        r"until)\s+i\s+(sell|shift|"
        r"finish)",
        r"\bat[eė]m[eė]\s+pas[aą]\b|\bnemoka\s+atlyginimo\b",
        r"\b(boss|employer|they|gangmaster|agency)\s+(keep|keeps|kept|take|takes|took|hold|"
        r"holds)\s+(all\s+)?(my|our)\s+(pay|wages)\b(?!\s+(a|one|two|\d+)\s+weeks?\s+in\s+hand)",
        r"\b(making|make|makes|made|forcing|force|forces|forced)\s+me\s+(to\s+)?(have\s+sex|"
        r"sleep\s+with)\b",
        r"\b(no|without|don'?t|dont|doesn'?t|not)\s+(pay|paid|money|wages|pay\s+me|"
        r"pay\s+us)\b.{0,60}\b(sleep\w*\s+(in|at)\s+(the\s+)?(back|warehouse|site|work|shop|farm|"
        r"car\s+wash|room|kitchen)|(take|took|keep|kept|has|have|holds?)\s+(my\s+|"
        r"our\s+)?passports?|deport\w*|locks?\s+(us|me|the\s+door)|can'?t\s+leave|threat\w*|(take|"
        r"took|keep|kept)\s+(my\s+|our\s+)?bank\s+cards?)",
        r"\b((took|taken|keep|keeps|kept|has|have)\s+(my\s+|our\s+)?passports?|deport\w*|"
        r"can'?t\s+leave|(took|keep|keeps|kept)\s+(my\s+|our\s+)?bank\s+cards?)\b.{0,60}\b(no|"
        r"without|don'?t|dont|doesn'?t|not)\s+(pay|paid|money|wages)\b",
        r"\b(boss|employer|gangmaster|agency|they|he|she|man)\s+(take|takes|took|keep|keeps|kept|"
        r"hold|holds|won'?t\s+give\s+back)\s+(all\s+)?(my|our|the)\s+(passports?|bank\s+cards?|id|"
        r"documents|papers)\b(?!\s+(details|number|copy|copies|scan|to\s+(check|copy|scan)))",
        r"\b(man|boss|they|he|she|gangmaster)\s+locks?\s+(the\s+door|us\s+in|me\s+in)\b",
        r"\bmake\w*\s+me\s+(sell|deal|run)\s+for\s+them\b|\bowe\s+(money\s+)?to\s+(some\s+)?(guys|"
        r"people|men|them|a\s+gang)\b.{0,40}\b(make|makes|made|force\w*)\s+me\b",
        r"\b(using|use|used)\s+my\s+(bank\s+)?account\s+to\s+(move|send|transfer|"
        r"launder)\s+money\b",
        r"\bdeport\w*\s+me\s+if\s+i\s+(tell|speak|complain|leave|go|talk)\b",
        r"\b(send\s+(people|someone|men)\s+to|hurt|harm|kill)\b.{0,25}\b(family|families|mum|kids|"
        r"parents)\s+back\s+home\b",
        r"\b(patron\w*|jefe|patr[aã]o|chefe|szef)\b.{0,30}\b(pa[sșş]aport\w*|pasaporte|passaporte|"
        r"paszport)",
        r"\b(work|working|job|boss|employer|nail\s+bar|car\s+wash|farm|factory|site|agency|kitchen|"
        r"takeaway|restaurant)\b.{0,60}\b(don'?t|dont|do\s+not|won'?t|wont|will\s+not|never|"
        r"not)\s+(let|allow\w*)\s+(me|us)\s+(to\s+)?(leave\s+(the\s+)?(house|flat|site|farm|"
        r"building|premises|room|place|compound|caravan)|go\s+out(side)?|go\s+home\b(?!\s+early))",
        r"\bsex\b.{0,30}\bfor\s+(money|rent|a\s+place\s+to\s+(stay|live)|somewhere\s+to\s+stay)\b",
        r"\b(my\s+)?(family|mum|kids|children|brother|sister)\s+(will|would|'?ll)\s+(get\s+|be\s+)?"
        r"(hurt|harmed|killed)\b",
        r"\b(pay\s+back|owe)\s+(the\s+)?(man|men|people|gang)\s+who\s+brought\s+me\b",
        _PAPERS_TAKEN,
        # County lines: older lads, runs to other towns, a child missing who comes back with cash.
        r"\b(older|old)\s+(lads|boys|guys|men|kids|ones|heads)\b.{0,40}\b(make|makes|made|making|"
        r"force\w*|send|sends|sent|got|get|gets|have|has)\s+(me|him|her|us|them|"
        r"my\s+\w+)\s+(to\s+)?(run|carry|sell|deliver|hold|stash|move|drop|shot|"
        r"deal)\s+(\w+\s+)?(stuff|drugs|gear|weed|food|bags|packages?|parcels?|bits|it|for\s+them|"
        r"up|down|to|across)\b",
        r"\b(went|goes|gone|going|been|keeps\s+going|kept\s+going)\s+missing\b.{0,60}\b(came|comes|"
        r"come|turned|turns)\s+(back|home|up)\s+with\b.{0,60}\b(new|cash|money|train\s+tickets?|"
        r"phones?|trainers|burner)\b",
        r"\b(stab\s+vest|burner\s+phone|wads?\s+of\s+cash)\b.{0,60}\b(1[0-7]|[5-9])\b|\b(1[0-7]|"
        r"[5-9])\s*(yo|y/o|yrs?\s+old|years?\s+old)\b.{0,100}\b(stab\s+vest|burner\s+phone|"
        r"wads?\s+of\s+cash)\b",
        r"\b(picked\s+up|collected)\s+by\s+(a\s+|some\s+|these\s+)?(car|cars|van|older\s+\w+|men|"
        r"guys|strangers)\b.{0,80}\b(cash|new\s+(phone|trainers)|stab\s+vest|scared|terrified|"
        r"won'?t\s+say)\b",
        # Money mules: paid to let money through an account, or to open accounts.
        r"\b(paid|pays?|gave|give|offered|offering)\s+me\s+(£?\d+\w*\s+|money\s+|cash\s+|"
        r"some\s+money\s+)?to\s+(let|use|open|lend|borrow)\b.{0,40}\baccounts?\b",
        r"\b(let|letting|allow\w*)\s+(\w+\s+){0,2}(money|cash|payments?|funds)\s+(to\s+)?(go|pass|"
        r"run)\s+through\s+(my|our)\s+(bank\s+)?accounts?\b",
        # Sexual exploitation: made to see men for money.
        r"\b(makes?|made|making|forc\w+|pimp\w*)\s+(me|her|him|us|them)\s+(to\s+)?(sleep\s+with|"
        r"have\s+sex\s+with)\s+(men|guys|blokes|clients|punters|strangers|older\s+men)\b|\b(makes?|"
        r"made|making|forc\w+|pimp\w*)\s+(me|her|him|us|them)\s+(to\s+)?(see|go\s+with)\s+(men|"
        r"guys|blokes|punters|strangers|older\s+men)\s+for\s+(money|cash)\b",
        # Work for food or a bed and no wage; wages taken for the room; home sent back to.
        r"\b(make|makes|made|forc\w+)\s+(me|us)\s+work\b.{0,60}\b(no|without)\s+(wage|wages|pay|"
        r"money|salary)\b|\bno\s+(wage|wages|pay|money|salary)\b.{0,10}\b(just|only)\s+(food|"
        r"a\s+bed|a\s+room|somewhere\s+to\s+sleep)\b",
        r"\bif\s+(i|we)\s+(go\s+(to\s+(the\s+)?)?police|tell\s+(anyone|the\s+police|someone)|"
        r"call\s+(the\s+)?police|speak|talk|complain|leave|run)\b.{0,40}\b(send|sent)\s+(us|"
        r"me)\s+back\b",
        r"\b(boss|employer|gangmaster|agency|they|he|she|man)\s+(take|takes|took|keep|keeps|"
        r"kept)\s+all\s+(of\s+)?(the\s+|my\s+|our\s+)?(salary|earnings|wages|pay|"
        r"money)\s+for\s+(the\s+)?(house|housing|rent|room|transport|travel|food|accommodation|"
        r"debt)\b",
        r"\b(family|families|mum|kids|parents|brother|sister)\s+(at\s+home|back\s+home)\s+(will|"
        r"would|'?ll)\s+(pay|suffer|get\s+hurt|be\s+hurt)\b",
        r"\bsleep\w*\s+(in|at)\s+(the\s+)?(back|warehouse|site|work|shop|farm|car\s+wash|room|"
        r"kitchen|factory|nail\s+bar)\b.{0,60}\b(no|without|don'?t|dont|never)\s+(get\s+)?(pay|"
        r"paid|money|wages)\b",
        r"\b(brought|came|come)\s+(me\s+)?(here|over|to\s+(the\s+)?(uk|england|britain))\s+(for|"
        r"to)\s+(work|a\s+job)\b.{0,80}\b(won'?t|wont|don'?t|dont|not|never)\s+(let|allow\w*|"
        r"pay)\s+(me|us)\b",
        # Threats for stopping: "they'd burn the house if I stop", "can't leave or he'll grass me".
        r"\b(they|he|she)\b.{0,20}\b(burn|hurt|kill|stab|beat|batter|shoot|"
        r"torch)\w*\b(?!\s+my\s+(chances|reference|cv|career|application|prospects|"
        r"feelings)).{0,40}\bif\s+(i|a|we|he|she)\s+(stop|stops|quit|quits|say\s+no|says\s+no|"
        r"refuse|refuses)\b|\bif\s+(i|a|we)\s+(stop|quit|say\s+no|refuse)\b.{0,30}\b(they|he|"
        r"she)\s*('?ll|'?d|\s+will|\s+would)\s+(burn|hurt|kill|stab|beat|batter|shoot|torch)\b",
        r"\b(can'?t|cant|cannot|not\s+allowed\s+to)\s+(leave|stop|quit|say\s+no|"
        r"get\s+out)\s+or\s+(he|she|"
        r"they)\s*('?ll|\s+will|'?d|\s+would)\s+(grass\w*|hurt|harm|kill|stab|beat|batter|burn|"
        r"shoot|torch|shank|deport|smash|come\s+after|go\s+after|find\s+me|get\s+me|do\s+me|"
        r"send\s+(me|us)\s+back|take\s+it\s+out\s+on|set\s+fire)\b"
        r"(?!\s+(herself|himself|themselves|themself))",
        r"\b(holdin[g']?|stashin[g']?|shottin[g']?|shotting|dealin[g']?)\s+(stuff|drugs|gear|weed|"
        r"bud|food|bags|packs?|bits)\b.{0,40}\b(for\s+(them|him|these|some|the)|they|owe|debt|"
        r"tick)\b",
        # In the other languages: wages not paid and no way out; kept locked in.
        r"\bnie\s+p[lł]ac[aą]\b.{0,40}\bnie\s+mog[eę]\s+(odej[sś][cć]|wyj[sś][cć]|wr[oó]ci[cć])",
        r"\b(ne|m[aă])\s+(țin|tin|ţin|ține|tine|ţine)\s+([iî]nchi[sșş]i|[iî]ncuia[tțţ]i|"
        r"[iî]nchis[aă]?|sub\s+cheie)\b|\bne\s+ia\s+(to[tțţ]i\s+)?banii\b",
        r"\bdemoz\s+al?k[ae]f[ae]l\w*|\bmewtat\s+al?chil\w*|ደሞዝ\s+አይከፍሉኝም",
        # A passport kept against a debt; "they say i owe them"; shotting
        # on a line; going missing with an older man; sex to pay a debt; cuckooed; made to work
        # and not let go.
        r"\b(keeps?|kept|holds?|took|taken)\s+(my|our)\s+(passports?|id|documents|papers)\b.{0,60}\b(owe|"
        r"debt|pay\s+(it|him|them)\s+back)\b|\b(get|give)\s+(it|them|my\s+passport)\s+back\s+(once|when|"
        r"after)\s+(the|my)\s+debt\b",
        r"\b(they|he|she)\s+(say|says|said)\s+i\s+owe\s+(them|him|her)\b(?!\s+(a|an|one|the)\b)(?!.{0,30}"
        r"\b(overpayment|council\s+tax|rent\s+arrears))(?=.{0,60}"
        r"\b(have\s+to|work|stop|packages|come\s+round|know\s+where|hurt|travel|debt|pay\s+off|sleep)\b)",
        r"(?<!about )\b(shot|shotting|shottin)\s+(on\s+)?a\s+line\b",
        r"\bmy\s+(son|daughter|boy|girl|kid|child|\d+\s*(yr|year)\s*old)\s+(keeps|kept|has\s+been|is|"
        r"started)\s+going\s+missing\b(?!\s+from\s+(college|school|class|lessons|work))|\b(older|old)\s+(man|men|lads?|boys?|"
        r"guys?)\s+(picking|picks|picked|pick)\s+(her|him)\s+up\b(?!\s+(for|from)\s+(football|training|school|"
        r"work|practice|college))",
        r"\b(sleep\s+with|have\s+sex\s+with)\s+(his|her|their)\s+(mates|friends|mate|friend)\b",
        r"\b(using|use|took\s+over|taken\s+over)\s+my\s+(flat|house|home|place)\s+to\s+(deal|"
        r"sell|stash|cook)\b|(?<!training on )(?<!course on )(?<!about )\bcuckooed\b|"
        r"\b(being|been|are|is)\s+cuckooing\s+(me|him|her|us|my)\b|\bdealers?\s+(are\s+)?(living|staying|using)\s+(in|at)\s+"
        r"my\s+(flat|"
        r"house|home|place)\b",
        r"\b(makes?|made|making)\s+me\s+work\b.{0,40}\b(not|won'?t|wont|doesn'?t|never)\s+let\s+me\s+"
        r"(leave|go)\b(?!\s+(till|until|before|early)\b)",
        # Papers taken, in Romanian, Albanian, Tigrinya and Pashto.
        r"\b(mi-?a|ne-?a|ne-?au|mi-?au)\s+luat\s+(buletinele|buletinul|actele|pa[sșş]apoartele)|"
        r"\bmor[eë]n\s+pasaport|ፓስፖር\w*\s+ወሲዶ|پاسپورټ\s+یې\s+اخیستی",
        # From the seventh set: the boss takes all the money and they can't go out; ID back once
        # fees are paid; her papers kept; sextortion; a vulnerable brother's card and benefits
        # taken by new "friends"; forced to sell drugs (Albanian); a passport taken (Chinese,
        # Portuguese).
        r"\b(boss|owner|gaffer|manager|they)\s+(takes?|keeps?)\s+(all\s+)?(of\s+)?(the\s+|our\s+|my\s+)?"
        r"(money|wages|pay)\b.{0,60}\b((can'?t|cant|not\s+allowed\s+to)\s+(leave|go\s+out|go\s+home|go\s+"
        r"anywhere)|not\s+allowed\s+out)\b(?!\s+(without|until|till))",
        r"\b(id|passports?|papers|documents)\b.{0,60}\b(get|give)\s+(it|them)\s+back\s+(once|when|after)\s+"
        r"(you'?ve|youve|i'?ve|ive|we'?ve|i|we|you)\s+(paid|pay)\s+off\b",
        r"\b(they|he|she|the\s+family|the\s+boss|employer)\s+(keep|keeps|kept|took|taken)\s+(her|his|"
        r"their)\s+(papers|passports?|documents)\b|\b(have|has)\s+(her|his|their)\s+(papers|passports?)\b"
        r".{0,40}\bnot\s+allowed\s+out\b",
        r"\b(send|share|post|show)\s+(the\s+)?(videos?|pics|pictures|photos|nudes)\s+to\s+(my|me)\b"
        r".{0,30}\bif\s+i\b|\bmaking\s+me\s+do\s+(cam|sex|porn|webcam)\b",
        r"\b(living|moved\s+in|staying)\s+with\s+(him|her)\b.{0,60}\b(taken|took|have|got)\s+(his|her)"
        r"\s+(bank\s+card|money|benefits|uc|pin)\b",
        r"\bm[eë]\s+detyroj\w*|拿走了?我的护照|扣了?我的护照|护照被|\b(tomaram|tomou)\s+(o\s+)?(meu|"
        r"nossos?)\s+(passaportes?|documentos)\b",
        # From the eighth set: drugs sold from my flat; a home taken over by a gang; locked in
        # from outside; working for food; a "manager" who takes all her money; identity cards
        # taken and a debt (Bulgarian); passports taken (Lithuanian).
        r"\b(moved\s+into|living\s+in)\s+my\s+(flat|house)\b.{0,40}\bdealing\b|"
        r"\b(sell|selling|deal|dealing)\s+drugs\s+(from|out\s+of)\s+(it|my\s+(flat|house|place))\b|\b(mates|they|"
        r"dealers|lads)\s+(sell|deal)\w*\s+(\w+\s+){0,2}(from|out\s+of)\s+(it|my\s+(flat|house|place))\b|"
        r"\b(gang|they|dealers|lads|men|who'?s|who\s+has)('?s|\s+has|\s+have|'?ve)?\s+(taken|took)\s+over\s+"
        r"(his|her|my|our)\s+(\w+'?s\s+)?(flat|house|home|place)\b(?!.{0,30}\b(renovat\w*|building\s+work|"
        r"decorat\w*|extension|company))",
        r"\block\s+(the\s+door|me\s+in|us\s+in)\s+from\s+(the\s+)?outside\b|\bwe\s+work\s+(only\s+)?for\s+"
        r"food\s*([.,!]|$|and\s+a\s+bed|only)|\bwork\s+for\s+food\s+only\b",
        r"\b(takes|keeps)\s+all\s+(her|his|my|our)\s+(money|wages|earnings)\b.{0,80}\btells\s+(her|him|"
        r"me|us)\s+where\s+to\s+live\b",
        r"(взе|взеха)\s+(\w+\s+)?(личните\s+карти|документите)|дължим\s+пари|\bpa[eė]m[eė]\s+pasus\b",
        # From the ninth set: money through my account and threats; shotting to pay a debt; the
        # owner keeps my passport; sent to other towns; made to send pictures; forced to steal; a
        # visa debt that grows; other languages (papers kept in Romanian, Bengali, Nepali,
        # Slovak; working until a debt is paid).
        r"\b(put|move|moving|putting)\s+money\s+through\s+my\s+(bank\s+)?account\b.{0,60}\b(threat\w*|"
        r"won'?t\s+let|can'?t\s+stop)",
        r"\b(making|make|made)\s+me\s+(do\s+)?(shotting|shottin|shot|deal(?!\s+with))\b",
        r"\b(owner|boss|employer|manager|agency|agent)\s+(keeps?|kept|took|taken|is\s+keeping|won'?t\s+give\s+"
        r"(me\s+)?back)\s+(my|our)\s+"
        r"(passports?|papers|documents|id)\b(?!\s+(details|number|copy|scan|photo|check))",
        r"\b(send|sends|sent)\s+me\s+(to\s+)?(different|other)\s+towns\b.{0,30}\b(packages|parcels|drugs|"
        r"stuff|bags)\b.{0,80}\b(stabbed|can'?t\s+get\s+out|owe|debt|threat\w*|beat\w*)\b|\bmade\s+me\s+send\s+(him|her|"
        r"them)\s+(pics|pictures|photos|nudes|videos)\b(?!\s+of\s+(the|a|our|his|her)\b)",
        r"\b(force|forces|forced|make|makes|made|making)\s+me\s+(to\s+)?(steal|shoplift|nick)\b",
        r"\bdebt\s+to\s+(the|a|that)\s+(guy|man|woman|agent|boss|gang|people)\b.{0,60}\bkeeps\s+going\s+up\b|\b(must|have\s+to|made\s+to|make\s+me|says\s+i\s+(must|"
        r"have\s+to))\s+work\b.{0,40}\bunpaid\b",
        r"\bne\s+[tțţ]ine\s+actele\b|পাসপোর্ট\s+(নিয়ে\s+নিয়েছে|কেড়ে)|राहदानी.{0,20}(राखेको|लिएको|खोसे)|\bzobrali\s+mi\s+(ob[cč]iansky|pas)\b|"
        r"\bnesplat[ií]m\s+dlh\b",
        # From the tenth set: pictures held over someone ("says he'll post them unless I send
        # more"): sextortion
        r"\b(pics|photos|pictures|nudes|videos?|vids)\b.{0,80}\b(post|share|send|leak)\w*\s+(them|"
        r"it|the\s+(pics|photos|pictures|videos?|nudes)|my\s+(pics|photos|pictures|nudes|videos?))"
        r"\b.{0,40}\bunless\s+(i|u|you)\s+(send|pay|give|do)\b",
        r"\b(post|share|send|leak)\w*\s+(the\s+|my\s+)(pics|photos|pictures|nudes|videos?|vids)\b"
        r".{0,40}\bunless\s+(i|u|you)\s+(send|pay|give|do)\b",
    ],
    "homeless_tonight": [
        r"\b(homeless|nowhere\s+to\s+(sleep|stay|go))\s+(tonight|today|now|right\s+now)\b",
        r"\b(sleep|sleeping|sleepin'?|slept|kip|kipping|kippin'?)\s+rough\b",
        r"\bsleeping\s+(on\s+the\s+street|in\s+(my|a|the)\s+car|in\s+a\s+park)\b",
        r"\b(on|in)\s+the\s+streets?\s+tonight\b",
        r"\bkicked\s+out\s+(tonight|today)\b",
        r"\bi'?m\s+homeless\b",
        r"\bi\s+am\s+homeless\b",
        r"\b(i'?m|im|i\s+am)\s+(living\s+|sleeping\s+)?on\s+the\s+streets?\b",
        r"\bno\s*where\s+to\s+sleep\b",
        r"\b(sleep|sleeping|living|live)\s+in\s+a\s+tent\b|\bsleeping\s+(on|in|at)\s+(the|a)\s+"
        r"(bus|station|train\s+station|stairwell|doorway|bench|bus\s+stop)\b",
        r"\b(no\s*where|nowhere)\s+to\s+go\s+(tonight|today|now)\b",
        r"\bno\s*where\s+to\s+(stay|sleep)\b|\bno\s*where\s+safe\b",
        # Put out of a home today: the bailiffs have been, a parent or a hostel put them out.
        r"\bbailiffs?\s+(came|have\s+been|were\s+here|turned\s+up)\s+(today|this\s+morning|earlier|"
        r"tonight|just\s+now)\b",
        # "flung oot the hoose the day": Scots says today and tonight "the day" and "the night".
        r"\b((kicked|thrown|threw|chucked|flung|turfed|booted)\s+(me\s+|us\s+)?|put\s+(me|"
        r"us)\s+)(out|oot)\b"
        rf"{_NOT_HOME}\b.{{0,80}}\b(an\s+hour\s+ago|this\s+(morning|"
        r"afternoon|evening)|just\s+now|earlier(\s+today)?|today|tonight|the\s+day|the\s+night|the\s+neet|"
        r"the\s+nite)\b",
        r"\b(leave|out|go)\s+tonight\b.{0,80}\bno\s*where\b|\bno\s*where\b.{0,60}\btonight\b",
        r"\b(don'?t|dont|do\s+not)\s+know\s+where\s+(to\s+go|i'?ll\s+sleep|to\s+sleep|"
        r"i\s+can\s+sleep)\s+tonight\b",
        r"\b(sleeping|slept|stuck|spending\s+the\s+night)\s+(at|in)\s+the\s+(bus|train|"
        r"coach)\s+station\b|\b(sat|sitting)\s+(at|in)\s+the\s+(bus|train|"
        r"coach)\s+station\b.{0,60}\b(night|nowhere|no\s+where|kicked|thrown|can'?t\s+go)",
        r"\bwhere\s+(can|do|should|will)\s+i\s+(sleep|stay|go)\s+tonight\b",
        r"\b(i'?m|im|i\s+am)\s+(literally\s+|now\s+|basically\s+|"
        r"actually\s+)?on\s+the\s+streets?\b",
        r"\bstaying\s+in\s+(a|the)\s+(stairwell|doorway|park|tent|bus\s+shelter|shed|car|van)\b",
        r"\bma\s*3andi\s+(wein|wen|mkan|makan)\s+(nam|anam)\b|\btarduni\b",
        r"\b(i'?m|im|i\s+am|we'?re|were|living|staying|sleeping)\s+in\s+a\s+tent\b",
        r"\b(sone|saun|rehne)\s+(layi|lai|ke\s+liye|keliye)\s+(koi\s+)?jagah\s+(nahi|nahin|nai)\b",
        r"\bn[aã]o\s+tenho\s+onde\s+(dormir|ficar)\b|\bkalacak\s+yer(im)?\s+yok\b|"
        r"\bsokaktay[\u0131i]m\b",
        r"\b(slept|kipped|been\s+sleeping|spent\s+the\s+night)\s+(rough|outside|out|in\s+(a|the|"
        r"my)\s+(stairwell|park|car|van|doorway|tent|bus\s+shelter|shed|phone\s+box)|on\s+(the|"
        r"a)\s+(street|streets|bench|pavement)|at\s+(the|a)\s+(station|bus\s+station|airport))\b",
        r"\b(living|sleeping|staying)\s+in\s+(my|our)\s+(car|van)\b|\bsleep(ing)?\s+outside\b",
        r"\b(threw|thrown|kicked|chucked)\s+me\s+out\b.{0,30}\b(nowhere|no\s+where|street)",
        r"\bnie\s+mam\s+gdzie\s+spa[cć]\b|\bnu\s+am\s+unde\s+s[aă]\s+dorm\b",
        r"\bno\s+tengo\s+d[oó]nde\s+dormir\b|ليس\s+لدي\s+مكان\s+(للنوم|[أا]نام)",
        r"\b(\d+(st|nd|rd|th)?|first|second|third|fourth|fifth|another|two|three|four|five|few|"
        r"couple\s+of)\s+nights?\s+(on|in)\s+the\s+streets?\b|\bnights?\s+sleeping\s+(rough|"
        r"outside|on\s+the\s+streets?)\b",
        r"\b(sleeping|slept|been\s+sleeping|sleep|staying|stayed)\s+(in|on|at)\s+(the|"
        r"a)\s+(underpass|subway|car\s+park|multi[\s-]?storey|graveyard|churchyard|bin\s+store|"
        r"bus\s+shelter|phone\s+box)\b",
        r"\b(sleep|sleeping|slept|kip\w*)\s+(under|beneath)\s+(a|the)\s+(bridge|arches|flyover|"
        r"railway\s+bridge|underpass)\b",
        # "i got nowhere" with the tent gone or the rain coming down; told to go tonight.
        r"\b(tent|sleeping\s+bag|kicked\s+out|thrown\s+out|chucked\s+out|evicted|raining|"
        r"pissing\s+down|freezing)\b.{0,60}\b(i'?ve|i\s+have|i|"
        r"ive)\s+(got\s+)?no\s*where\b(?!\s+(with|near|in|on|fast|close))",
        # Told to leave tonight by whoever they stay with (not "my manager said i have to go
        # tonight": "go" only when a host says it).
        r"(?<!manager\s)(?<!boss\s)(?<!supervisor\s)(?<!agency\s)(?<!teacher\s)(?<!tutor\s)"
        r"(?<!coach\s)(?<!doctor\s)(?<!gp\s)"
        r"\b(said|says|told\s+me|telling\s+me|wants?)\s+(that\s+)?(i|me)\s+(gotta|have\s+to|"
        r"got\s+to|need\s+to|must|has\s+to|hav\s+to|to)\s+(leave|get\s+out|be\s+out|move\s+out|"
        r"pack\s+my\s+(stuff|bags))\s+tonight\b(?!\s+(at|for|to|by|instead|early|after))",
        r"\b(mates?|mate'?s|friends?|friend'?s|missus|landlord|landlady|host|mum|mam|mom|dad|"
        r"parents|step\w+|aunt\w*|uncle|nan|gran|sister|brother|cousin|partner|boyfriend|"
        r"girlfriend|bf|gf|husband|wife|family)\s+(said|says|told\s+me|telling\s+me|wants?)\s+"
        r"(that\s+)?(i|me)\s+(gotta|have\s+to|got\s+to|need\s+to|must|has\s+to|hav\s+to|"
        r"to)\s+go\s+tonight\b(?!\s+(at|for|to|by|instead|early|after|out|with|and\s+see))",
        r"\b(left|fled|ran\s+(away\s+)?from|walked\s+out\s+on|escaped)\s+(him|her|them|"
        r"my\s+(husband|partner|boyfriend|wife|girlfriend|bf|gf|family|parents|abuser))\s+(tonight|"
        r"this\s+evening|just\s+now|an\s+hour\s+ago)\b",
        # Somewhere open late, till it shuts, with nowhere after; a place to stay that fell through.
        r"\b(sat|sitting|sit|staying|stay|waiting|wait|stuck)\s+(in|at)\s+(a\s+|the\s+)?(mcdonalds|"
        r"mcdonald'?s|maccies|maccys|kfc|cafe|café|costa|greggs|a\s*&\s*e|24\s*(hr|hour)\s+\w+|"
        r"services|laundrette|launderette|library)\b.{0,50}\b(til|till|until)\s+(it\s+|"
        r"they\s+)?(clos\w*|shuts?)\b.{0,80}\b(can'?t\s+go\s+(back|home)|cant\s+go\s+(back|home)|"
        r"no\s*where|don'?t\s+know\s+where|dont\s+know\s+where)",
        r"(?<!work\s)(?<!job\s)\b(placement|tenancy|hostel(\s+place)?|accommodation|"
        r"b\s*&\s*b)\b.{0,20}\b(ended|fell\s+through|finished|ran\s+out|cancelled)\s+(today|"
        r"tonight)\b.{0,100}\b(station|street|streets|no\s*where)\b",
        r"\b(room|place|accommodation|flat|house|bed)\s+(i|we)\s+(was|were)\s+promised\b.{0,30}\b("
        r"doesn'?t|does\s+not|didn'?t|isn'?t|wasn'?t|never)\s+(exist\w*|there|real|ready)\b",
        r"\b(i'?m|im|i\s+am|we'?re|stuck|sat|sitting|waiting)\s+(at|in)\s+(the\s+)?(bus|train|"
        r"coach)\s+station\b.{0,60}\b(no\s*where|all\s+night|kicked|thrown|can'?t\s+go\s+(home|"
        r"back)|sleep(ing)?\s+(here|there|on\s+(a|the)\s+(bench|floor|seats?|platform))|"
        r"sleeping(?!\s+on\s+the\s+(train|bus|coach))|slept\s+(here|there|on)|"
        r"(trying|try|tryna|gonna|going|have|got|gotta|need)\s+(to\s+)?(sleep|kip)\s+(here|there|"
        r"tonight|on))\b",
        r"\b(i'?m|im|i\s+am|we'?re)\s+(in|on)\s+(a|the)\s+(doorway|underpass|park\s+bench|"
        r"bus\s+shelter|stairwell)\b",
        # In the other languages: nowhere to sleep; at the station, in a park, on the street.
        r"\bnie\s+mam\s+gdzie\s+(spa[cć]|i[sś][cć]|p[oó]j[sś][cć]|mieszka[cć]|si[eę]\s+podzia[cć]|"
        r"nocowa[cć])\b|\b[sś]pi[eę]\s+(na\s+(dworcu|ulicy|[lł]awce|klatce)|w\s+(parku|samochodzie|"
        r"aucie|namiocie|pustostanie))\b|\bjestem\s+bezdomn",
        r"\bnu\s+am\s+unde\s+s[aă]\s+(dorm|merg|stau|m[aă]\s+duc)\b|\bdorm\s+([iî]n|pe)\s+(parc|"
        r"strad[aă]|ma[sșş]in[aă]|gar[aă]|banc[aă]|sta[tțţ]ie)\b|"
        r"\bsunt\s+(f[aă]r[aă]\s+(ad[aă]post|cas[aă])|pe\s+strad[aă])\b|"
        r"\bam\s+r[aă]mas\s+pe\s+strad[aă]\b",
        r"\b(duermo|durmiendo|vivo|viviendo)\s+en\s+la\s+calle\b|"
        r"\bno\s+tengo\s+(a\s+)?d[oó]nde\s+(dormir|"
        r"quedarme|ir)\b|\b(durmo|dormindo|moro|vivo|vivendo)\s+na\s+rua\b|"
        r"\bn[aã]o\s+tenho\s+(para\s+)?"
        r"onde\s+(dormir|ficar|ir)\b",
        r"\bje\s+dors\s+(dehors|dans\s+la\s+rue|dans\s+ma\s+voiture)\b|"
        r"\bje\s+suis\s+[aà]\s+la\s+rue\b|\bpas\s+o[uù]\s+dormir\b|\bdormo\s+(per|in)\s+strada\b|"
        r"\bnon\s+ho\s+(dove|un\s+posto\s+dove)\s+dormire\b",
        r"(ما\s+عندي|ليس\s+لدي|مافي|ما\s+في|لا\s+يوجد)\s+مكان\s+(أنام|انام|للنوم|[أا]بات)|"
        r"[أا]نام\s+في\s+الشارع",
        r"\b(sone|saun|rehne|rukne)\s+((ki|ke\s+liye|keliye|layi|lai|ko|di|"
        r"da)\s+)?(koi\s+)?jagah\s+(nahi|"
        r"nahin|nai|na)\b|\b(sadak|sarak|footpath)\s+(pe|par|te)\s+(so|sota|soti|sona)\b",
        r"\bmeel\s+(aan|an)\s+(ku\s+)?(seexdo|seexado|joogo|hoydo)\s+ma\s+(haysto|hayo)\b|"
        r"\b(joogaa|seexdaa|seexanayaa)\s+(wadada|waddada|banaanka)\b",
        r"\b(kalacak|yatacak|uyuyacak)\s+(bir\s+)?yer(im)?\s+yok\b|\bevsizim\b|\bsokakta\s+(yat|"
        r"uyu)",
        r"ночую\s+на\s+(улице|вулиці|вокзале|вокзалі)|мне\s+негде\s+(спать|ночевать|жить)|"
        r"мені\s+ніде\s+(спати|ночувати|жити)|сплю\s+на\s+(улице|вулиці|вокзале|вокзалі)",
        # No bed tonight; put out ("flung me oot"); a stairwell; evicted with a child and on the
        # street (Ukrainian).
        r"\bno\s+bed\s+(tonight|for\s+tonight|the\s+nite|the\s+night|for\s+the\s+night)\b(?!.{0,20}\b(premier"
        r"\s+inn|travelodge|hotel))",
        r"\b(landlord|landlady|he|she|they)\s+(has\s+|'s\s+|have\s+)?(changed|changing)\s+the\s+locks\s+"
        r"(today|tonight|this\s+(morning|afternoon|evening))\b"
        r"|\bwhere\s+(do|can|will|shall)\s+(i|we)\s+sleep\b(?!\s+(on|at|during|when|in|if)\b)|\bevicted\s+(today|tonight|this\s+"
        r"(morning|afternoon|evening)|just\s+now)\b",
        r"\bnowhere\s+to\s+go\s+this\s+(evening|afternoon)\b|\btonight\s+(it'?s|its)\s+(the\s+)?"
        r"(park|street|streets|car|bench|station)\b(?!\s+run)",
        r"\b(flung|chucked|kicked|thrown|threw|booted|turfed)\s+me\s+oot\b|\bsleep(ing|in'?)?\s+in\s+"
        r"(the|a)\s+stairwell\b",
        r"(виселив|виселили|вигнав|вигнали|выселил\w*|выгнал\w*)\b.{0,40}на\s+(вулиці|улице)",
        # From the seventh set, other languages: nowhere to sleep tonight (Sorani Kurdish, Persian
        # and Tamil in English letters), put out today (Ukrainian).
        r"\b(sat|sitting|sleeping|stuck)\s+(at|in)\s+(the\s+)?(bus|train|coach)\s+station\b.{0,60}\b(nowhere|"
        r"all\s+night)\b|\bkicked\s+(me|us)\s+out\b.{0,60}\b(bus|train|coach)\s+station\b|\b(discharged|"
        r"released)\b.{0,120}\bnowhere\s+to\s+(go|stay|sleep)\b(?!\s+(career|with|in\s+life))|\bsleep(ing|in'?)?\s+in\s+(the|"
        r"my)\s+(motor|car|van)\s+(the\s+night|tonight|the\s+nite)\b",
        r"شوێن\w*\s+نییە\s+بۆ\s+خەوتن|ئەمشەو.{0,40}خەوتن|\bja\s+(baraye\s+khabidan\s+)?nadaram\b|\baz\s+kh(o|u|oo)ne?\s+(biroon|birun)\s+kard\b|"
        r"\bthoonga\s+(edam|idam)\s+illa\b",
        r"(виставив|виставили)\b.{0,40}на\s+(вулиці|улице)|(нема|немає|ніде)\s+де\s+ночувати|"
        r"ночувати\s+(нема|немає|ніде)",
        # From the eighth set: where am i meant to sleep; to leave care today with nothing sorted;
        # anywhere tonight with no bed; a family on the street; nowhere to sleep tonight
        # (Tigrinya, Pashto).
        r"\bwhere\s+(am|are)\s+(i|we)\s+(meant|supposed)\s+to\s+(sleep|stay)\b|\b(have|got|need)\s+"
        r"to\s+(leave|go)\s+today\b.{0,40}\bnowhere\b",
        r"\b(anywhere|somewhere)\s+(open\s+|to\s+(stay|sleep)\s+)?tonight\b.{0,60}\b(no\s+bed|nowhere|"
        r"sofa\s+surf\w*|get\s+out)\b|\b(we'?re|we\s+are|my\s+family\s+(are|is)|family\s+are)\s+(now\s+)?"
        r"on\s+the\s+streets?\b(?!\s+(playing|handing|collecting|campaign\w*|leaflet\w*|canvass\w*|flyer\w*|"
        r"outside))",
        r"ዝድቅሰሉ\s+ቦታ\s+የብለይን|ለይቲ.{0,20}ቦታ\s+የብለይን|ځای\s+نه\s+لرم|نن\s+شپه.{0,30}ځای",
        # From the ninth set: a foster placement ended today; emergency housing tonight; not let
        # back in by a hostel, or on a bench tonight; a bed tonight, on the streets; out and stood
        # outside; where am I to
        # sleep; thrown out today (Hungarian).
        r"\b(foster\s+(care\s+)?placement|leaving\s+care)\b.{0,20}\bended\s+today\b|\bemergency\s+(housing|"
        r"accommodation)\s+(for\s+)?tonight\b",
        r"\b(hostel|curfew)\b.{0,60}\b(won'?t|wont)\s+let\s+me\s+(back\s+)?in\b(?!\s+to\s+get)|\b(sat|sitting|"
        r"sleeping|kipping)\s+on\s+(a|the)\s+bench\b(?!.{0,40}\bwaiting\s+for)(?=.{0,40}\b(raining|pouring|"
        r"freezing|curfew|nowhere)\b)",
        r"\bbeen\s+on\s+the\s+streets?\s+(since|for\s+(\w+\s+)?(days|weeks|nights|months|a\s+(week|month)))\b|"
        r"\b(no|any|need\s+a|get\s+a|find\s+a|chance\s+of\s+a)\s+bed\s+(for\s+)?tonight\b(?!.{0,20}\b(premier"
        r"\s+inn|travelodge|hotel))|\b(oan|on)\s+the\s+streets?\s+"
        r"(the\s+night|the\s+nite|tonight|the\s+neet)\b",
        rf"\b({_FAMILY}|landlord|landlady)\b.{{0,20}}\bkicked\s+(us|me)\s+out\b.{{0,60}}\b(stood|standing|"
        r"sat|sitting)\s+outside\b",
        r"\bwhere\s+i(\s+am|'m)\s+to\s+sleep\b|\bknow\s+where\s+i\s+(am\s+to|will|can|shall)\s+sleep\b(?!\s+(on|"
        r"at|during|in)\b)|\bwhere\s+(i|we)\s+can\s+sleep\s+tonight\b(?!\s+before)",
        r"\bkitettek\b|\butc[aá]n\s+alszom\b",
        # From the tenth set: let out today with no address; EAL "no place for sleep"
        r"\b(released|let\s+out|got\s+out|came\s+out|discharged)\s+(from|of)\s+(prison|jail|gaol|"
        r"remand|custody|hmp|the\s+nick|hospital)\s+(today|this\s+(morning|afternoon)|tonight)\b"
        r".{0,60}\b(no\s+(address|fixed\s+abode|accommodation|where\s+to\s+(go|stay|sleep))|"
        r"nowhere)\b",
        r"\bno\s+place\s+(for|to)\s+sleep(ing)?\b(?!\s+(at|on)\s+(work|the\s+shift))",
    ],
    # About to lose a home: the council must help someone threatened with homelessness within
    # 56 days (Housing Act 1996, Part 7), so this is urgent too, with its own answer.
    "housing": [
        r"\b(gonna|going\s+to|about\s+to|will)\s+be\s+homeless\b",
        r"\bhomeless\s+(soon|next|by|on|from|after|in\s+a)\b",
        r"\b(have|got|need)\s+to\s+(leave|get\s+out|move\s+out)(\s+(of\s+)?(my|the|our|this)\s+"
        r"(home|house|flat|room|place|accommodation|property|hostel|digs))?\s+(by|on|this|next|"
        r"before|end\s+of|in\s+a)\b(?!\s+\d{1,2}(\s*(am|pm|o'?clock)|\s+to\b|\s*$))",
        r"\b(sofa|couch)[\s-]?surf",
        r"\bcan'?t\s+(re)?house\s+(me|us)\b|\bpossession\s+(of\s+(my|the|our)\s+(flat|house|home)|"
        r"hearing|claim)\b",
        rf"\b(threw|thrown)\s+(me|us)\s+out\b{_NOT_HOME}",
        r"\blandlord\b.{0,30}\b(changed|changing|change)\s+the\s+locks\b|"
        r"\blocked\s+(me\s+)?out\s+of\s+"
        r"(my|the|our)\s+(flat|house|home|room)\b",
        r"\b(landlord|housing\s+association|council)\b.{0,40}\b(gave|given|served|sent)\s+(me\s+)?"
        r"(a\s+|my\s+|an\s+)?(notice|eviction|section\s+21|section\s+8)",
        r"\b(eviction|evicted|evicting|evict\s+me)\b(?!\s+officer)(?!\s+(from\s+the\s+(group|chat|game|server)|"
        r"notices?\s+(was\s+|were\s+)?(cancelled|are\s+part)))(?!\s+(\d+|a\s+few|two|three|four|"
        r"five|several|many)\s+(yrs?|years?|months)\s+ago)",
        r"\bsection\s+21\b",
        r"\bnotice\s+to\s+(quit|leave)\b",
        rf"\b(kicked|thrown|chucked)\s+(me\s+)?out\b{_NOT_HOME}",
        r"\b(losing|lose)\s+my\s+(home|house|flat|room|place)\b",
        r"\bnowhere\s+to\s+(live|go)\b",
        r"\blandlord\b.{0,40}\b(wants?|told|tells|says?|said|asked)\b.{0,30}\b(gone|out|leave|go|"
        r"move)\b",
        r"\b(kipping|staying|sleeping|crashing)\s+(on|at|in)\b.{0,25}\b(couch|sofa|settee|floor)",
        r"\bno\s+fixed\s+(address|abode)\b",
        r"\b(must|have\s+to|got\s+to|need\s+to)\s+(go\s+out|leave|get\s+out|move\s+out)\s+(from|"
        r"of)\s+(the\s+|my\s+|our\s+)?(house|flat|home|room)\b(?!\s+more)",
        r"\b(repossess\w*|possession\s+order)\b",
        # bailiffs come for debts too: a home only when one is named
        r"\bbailiffs?\b.{0,50}\b(evict\w*|home|house|flat|possession|locks?|keys|landlord|"
        r"tenancy|rent|warrant|move\s+out|kick\w*\s+(us|me)\s+out)\b",
        r"\b(evict\w*|home|house|flat|possession|landlord|tenancy|rent|warrant)\b.{0,50}"
        r"\bbailiffs?\b",
        r"\b(chucking|kicking|throwing)\s+(me|us)\s+out\b",
        r"\bstaying\s+(at|on|with)\s+(a\s+)?(mates?|friends?)'?s?\b.{0,30}\b(floor|sofa|couch)\b",
        # "gotta be out by friday", "we have to be out of the flat by the 20th"
        r"\b(gotta|got\s+to|have\s+to|need\s+to|must|hav\s+to|has\s+to)\s+be\s+out\b(\s+(of\s+)?"
        r"(my|the|our|this)\s+\w+)?\s+(by|on|this|next|before|end\s+of|in\s+a|in\s+\d)",
        r"\bnowhere\s+(to\s+take|for)\s+(me\s+and\s+)?(the|my|our)\s+(kids|children|baby|family)\b",
        r"\b(behind|arrears)\s+(on|with)\s+(my\s+|the\s+|our\s+)?(rent|mortgage)\b",
        r"\b(rent|mortgage)\s+arrears\b",
        r"\bcourt\b(?!\s*house).{0,40}\b(rent|landlord|house|flat|home|mortgage|possession)\b",
        r"\b(rent|landlord|mortgage|housing\s+association)\b.{0,40}\bcourt\b",
    ],
}
# Exploitation that also reads as a threat at home ("they'll hurt my mum if i stop"): the signs
# of criminal or sexual exploitation, or a passport taken, settle it as exploitation.
_EXPLOITED = re.compile(
    r"\b(using|use|took\s+over|taken\s+over)\s+my\s+(flat|house|home|place)\s+to\s+(deal|sell|stash|"
    r"cook)\b|\btells\s+(her|him|me|us)\s+where\s+to\s+live\b|"
    r"\b(make|makes|made|making|force\w*)\s+me\s+(to\s+)?(steal|shoplift|carry|sell|deliver|run|hold|"
    r"stash|"
    r"move)\b|\bcounty\s+lines?\b|\btrap\s+house\b|\btrafficked\b|\b(passport|"
    r"papers)\b.{0,30}\b(took|taken|keep|keeps|kept|has|won'?t\s+give)\b|\b(took|taken|keep|keeps|"
    r"kept)\s+(my|our)\s+(passport|papers)\b|\bif\s+(i|a|we)\s+(stop|quit)\s+(dealing|selling|"
    r"running|carrying|holding|shotting|delivering|working\s+for\s+them)\b",
    re.IGNORECASE,
)
# A notice that ends two months or more from now ("served a section 21, I have to leave in two
# months") is not yet within the 56 days: the ordinary answer about housing help is the right one.
_NOT_YET = re.compile(
    r"\b(leave|out|move|moving|go|notice|gone)\b.{0,15}\b(in|within|after)\s+(two|three|four|five|"
    r"six|2|3|4|5|6)\s+months\b|\b(two|three|four|five|six|2|3|4|5|6)\s+months'?\s+notice\b",
    re.IGNORECASE,
)
# A move that comes with a job offer is no threat to a home ("if I get the job in Leeds I'll need
# to move out by August"), unless a home is being lost as well.
_MOVING_FOR_A_JOB = re.compile(
    r"\bif\s+i\s+(get|take|accept)\s+(the|that|this|a)\s+(job|place|offer|role|position)\b",
    re.IGNORECASE,
)
_LOSING_A_HOME = re.compile(
    r"\b(evict\w*|section\s+21|bailiffs?|possession|arrears|repossess\w*|kicked\s+(me|us)\s+out)\b",
    re.IGNORECASE,
)
# Kinds that need the emergency answer straight away (``_CHECKS`` below: the order they are read).
CRISIS_KINDS = ("overdose", "suicide", "abuse", "exploitation", "homeless_tonight", "housing")
# Each pattern is searched for on its own: joined into one alternation, the words each begins
# with are hidden from the regex engine's quick scan, and it tries every pattern at every
# character (twice as slow).
_COMPILED = {
    kind: tuple(re.compile(p, re.IGNORECASE) for p in patterns) for kind, patterns in _KINDS.items()
}


def _finder(kind: str) -> Callable[[str], bool]:
    patterns = _COMPILED[kind]
    return lambda text: any(pattern.search(text) for pattern in patterns)


_exploitation = _finder("exploitation")
_housing_lost = _finder("housing")


# A marriage forced by family is abuse (its helpline, not the modern slavery one), even with a
# passport taken; a marriage only mentioned changes nothing.
_MARRIAGE = re.compile(
    r"\bto\s+marry\b|\b(forc\w*|mak\w*|made)\s+(me\s+)?(to\s+)?marry\b|\bforced\s+marriage\b|"
    r"\b(zabardasti|shaadi\s+karwa)",
    re.IGNORECASE,
)


def _exploited(text: str) -> bool:
    return bool(_EXPLOITED.search(text) and _exploitation(text)) and not _MARRIAGE.search(text)


def _housing(text: str) -> bool:
    if not _housing_lost(text) or _NOT_YET.search(text):
        return False
    return not _MOVING_FOR_A_JOB.search(text) or bool(_LOSING_A_HOME.search(text))


# The checks in order, most serious first. Exploitation by its own signs comes before abuse, so
# "they'll hurt my mum if i stop carrying" is exploitation, not a threat at home.
_CHECKS = (
    ("overdose", _finder("overdose")),
    ("suicide", _finder("suicide")),
    ("exploitation", _exploited),
    ("abuse", _finder("abuse")),
    ("exploitation", _exploitation),
    ("homeless_tonight", _finder("homeless_tonight")),
    ("housing", _housing),
)


# A learner's question about what to do if someone is in danger ("first aid course: what to do
# if someone is not breathing after using drugs") is about the course, not a resident in danger.
_TRAINING_QUESTION = re.compile(
    r"(?<!of\s)\b(course|training|module|workshop|paediatric\s+first\s+aid|first\s+aid\s+(course|at\s+"
    r"work))\b.{0,80}\b(what\s+(to\s+do|do\s+you\s+do|should\s+(you|we)\s+do)|what\s+if)\s+(if\s+|"
    r"when\s+)?(someone|somebody|a\s+(person|client|resident|patient|child|casualty|toddler|baby|"
    r"customer|learner|student))\b",
    re.IGNORECASE,
)


def flatten(text: str | None) -> str:
    """One line, single spaces, plain apostrophes: what every pattern here is written against."""
    return " ".join((text or "").replace("\u2019", "'").split())


# Everyday phrases a danger's words are part of, from the reviews of ordinary messages: "my dad
# beats me at chess", "I cut myself shaving", "need to leave by 2 today for the school run". Each
# is blanked out before the patterns read the message, so the rest of it is still read: "cut
# myself shaving lol but honestly i want to die" is still a crisis. Each names the ordinary
# reading exactly, never a topic, so a danger said beside it is not hidden.
_WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ORDINARY_READINGS = re.compile(
    "|".join(
        (
            # a game lost, a favour asked, chances hurt: not violence
            r"\b(beats?|beat)\s+me\s+at\s+(chess|cards|darts|pool|snooker|football|tennis|"
            r"scrabble|monopoly|fifa|games?|everything)\b",
            r"\bhits?\s+me\s+up\s+for\b",
            r"\b(hurt|ruin|kill)\s+my\s+(chances|prospects|career|reputation|credit\s+score)\b",
            r"\bin\s+danger\s+of\s+(losing|missing|failing|being\s+(sanctioned|late|kicked\s+off\s+"
            r"(the|my)\s+course))\b",
            # accidents and errands: not self-harm, not pills gathered
            r"\b(hurt|cut|burnt|burned)\s+my\s*self\s+(at\s+work\s+)?(while\s+|when\s+)?(shaving|"
            r"lifting\s+\w+|cooking|chopping\s+\w+|at\s+the\s+gym|playing\s+\w+)\b",
            r"\baccidentally\s+(hurt|cut|burnt|burned)\s+my\s*self\b",
            r"\b(hit|cut|burnt|burned)\s+my\s+\w+\s+on\s+the\s+\w+.{0,30}\bnot\s+on\s+purpose\b",
            # only the words that made them sound gathered: the medicine itself is still read
            r"(?<=\s)ready\s+(for\s+(collection|pick\s*up)|to\s+(collect|pick\s+up))\b",
            r"\b(laid|counted)\s+out\s+for\s+the\s+week\s+in\s+a\s+(pill\s*box|dosette)\b",
            r"\bsaving(?=\s+my\s+(tablets|pills|meds)\s+for\s+(when\s+i'?m\s+on\s+|my\s+|the\s+)?"
            r"(holiday|trip)\b)",
            r"\bexhaust\s+extraction\s+hose\b",
            # ropes, bridges, roofs and platforms at work, in training or in the past
            r"\b(staring|stare|stared)\s+at\s+the\s+ropes?\s+(course|access)\b|\bropes?\s+course\b",
            r"\b(standing|stood|sitting|sat)\s+on\s+the\s+bridge\s+of\s+(the|a)\s+(ship|boat|vessel)\b",
            r"\b(sitting|standing|sat|stood)\s+at\s+the\s+edge\s+of\s+the\s+platform\s+waiting\s+"
            r"for\s+my\s+train\s+to\s+(the|my|an?)\s+(interview|appointment|work|job|course)\b",
            r"\bjump(ing|ed)?\s+off\s+the\s+roof\s+of\s+the\s+(garden\s+)?shed\s+as\s+a\s+(kid|child)\b",
            # leaving, ending and being gone, said of a shift, a job or a holiday
            r"\b(won'?t|wont|will\s+not)\s+be\s+around\s+(much\s+longer|for\s+(much\s+)?long)\s+"
            r"(at\s+(the|my|this)\s+(agency|job|company|work)|tomorrow,?\s+(got|have)\s+to\s+(pick|"
            r"collect|take|get))\b",
            r"\bend\s+(it\s+all|things)\s+with\s+(the|my)\s+(agency|recruitment\s+(company|agency)|"
            r"recruiter|employer|boss|course|college)\b",
            r"\bgoing\s+to\s+end\s+it\s+all\s+with\s+(the|my)\s+(agency|recruiter|employer|job)\b",
            r"\bfinish\s+it\s+tonight,?\s+(the|my)\s+(application|assignment|essay|form|coursework|"
            r"homework|project)\s+is\s+due\b",
            r"\b(after|when|once)\s+(i'?m|im|i\s+am)\s+gone\s+(from\s+(this|the|my)\s+(job|"
            r"company|course)|on\s+(holiday|leave|my\s+holidays?))\b",
            # homes: hosting, a car moved, a house bought, arrears paid, a landlord's own case
            r"\b(kipping|staying|sleeping|crashing)\s+on\s+my\s+(couch|sofa|settee|floor)\b",
            r"\blandlord\s+said\s+we\s+have\s+to\s+move\s+the\s+(car|van|bins?)\b",
            r"\blandlord\s+wants\s+me\s+out\s+because\s+i\s+(bought|'ve\s+bought)\s+a\s+house\b",
            r"\bcourt\s+date\s+for\s+a\s+landlord\s+dispute\s+i'?m\s+the\s+landlord\s+in\b",
            r"\b(rent|mortgage)\s+arrears\s+(are|were|is|was|have\s+been)\s+(all\s+)?(now\s+)?"
            r"(paid|cleared|sorted)(\s+off)?\b",
            r"\b(pub|club|bar|bouncers?)\s+kicked\s+me\s+out\s+at\s+closing\b",
            r"\bdealing\s+with\s+section\s+21\s+notices\b",
            r"\bbe\s+homeless\s+in\s+a\s+(game|film|play|story|dream)\b",
            r"\bnowhere\s+to\s+go\s+next,?\s+\w+[\s-]wise\b|\bnowhere\s+to\s+go\s+\w+[\s-]wise\b",
            # nights away, buses and bailiffs over a fine: not sleeping rough, not an eviction
            r"\bslept\s+in\s+the\s+car\s+on\s+the\s+way\s+back\b",
            r"\bslept\s+at\s+the\s+airport(?=,?\s+(the\s+)?flight)",
            r"\bsleeping\s+on\s+the\s+bus\s+and\s+missed\s+my\s+stop\b",
            r"\bbailiffs?\s+(came|turned\s+up)\s+today\s+(for\s+the\s+car\s+finance|at\s+my\s+work\s+"
            r"about\s+a\s+(parking\s+)?fine)\b",
            r"\bon\s+the\s+streets\s+tonight\s+as\s+a\s+street\s+pastor\b",
            # work rules, not being held
            r"\b(can'?t|cant)\s+go\s+home\s+till\s+i\s+finish\s+(the\s+)?stock\s*take\b",
            r"\b(can'?t|cant)\s+leave\s+(the\s+site|work)\s+(until\s+\d{1,2}|early)\b",
            r"\bkept\s+my\s+passport\s+copy\s+on\s+file\b",
            r"\bwent\s+missing\s+for\s+(two|2|a\s+few)\s+days\s+on\s+a\s+bender\b",
            r"\bput\s+a\s+tracker\s+on\s+my\s+car\s+because\s+it\s+got\s+(nicked|stolen)\b",
            # a learner on a safeguarding course, or asking for one
            r"\bsafeguarding\s+(course|training)\s+(today|this\s+week)?:?\s+signs\s+of\s+"
            r"(domestic\s+abuse|abuse|grooming|forced\s+marriage|neglect|exploitation)(\s*,\s*"
            r"(domestic\s+abuse|abuse|grooming|forced\s+marriage|neglect|exploitation))*",
            r"\bcourse\s+on\s+how\s+to\s+help\s+someone\s+who\s+has\s+overdosed\b",
        )
    ),
    re.IGNORECASE,
)


# Times to leave or be out by, said of a school run, a shift or a move to a new home; read as
# that only when nothing in the message speaks of a home being lost ("my landlord says i have to
# be out by 5 today" is a crisis).
_ORDINARY_TIMES = re.compile(
    "|".join(
        (
            r"\b(need|have|got)\s+to\s+(leave|be\s+out)\s+by\s+\d{1,2}(\s*(am|pm|o'?clock|:\d\d))?"
            r"(?=\s+(today|tomorrow|to|for|on|so)\b|\s*[,.!]|\s*$)",
            r"\b(got|have|need)\s+to\s+be\s+out\s+of\s+the\s+(office|building|site|shop)\s+by\b",
            r"\b(have|need|got)\s+to\s+leave(\s+my\s+(room|flat|place))?\s+by\s+(the\s+\d{1,2}"
            r"(st|nd|rd|th)|"
            + _WEEKDAY
            + r")(?=.{0,40}\b(my\s+new\s+(place|flat|house|home)|moving\s+into\s+my\s+new|"
            r"new\s+tenancy)\b)",
        )
    ),
    re.IGNORECASE,
)
# Besides the words of a home being lost (``_LOSING_A_HOME``), those of who decides it and of
# having nowhere: "my landlord says i have to be out by 5 today".
_HOME_IN_QUESTION = re.compile(
    r"\b(landlord|notice|locks|nowhere|homeless|hostel|council\s+house|tenancy\s+(ends|ended))\b",
    re.IGNORECASE,
)


def ordinary_blanked(flat: str) -> str:
    """The message with its everyday phrases blanked out (``_ORDINARY_READINGS``): what the
    rules, and the concern classifier after them, read."""
    flat = _ORDINARY_READINGS.sub(" ", flat)
    if _LOSING_A_HOME.search(flat) or _HOME_IN_QUESTION.search(flat):
        return flat
    return _ORDINARY_TIMES.sub(" ", flat)


def kind(text: str) -> str | None:
    """Which danger a message speaks of, most serious first, or None."""
    flat = ordinary_blanked(flatten(text))
    if _TRAINING_QUESTION.search(flat):
        return None
    return next((k for k, found in _CHECKS if found(flat)), None)


# Low mood without a danger named: "everything is pointless", "whats the point", "i give up".
# Not a crisis (no emergency answer, no urgent case), but worth the concern classifier's gentle
# check-in (bot.safety.concern.worried) whatever the classifier scores: it learns from crises and
# reads these as everyday complaints, which they are too often to be called one.
_LOW_MOOD = re.compile(
    r"\b(everything|it\s+all|all\s+of\s+it|nothing)\s+(is|'?s|feels|seems)\s+(so\s+|just\s+|"
    r"completely\s+|totally\s+)?(pointless|hopeless|meaningless)\b"
    r"|\bwhat'?s\s+the\s+point(\s+any\s*more|\s+of\s+(anything|trying|any\s+of\s+(it|this)))?"
    r"\s*[.!?]*$"
    r"|\bcan'?t\s+(do|take|cope\s+with)\s+(this|it|any\s+of\s+(it|this))\s+any\s*more\s*[.!?]*$"
    r"|^\W*(i\s+)?(just\s+)?give\s+up\s*[.!?]*$"
    r"|\b(i\s+feel|i\s+am|i'?m|im|feeling)\s+(so\s+|really\s+|completely\s+|totally\s+)?"
    r"(hopeless|worthless|empty\s+inside|numb)\b(?!\s+(at|with|in|from|on|about|for|when)\b)"
    r"|\bnothing\s+(matters|means\s+anything)(\s+any\s*more)?\s*[.!?]*$"
    # "rejected from every job, feel like a failure": said of themselves, not of a task
    r"|\b(feel|feeling|i'?m|im|i\s+am)\s+(like\s+)?(such\s+|a\s+complete\s+|a\s+total\s+|so\s+)?"
    r"(a\s+)?(failure|useless)\b(?!\s+(at|with|in|on|when)\b)",
    re.IGNORECASE,
)


def low_mood(text: str) -> bool:
    """Whether a message speaks of despair without naming a danger (a check-in, not a crisis)."""
    return bool(_LOW_MOOD.search(flatten(text)))


# Veiled goodbyes and last things, from the sixth to ninth sets: "i wont be needing it after
# this weekend", "take me off ur list i wont be here after friday", "this is goodbye". Said by
# someone in danger they are a warning; said by someone going on holiday or starting a job they
# are ordinary, and too often so for the crisis answer and an urgent case. They get the check-in
# instead (bot.safety.concern.worried): the numbers and a gentle question.
_VEILED_PATTERNS = (
    r"\b(won'?t|wont|will\s+not|not\s+gonna|not\s+going\s+to)\s+be\s+needing\s+(it|this|that|"
    r"them|anything|any\s+of\s+(it|this))\b.{0,30}\b(after|past|beyond)\s+(this|the|next|"
    r"tonight|tomorrow)\b(?!.{0,40}\b(job|work|started|got|found|moving|course|sorted)\b)",
    r"\b(gave|given|giving)\s+(away\s+)?(the|my|all\s+my)\s+\w+\b.{0,40}\b(away|to\s+(my|a|the)\s+"
    r"\w+)\b.{0,80}\b(sorted\s+out|no\s+point|calm|goodbye|don'?t\s+contact|take\s+me\s+off|"
    r"cancelled\s+my\s+(phone|contract)|paid\s+off)\b",
    r"\bgive\s+(away\s+)?my\b.{0,60}\b(don'?t|dont|won'?t|wont)\s+need\s+(them|it|these|those)\s+"
    r"any\s*more\b(?!.{0,40}\b(got|new|job|office))",
    r"\bwhen\s+(someone|somebody|a\s+person|you|i)\s+dies?\b.{0,60}\b(it'?s\s+for\s+me|for\s+"
    r"me|soon|decided|tonight)\b(?!\s+to\b)|\b(easy|easier)\s+for\s+(my\s+)?\w+\s+(afterwards|after\s+"
    r"i'?m\s+gone|when\s+i'?m\s+gone)\b",
    r"\bwhere\s+i'?m\s+going\s+i\s+(won'?t|wont|will\s+not)\s+need\b",
    r"\bsaid\s+(my\s+)?(bye|byes|goodbye|goodbyes)\s+(to\s+)?(every(one|body)|the\s+\w+|my\s+\w+|"
    r"all)\s+already\b(?!.{0,40}\b(last\s+day|new\s+job|leaving\s+do|starting))|\b(i'?m|im)\s+done\b.{0,60}"
    r"\b(said|saying)\s+(bye|goodbye)\b(?!.{0,40}\b(last\s+day|new\s+job|leaving\s+do|starting))",
    r"\b(won'?t|wont|will\s+not|aint|ain'?t|not|no)\s+(gonna\s+|gonnae\s+|going\s+to\s+)?be\s+"
    r"(around|here|alive|aboot)\s+(by\s+(next|then|the\s+end)|much\s+longer|for\s+(much\s+)?"
    r"long|to\s+(finish|see|start\s+it))\b(?!.{0,40}\b(moving|holiday|new\s+job|away|going\s+to|"
    r"until|till|the\s+job))",
    r"\bso\s+(my\s+\w+|they|he|she|everyone|people)\s+(sees?|knows?)\s+(that\s+)?i\s+(actually\s+"
    r"|really\s+)?tried\s*([.,!]|$)",
    r"\b(this\s+is|it'?s)\s+(the|my)\s+last\s+time\s+(i'?ll|ill|i\s+will)\s+(message|write|text|"
    r"talk)\s*([.,!]|$)|\blast\s+message\s+from\s+me\b(?!\s+(today|tonight|for\s+now|this\s+week))",
    r"\btonight\b.{0,40}\b(don'?t|dont)\s+think\s+(i'?ll|i\s+will|ill)\s+(drive|go|come|get)\s+"
    r"home\s*([.,!]|$)|(?<!fit )(?<!sick )\bnote'?s\s+(written|done)\b",
    r"\b(shall|will|won'?t|wont)\s+not\s+see\s+another\s+(winter|christmas|birthday|year|summer|"
    r"spring)\b|\bwon'?t\s+see\s+another\s+(winter|birthday)\b",
    r"\b(no|not|won'?t|wont)\s+be\s+(here|around|aboot)\b.{0,60}\b(had\s+enough|got\s+it\s+(all\s+)?"
    r"planned)\b|\b(had\s+enough|got\s+it\s+(all\s+)?planned)\b.{0,60}\b(no|not|won'?t|wont)\s+be"
    r"\s+(here|around|aboot)\b(?!.{0,40}\b(going\s+to|holiday|trip|away))|\bif\s+i\s+die\b.{0,100}\b(won'?t|wont)\s+be\s+(around|here|alive)\b",
    r"\btonight\b.{0,100}\bthanks\s+for\s+trying\s*(with\b|[.,!]|$)",
    r"\b(shotgun|gun|rifle|pills|tablets|rope|knife|blade|noose)\b.{0,40}\b(keep|been|can'?t\s+"
    r"stop)\s+(looking|staring)\s+at\s+(it|them)\b(?!.{0,20}\b(afford|price|cost))",
    r"\b(made\s+my\s+decision|decided)\b.{0,40}\b(it'?ll\s+be\s+soon|this\s+is\s+goodbye|at\s+"
    r"peace)\b",
    r"\btake\s+me\s+off\s+(ur|your|the)\s+(list|books|system|mailing\s+list)\b.{0,60}\b(won'?t|wont|will\s+not|no|not)\s+be\s+(here|around|aboot)\b"
    r"(?!.{0,30}\b(holiday|moving|job|away))",
    r"\b(just|only)\s+(wanted\s+|want\s+)?(someone|somebody|some1)\s+to\s+know\s*([.]|$|before\b|"
    r"so\s+that\b|that\s+it\b)|\bjust\s+(wanted\s+to\s+tell\s+someone|so\s+someone\s+knows)\b",
    r"\bjump\s+(in|into|off)\s+(the\s+)?(mersey|thames|river|canal|docks|tyne|clyde|wear|severn|"
    r"humber)\b(?!.{0,20}\b(training|course|lifeguard))",
    r"\b(not|no|never|an\s+not|and\s+not)\s+(come|coming|comin|takin'?|taking)\s+(back|the\s+stairs\s+back)\s+(down|doon|"
    r"up)\b(?!\s+(to|for|till|until|again|with)\b)|\bnot\s+stepping\s+back\b(?!\s+from)|\bnot\s+coming\s+back\s+in\b.{0,30}\b(tonight|"
    r"reservoir|sea|water|boat)\b",
    r"\bthis\s+is\s+(goodbye|good\s*bye|my\s+goodbye)\b(?!.{0,60}\b(moving|moved|new\s+job|got\s+"
    r"a|start(ing)?|leaving|university|uni|for\s+now|placed|job|work|course)\b)",
    r"\bwill\s+not\s+be\s+going\s+on\s*([.,!]|$|any\s*(more|longer)\s*([.,!]|$))",
    r"\bone\s+(last\s+)?thing\s+left\s+to\s+do\s+tonight\b|\bjust\s+the\s+one\s+thing\s+left\s*(to\s+do)?\s*([.,!]|$)",
    r"\b(bought|got)\s+a\s+hose(pipe)?\b(?!\s+for\b)|\bcheck(ing)?\s+out\s+for\s+good\b(?!\s+(from|deals|"
    r"stuff|bargains))",
    r"\b(reservoir|sea|lake|river|boat|water)\b.{0,40}\bnot\s+coming\s+back\b(?!\s+(till|until|before))",
    r"\blast\s+(night|time)\s+you'?ll\s+(ever\s+)?hear\s+from\s+me\b|\b(sorted|written|wrote|made)\s+"
    r"my\s+will\b.{0,80}\b(at\s+peace|goodbye|bye|tonight)\b",
    # From the tenth set: things given away, a date set, a time after which nothing matters
    r"\b(giving|given|gave|give)\s+(away\s+)?(all\s+(of\s+)?my|all\s+me|everything|most\s+of\s+my)\s*"
    r"(stuff|things|belongings|possessions|clothes|bits)?\s+(away\s+)?(to\s+(my|me|the)\s+(mates|"
    r"friends|family|sister|brother|kids))\b(?!.{0,60}\b(mov(e|es|ed|ing)|emigrat\w*|abroad|"
    r"charity|relocat\w*|new\s+(flat|house|place|home)))",
    r"\bset\s+a\s+date\b(?!\s+for\b)(?!.{0,120}\b(wedding|party|test|interview|exam|holiday|move|"
    r"christening|funeral|do)\b).{0,80}\b(so\s+(it|that)\s+(doesn'?t|dont|does\s+not|won'?t|wont)"
    r"\s+ruin|after\s+(my|the|her|his)\s+\w+'?s?\s+birthday)\b",
    r"\b(not\s+going\s+to|won'?t|wont|not\s+gonna|doesn'?t|wont\s+even)\s+matter\s+after\s+"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|this\s+week"
    r"(end)?|the\s+\d+\w*)\b.{0,60}\b(planned|decided|sorted)\b",
    r"\b(i'?ll|ill|i\s+will)\s+be\s+dead\s+by\s+the\s+end\s+of\s+the\s+(week|month)\b.{0,20}\b"
    r"(anyway|any\s+way)\b",
    r"\bcheck(ing)?\s+out\s+early\b(?!.{0,30}\b(hotel|room|tomorrow|morning|from|of|library|"
    r"book|shop|at\s+\d))",
    r"\btrains?\b.{0,80}\bnot\s+to\s+(get\s+on|catch|board)\s+(it|one)\b",
    r"\bhose(pipe)?('s|\s+is)?\s+in\s+the\s+(boot|car)\b.{0,40}\bgarage\b",
    r"\b(the|a|my)\s+(rope|noose)('s|\s+is)?\s+(in\s+the\s+(shed|garage|loft)|ready|already|sorted)\b|"
    r"\b(took|taken|got)\s+the\s+rope\s+(up|to|into)\b",
    r"\b(top\s+(floor|level|deck)\s+of\s+(the\s+)?(car\s+park|multi[\s-]?stor(e)?y|building|block)|"
    r"(on|at)\s+the\s+(edge|ledge)\s+of)\b.{0,40}\b(looking|staring)\s+down\b(?!\s+at\s+the\s+(queue|traffic|view|cars|street))",
    r"\bcarta\s+de\s+despedida\b.{0,30}\b(hoje|esta\s+noite)\b|\bningu[eé]m\s+vai\s+sentir\s+a\s+"
    r"minha\s+falta\b",
)
_VEILED = re.compile("|".join(_VEILED_PATTERNS), re.IGNORECASE)


def veiled(text: str) -> bool:
    """Whether a message holds a veiled goodbye (a check-in, not a crisis)."""
    return bool(_VEILED.search(flatten(text)))


def is_crisis(text: str) -> bool:
    """Whether a message needs an emergency or urgent answer straight away."""
    return kind(text) is not None
