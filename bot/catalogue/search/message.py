"""Reading a resident's message for a search: the subject, the place and the filters asked for.

"I need a job", "can i do a course in plumbing", "is there any cleaning jobs in Riverside pls":
only the subject ("plumbing", "cleaning") is searched for. Everything else is request phrasing
("i need", "can i do", "is there any"), politeness, filler, a place or a filter ("part time",
"evenings"). Text-speak ("u", "pls", "lookin 4") is read as what it stands for first.

Rules, not a model: the same message always gives the same search, and a resident's wording
that is not understood is kept as the subject (and searched) rather than thrown away.
"""

from __future__ import annotations

import re

from bot.assessment import parse
from bot.catalogue.search.text import thesaurus, words

# What text-speak and contractions stand for, word by word.
_SPELLED_OUT = {
    "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please", "plse": "please",
    "pleeze": "please", "thx": "thanks", "thanx": "thanks", "thnx": "thanks", "ty": "thanks",
    "wanna": "want to", "gonna": "going to", "gotta": "got to", "gimme": "give me",
    "lemme": "let me", "lookin": "looking", "lukin": "looking", "luking": "looking",
    "wrk": "work", "wrking": "working", "wurk": "work", "werk": "work", "wiv": "with",
    "wif": "with", "wid": "with", "jobz": "jobs", "joob": "job", "jb": "job", "jbs": "jobs",
    "cn": "can", "cud": "could",
    "wud": "would", "wat": "what", "wot": "what", "sum": "some", "ne": "any", "nethin": "anything",
    "any1": "anyone", "sumthin": "something", "summat": "something", "nr": "near", "hav": "have",
    "av": "have", "hv": "have", "dont": "do not", "cant": "can not", "wont": "will not",
    "im": "i am", "ive": "i have", "id": "i would", "isnt": "is not", "arent": "are not",
    "wnt": "want", "wana": "want to", "dunno": "do not know", "coz": "because", "cos": "because",
    "n": "and", "nd": "and", "ppl": "people", "sth": "something", "smth": "something",
    "goin": "going", "trainin": "training", "lernin": "learning", "lern": "learn",
    "learnin": "learning", "startin": "starting", "workin": "working", "summin": "something",
}  # fmt: skip
_CONTRACTIONS = [
    (r"\bi'm\b", "i am"), (r"\bi've\b", "i have"), (r"\bi'd\b", "i would"),
    (r"\bi'll\b", "i will"), (r"\bcan't\b", "can not"), (r"\bwon't\b", "will not"),
    (r"\b(\w+)n't\b", r"\1 not"), (r"\b(\w+)'s\b", r"\1 is"), (r"\b(\w+)'re\b", r"\1 are"),
]  # fmt: skip


def _set(text: str) -> frozenset[str]:
    """A set of words written as one string, for long lists."""
    return frozenset(text.split())


# Numbers that stand for words ("lookin 4 work", "want 2 be"), but never levels, ages or hours.
_NUMBER_WORDS = {"4": "for", "2": "to"}
_NOT_A_WORD_BEFORE = _set("level lvl grade nvq entry gcse l e age aged under over about year years")
_NOT_A_WORD_AFTER = _set(
    "hour hours hr hrs day days week weeks month months year years yrs pm am mile miles kids "
    "children"
)

