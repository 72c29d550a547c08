"""What a message says about the resident, whatever it was meant to answer.

Residents tell the assistant about themselves when they choose to, not when asked: "hi, i'm 19
and i'm not working or at college", "I'm 45 and out of work for 2 years because of my health",
"jobs with animals, i only can do school hours". Everything such a message states plainly is
read here, by rule, into the same slot values the assessment stores, so no question is asked
twice and the plan, the routing and the adviser's case all start from it.

A message read here was not an answer to a question, so the rules are stricter than
``bot.assessment.read`` (which reads the answer to the question on screen): a number is an age
only in "I'm 19" or "19 years old", never in "jobs for 16 year olds" or "my son is 17"; a word
names a barrier only when the resident says it is theirs ("I have a criminal record", not "care
jobs"). Anything unclear is left out: the question is then asked, which costs one turn, while a
wrong guess would route the resident wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from bot.assessment import parse

# Text-speak and common misspellings, rewritten before reading (whole words only).
_SPEAK = {
    "u": "you", "ur": "your", "r": "are", "rly": "really", "realy": "really", "skool": "school",
    "scool": "school", "collage": "college", "coz": "because", "cos": "because",
    "cuz": "because", "bc": "because", "yr": "year", "yrs": "years", "yo": "years old",
    "mth": "month", "mths": "months", "mnths": "months", "wk": "week", "wks": "weeks",
    "nothin": "nothing", "nuthin": "nothing", "workin": "working", "wrking": "working",
    "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "havent": "haven't",
    "ive": "i've", "iam": "i am", "im": "i'm", "id": "i'd", "ill": "i'll", "isnt": "isn't",
    "aint": "ain't", "doesnt": "doesn't", "wasnt": "wasn't", "hv": "have", "hav": "have",
    "gt": "got", "gcses": "gcse", "maths": "maths", "math": "maths", "eng": "english",
    "englsh": "english", "englis": "english", "uni": "university", "kidz": "kids",
    "jobles": "jobless", "unemploid": "unemployed", "unemployd": "unemployed",
    "qualis": "qualifications", "quals": "qualifications", "qualification": "qualifications",
    "benifits": "benefits", "benefit": "benefits", "b4": "before", "nd": "and", "n": "and",
    "wiv": "with", "wit": "with", "wid": "with", "mum's": "mum", "kinda": "kind of",
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "lyk": "like", "plz": "please",
}  # fmt: skip
# A hyphenated word stays one word ("thirty-five", "16-18", "KH3-7XP" is not a postcode).
_TOKEN = re.compile(r"[a-z0-9']+(?:-[a-z0-9']+)*|[^a-z0-9'\s]+")


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, text-speak spelled out, one space between words."""
    lowered = (text or "").lower().replace("\u2019", "'").replace("`", "'")
    tokens = [_SPEAK.get(t, t) for t in _TOKEN.findall(lowered)]
    return " ".join(tokens)


def _any(patterns: Iterable[str], text: str) -> re.Match | None:
    for pattern in patterns:
        found = re.search(pattern, text)
        if found:
            return found
    return None


_NEGATION = re.compile(
    r"\b(not|no|never|neither|nor|n't|without|aren't|isn't|don't|didn't|haven't|wasn't|"
    r"no longer|not yet)\b|n't\b"
)


def _negated(text: str, start: int, window: int = 4) -> bool:
    """Whether one of the few words before ``start`` negates what follows ("not at college",
    "i'm not working or at college": the negation carries across "or")."""
    before = text[:start].split()[-window:]
    joined = " ".join(before)
    return bool(_NEGATION.search(joined + " "))


# --- age ---------------------------------------------------------------------------------