# Filters a message asks for, for courses, jobs or support.
FILTERS = {
    "free": r"\b(free|no cost|without paying|costs? nothing|not cost anything)\b",
    "cheap": r"\b(cheap|cheaper|cheapest|low[ -]cost|lower cost|less expensive|not (so |as |too )?"
    r"(expensive|dear)|affordable|budget)\b",
    "part_time": r"\bpart[\s-]?time\b",
    "full_time": r"\bfull[\s-]?time\b",
    # Not "at home" on its own: "care at home" is a kind of care job.
    "online": r"\b(online|on line|from home|(study|studying|learn|learning) at home|remote|"
    r"remotely|virtual|home based|wfh|on my (laptop|computer|phone))\b",
    "evening": r"\b(evenings?|eves|after work|nights?|night time|after (5|five|6|six) ?(pm)?|"
    r"teatime)\b",
    "weekend": r"\b(weekends?|saturdays?|sundays?|sat|sun)\b",
    "daytime": r"\b(day ?times?|during the day|in the day|mornings?|afternoons?|school hours|"
    r"day (jobs?|shifts?|work)|days only|"
    r"while (the )?(kids|children) (are )?(at|in) school|week ?days?)\b",
}
# Jobs only: "i cant drive", "no licence", "not got a car", "i get the bus" ask for jobs that need
# no driving. Taken out of the subject like every filter ("i cant drive, any jobs" searched for
# "drive" and showed driving jobs first), with whatever else is named beside ("no car or licence").
_LICENCE = (
    r"(?:uk |full |full uk |proper |clean )?(?:driving |drivers |driver'?s |car )?"
    r"licen[cs]e(?: yet)?"
)
_CAR = r"(?:car|vehicle|motor|own transport|transport(?! (?:costs?|fares?|allowance|links?)))"
_ALSO = rf"(?: (?:or|and|nor|n) (?:a |have a |got a |own a |drive|a )?(?:{_CAR}|{_LICENCE})?)*"
_WITHOUT = (
    r"no|without|not got|aint got|ain'?t got|havent got|have not got|do not have|dont have|"
    r"dnt have|do not own|dont own|no access to|lost my"
)
FILTERS["no_driving"] = "|".join([
    r"\b(?:can not|cannot|cant|never (?:learnt|learned) to|unable to|do not|dont|does not|doesnt|"
    rf"not able to|too young to|not allowed to) drive\b(?: yet)?{_ALSO}",
    rf"\b(?:{_WITHOUT}) (?:a |an |my |me |any |own |access to a )?(?:{_LICENCE}|{_CAR}|"
    rf"driving(?! experience))\b{_ALSO}",
    # "jobs that dont need a licence", "not driving jobs please", "nothing with deliveries"
    rf"\b(?:do not|dont|does not|doesnt|will not|wont) need (?:a |to |any |my )?(?:drive|driving|"
    rf"{_CAR}|{_LICENCE})\b{_ALSO}",
    r"\b(?:not|no|do not want|dont want|nothing with|without|that are not|rather not do) (?:any )?"
    r"(?:driving|delivery|deliveries|van|courier|hgv) (?:jobs?|work|roles?|ones)\b",
    r"\bnon[- ]?driver\b|\bnot (?:a )?driver\b|\bbanned from driving\b|\bnever driven\b|"
    r"\b(?:have not|havent|not|never) (?:passed|done) (?:my |me )?(?:driving )?test\b|"
    r"\b(?:only (?:have|got) (?:a |my |me )?provisional|provisional licen[cs]e)\b",
    r"\b(?:get|getting|take|taking|use|using|rely on|relying on|go by|travel by|only have) (?:the |"
    r"a )?(?:bus|buses|public transport)\b(?! (?:station|stop|garage|depot|driver|company))",
    r"\b(?:get|getting) (?:to (?:work|it|them|there|the job)|there) (?:on|by) (?:the )?(?:bus|"
    r"buses|public transport)\b(?! (?:station|stop|garage|depot))",
    r"\bby (?:bus|public transport)\b(?! (?:station|stop|garage|depot))|\bon a bus route\b",
])  # fmt: skip
# After "i cant drive": a resident who can after all, or asks for driving work, lifts the filter.
_CAN_DRIVE = re.compile(
    r"\b(?:i (?:can|do) drive(?! (?:a |the )?(?:forklift|fork lift|flt|reach truck))|i (?:have|"
    r"got|ve got|have got|now have) (?:a |my |me )?(?:car|(?:full |driving |drivers |uk )+"
    r"licen[cs]e)|passed (?:my |me )?(?:driving )?test|(?:driving|driver|drivers|delivery|hgv|lgv|"
    r"courier|van)\b.{0,10}\b(?:jobs?|work|roles?|ones))\b"
)
TIMES_OF_DAY = ("evening", "weekend", "daytime")
_ANY_TIME = re.compile(r"\b(any ?time|do not mind when|whenever|does not matter when)\b")
_CLOSER = re.compile(
    r"\b(closer|nearer|near me|near to me|near(er)? (to )?home|close to (me|home)|"
    r"not (so |too )?far( away)?|nearby|local|locally|round here|around here|walking distance)\b"
)
_FURTHER = re.compile(r"\b(further away|further|farther|wider|more miles|bigger area)\b")
_LEVEL_ONLY = re.compile(r"\b((entry )?level \d|entry \d|[el]\d|gcse|a level)\b")
_MORE = re.compile(
    r"\b(more|next|others?|other ones|else|another|keep going|carry on|different ones)\b"
)
# A follow-up's own phrasing ("what about", "how about", "only ... ones").
_FOLLOW_UP = re.compile(
    r"\b(what|how) about\b|\b(only|just|instead|ones?|them|those|these|too|as well|"
    r"still|again|rather|prefer|actually|better|closer to home|not so far)\b"
)