_NUMBER = (
    r"(\d{1,3}|(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_NOT_YEARS = (
    r"(?!\s*(?:hours?|hrs?|h\b|mins?|minutes?|miles?|%|percent|pounds?|quid|p\b|pm\b|am\b|:|"
    r"kids|children|sons?|daughters?|weeks?|days?|months?|times|jobs?|courses?|people|k\b|"
    r"grand|x\b|and a half|th\b|st\b|nd\b|rd\b|o'clock))"
)
_AGE_SAID = [
    # "i'm 19", "i am nineteen", "am 45" (EAL), "i'm only 17", "just turned 18", "aged 30"
    rf"\b(?:i'm|i am|am|i'll be|i will be|i turned|i just turned|just turned)\s+"
    rf"(?:only |just |nearly |almost |about |now )?{_NUMBER}\b{_NOT_YEARS}",
    rf"(?:^|\b(?:i'm|i am|me|and|,)\s*)(?:aged?|age is|my age is)\s*:?\s*{_NUMBER}\b",
    # "19 years old", "i'm a 45 year old", "19 yr old" at the start or after "i'm (a)"
    rf"(?:^|\b(?:i'm|i am|am|im)\s+(?:a |an )?){_NUMBER}\s*(?:-|\s)?(?:years?|year)"
    rf"(?:\s*-?\s*old)?\b",
    rf"^{_NUMBER}\s*(?:years old|year old|y/o)\b",
    # "me 28, from romania": EAL, only at the start of the message
    rf"^(?:me|myself)\s+{_NUMBER}\b{_NOT_YEARS}",
]
# "my son is 17", "for 16 year olds", "kids aged 3 and 5": someone else's age.
_OTHERS_AGE = re.compile(
    r"\b(my|our|his|her|their) (son|daughter|child|kid|kids|children|boy|girl|partner|"
    r"husband|wife|mum|dad|mother|father|brother|sister|friend|baby)\b|\bfor \d+ ?(year|yr)|"
    r"\b(kids|children|son|daughter)s? (aged|are|is)\b|\bover \d+s?\b|\bunder \d+s?\b|"
    r"\b\d+s? and over\b|\b\d+ ?(-|to) ?\d+ year olds?\b"
)


def age(text: str) -> int | None:
    """An age the resident states as theirs."""
    for pattern in _AGE_SAID:
        for found in re.finditer(pattern, text):
            span_start = max(0, found.start() - 25)
            if _OTHERS_AGE.search(text[span_start : found.end() + 12]):
                continue
            value = parse.age(found.group(0))
            if value is not None:
                return value
    return None


# --- place -------------------------------------------------------------------------------

# Where they live, only as theirs: "care jobs near DB1" or "courses in Derby" is where they
# want to look (the search reads that itself), not where they live.
_HOME = (
    r"(?:my postcode is|my postcode's|my postcode|postcode is|post code is|postcode:?|"
    r"i live in|i live at|i live near|i'm living in|i am living in|i'm based in|i am based in|"
    r"i stay in|i'm staying in|i've moved to|i moved to|i'm from|i am from|i come from|"
    r"my town is|my area is|i'm in|i am in|home is in|(?:^|\b(?:and|we|still|"
    r"currently|now)\s+|,\s*)live (?:in|near))"
)
_HOME_POSTCODE = re.compile(
    rf"{_HOME}\s+([a-z]{{1,2}}[0-9][a-z0-9]?)(?:\s*([0-9][a-z]{{2}}))?\b"
)
_ONLY_POSTCODE = re.compile(r"^(?:it's |its |postcode )?([a-z]{1,2}[0-9][a-z0-9]?)\s*([0-9][a-z]{2})$")
_HOME_TOWN = re.compile(
    rf"{_HOME}\s+([a-z][a-z' -]{{1,40}}?)"
    r"(?=$|[,.!?;]| and | but | so | because | with | for | looking| i\b| near\b| on\b| at\b)"
)
# "i'm in debt", "i'm in a wheelchair", "living in a hostel": not places.
_NOT_TOWN = re.compile(
    r"^(?:a|an|the|my|our|your|his|her|their|this|that|year|debt|care|work|school|college|"
    r"university|pain|trouble|need|hospital|prison|jail|arrears|recovery|love|bed|touch|"
    r"education|employment|training|temporary|supported|emergency|foster|crisis|charge|"
    r"contact|no|not|full|part|between|two|bits|tears|shock|limbo|rent|real|so|such|too)\b"
)


def place_candidates(text: str) -> list[str]:
    """Postcodes and towns the resident says are where they live (or a message that is only a
    postcode); the caller keeps only real places."""
    found: list[str] = []
    only = _ONLY_POSTCODE.match(text)
    if only:
        found.append(f"{only.group(1)} {only.group(2)}".upper())
    for match in _HOME_POSTCODE.finditer(text):
        outward, inward = match.group(1), match.group(2)
        found.append(f"{outward} {inward}".upper() if inward else outward.upper())
    for match in _HOME_TOWN.finditer(text):
        name = match.group(1).strip(" '-")
        if re.search(r"\d", name) or _NOT_TOWN.match(name) or _COUNTRY.fullmatch(name):
            continue
        found.append(name)
    return list(dict.fromkeys(found))