_ESOL_CUES = re.compile(
    r"\besol\b|\beal\b|\befl\b|"
    r"\benglish (as|for) (an? )?(second|foreign|other|additional|2nd)( language)?\b|"
    r"\benglish for (foreign|foreigners|immigrants|refugees|non|speakers|other|beginners|"
    r"people who)\b|"
    r"\benglish (lessons?|class(es)?|conversation|speaking|for speaking|not (very |so |too )?good|"
    r"no good|"
    r"not my first language|is not (very |so |too )?good|is not my first language|"
    r"is (bad|poor|weak|not good))\b|"
    r"\b(learn|learning|lern|study|studying|speak|speaking|talk|talking|understand|practise|"
    r"practice)( to speak| the| better| more| good)? english\b|"
    r"\b(my|little|bad|poor|broken|weak|basic|some) english( is)? (not|no|bad|poor|weak|little|"
    r"very basic|small|very small|little bit|a little|not much|not strong|not well)\b|"
    r"\benglish (is )?(small|very small|little|a little|not much|not strong|weak|bad|poor)\b|"
    r"\b(bad|poor|broken|weak|little|no) english\b|"
    r"\bnot speak (much |good |very good |very well |)english\b|"
    r"\bfirst language is not english\b|\bnon[ -]?english speak"
)

# Words of request phrasing, politeness and filler: never the subject of a search.
_FILLER = _set(
    """
    a an the i me my myself mine we us our you your yours he she they them their it its
    am is are was were be been being do does did doing done can could would should will shall
    may might must have has had having get gets getting got need needs needed want wants wanted
    wanting like likes love would looking look looks search searching seek seeking after find
    finding found show showing give tell know let help helping please thanks thank cheers hi
    hello hey hiya ok okay yes yeah yep no not so just really very maybe also too some any
    anything something anyone someone anywhere somewhere what which where how when who whats
    there here this that these those for of to in on at with about into from by as than then
    if or and but because now today soon currently still new good nice decent proper best easy
    simple basic kind sort type types stuff things thing bit lot lots course courses class
    classes lesson lessons training train trained trainee qualification qualifications
    qualified certificate job jobs work working vacancy vacancies role roles position
    positions opportunity opportunities career careers employment apprenticeship
    apprenticeships apprentice placement become becoming start starting learn learning study
    studying go going back into near nearby local around area me only ones one people person
    available offer offering offers recommend suggest information info details support
    services service sorts ideas options choices shift shifts asap urgent urgently quickly
    immediately adults beginners beginner talk chat speak away hmm hm um umm erm er uh ah oh
    ooh alright cool great fine sure lol brilliant lovely perfect idk result results said
    told say saying asked u ur pls plz
    actually rather instead prefer preferably id ive im dont cant wont
    crap rubbish shit scrap wats wot wat summat owt pls plz cos coz cuz bc u ur r
    see seeing fit suit suits suitable possible possibly anymore
    guess suppose reckon mean meant wanna gonna gotta forget instead live living
    m rly tho though btw tbh ngl innit ye yh aye
    ello elo m8 mate mates skint honestly ow hw aply apply applying send
    buna ziua dzien dobry salam salaam merhaba assalamu alaikum legal legally
    sumthin somethin sumat nah
    """
)
# A life story told with the request: what happened is for the adviser, not search words
# ("made redundant last month after 31 years" searched jobs for "years"); and "the course
# first" is about order, not a course called "first".
_STORY = re.compile(
    r"\b(?:(?:was |been |got )?made redundant|(?:just )?(?:got|came) out of prison|out of prison|"
    r"released from prison|on licence|(?:pre[- ]?)?settled status|(?:last|this|next) (?:week|"
    r"month|year)|(?:after |for )?\d+ (?:years?|yrs|months?|weeks?)(?: ago)?"
    r"(?!\s*(?:-\s*)?(?:olds?|course|courses|programme|apprenticeship)\b)|since \d{4}|"
    r"(?:at )?the same (?:factory|place|company|firm|job)|(?:someone |at )?my age|"
    r"(?:i am|i'm|im) from [a-z]+|(?:first|then|later|afterwards)\W*$)"
)
# How the search is going, said with the request ("sick of applying, any jobs in Northgate",
# "applied to 100 jobs, 0 interviews. fml, any warehouse"): a feeling, never search words
# ("found 9 jobs for 'fed up'"). Messages that are only this are heard instead
# (bot.safety.discouraged).
_FEELING = re.compile(
    r"\b(?:(?:so |really |well |proper )?(?:sick|tired|fed up|done)(?: and tired)? (?:of|with) "
    r"(?:it all|it|this|everything|being \w+|rejections?|(?:my|this) (?:current )?job|"
    r"(?:applying|looking|searching|job hunting))|fed up"
    r"|(?:what'?s|whats|wats|wots) the point(?: of (?:applying|trying|it))?"
    r"|(?:nobody|no one|noone|no1|none of them|they) (?:will |would |is gonna |wants to )?"
    r"(?:ever )?(?:never )?(?:take|hire|want|employ) (?:me|people like me|someone like me)"
    r"(?: anyway)?"
    r"|(?:been |got |keep getting )?(?:rejected|turned down|knocked back)(?: again| \d+ times)?"
    r"|(?:applied|applying) (?:to|for) (?:\d+|loads of|hundreds of|so many) (?:jobs|places)"
    r"|\d+ interviews|(?:i'?m |im )?too (?:thick|stupid|dumb) for \w+|fml|ffs|anyway)\b"
)
# "i cant do nights coz of my kids": what follows "because" is why, not what to search for.
# "im 19", "i'm 45 years old", "aged 30": the resident's age, said alongside a search, is no
# subject ("apprenticeships for 19" found nothing).
_AGE = re.compile(
    r"\b(?:i\s*'?m|i am|aged?)\s+\d{1,2}(?:\s*(?:years?|yrs?)(?:\s*old)?|\s*yo)?\b"
    r"|\b\d{1,2}\s*(?:years?|yrs?)\s*old\b|\b\d{1,2}\s*yo\b"
)
_REASON = re.compile(r"\b(?:because|coz|cos|cuz|bc|as i|since i|due to)\b.*$")
# "i cant read good": a need to tell an adviser, not the subject of a job search.
_CANNOT = re.compile(
    r"\b(?:cant|can't|cannot|can not|struggle to|not good at|bad at|never learnt to|"
    r"never learned to) "
    r"(?:read|write|spell)\w*(?: (?:and|or|n) (?:read|write|spell)\w*)?"
    r"(?: (?:good|well|very well|great|properly))?"
)
# Kept for support services ("careers advice", "employment support" are what they are called).
_SERVICE_WORDS = frozenset({"career", "careers", "employment", "support", "information", "living"})
# No subject of a job search ("I need money, find me a job"), though one of a course ("money
# management") or a support service ("help with money").
_JOB_FILLER = frozenset({"money"})
_IT_AS_SUBJECT = re.compile(
    r"\bIT\b|\bit (courses?|class(es)?|skills|jobs?|support|training|technician|"
    r"apprenticeships?|qualifications?|work|sector|industry)\b|\b(in|an) it\b(?! (is|was|will))"
)