# --- situation and how long --------------------------------------------------------------

_NEVER_WORKED = r"\bnever (?:had a job|worked|been employed|had work)\b"
_OUT_OF_WORK = [
    r"\b(?:not|n't|no longer|aren't|am not|i'm not)\s+(?:currently\s+|really\s+)?"
    r"(?:working|employed|in work|in a job|in employment)\b",
    r"\bunemployed\b", r"\bout of work\b", r"\bout of a job\b", r"\bno job\b",
    r"\bjobless\b", r"\blost my job\b", r"\b(?:was |been |got )?made redundant\b",
    r"\bbetween jobs\b", r"\bnot doing anything\b", r"\bdoing nothing\b",
    r"^\s*nothing(?: really| at the moment| right now| atm)?\b", r"\bnothing at the moment\b",
    r"\bnot in (?:work|education|employment|training)\b", r"\bneet\b", r"\bon the dole\b",
    r"\bsigning on\b", r"\bjob ?seeker\b", r"\bhaven't worked\b", r"\bhave not worked\b",
    r"\bgot sacked\b", r"\bi was sacked\b", r"\blost my work\b", r"\bno work\b",
    r"\bleft (?:school|college|sixth form)\b(?!.*\b(?:now|and) (?:i'm |i am )?(?:working|at))",
    _NEVER_WORKED,
]  # fmt: skip
_HEALTH_WORDS = (
    r"\b(health|ill|illness|sick|disab\w*|injur\w*|condition|depress\w*|anxiety|anxious|"
    r"back|pain|cancer|stroke|operation|surgery|mental health|long covid|fatigue)\b"
)
_HEALTH_SITUATION = [
    rf"\b(?:can't|cannot|unable to|not able to|not working|stopped working|out of work|"
    rf"left work|left my job|finished work|unemployed|signed off|off work)\b[^.]*?"
    rf"\b(?:because|due|cause|of|with|from|since)\b[^.]*?{_HEALTH_WORDS}",
    r"\b(?:signed off|off sick|long[- ]term sick|on sick|sick note|fit note)\b",
]
_EDUCATION = [
    r"\b(?:i'm|i am|am|still)\s+(?:at|in|doing|studying at|going to|in year \d+ at)\s+"
    r"(?:school|college|university|sixth form|a course)\b",
    r"\b(?:i'm|i am|am) (?:a |an )?(?:full[- ]time |part[- ]time )?(?:student|pupil|learner)\b",
    r"\b(?:i'm|i am) (?:studying|doing my (?:a levels|gcse|degree|btec|t level))\b",
    r"\bi (?:study|go to college|go to school|go to university)\b",
]
_IN_WORK = [
    r"\b(?:i'm|i am|am)\s+(?:currently\s+)?(?:working|employed|self[- ]employed|in work)\b",
    r"\bi work (?:in|at|as|for|part|full|nights|days|shifts|in a|on a|zero|weekends|\d)",
    r"\bi(?:'ve| have)? (?:got|have) a (?:part[- ]time |full[- ]time |zero[- ]hours? )?job\b",
    r"\bmy (?:boss|manager|employer|job is|current job|shifts)\b",
    r"\b(?:i'm|i am) (?:on|doing) (?:a )?zero[- ]hours?\b",
]
_CARING = [
    r"\b(?:i'm|i am) (?:a |the )?(?:full[- ]time |unpaid |young )?carer\b",
    r"\bi (?:look|care) after (?:my|our)\b",
    r"\b(?:looking|caring) (?:after|for) (?:my|our)\b",
    r"\bstay[- ]at[- ]home (?:mum|mom|dad|parent)\b",
    r"\bfull[- ]time (?:mum|mom|dad|parent|mother|father)\b",
    r"\b(?:home|at home) with (?:my|the) (?:kids|children|baby)\b",
]


def _first(patterns: Iterable[str], text: str, *, negatable: bool = True) -> re.Match | None:
    for pattern in patterns:
        for found in re.finditer(pattern, text):
            if negatable and _negated(text, found.start()):
                continue
            return found
    return None


def situation(text: str) -> str | None:
    """What they are doing now, when they say so plainly."""
    if _first(_HEALTH_SITUATION, text, negatable=False):
        return "health"
    caring = _first(_CARING, text)
    out = _first(_OUT_OF_WORK, text, negatable=False)
    education = _first(_EDUCATION, text)
    working = _first(_IN_WORK, text)
    if education and not re.search(r"\b(?:left|finished|dropped out of|quit)\b", text):
        return "in_education"
    if caring and (out or not working):
        return "caring"
    if out:
        return "out_of_work"
    if working:
        return "in_work"
    return None


_SINCE_YEAR = re.compile(r"\bsince (?:about |around )?((?:19|20)\d\d)\b")
_DURATION = re.compile(
    r"\b(?:for|about|around|nearly|almost|over|more than|past|last|over a|the last|the past)?"
    r"\s*((?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|few|couple of|couple|several|many)\s+(?:and a half\s+)?"
    r"(?:years?|months?|weeks?))\b"
)
_OUT_CONTEXT = re.compile(
    r"\b(out of work|unemployed|not worked|haven't worked|not working|no job|lost my job|"
    r"jobless|redundant|sacked|off sick|signed off|signed on|on the dole|since i left|"
    r"between jobs|looking for work|been looking|left (?:school|college|my job|work))\b"
)


def out_of_work_months(text: str, today: date | None = None) -> int | None:
    """How long out of work, only when the message is about being out of work."""
    if re.search(_NEVER_WORKED, text):
        return 120
    if not _OUT_CONTEXT.search(text):
        return None
    since = _SINCE_YEAR.search(text)
    if since and today is not None:
        years = today.year - int(since.group(1))
        return max(0, years * 12) if 0 <= years < 60 else None
    if re.search(r"\bsince last year\b", text):
        return 12
    for found in _DURATION.finditer(text):
        months = parse.months(found.group(1))
        if months is not None:
            if "and a half" in found.group(1):
                months += 6
            return months
    return None


def work_security(text: str) -> str | None:
    """How secure their work is, only when they say they work."""
    if not (_first(_IN_WORK, text) or re.search(r"\bzero[- ]hours?\b|\bagency\b", text)):
        return None
    return parse.work_security(text)


# --- qualifications ----------------------------------------------------------------------

_HELD = (
    r"\b(?:i have|i've got|i got|got|i've|i did|i passed|passed|i finished|finished|i completed|"
    r"completed|i hold|graduated|i'm a|i am a|with|my|i studied|studied|did my|done my|have)\b"
)
_COUNTRIES = (
    r"poland|romania|lithuania|latvia|bulgaria|ukraine|russia|india|pakistan|bangladesh|"
    r"sri lanka|nigeria|ghana|kenya|somalia|eritrea|ethiopia|sudan|syria|iraq|iran|"
    r"afghanistan|turkey|albania|portugal|spain|italy|france|germany|brazil|philippines|"
    r"china|hong kong|vietnam|egypt|morocco|zimbabwe|south africa|jamaica|slovakia|hungary|"
    r"czech republic|moldova|kurdistan|yemen|my country|back home|abroad|overseas|"
    r"another country|outside the uk|outside england"
)
_COUNTRY = re.compile(rf"(?:the )?(?:{_COUNTRIES})")
_ABROAD = re.compile(
    rf"\b(degree|diploma|school|college|university|qualifications?|certificate|engineer\w*|"
    rf"nurse|teacher|doctor|studied|training|technical school|studies|trained)\b[^.]{{0,40}}"
    rf"\b(?:in|from|at home in|back in)\s+(?:the\s+)?({_COUNTRIES})\b|"
    rf"\b(?:{_COUNTRIES})\b[^.]{{0,25}}\b(degree|diploma|qualifications?|certificate|"
    rf"technical school|university|college)\b|\b(?:foreign|overseas|international) "
    rf"(?:degree|qualifications?|diploma)\b"
)
_NONE = re.compile(
    r"\b(?:no|not got any|don't have any|haven't got any|haven't any|without any|zero) "
    r"(?:qualifications|gcse|certificates?|exams)\b|\bleft school with nothing\b|"
    r"\bno qualifications\b|\bdidn't finish school\b|\bdidn't get any (?:gcse|grades)\b"
)