def normalise(text: str) -> str:
    """Lower case, text-speak and contractions spelled out, "&" as "and", spaces tidied."""
    said = (text or "").replace("\u2019", "'").replace("\u2018", "'").replace("&", " and ")
    said = said.replace("_", " ")  # a button's payload ("/more_results") reads as its words
    said = said.lower()
    for pattern, replacement in _CONTRACTIONS:
        said = re.sub(pattern, replacement, said)
    said = " ".join(_SPELLED_OUT.get(t, t) for t in said.split())
    said = re.sub(r"(?<=\w)([,.!?;:])", r" \1", said)
    return " ".join(_number_words(said.replace("'", "").split()))


def _number_words(tokens: list[str]) -> list[str]:
    """ "4" and "2" between words, read as "for" and "to" unless they count something."""
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token not in _NUMBER_WORDS or i == 0 or i == len(tokens) - 1:
            continue
        before, after = tokens[i - 1], tokens[i + 1]
        words_around = before.isalpha() and after.isalpha()
        if words_around and before not in _NOT_A_WORD_BEFORE and after not in _NOT_A_WORD_AFTER:
            out[i] = _NUMBER_WORDS[token]
    return out


def wants_esol(said: str) -> bool:
    """English as a second language cues ("english lessons", "my english not good")."""
    return _ESOL_CUES.search(said) is not None


# Times of day said that are no wish for them: a greeting ("good afternoon"), the hours they
# work now ("i work nights"), and the hours they do not want ("no nights", "cant do evenings").
_NOT_WISHED = re.compile(
    r"\bgood ?(morning|afternoon|evening|night)\b|^\W*(morning|afternoon|evening)\s*[!,.]|"
    r"\b(i|im|i'm|i am) (currently |now |still )?(work|working|on|doing) (\w+ )?(nights?|evenings?|"
    r"weekends?|days?|lates|earlies)\b( shifts?)?|\b(no|not|never|don'?t want|dont want|can'?t do|"
    r"cant do|cannot do|can not do|can'?t work|cant work|can not work|do not want|hate|without|"
    r"sick of|fed up of|instead of) (any |the "
    r"|doing |working )?(nights?|evenings?|weekends?|lates|night shifts?|evening shifts?)\b"
)


def filters_in(said: str) -> set[str]:
    """The filters a message asks for, by name (see ``FILTERS``)."""
    wished = _NOT_WISHED.sub(" ", said)
    return {name for name, pattern in FILTERS.items() if re.search(pattern, wished)}


def can_drive(said: str) -> bool:
    """Whether a follow-up says they can drive or asks for driving work after all."""
    return "no_driving" not in filters_in(said) and _CAN_DRIVE.search(said) is not None


def any_time(said: str) -> bool:
    return _ANY_TIME.search(said) is not None


def closer(said: str) -> bool:
    return _CLOSER.search(said) is not None


def further(said: str) -> bool:
    return _FURTHER.search(said) is not None


def more(said: str) -> bool:
    return _MORE.search(said) is not None


def only_a_level(subject: str) -> bool:
    """A follow-up that names only a level ("what about level 3") narrows the subject."""
    return _LEVEL_ONLY.fullmatch(subject) is not None


def without_levels(subject: str) -> str:
    """A subject without the level in it, so a new level replaces the old one."""
    return " ".join(_LEVEL_ONLY.sub(" ", subject).split())


def filter_words(said: str) -> frozenset[str]:
    """The words of a message's filter phrasing ("no", "driving", "licence" in "no driving
    licence"), which are never its subject, even when the model takes them for one."""
    return frozenset(
        word
        for pattern in FILTERS.values()
        for found in re.finditer(pattern, said)
        for word in found.group(0).split()
    )


def without_filters(said: str) -> str:
    """The message with filter, distance and time phrasing taken out."""
    for pattern in [*FILTERS.values(), _ANY_TIME.pattern, _CLOSER.pattern, _FURTHER.pattern]:
        said = re.sub(pattern, " ", said)
    return " ".join(said.split())


def without_follow_up(said: str) -> str:
    """A follow-up with its own phrasing taken out ("what about", "only ... ones", "more")."""
    return " ".join(_MORE.sub(" ", _FOLLOW_UP.sub(" ", said)).split())