def qualifications_abroad(text: str) -> bool:
    return bool(_ABROAD.search(text))


def highest_level(text: str) -> str | None:
    """A qualification they say they hold; "GCSEs" is level 2 and so on."""
    if _NONE.search(text):
        return "none"
    for pattern, level in parse.LEVEL_WORDS:
        if level == "none":
            continue
        for found in re.finditer(pattern, text):
            before = text[max(0, found.start() - 30) : found.start()]
            if not re.search(_HELD, before) or _negated(text, found.start(), window=3):
                continue
            if re.search(r"\b(?:want|like|hoping|trying|need|get|do|study for|work towards)\b"
                         r"(?: to)?(?: get| do)? (?:a |an |my )?$", before):  # fmt: skip
                continue  # "I want to do a degree" is a wish, not a qualification held
            if level == "2" and re.search(r"\b(failed|didn't pass|low grades?)\b", text):
                return "1"
            return level
    return None


_SUBJECTS = {"english": r"\benglish\b", "maths": r"\bmaths\b|\bmathematics\b|\bnumeracy\b"}
_PASSED = re.compile(
    r"\b(?:got|have|passed|pass|i've|with|grade [4-9]|a [4-9]|[4-9] in|[a-c] in|a c\b|"
    r"grade [a-c]\b|level 2)\b"
)
_FAILED = re.compile(
    r"\b(?:failed|fail|didn't pass|didn't get|don't have|no|not|without|never got|"
    r"grade [1-3]|a [1-3]\b|[1-3] in|[d-g] in|u in|resit|retake|need)\b|n't\b"
)


def gcse(text: str) -> dict[str, bool] | None:
    """GCSE English and maths at grade 4 (C) or above, subject by subject, when they say."""
    if not re.search(r"\bgcse|\bgrade|\bpassed|\bfailed|\bi got (?:english|maths)", text):
        return None
    if re.search(r"\b(?:no|not got any|don't have any|haven't got any) gcse\b", text):
        return {"english": False, "maths": False}
    found: dict[str, bool] = {}
    for clause in re.split(r"\bbut\b|\bthough\b|\bhowever\b|;|\.|\bexcept\b|,", text):
        named = [s for s, p in _SUBJECTS.items() if re.search(p, clause)]
        if not named:
            continue
        if _FAILED.search(clause):
            value = False
        elif _PASSED.search(clause) or re.search(r"\bgcse\b", clause):
            value = True
        else:
            continue
        for subject in named:
            found.setdefault(subject, value)
    if re.search(r"\bboth\b", text) and len(found) == 1:
        value = next(iter(found.values()))
        found = {"english": value, "maths": value}
    return found or None


# --- computers ---------------------------------------------------------------------------

_TECH = (
    r"\b(computers?|internet|online|technology|tech|laptops?|it|digital|emails?|pcs?|ipad|tablet)\b"
)


def digital_confidence(text: str) -> str | None:
    """How confident with computers, when they say so about computers."""
    if not re.search(_TECH, text):
        return None
    if re.search(
        r"\b(?:not good|no good|rubbish|bad|useless|terrible|hopeless|scared|struggle|"
        r"struggling|don't know how|can't use|cannot use|never used|not confident|no idea)\b"
        r"[^.]{0,25}" + _TECH,
        text,
    ) or re.search(_TECH + r"[^.]{0,20}\b(?:scare me|confuse me|are hard|is hard)\b", text):
        return "none"
    if re.search(
        r"\b(?:a bit|a little|basic|some|only (?:use )?(?:my )?phone|ok with|okay with)\b"
        r"[^.]{0,25}" + _TECH,
        text,
    ):
        return "basic"
    if re.search(
        r"\b(?:good|great|confident|fine|expert|very good|comfortable|use (?:them|it|a "
        r"computer) every day|work (?:with|in) it)\b[^.]{0,25}" + _TECH,
        text,
    ) and not _NEGATION.search(text.split(" with ")[0][-20:] + " "):
        return "confident"
    return None


# --- barriers ----------------------------------------------------------------------------

_MINE = r"(?:i|i'm|i am|i've|i have|my|me|myself|am)"
BARRIER_SAID = {
    "mental_health": [
        rf"\b{_MINE}\b[^.]{{0,30}}\b(?:depress\w*|anxiety|anxious|ptsd|bipolar|ocd|panic "
        r"attacks?|mental health|low mood|breakdown|stress(?:ed)?|schizo\w*|adhd)\b",
        r"\b(?:support|help) (?:with|for) (?:my )?(?:mental health|anxiety|depression)\b",
    ],
    "health": [
        rf"\b{_MINE}\b[^.]{{0,25}}\b(?:bad back|back problems?|health (?:problems?|issues?|"
        r"condition)|long[- ]term (?:illness|condition)|chronic|diabet\w*|cancer|arthritis|"
        r"epilepsy|long covid|ill health|illness|injury|injured|heart|asthma|ms\b|"
        r"fibromyalgia|my health)\b",
        r"\bbecause of my (?:health|back|illness|condition|injury)\b",
    ],
    "disability": [
        rf"\b{_MINE}\b[^.]{{0,20}}\b(?:disabled|disability|wheelchair|deaf|blind|partially "
        r"sighted|autis\w*|dyslexi\w*|learning difficult\w*|learning disabilit\w*)\b",
    ],
    "caring": [
        r"\b(?:i'm|i am) (?:a |an )?(?:unpaid |young |full[- ]time )?carer\b",
        r"\bi (?:look|care) after my (?:mum|dad|mother|father|partner|husband|wife|nan|gran|"
        r"grandma|grandad|brother|sister|son|daughter)\b",
        r"\bcaring (?:for|after) (?:my|a) \w+",
    ],
    "childcare": [
        r"\b(?:need|no|can't (?:get|afford|find)|problem with|trouble with|struggle with|"
        r"help with|pay for|paying for|cost of|afford) (?:the )?childcare\b",
        r"\bchildcare (?:is|costs|problems?|issues?)\b",
        r"\bschool (?:hours|run)\b",
        r"\bsingle (?:mum|mom|dad|parent|mother|father)\b",
        r"\b(?:nobody|no one|no-one) to (?:look after|watch|mind) (?:my|the) (?:kids|children|"
        r"baby|son|daughter)\b",
    ],
    "housing": [
        r"\b(?:homeless|sofa[- ]?surf\w*|evict\w*|hostel|temporary accommodation|no fixed "
        r"(?:abode|address)|nowhere to (?:live|stay|sleep)|kicked out|thrown out|section 21|"
        r"notice to (?:leave|quit)|behind (?:on|with) (?:my |the )?rent|rent arrears|"
        r"losing my (?:home|flat|house)|lose my (?:home|flat|house)|have to leave (?:my|the) "
        r"(?:flat|house|home|room))\b",
        r"\blandlord[^.]{0,40}\b(?:notice|evict\w*|leave|out|selling)\b",
        r"\b(?:housing (?:problems?|issues?|situation)|problem with (?:my )?housing)\b",
        r"\bhave to (?:leave|move out|get out)\b[^.]{0,30}\b(?:by|on|this|next|before) "
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end|end of|week|"
        r"month|tomorrow)\b",
    ],
    "transport": [
        r"\b(?:no car|don't drive|can't drive|don't have a car|haven't got a car|no transport|"
        r"can't afford (?:the )?(?:bus|train|travel)|buses are|no buses|getting there is|"
        r"hard to get (?:to|there)|live in a village)\b",
    ],
    "convictions": [
        r"\b(?:criminal record|a record|my record|conviction|convictions|convicted|been in "
        r"(?:prison|jail)|been inside|came out of (?:prison|jail)|out of (?:prison|jail)|"
        r"released from (?:prison|jail)|on probation|on licence|on license|ex[- ]?offender|"
        r"served time|did time|spent conviction|unspent|a caution)\b",
    ],
    "money": [
        r"\b(?:in debt|debts?|can't pay (?:my )?(?:bills|rent)|can't afford|skint|broke|"
        r"arrears|money (?:problems?|worries|is tight)|struggling (?:with money|to pay)|"
        r"behind on (?:my )?(?:bills|payments)|sanctioned|food bank)\b",
    ],
    "english_language": [
        r"\benglish (?:is|not|isn't)[^.]{0,15}\b(?:problem|hard|difficult|weak|bad|not good|"
        r"poor|little|not my first|my second)\b",
        r"\bmy english (?:is )?(?:not|isn't|no|bad|poor|weak|little|not very|not so|"
        r"not that)\b",
        r"\b(?:english (?:is )?(?:not|isn't) my (?:first|main) language|english as a second "
        r"language|second language|learning english|learn english|speak (?:a )?little english|"
        r"don't speak (?:much |good |very good )?english|not speak (?:good |much )?english|"
        r"esol|english (?:classes|lessons|course) for (?:me|foreigners|foreign people)|"
        r"english for (?:foreign|foreigners|non[- ]native)|need (?:to improve|better) (?:my )?"
        r"english|english (?:problem|no good|little|bad))\b",
        r"\b(?:limited|basic|little|poor|bad|broken) english\b",
    ],
}
# Denials: "no criminal record", "I don't have a disability".
_DENIED = re.compile(
    r"\b(?:no|not|never|don't have|haven't got|haven't|without|none)\b(?: \w+){0,3} ?$"
)