def postcodes_in(text: str) -> list[str]:
    """Full postcodes and postcode districts, read by rule ("DB3 1AA", "DB3", not "L2")."""
    found = []
    for candidate in parse.place_candidates(text):
        compact = candidate.replace(" ", "")
        if parse.POSTCODE.fullmatch(candidate) and any(ch.isdigit() for ch in compact):
            found.append(candidate)
    return found


_PLACE_WORDS = r"in|near|nr|around|round|at|by|close to|near to|next to|outside"
_SEGMENT_STOPS = frozenset(
    {"in", "near", "around", "round", "at", "by", "for", "with", "and", "or", "please",
     "thanks", "that", "which", "who", "where", "because", "so", "if", "to", "on", "from"}
)  # fmt: skip
_PLACE_EDGES = frozenset({"the", "a", "an", "my", "area", "town", "centre", "center", "city"})


def place_segments(said: str) -> list[str]:
    """What follows "in", "near", "around"... in a message: places or subjects, to be checked.

    "jobs in data entry in Riverside" gives ["data entry", "riverside"]: whether each is a
    place is for the places data to say (``place.is_known``), never for the wording.
    """
    segments = []
    for match in re.finditer(rf"\b(?:{_PLACE_WORDS})\s+(?=([^,.!?;]+))", said):
        taken = []
        for token in match.group(1).split():
            if token in _SEGMENT_STOPS or len(taken) == 4:
                break
            taken.append(token)
        while taken and taken[0] in _PLACE_EDGES:
            taken.pop(0)
        while taken and taken[-1] in _PLACE_EDGES:
            taken.pop()
        if taken and not any(t in _FILLER for t in taken[:1]):
            segments.append(" ".join(taken))
    return list(dict.fromkeys(segments))


def without_phrase(said: str, phrase: str) -> str:
    """The message without a phrase (a place once it is known to be one)."""
    if not phrase:
        return said
    return " ".join(re.sub(rf"\b{re.escape(phrase.lower())}\b", " ", said).split())


def subject(said: str, kind: str, original: str = "") -> str:
    """The subject of a request: its words less request phrasing, politeness and filler.

    Phrases the thesaurus knows ("english for speakers of other languages", "front of house")
    are kept whole, whatever small words they contain. "and"/"or" between subjects stay
    ("maths and english").
    """
    # what they lack ("no gcses") is no subject either: "jobs for gcses" found nothing
    cleared = _FEELING.sub(" ", _AGE.sub(" ", said))
    cleared = _REASON.sub("", parse.LACKING.sub(" ", _STORY.sub(" ", cleared)))
    jobs = kind in ("job", "apprenticeship")
    if jobs:  # "i cant read good can u help me get a job"; for a course it is the subject
        cleared = _CANNOT.sub(" ", cleared)
    # "im 16" under results: their age, and no subject at all (it searched for "16")
    tokens = words(cleared) or ([] if _AGE.search(said) or _FEELING.search(said) else words(said))
    keep = _protected(tokens)
    filler = _FILLER - (_SERVICE_WORDS if kind == "service" else frozenset())
    filler = filler | _JOB_FILLER if jobs else filler
    it_is_subject = any(_IT_AS_SUBJECT.search(t) for t in (original, said))
    kept = [
        t
        for i, t in enumerate(tokens)
        if i in keep
        or t in ("and", "or")
        or (t == "it" and it_is_subject)
        or (t not in filler and t not in ("and", "or"))
    ]
    while kept and kept[0] in ("and", "or"):
        kept.pop(0)
    while kept and kept[-1] in ("and", "or"):
        kept.pop()
    return " ".join(_dedupe_conjunctions(kept))


def _protected(tokens: list[str]) -> set[int]:
    """Positions of tokens inside multi-word thesaurus phrases."""
    phrases = thesaurus().phrases
    longest = max((len(p) for p in phrases), default=0)
    keep: set[int] = set()
    for i in range(len(tokens)):
        for size in range(min(longest, len(tokens) - i), 1, -1):
            if tuple(tokens[i : i + size]) in phrases:
                keep.update(range(i, i + size))
                break
    return keep


def _dedupe_conjunctions(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if token in ("and", "or") and out and out[-1] in ("and", "or"):
            continue
        out.append(token)
    return out