def barriers(text: str) -> set[str]:
    """Every barrier the resident says is theirs (more than one can be said at once)."""
    found = set()
    for name, patterns in BARRIER_SAID.items():
        for pattern in patterns:
            match = re.search(pattern, text)
            if match and not _DENIED.search(text[max(0, match.start() - 25) : match.start()]):
                found.add(name)
                break
    if (
        "health" in found
        and "mental_health" in found
        and not re.search(
            r"\b(?:back|injur|illness|condition|cancer|diabet|arthritis|long covid|physical)", text
        )
    ):
        found.discard("health")  # "my mental health" is one barrier, not two
    return found


# --- benefits, care, hours, interests ----------------------------------------------------

_BENEFITS = (
    r"(?:universal credit|uc|benefits|jsa|jobseeker's allowance|job seekers allowance|esa|"
    r"income support|pension credit|housing benefit|tax credits?|the dole)"
)


def on_benefits(text: str) -> bool | None:
    if re.search(rf"\b(?:not on|don't get|don't claim|no|not claiming|never claimed|stopped)"
                 rf"(?: any)? {_BENEFITS}\b", text):  # fmt: skip
        return False
    if re.search(
        rf"\b(?:i'm on|i am on|am on|on|i get|i claim|claiming|getting|receive|i receive|"
        rf"my|signing on for|lose my|losing my|stop my|affect my)\s+(?:the\s+)?{_BENEFITS}\b",
        text,
    ) and not re.search(r"\bmy (?:mum|dad|partner|husband|wife)\b", text):
        return True
    if re.search(r"\bsigning on\b|\bon the dole\b", text):
        return True
    return None


def care_leaver(text: str) -> bool | None:
    if re.search(r"\b(?:never|not|haven't) been in care\b|\bnot a care leaver\b", text):
        return False
    if re.search(
        r"\b(?:care leaver|was in care|been in care|grew up in care|brought up in care|left "
        r"care|in foster care|foster (?:care|parents|home|family)|children's home|looked after "
        r"child|leaving care|a care kid)\b",
        text,
    ):
        return True
    return None


def hours(text: str) -> int | None:
    """Hours a week they could work or study, when they say what they can do."""
    if re.search(r"\bschool hours\b", text):
        return 25
    stated = re.search(
        r"\b(?:can|could|only|able to|want|looking for|need|max|maximum|up to|about)\b[^.]{0,25}?"
        r"\b(\d{1,2}|sixteen|twenty|thirty|forty)\s*(?:hours?|hrs?|h)\b(?:\s*(?:a|per|each) week)?",
        text,
    ) or re.search(r"\b(\d{1,2})\s*(?:hours?|hrs?) (?:a|per|each) week\b", text)
    if stated:
        return parse.hours(stated.group(1))
    if re.search(r"\b(?:want|looking for|need|prefer|only|can do|can work)\b[^.]{0,20}"
                 r"\bpart[\s-]?time\b", text):  # fmt: skip
        return parse.PART_TIME_HOURS
    if re.search(r"\b(?:want|looking for|need|prefer|can do|can work)\b[^.]{0,20}"
                 r"\bfull[\s-]?time\b", text):  # fmt: skip
        return parse.FULL_TIME_HOURS
    return None


_INTEREST = re.compile(
    r"\b(?:i want to (?:be|become|work as|work in|work with|do|train as|train in|get into|"
    r"retrain as|retrain in|learn|study)|i'd like to (?:be|become|work (?:as|in|with)|do|"
    r"learn|get into)|interested in|i like|i love|i enjoy|my dream is to be|retrain (?:as|in|"
    r"to be)|work with|job with|jobs with|career in|working with|something (?:in|with))\s+"
    r"(?:a |an |the |some )?([a-z][a-z &'-]{2,40}?)(?=$|[,.!?;]| and | but | near | in [a-z]"
    r"| because | so | please| or | maybe| for )"
)
_NOT_INTEREST = {
    "job",
    "a job",
    "work",
    "jobs",
    "course",
    "it",
    "that",
    "this",
    "you",
    "people",
    "money",
    "help",
    "something",
    "anything",
    "find",
    "get",
    "know",
    "talk",
    "do",
    "go",
    "work with",
}


def interests(text: str, entities: Iterable[Mapping[str, Any]]) -> str | None:
    """What kind of work or learning they want, from the model's subject and job entities or
    from "I want to be a …", "jobs with animals", "retrain in IT"."""
    named = [
        str(e.get("value"))
        for e in entities
        if e.get("entity") in ("subject", "job_role") and e.get("value")
    ]
    if named:
        return ", ".join(dict.fromkeys(named))[:100]
    if re.search(r"\b(?:retrain|train|work|job|jobs|career|course|courses|something)\s+(?:in|with)"
                 r"\s+it\b(?!\s+(?:is|was|would|will|could|for))", text):  # fmt: skip
        return "IT"  # "retrain in IT": lower case here, but "in it" never ends such a phrase
    found = _INTEREST.search(text)
    if found:
        value = found.group(1).strip(" -'")
        value = re.sub(
            r"^(?:be|become|work as|work in|do|learn|study|get into) (?:a |an )?", "", value
        )
        if value and value not in _NOT_INTEREST and len(value) >= 2:
            return value[:100]
    return None


# --- the whole message -------------------------------------------------------------------

WANTS_BY_INTENT = {
    "find_course": "course",
    "find_job": "job",
    "find_apprenticeship": "apprenticeship",
    "get_support": "support",
}


def read(
    text: str,
    entities: Iterable[Mapping[str, Any]] = (),
    *,
    intent: str | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Every fact the message states about the resident, as slot values.

    ``location`` holds place candidates (a list) for the caller to resolve: only a real place
    becomes the resident's location. ``barriers`` is a set to add to what is known.
    """
    said = normalise(text)
    entities = list(entities)
    facts: dict[str, Any] = {}
    if not said or said.startswith("/"):
        return facts
    readers: dict[str, Any] = {
        "age": age(said),
        "situation": situation(said),
        "out_of_work_months": out_of_work_months(said, today),
        "work_security": work_security(said),
        "highest_level": highest_level(said),
        "gcse": gcse(said),
        "digital_confidence": digital_confidence(said),
        "on_benefits": on_benefits(said),
        "care_leaver": care_leaver(said),
        "hours": hours(said),
    }
    facts.update({k: v for k, v in readers.items() if v is not None})
    if facts.get("out_of_work_months") == 120 and "situation" not in facts:
        facts["situation"] = "out_of_work"  # "I've never worked"
    if facts.get("situation") not in (None, "in_work"):
        facts.pop("work_security", None)
    if qualifications_abroad(said):
        facts["qualifications_abroad"] = True
    found_barriers = barriers(said)
    if facts.get("situation") == "health" and re.search(_HEALTH_WORDS, said):
        found_barriers.add("mental_health" if re.search(r"depress|anxi|mental", said) else "health")
    if found_barriers:
        facts["barriers"] = found_barriers
    places = place_candidates(said)
    entity_places = [
        str(e.get("value")) for e in entities if e.get("entity") in ("postcode",) and e.get("value")
    ]
    if places or entity_places:
        facts["location"] = list(dict.fromkeys([*entity_places, *places]))
    interest = interests(said, entities)
    if interest and intent not in ("explain_term", "ask_privacy", "employer_enquiry"):
        facts["interests"] = interest
    if intent in WANTS_BY_INTENT:
        facts["wants"] = WANTS_BY_INTENT[intent]
    return facts
