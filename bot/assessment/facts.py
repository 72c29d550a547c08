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
    "hrs": "hours", "hr": "hour", "mth": "month", "mths": "months", "mnths": "months",
    "wk": "week", "wks": "weeks",
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
_GLUED_UNIT = re.compile(r"\b(\d+)(yrs?|years?|yo|hrs?|hours?|mths?|months?|wks?|weeks?|mins?)\b")


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, text-speak spelled out, one space between words."""
    lowered = (text or "").lower().replace("\u2019", "'").replace("`", "'")
    lowered = _GLUED_UNIT.sub(r"\1 \2", lowered)  # "33yrs", "16hrs"
    tokens = [_SPEAK.get(t, t) for t in _TOKEN.findall(lowered)]
    return " ".join(tokens)


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

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")  # fmt: skip

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
    rf"\b(?:i'm|i am|am|i turned|i just turned|just turned)\s+"
    rf"(?:only |just |nearly |almost |about |now )?{_NUMBER}\b{_NOT_YEARS}",
    rf"(?:^|\b(?:i'm|i am|me|and|,)\s*)(?:aged?|age is|my age is)\s*:?\s*{_NUMBER}\b",
    # "i'm a 45 year old dad", "i am 23 years" (EAL), "19 years old", "20 years of age"
    rf"\b(?:i'm|i am|am)\s+(?:a |an )?{_NUMBER}\s*-?\s*years?\b",
    rf"^{_NUMBER}\s*-?\s*(?:years?\s*-?\s*(?:old|of age|young)|y/o)\b",
    # "me 28, from romania": EAL, only at the start of the message
    rf"^(?:me|myself)\s+{_NUMBER}\b{_NOT_YEARS}",
    # "i have 45 years" (as Romanian, Spanish, Italian or French say it), ending its clause:
    # "i have 10 years experience" and "i have 2 years left on my visa" are no age
    r"\bi (?:have|got)\s+(?=[1-9][6-9]|[2-9]\d)\d\d\s*(?:years?|yrs?)(?:\s+old)?"
    r"(?=\s*(?:$|[.!?;]|\band\b|,?\s*i (?:want|need|am|look)))",
    # "i am from romania, 34 year": a clause of its own right after saying who they are
    rf"\b(?:my name is|i am from|i'm from|im from)\s+[a-z]+\s*,\s*{_NUMBER}\s*(?:years?|yrs?)"
    r"(?:\s+old)?(?=\s*(?:$|[,.!?;]))",
]
# Theirs only when the nearest person named before is the resident: "i'm a care leaver aged
# 20", "i'm neet and 18", "i'm unemployed, 45" (a number ending the clause, not "2 kids").
_AGE_AFTER_ME = [
    rf"\baged?\s*:?\s*{_NUMBER}\b",
    rf"\b(?:i'm|i am)\s+(?:[a-z']+\s+){{1,3}}?(?:and|,)\s+{_NUMBER}(?:\s+years? old)?"
    r"(?=\s*(?:$|[,.!?;]|\band\b|\bbut\b|\bso\b|\bi\b|\bi'm\b|\blooking\b|\bfrom\b|"
    r"\bliving\b|\bwith\b))",
]
# "my son is 17", "for 16 year olds", "kids aged 3 and 5": someone else's age.
_OTHERS_AGE = re.compile(
    r"\b(my|our|his|her|their) (son|daughter|child|kid|kids|children|boy|girl|partner|"
    r"husband|wife|mum|dad|mother|father|brother|sister|friend|baby)\b|\bfor \d+ ?(year|yr)|"
    r"\b(kids|children|son|daughter)s? (aged|are|is)\b|\bover \d+s?\b|\bunder \d+s?\b|"
    r"\b\d+s? and over\b|\b\d+ ?(-|to) ?\d+ year olds?\b"
)


_MY_AGE = re.compile(r"^[ ,]*(?:i'm|i am|i turned|i just|me|myself)\b")
# "when i'm 19 can i still do it", "once i'm 18", "what if i'm over 25": an age supposed.
_SUPPOSED_AGE = re.compile(
    r"\b(?:when|whenever|if|once|until|till|til|unless|whether|by the time|as soon as|before|"
    r"after)\s*$"
)
# "i'm 18 in may", "i'm 19 next month": the age they will be, so not yet theirs.
_SEASON = rf"(?:{'|'.join(_MONTHS)}|spring|summer|autumn|winter|christmas)"
_LATER = re.compile(
    rf"^\s*(?:(?:in|by|on)\s+(?:the\s+)?(?:{_SEASON}|my birthday)|(?:this|next|come)\s+"
    rf"(?:{_SEASON}|week|month|year|birthday)|in (?:a|\d+|two|three|a few|a couple of) "
    r"(?:days?|weeks?|months?)|soon|tomorrow)\b"
)


def _supposed_age(found: re.Match, text: str) -> bool:
    """An age they suppose or will be, not the age they are: "when i'm 19", "i'm 18 in may"."""
    before = _clause_before(text, found.start())
    return bool(_SUPPOSED_AGE.search(before) or _LATER.match(text[found.end() :]))


def _stated_age(found: re.Match, text: str, *, after_me: bool) -> int | None:
    """The age in ``found`` if it is the resident's. "I'm 19 and my son is 2" is 19: after
    "I'm" the number is theirs whatever follows; otherwise someone else named nearby (or, for
    the looser wordings, anyone but the resident) makes it someone else's. An age supposed or
    to come ("when i'm 19", "i'm 18 in may") is not theirs yet."""
    if _supposed_age(found, text):
        return None
    if not _MY_AGE.match(found.group(0)):
        around = text[max(0, found.start() - 25) : found.end() + 12]
        if _OTHERS_AGE.search(around):
            return None
        if after_me and _nearest_person(_clause_before(text, found.start())) != "me":
            return None
    return parse.age(re.sub(r"^.*?\b(?:and|,)\s+(?=\S+$)", "", found.group(0)))


# Put right in the same message: "I'm 18, no sorry I'm 19", "im 23 sorry i mean 24".
_AGE_CORRECTED = re.compile(r"\b(?:no|sorry|soz|oops|i mean|i meant|actually|wait|typo)\b")
# "im 23 sorry i mean 24": the number right after the correction is the age.
_AGE_PUT_RIGHT = re.compile(
    r"\b(?:sorry|soz|oops|i mean|i meant|actually|no wait|wait|typo|no)\b[ ,]*(?:i'?m |im |i am )?"
    # only as the last word or before "years old": "im 30, wait 15 mins", "im 52, actually 30
    # years in retail" and "im 40 actually 18 when i left school" put nothing right
    r"(\d{2})\b(?=\s*(?:$|[.!?,;]|(?:years?|yrs?)\s+old\b|yo\b|now\b|and\b|lol\b|tbh\b|haha\b|"
    r"btw\b))"
)


def age(text: str) -> int | None:
    """An age the resident states as theirs; the later one when they put the first right."""
    for patterns, after_me in ((_AGE_SAID, False), (_AGE_AFTER_ME, True)):
        stated = sorted(
            (found.start(), value)
            for pattern in patterns
            for found in re.finditer(pattern, text)
            if (value := _stated_age(found, text, after_me=after_me)) is not None
        )
        if stated:
            put_right = _AGE_PUT_RIGHT.search(text, stated[-1][0] + 1)
            if put_right is not None and 14 <= int(put_right.group(1)) <= 99:
                stated.append((put_right.start(1), int(put_right.group(1))))
            first, last = stated[0], stated[-1]
            corrected = last[1] != first[1] and _AGE_CORRECTED.search(text, first[0], last[0])
            return last[1] if corrected else first[1]
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
_POSTCODE = r"([a-z]{1,2}[0-9][a-z0-9]?)(?:\s*([0-9][a-z]{2}))?\b"
# "im 34, live DB3 1AA": a postcode needs no "in"
_HOME_POSTCODE = re.compile(rf"(?:{_HOME}|\b(?:i )?live(?: at| in| near)?|\bliving)\s+{_POSTCODE}")
# Said again because the assistant missed it: "i told u DB1 2AB", "i already said its DB1 2AB",
# "its DB12AB like i said". A postcode is the only place read this way ("i told you i'm 19"
# names no town).
_TOLD = (
    r"(?:i(?: have| had|'ve)? (?:already |just )?(?:told you|said|gave you|put|typed|wrote)|"
    r"like i (?:said|told you)|as i (?:said|told you)|i said before)"
)
_TOLD_POSTCODE = re.compile(
    rf"\b{_TOLD}(?: (?:it's|its|it is|it was|that|that's|my postcode is|my postcode|"
    rf"postcode|before|already|earlier|twice))*[ ,:]+{_POSTCODE}|"
    rf"(?:^|\b(?:it's|its|it is|postcode|postcode is|my postcode is)\s+){_POSTCODE}[ ,.!]*"
    rf"(?:{_TOLD}|i (?:already )?told you)\b"
)
# Put right: "sorry i meant DB1 1AA", "wrong postcode, its DB1 1AA", "oops typo DB12AB".
# Not where they now want to look: "sorry i meant jobs near DB1 1AA", "sorry, search DB1".
_CORRECTED_POSTCODE = re.compile(
    r"\b(?:sorry|soz|oops|whoops|wrong|typo|i meant|i mean|meant to (?:say|put|type)|should "
    r"(?:be|have said|say)|correction|not that)\b"
    r"(?:(?!\b(?:near|nr|in|around|round|within|jobs?|courses?|work|search|find|show|any|"
    r"anything|classes|college)\b)[^.?!]){0,30}?"
    rf"(?:\b(?:it's|its|it is|is|to)\s+|[ ,:]+){_POSTCODE}"
)
_ONLY_POSTCODE = re.compile(
    r"^(?:it's |its |postcode )?([a-z]{1,2}[0-9][a-z0-9]?)\s*([0-9][a-z]{2})$"
)
# "im 17 DB1 1AA left college": a whole postcode among what they say about themselves is where
# they live, unless the words before it say it is where to look ("college near DB1 1AA").
# "btec l3 2nd year" is no postcode.
_WHOLE_POSTCODE = re.compile(
    r"\b([a-z]{1,2}[0-9][a-z0-9]?)\s*(?![0-9](?:st|nd|rd|th)\b)([0-9][a-z]{2})\b"
)
_WHERE_TO_LOOK = re.compile(
    r"\b(?:near|nr|in|around|round|by|at|to|of|for|about|within|close to|outside|toward|"
    r"towards|jobs?|courses?|work|vacancies|classes|apprenticeships?)\s*$"
)
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


def _postcode(found: re.Match) -> str:
    """ "DB1 2AB" or "DB1" from the first outward code (and its inward code) ``found`` holds."""
    groups = found.groups()
    at = next(i for i, group in enumerate(groups) if group is not None)
    outward, inward = groups[at], groups[at + 1] if at + 1 < len(groups) else None
    return f"{outward} {inward}".upper() if inward else outward.upper()


def postcodes_among_facts(text: str) -> list[str]:
    """Whole postcodes not said as where to look, for a message stating facts about the
    resident (``read`` asks only then)."""
    return [
        _postcode(found)
        for found in _WHOLE_POSTCODE.finditer(text)
        if not _WHERE_TO_LOOK.search(text[: found.start()])
    ]


def place_candidates(text: str) -> list[str]:
    """Postcodes and towns the resident says are where they live (or a message that is only a
    postcode); the caller keeps only real places."""
    found: list[str] = []
    only = _ONLY_POSTCODE.match(text)
    if only:
        found.append(f"{only.group(1)} {only.group(2)}".upper())
    said = (_HOME_POSTCODE, _TOLD_POSTCODE, _CORRECTED_POSTCODE)
    for match in (found for pattern in said for found in pattern.finditer(text)):
        found.append(_postcode(match))
    for match in _HOME_TOWN.finditer(text):
        name = match.group(1).strip(" '-")
        if re.search(r"\d", name) or _NOT_TOWN.match(name) or _COUNTRY.fullmatch(name):
            continue
        found.append(name)
    return list(dict.fromkeys(found))


# --- situation and how long --------------------------------------------------------------

# "i haven't worked in 5 years" is a spell out of work; "i've never worked in retail" is not.
_SPELL = (
    r"(?:\d|a year|a while|a long|an? (?:few|couple)|ages|years|months|weeks|over|more than|"
    r"the (?:last|past)|long|my life|some time|since)"
)
_WORKED = rf"worked\b(?! (?:in|at|for|with|as|on) (?!{_SPELL}))"
_NEVER_WORKED = (
    rf"\bnever (?:had a job|{_WORKED}|been employed|had work|work(?:ed)? before|(?:had|did) "
    r"(?:a )?(?:paid )?(?:job|work) before)"
)
_SCHOOL = r"(?:school|college|sixth form)"
_OUT_OF_WORK = [
    r"\b(?:not|n't|no longer|aren't|am not|i'm not)\s+(?:currently\s+|really\s+)?"
    r"(?:working|employed|in work|in a job|in employment)\b",
    r"\bnot (?:in|at) (?:school|college|education|training) (?:or|nor) (?:in )?(?:work|working|"
    r"a job|employment)\b",
    r"\bunemployed\b", r"\bout of work\b", r"\bout of a job\b",
    # "no job" of their own: not "is there no work in derby"
    r"(?:^|(?:,|\band|\bi've got|\bi have|\bi've|\bgot|\bhave|\bwith|\bi'm|\bcurrently|"
    r"\bstill|\bnow)\s)no (?:job|work)\b(?! experience)",
    r"\b(?:i'm|i am|am|im) without (?:a )?(?:job|work)\b",
    r"\bjobless\b", r"\b(?:lost|left|quit) my (?:job|work)\b",
    r"\b(?:was |been |got )?made redundant\b", r"\bbetween jobs\b",
    r"\b(?:not doing|haven't done|have not done|not done) (?:anything|much|nothing)\b",
    # A bare "nothing" may answer another question ("anything making it hard?"), and "what
    # does NEET mean" is a question: only "doing nothing" and "i'm NEET" say what they do.
    r"\bdoing nothing\b", r"\bnot in (?:work|education|employment|training)\b",
    r"(?:^|\b(?:i'm|i am|am|classed as|counted as|technically|and)\s+)(?:a )?neet\b",
    r"\bon the dole\b", r"\bsigning on\b", r"\bjob ?seeker\b",
    rf"\b(?:haven't|have not|i've not|i have not|not) {_WORKED}",
    r"\b(?:got|was|been) sacked\b",
    r"\b(?:laid off|let go)\b",
    r"\b(?:haven't|have not|not|never) had (?:a job|work|a proper job)\b",
    # Leaving school is a situation only when it is recent: "I left school with nothing" is
    # a 45-year-old's qualifications, not what they do now.
    rf"\b(?:just|recently|only just) (?:left|finished) {_SCHOOL}\b",
    rf"\b(?:left|finished) {_SCHOOL} (?:this|last|in the|in) (?:summer|year|term|may|june|july|"
    r"august)\b(?!.*\b(?:now|and) (?:i'm |i am )?(?:working|at))",
    r"\b(?:just )?(?:sat|sitting|stuck|stopping) (?:at|in) (?:home|the house)\b"
    r"(?! with (?:my|the) (?:kids|baby|children))",
    _NEVER_WORKED,
]  # fmt: skip
_HEALTH_WORDS = (
    r"\b(health|ill|illness|sick|disab\w*|injur\w*|condition|depress\w*|anxiety|anxious|"
    r"back|pain|cancer|stroke|operation|surgery|mental health|long covid|fatigue|broken|"
    r"injury|injured)\b"
)
_HEALTH_SITUATION = [
    rf"\b(?:can't|cannot|unable to|not able to|not working|stop(?:ped)? work(?:ing)?|"
    rf"out of work|left work|(?:left|quit|lost) my job|finished work|unemployed|signed off|"
    rf"off work|g[ai]ve up (?:my )?(?:work|job))\b[^.,;!?]*?"
    rf"\b(?:because|due|cause|of|with|from|since)\b[^.,;!?]*?{_HEALTH_WORDS}",
    # "I had a stroke last year and can't work"
    rf"{_HEALTH_WORDS}[^.]{{0,30}}\b(?:and|so) (?:i )?(?:can't|cannot|couldn't|am unable to) "
    r"work\b",
    r"\b(?:signed off|off sick|long[- ]term sick|on (?:the )?sick|sick note|fit note)\b",
]
_EDUCATION = [
    r"\b(?:i'm|i am|am|still|and|and still)\s+(?:at|in|doing|studying at|going to|"
    r"in year \d+ at)\s+(?:school|college|university|sixth form|a course)\b",
    r"\b(?:i'm|i am|am|and|still)(?: \d+| [a-z]+teen)?(?: and)?\s+in year (?:[7-9]|1[0-3])\b",
    r"\b(?:i'm|i am|am) in (?:full[- ]time |part[- ]time )?(?:education|training)\b",
    r"\b(?:i'm|i am|am) (?!not\b|no\b|never\b)(?:a |an )?(?:[a-z-]+ ){0,2}?"
    r"(?:student|pupil|learner)\b",
    r"\b(?:i'm|i am) (?:studying|doing my (?:a levels|gcse|degree|btec|t level))\b",
    r"\bi (?:study|go to college|go to school|go to university)\b",
]
_IN_WORK = [
    r"\b(?:i'm|i am|am)\s+(?:currently\s+)?(?:working|employed|self[- ]employed|in work)\b",
    r"\bi work (?:in|at|as|for|part|full|nights|days|shifts|in a|on a|zero|weekends|\d)",
    # "i'm 38, work in a warehouse": the "I" left out, at the start of a clause
    r"(?:^|, |\band )work (?:in|at|for|as|through) (?:a |an |the )?[a-z]",
    r"\bi do (?!not\b|no\b|voluntary\b|volunteer)(?:[a-z]+ ){0,2}(?:work|shifts)\b",
    r"\bi(?:'ve| have)? (?:got|have) (?:a|two|2|three|3) (?:[a-z-]+ ){0,2}?jobs?\b"
    r"(?! (?:interview|offer|application|centre|fair))",
    r"\bmy (?:boss|manager|employer|job is|current job|shifts|contract)\b",
    r"\b(?:on|doing|working) (?:a )?zero[- ]hours?\b",
    # "on a temp contract", "zero hours contract at sports direct", "i work but …"
    r"\b(?:i'm|i am|am) on (?:a |an )?(?:[a-z-]+ ){0,2}contract\b",
    r"\b(?:zero[- ]hours?|agency|temp|temporary) (?:contract|job|work) (?:at|for) [a-z]",
    r"\bi work\b(?=\s*(?:$|[,.!?;]|but\b|and\b|so\b))",
    r"(?<!be )(?<!become )(?<!becoming )(?<!going )(?<!go )\bself[- ]employed\b"
    r"(?! (?:course|business|help|advice|support|people))",
    r"\b(?:i'm|i am|am|i get|i earn|i'm paid|i am paid)\b[^.]{0,30}\bminimum wage\b",
    # "stuck in a call centre job", "i clean offices": a job described, not named
    r"\b(?:stuck|trapped|unhappy|bored|fed up) (?:in|with) (?:a|my) (?:[a-z-]+ ){0,3}job\b",
    r"\bi (?:clean|cook|drive|deliver|pack|serve|stack|sell) (?:for|at|in|offices|houses|homes|"
    r"schools|shelves|cars|vans|buses|taxis|lorries|parcels|food|meals|tables|a living)\b",
]
# Caring for someone named before: "my mum has dementia and i look after her", "my husband
# is disabled, i'm his carer". A grown-up, or a child who is ill or disabled: "i have 2 kids
# and i look after them" is childcare.
_ADULT = (
    r"(?:mum|mom|mam|mother|dad|father|partner|husband|hubby|wife|nan|nana|gran|granny|grandma|"
    r"grandad|grandparents?|brother|sister|parents?|auntie|aunt|uncle|fiance|fiancee|"
    r"boyfriend|girlfriend|neighbour)"
)
_UNWELL = (
    r"(?:disab\w*|ill|sick|poorly|autis\w*|cancer|dementia|alzheimer's|alzheimers|stroke|"
    r"condition|needs|terminal\w*|wheelchair|bed ?bound|blind|deaf)"
)
_LOOK_AFTER = (
    r"i(?:'m| am)? (?:also |have to |need to |got to |help )*(?:look(?:ing)? after|car(?:e|ing) "
    r"for|nurse|nursing) (?:him|her|them)\b|i(?:'m| am) (?:his|her|their) (?:full[- ]time |"
    r"main |only |unpaid )?carer\b"
)
_CARE_FOR_THEM = [
    rf"\bmy {_ADULT}\b[^.]{{0,60}}?\b{_LOOK_AFTER}",
    rf"\bmy (?:son|daughter|child|kid|boy|girl|baby)\b[^.]{{0,40}}?\b{_UNWELL}"
    rf"[^.]{{0,40}}?\b{_LOOK_AFTER}",
]

_CARING = [
    r"\b(?:i'm|i am) (?:a |an |the |my [a-z']+ )?(?:full[- ]time |unpaid |young )?carer\b"
    r"(?! (?:at|in|for an?|for the|job|jobs|work|with an?)\b)",
    r"\bi (?:look after|care for) (?:my|our)\b",
    r"\b(?:looking|caring) (?:after|for) (?:my|our)\b",
    r"\bcarer (?:for|to) (?:my|our)\b",
    r"\bstay[- ]at[- ]home (?:mum|mom|dad|parent)\b",
    r"\b(?:housewife|househusband|homemaker)\b",
    r"\bfull[- ]time (?:mum|mom|dad|parent|mother|father)\b",
    r"\b(?:home|at home) with (?:my|the) (?:kids|children|baby)\b",
    r"\b(?:gave up|give up|left|quit|stopped) (?:my )?(?:work|job|working)(?: [a-z]+){0,2} to "
    r"(?:look after|care for) (?:my|our)\b",
    *_CARE_FOR_THEM,
]


_IF = re.compile(r"\b(?:if|when|unless|would|could|can|will|should|might|what if)\b")


def _supposed(text: str, start: int) -> bool:
    """ "if i work", "can i still get uc when i'm working": a question, not their situation."""
    return bool(_IF.search(" ".join(text[:start].split()[-3:])))


def _first(patterns: Iterable[str], text: str, *, negatable: bool = True) -> re.Match | None:
    """The first match said as a fact: not supposed and, if ``negatable``, not negated."""
    for pattern in patterns:
        for found in re.finditer(pattern, text):
            if _supposed(text, found.start()):
                continue
            if negatable and _negated(text, found.start()):
                continue
            return found
    return None


def _health_stops_work(text: str) -> bool:
    """Out of work for their own health: "not working because my mum is ill", "my husband is
    disabled so i can't work" or "not working, want to work with people with mental health
    problems" is about someone else."""
    for pattern in _HEALTH_SITUATION:
        for found in re.finditer(pattern, text):
            if any(p.group("other") for p in _PERSON.finditer(found.group(0))):
                continue
            if _nearest_person(_clause_before(text, found.start())) != "other":
                return True
    return False


def _own_health_words(text: str) -> list[str]:
    """The health words said of the resident: "off sick, my husband has depression" names
    the husband's depression, not theirs."""
    return [
        found.group(0)
        for found in re.finditer(_HEALTH_WORDS, text)
        if _nearest_person(_clause_before(text, found.start())) != "other"
        and not _someone_else_after(text[found.end() :])
    ]


def situation(text: str) -> str | None:
    """What they are doing now, when they say so plainly."""
    if _health_stops_work(text):
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


_SINCE = re.compile(rf"\bsince (?:about |around )?(?:({'|'.join(_MONTHS)})\b ?)?((?:19|20)\d\d)?\b")
_DURATION = re.compile(
    r"\b(?:for|about|around|nearly|almost|over|more than|past|last|over a|the last|the past)?"
    r"\s*((?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|few|couple of|couple|several|many)\s+(?:and a half\s+)?"
    r"(?:years?|months?|weeks?))\b(?!\s*-?\s*old)"
)
_OUT_CONTEXT = re.compile(
    r"\b(out of work|unemployed|not worked|haven't worked|not working|no job|lost my job|"
    r"no work(?! experience)|without (?:a )?(?:job|work)|"
    r"jobless|redundant|sacked|off sick|long[- ]term sick|signed off|signed on|on the dole|"
    r"since i left|between jobs|left (?:school|college|my job|work)|"
    r"(?:not|haven't|never) had (?:a job|work))\b"
)
_CLAUSE_END = re.compile(r"[,.;!?]|\bbut\b")


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause holding ``text[start:end]``: "24 yr old, lost my job 3 months ago" gives
    "lost my job 3 months ago", so a duration is read only next to what it measures."""
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def _since(clause: str, today: date | None) -> int | None:
    """Months from "since 2019", "since march 2024" or "since march" to today."""
    if re.search(r"\bsince last year\b", clause):
        return 12
    found = _SINCE.search(clause)
    if not found or today is None or not (found.group(1) or found.group(2)):
        return None
    month = _MONTHS.index(found.group(1)) + 1 if found.group(1) else None
    if found.group(2):
        months = (today.year - int(found.group(2))) * 12 + (today.month - month if month else 0)
    else:  # "since march": the last March that has been
        months = (today.month - month) % 12
    return months if 0 < months < 720 else None


# How long a job lasted, not how long without one: "made redundant after 30 years", "let go
# after 6 months there", "redundant from a job i'd had for 20 years".
_TENURE_BEFORE = re.compile(
    r"\b(?:(?:redundant|laid off|let go|sacked|fired|dismissed|retired|quit|left|closed|shut|"
    r"finished)\b[^,.;!?]{0,25}\bafter|had for|had it for|been there|worked there)\s*\w*\s*$"
)
_TENURE_AFTER = re.compile(
    r"^\s*(?:there|at (?:the|my|that|this|a)\b|with (?:them|the (?:same )?(?:company|firm|"
    r"council|business|employer|nhs))\b|in (?:the|that|my) (?:job|role|place)|of (?:service|"
    r"working))"
)


def _duration(clause: str) -> int | None:
    for found in _DURATION.finditer(clause):
        if _TENURE_BEFORE.search(clause[: found.start(1)]) or _TENURE_AFTER.match(
            clause[found.end() :]
        ):
            continue
        months = parse.months(found.group(1))
        if months is not None:
            return months + 6 if "and a half" in found.group(1) else months
    return None


def out_of_work_months(text: str, today: date | None = None) -> int | None:
    """How long out of work, only from a duration next to being out of work."""
    if re.search(_NEVER_WORKED, text):
        return 120
    for context in _OUT_CONTEXT.finditer(text):
        clause = _clause_around(text, context.start(), context.end())
        months = _since(clause, today)
        if months is None:
            months = _duration(clause)
        if months is not None:
            return months
    return None


_LOW_PAY = re.compile(
    r"\b(?:pay|wages?|money|salary)(?: is| are|'s)? (?:rubbish|crap|bad|terrible|awful|low|"
    r"poor|shit|pants|not enough|too low)\b|\bnot paid enough\b|\bpaid (?:peanuts|badly)\b"
)
_INSECURE = re.compile(
    r"\bzero[- ]hours?\b|\bmy contract (?:ends|is ending|finishes|runs out|is up|is only)\b|"
    r"\b(?:cut|cutting|cuts|reduced|reducing) my hours\b|"
    r"\bhours (?:keep |are )?(?:getting |being )?(?:cut|reduced|changing|changed)\b"
)


def work_security(text: str) -> str | None:
    """How secure their work is, only when they say they work. "Secure" only when they say
    so ("permanent"), never from "I'm happy there"."""
    if not _first(_IN_WORK, text):
        return None
    said = parse.work_security(text)
    if said == "low_paid" or _LOW_PAY.search(text):
        return "low_paid"
    if said == "insecure" or _INSECURE.search(text):
        return "insecure"
    return said if re.search(r"\b(?:permanent|secure|stable)\b", text) else None


# --- qualifications ----------------------------------------------------------------------

# Held: "i have a degree", "did my a levels", "got my gcses". Not held: "i want to do a
# degree", "i'm doing my a levels", "can i do a level 3 if i don't have gcses".
_HELD = re.compile(
    r"\b(?:have|has|i've|got|did|done|passed|finished|completed|hold|graduated|studied|"
    r"gained|achieved|earned|left (?:school|college) with|qualified with|with(?= \d+ )|"
    r"i'm a|i am a|"
    r"i'm an|i am an)\b"
)
_NOT_HELD = re.compile(
    r"\b(?:want|wanna|wanted|like|love|hoping|hope|trying|try|need|needs|plan|planning|"
    r"thinking|considering|doing|studying|taking|sitting|finish|finishing|complete|start|"
    r"starting|apply|applying|towards|resit|retake|enrol|enrolled|accepted|offered|offer|"
    r"onto|how|if|when|will|going to|get|getting|no|not|never|without|n't|don't|doesn't|"
    r"didn't|haven't|hasn't|can|could|should|would|do i|does|is|what|which)\b|n't\b"
)
_LEVEL_IN_PROGRESS = re.compile(r"^\s*(?:student|course|learner|apprenticeship|starts?)\b")
_COUNTRIES = (
    r"poland|romania|lithuania|latvia|bulgaria|ukraine|russia|india|pakistan|bangladesh|"
    r"sri lanka|nigeria|ghana|kenya|somalia|eritrea|ethiopia|sudan|syria|iraq|iran|"
    r"afghanistan|turkey|albania|portugal|spain|italy|france|germany|brazil|philippines|"
    r"china|hong kong|vietnam|egypt|morocco|zimbabwe|south africa|jamaica|slovakia|hungary|"
    r"czech republic|moldova|kurdistan|yemen|my country|back home|abroad|overseas|"
    r"another country|outside the uk|outside england"
)
_COUNTRY = re.compile(rf"(?:the )?(?:{_COUNTRIES})")
_TRAINED_AS = (
    r"degree|diploma|school|college|university|qualifications?|certificate|engineer\w*|nurse|"
    r"teacher|doctor|studied|training|technical school|studies|trained|qualified|lawyer|"
    r"accountant|midwife|dentist|pharmacist|architect|vet"
)
_ABROAD = re.compile(
    rf"\b({_TRAINED_AS})\b[^.]{{0,40}}"
    rf"\b(?:in|from|at home in|back in)\s+(?:the\s+)?({_COUNTRIES})\b|"
    rf"\b(?:{_COUNTRIES})\b[^.]{{0,25}}\b({_TRAINED_AS})\b|"
    r"\b(?:foreign|overseas|international) (?:degree|qualifications?|diploma)\b"
)
_NONE = re.compile(
    r"\b(?:no|not got any|don't have any|haven't got any|haven't any|without any|zero|"
    r"never (?:got|had|did|passed) any|didn't (?:get|pass) any) (?:qualifications|"
    r"certificates?|exams)\b|\bleft school with nothing\b|"
    r"\bno qualifications\b|\bdidn't finish school\b|\bdidn't get any grades\b"
)
# "gcse english", "maths gcse": one subject's GCSE, which says nothing of the highest level.
_SUBJECT_GCSE = re.compile(
    r"\b(?:english|maths|science|\w+ and (?:english|maths)|english and|maths and)"
    r"(?: \w+){0,1} gcse|\bgcse (?:english|maths|science)\b"
)


def qualifications_abroad(text: str) -> bool:
    return bool(_ABROAD.search(text))


def _held(text: str, found: re.Match) -> bool:
    """Whether the qualification found is one they say they have: a word like "have" or
    "did" just before it, and no wish, plan or doubt in between or just before that."""
    before = _clause_before(text, found.start())[-40:]
    held = list(_HELD.finditer(before))
    if not held or _LEVEL_IN_PROGRESS.match(text[found.end() :]):
        return False
    if _nearest_person(before) == "other":
        return False  # "my daughter has a degree"
    last = held[-1]
    between = before[last.end() :]
    lead_in = " ".join(before[: last.start()].split()[-3:])
    return not (_NOT_HELD.search(between) or _NOT_HELD.search(lead_in))


def highest_level(text: str) -> str | None:
    """A qualification they say they hold; "GCSEs" is level 2 and so on."""
    if _NONE.search(text):
        return "none"
    for pattern, level in parse.LEVEL_WORDS:
        if level == "none":
            continue
        for found in re.finditer(pattern, text):
            if not _held(text, found):
                continue
            if level == "2" and _SUBJECT_GCSE.search(text):
                continue  # "i got maths gcse" is maths, not all their GCSEs
            if level == "2" and re.search(r"\b(failed|didn't pass|low grades?)\b", text):
                return "1"
            return level
    return None


_SUBJECTS = {"english": r"\benglish\b", "maths": r"\bmaths\b|\bmathematics\b|\bnumeracy\b"}
_GRADE = r"(a\*|[a-g]\*?|[1-9]|u)"
_PASSED = re.compile(
    r"\b(?:got|have|passed|pass|i've|with|grade [4-9]|a [4-9]|[4-9] in|[a-c] in|a c\b|"
    r"grade [a-c]\b|level 2)\b"
)
_FAILED = re.compile(
    r"\b(?:failed|fail|didn't pass|didn't get|don't have|no|not|without|never|"
    r"grade [1-3]|a [1-3]\b|[1-3] in|[d-g] in|u in|resit|retake)\b|n't\b"
)
# "i need a 4 in maths", "do i need gcse maths": a wish or a question, not a result.
_ASPIRE = re.compile(
    r"\b(?:need|needs|want|wanna|hoping|hope|trying|aiming|predicted|expect\w*|will|"
    r"going to|do i|can i|does|is it|required|requirement|what|which|how)\b"
)


def _grade_passes(grade: str) -> bool:
    """GCSE grade 4 or above, or C or above in the old letters."""
    grade = grade.rstrip("*")
    return int(grade) >= 4 if grade.isdigit() else grade in ("a", "b", "c")


def _direct_grade(clause: str, subject: str) -> bool | None:
    """A grade said right next to the subject: "a 5 in maths", "english gcse grade 6"."""
    named = rf"(?:{_SUBJECTS[subject]})"
    found = re.search(rf"\b(?:an? |grade ){_GRADE} (?:in|for) (?:gcse |my |the )?{named}", clause)
    found = found or re.search(
        rf"{named}(?: gcse)?(?: at| -|:| is| was)?(?: a| an| grade)* {_GRADE}\b"
        r"(?!\s*-?\s*(?:levels?|hours?|years?|months?|weeks?|kids|jobs?)\b)",
        clause,
    )
    return _grade_passes(found.group(1)) if found else None


def _clause_gcse(clause: str, subject: str) -> bool | None:
    direct = _direct_grade(clause, subject)
    if direct is not None:
        return direct
    if _FAILED.search(clause):
        return False
    return True if _PASSED.search(clause) else None


_SUBJECT_YES = r"yes|yeah|yep|ye|y|pass|passed|got it"
_VERDICT = rf"{_SUBJECT_YES}|no|nope|nah|n|fail|failed"


def gcse(text: str) -> dict[str, bool] | None:
    """GCSE English and maths at grade 4 (C) or above, subject by subject, when they say."""
    if not re.search(
        rf"\bgcse|\bgrade|\bpassed|\bfailed|\bresit|\bretake|\bi got (?:english|maths)|"
        rf"\b{_GRADE} in (?:english|maths)\b",
        text,
    ):
        return None
    if re.search(
        r"\b(?:no|not got any|don't have any|haven't got any|haven't any|without any|never "
        r"(?:got|had|did|passed|sat|took) (?:any|my)|didn't (?:get|pass|do|sit|take) (?:any|my)) "
        r"gcse\b",
        text,
    ):
        return {"english": False, "maths": False}
    # "gcse maths yes english no", "english and maths yes": a verdict after each subject
    said = re.findall(
        rf"\b(english|maths?)(?: and (english|maths?))?\s*[-:]?\s*({_VERDICT})\b", text
    )
    if said:
        verdicts: dict[str, bool] = {}
        for first, second, verdict in said:
            for subject in filter(None, (first, second)):
                verdicts["maths" if subject.startswith("math") else subject] = (
                    re.fullmatch(_SUBJECT_YES, verdict) is not None
                )
        return verdicts
    found: dict[str, bool] = {}
    for clause in re.split(r"\bbut\b|\bthough\b|\bhowever\b|;|\.|\bexcept\b|,", text):
        if _ASPIRE.search(clause) and not re.search(r"\b(?:resit|retake|failed)\b", clause):
            continue
        for subject, pattern in _SUBJECTS.items():
            if re.search(pattern, clause):
                value = _clause_gcse(clause, subject)
                if value is not None:
                    found.setdefault(subject, value)
    if re.search(r"\bboth\b", text) and len(found) == 1:
        value = next(iter(found.values()))
        found = {"english": value, "maths": value}
    return found or None


# --- computers ---------------------------------------------------------------------------

# "it" is left out: "i'm rubbish at it" is not about computers.
_TECH = (
    r"(?:(?:a |the |my )?(?:computers?|laptops?|pcs?|ipad|tablet|internet|technology|tech|"
    r"emails?|digital stuff|it skills|it stuff|computer stuff|online forms))\b"
)
_NO_SKILLS = [
    r"\b(?:not good|no good|rubbish|bad|useless|terrible|hopeless|scared|frightened|struggle|"
    rf"struggling|not confident|clueless|crap|pants)\s+(?:with|on|at|of|using)\s+{_TECH}",
    rf"\b(?:don't know how to|can't|cannot|never|never ever) (?:use|used|touched) {_TECH}",
    rf"\bno idea (?:about|how to use|with) {_TECH}",
    rf"\b{_TECH}\s+(?:scare me|confuse me|are hard|is hard|are not for me)\b",
]
_SOME_SKILLS = [
    rf"\b(?:a bit|a little|basic|the basics|only basic|some) (?:of )?{_TECH}",
    rf"{_TECH}\s+(?:a bit|a little|a little bit|basics)\b",
    r"\bcan (?:do|send|use) (?:my )?emails?\b",
    r"\bonly (?:use )?(?:my )?phone\b",
]
_SKILLED = [
    r"\b(?:good|great|confident|expert|comfortable|fine|brilliant|very good)\s+(?:with|on|at|"
    rf"using)\s+{_TECH}",
    rf"\buse {_TECH} every day\b",
]


def _search(patterns: Iterable[str], text: str) -> re.Match | None:
    return next(filter(None, (re.search(p, text) for p in patterns)), None)


def digital_confidence(text: str) -> str | None:
    """How confident with computers, when they say so about computers. "Not very good with
    computers" could be none or basic, so it is left for the question."""
    if _search(_NO_SKILLS, text):
        return "none"
    if _search(_SOME_SKILLS, text):
        return "basic"
    skilled = _search(_SKILLED, text)
    if skilled and not _negated(text, skilled.start(), window=3):
        return "confident"
    return None


# --- barriers ----------------------------------------------------------------------------

# Their own children's school or nursery sets their hours: "i do the school run so only
# 10-2", "kids in nursery till 3", "i have to pick up from nursery". Not an interest in
# nurseries, and not "my son is at school" (no hours said).
_SETTING = r"(?:nursery|school|creche|childminder|childminders|breakfast club|after school club)"
_SCHOOL_RUN = (
    r"\b(?:(?:the |my )?school run|"
    r"(?:pick(?:ing)?|drop(?:ping)?|collect(?:ing)?|fetch(?:ing)?|get(?:ting)?|tak(?:e|ing))"
    r"(?: up| off)?(?: (?:them|him|her|the kids|my kids|the children|my children|my son|"
    rf"my daughter|the little one|the baby|my little one))?(?: up| off)? (?:from|at|to) "
    rf"(?:the )?{_SETTING}|{_SETTING} (?:pick ?ups?|drop ?offs?|runs?)|"
    r"(?:kids?|children|son|daughter|little one|baby|boy|girl|twins|they|he|she|they're|he's|"
    r"she's)(?: is| are| go| goes| r| only)? (?:in|at) (?:the )?"
    rf"{_SETTING}(?: (?:in the )?(?:mornings?|afternoons?)| (?:till|until|til|from|between|"
    r"\d)))\b"
)

# A barrier is the resident's only when they say so. Two kinds of wording:
# - OWNED words are as often a topic as a fact ("depression", "criminal record", "debt"), so
#   the nearest person named before them must be the resident ("i have depression");
# - SAID phrasings are about someone by their nature ("sofa surfing", "been inside", "single
#   mum"), so they count unless the nearest person named is someone else ("my brother is on
#   probation").
# Either way a denial just before ("no criminal record") or a job, course or service around
# the words ("jobs for ex offenders", "mental health nurse", "debt advice") is not a barrier.
OWNED = {
    "mental_health": [
        r"\b(?:depress\w*|anxiety|ptsd|bipolar|ocd|panic attacks?|mental health|"
        r"low mood|(?:nervous|mental) breakdown|schizo\w*|eating disorder|personality "
        r"disorder)\b",
    ],
    "health": [
        r"\b(?:back (?:problems?|pain|injury)|(?:bad|dodgy) (?:back|knees?|hips?|legs?)|"
        r"(?:knee|hip|neck|joint) (?:problems?|pain|injury)|health (?:problems?|issues?|"
        r"conditions?)|long[- ]term (?:illness|condition|health condition)|chronic \w+|diabet\w*|"
        r"cancer|arthritis|epilepsy|long covid|ill health|illness|injury|injured|"
        r"heart (?:condition|problems?|attack)|asthma|(?:(?<=have )|(?<=got )|(?<=with ))ms|"
        r"fibromyalgia|my health|stroke|copd|"
        r"crohn's|colitis|chronic fatigue|me/cfs|sickle cell|hiv|dementia|alzheimer'?s|"
        r"broken (?:leg|arm|ankle|"
        r"wrist|hip|back|foot))\b",
    ],
    "disability": [
        r"\b(?:disabled|disability|wheelchair|deaf|blind|partially sighted|visually impaired|"
        r"hearing impaired|autis\w*|asperger\w*|dyslexi\w*|dyspraxi\w*|learning difficult\w*|"
        r"learning disabilit\w*|adhd|cerebral palsy|amputee)\b",
    ],
    "convictions": [
        r"\b(?:criminal record|convictions?|convicted|a caution|unspent|spent conviction)\b",
    ],
    "english_language": [r"\besol\b"],
    "money": [r"\bdebts?\b"],
}
SAID = {
    "caring": [
        r"\b(?:i'm|i am) (?:a |an |my [a-z']+ )?(?:unpaid |young |full[- ]time )?carer\b"
        r"(?! (?:at|in|for an?|for the|job|jobs|work|with an?)\b)",
        r"\bcarer (?:for|to) (?:my|our) [a-z]+",
        # A grown-up relative, or a child who is ill or disabled: looking after one's own
        # children is childcare, not caring.
        r"\b(?:look|looking|care|caring) (?:after|for) (?:my|our|a) (?:(?:disabled|sick|ill|"
        r"poorly|elderly|old|terminally ill) )?(?:mum|dad|mother|father|partner|husband|wife|"
        r"nan|nana|gran|granny|grandma|grandad|grandparents?|brother|sister|parents?|"
        r"relative|auntie|aunt|uncle|neighbour)\b",
        r"\b(?:look|looking|care|caring) (?:after|for) (?:my|our|a) (?:disabled|sick|ill|"
        r"poorly|terminally ill) (?:son|daughter|child|kid|boy|girl|baby)\b",
        *_CARE_FOR_THEM,
    ],
    "childcare": [
        r"\b(?:need|no|can't (?:get|afford|find)|problem with|trouble with|struggle with|"
        r"help with|pay for|paying for|cost of|afford) (?:the )?(?:childcare|child care)\b",
        r"\b(?:childcare|child care) (?:is|costs|problems?|issues?)\b",
        r"\bsingle (?:mum|mom|dad|parent|mother|father)\b",
        r"\b(?:nobody|no one|no-one) to (?:look after|watch|mind|pick up) (?:my|the) (?:kids|"
        r"children|baby|son|daughter|little one)\b",
        # Hours set by their own children's school or nursery: "i do the school run".
        _SCHOOL_RUN,
    ],
    "housing": [
        r"\b(?:homeless|sofa[- ]?surf\w*|evict\w*|hostel|temporary accommodation|no fixed "
        r"(?:abode|address)|nowhere to (?:live|stay|sleep)|(?:kicked|thrown|threw) (?:me )?out"
        r"(?! of (?:school|college|class|university|sixth form|my course|the course|work|"
        r"my job))|section 21|notice to (?:leave|quit)|behind (?:on|with) (?:my |the )?rent|"
        r"rent arrears|(?:losing|lose) my (?:home|flat|house)|have to leave (?:my|the) "
        r"(?:flat|house|home|room)|sleeping rough|rough sleep\w*|sleeping in my car)\b",
        r"\blandlord[^.]{0,40}\b(?:notice|evict\w*|leave|out|selling)\b",
        r"\b(?:housing (?:problems?|issues?|situation)|problem with (?:my )?housing)\b",
        r"\bhave to (?:leave|move out|get out)\b[^.]{0,30}\b(?:by|on|this|next|before) "
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end|end of|week|"
        r"month|tomorrow)\b",
    ],
    "transport": [
        r"\b(?:no car|don't drive|can't drive|don't have a car|haven't got a car|no transport|"
        r"can't afford (?:the )?(?:bus|buses|train|trains|travel|fares?)|(?:the )?buses are "
        r"(?:rubbish|bad|terrible|crap|useless|awful|not good)|no buses|getting there is|"
        r"hard to get (?:to|there)|no bus (?:route|service))\b",
    ],
    "convictions": [
        r"\b(?:(?:been|was) in (?:prison|jail)|in and out of (?:prison|jail)|been inside|"
        r"(?:came|come|got|just) out of (?:prison|jail)|released from (?:prison|jail)|"
        r"on probation|on licence|on license|"
        r"ex[- ]?offender|served time|did time|done time|(?:got|have|had|with) a (?:criminal )?"
        r"record|(?:did|done|served|spent) (?:[a-z0-9]+ ){0,3}(?:in|inside) (?:prison|jail))\b",
    ],
    "money": [
        r"\b(?:in debt|can't pay (?:my |the )?(?:bills|rent)|skint|(?:i'm|am|i am|so|totally|"
        r"completely|proper|dead) broke|money (?:problems?|worries|issues|is tight)|"
        r"struggling (?:with money|to pay|financially)|behind (?:on|with) (?:my |the )?"
        r"(?:bills|payments|council tax)|sanctioned|food ?bank|(?:have|got|with) no money|"
        r"no money (?:for|to|left))\b",
        r"\bcan't afford\b(?! (?:the |a )?(?:bus|buses|train|trains|travel|fares?|petrol|car|"
        r"taxi|childcare|child care|nursery|course|courses)\b)",
    ],
    "english_language": [
        r"\benglish (?:is|not|isn't)[^.]{0,15}\b(?:problem|hard|difficult|weak|bad|not good|"
        r"not so good|not very good|not great|poor|little|not my first|my second)\b",
        r"\bmy english (?:is )?(?:not|isn't|no|bad|poor|weak|little|not very|not so|"
        r"not that)\b",
        r"\b(?:english (?:is )?(?:not|isn't) my (?:first|main) language|english as a second "
        r"language|second language|learning english|learn english|speak (?:a )?little english|"
        r"don't speak (?:much |good |very good )?english|not speak (?:good |much )?english|"
        r"english (?:classes|lessons|course) for (?:me|foreigners|foreign people)|"
        r"english for (?:foreign|foreigners|non[- ]native)|english (?:problem|no good|little|bad)|"
        r"no (?:good |much )?english (?:good|well)|no (?:good|much) english)"
        r"\b(?! gcse| qualifications?| grade| teacher| literature)",
        r"\b(?:limited|basic|little|poor|bad|broken) english\b",
        r"\b(?:me|i) (?:no|not|no speak|not speak|can't speak|cannot speak) (?:much |good )?"
        r"english\b",
        r"\b(?:speak|have|got) (?:no|little|very little|not much|hardly any) english\b"
        r"(?! gcse| qualifications?| grade)",
    ],
    # Reading and writing in any language: "cant read that good", "struggle with spelling"
    "literacy": [
        r"\b(?:can't|cannot|cant|can not|struggle to|struggle with|hard to|not good at|bad at|"
        r"never learned to|never learnt to) (?:read|write|spell|reading|writing|spelling)\b",
        r"\b(?:reading|writing|spelling) (?:is|are) (?:hard|difficult|a problem|not good)\b",
        r"\b(?:help|problems?|trouble) with (?:my )?(?:reading|writing|spelling|literacy)\b",
    ],
}
_DENIED = re.compile(
    r"\b(?:no|not|never|don't|do not|doesn't|didn't|haven't|hasn't|without|none)\b"
    r"(?: (?!and\b|but\b)\w+){0,3}(?: (?:or|nor)(?: \w+){0,2})? ?$"
)
_RELATIVE = (
    r"(?:son|daughter|child|kid|children|boy|girl|partner|husband|wife|mum|mom|dad|mother|"
    r"father|brother|sister|friend|baby|nan|nana|gran|grandma|grandad|nephew|niece|cousin|"
    r"uncle|aunt|auntie|fiance|fiancee|boyfriend|girlfriend|family|mate|neighbour|parent)s?"
)
_SOMEONE_ELSE = re.compile(rf"\b(?:my|our|his|her|their)(?: [\w-]+)? {_RELATIVE}\b")


def names_someone_else(text: str) -> bool:
    """Whether the words speak of a relative or friend, whose facts are not the resident's."""
    return bool(_SOMEONE_ELSE.search(text))


_PERSON = re.compile(
    rf"\b(?P<other>(?:my|our|his|her|their) {_RELATIVE}|he|she|they|him|her|"
    r"them|his|their|he's|she's|they're|people|someone|somebody|others|clients|customers|"
    r"who|you|your)\b|\b(?P<me>i|i'm|i've|i'd|i'll|me|my|myself|am)\b"
)
# "jobs for ex offenders", "work in mental health", "housing officer", "debt advice"
_TOPIC_BEFORE = re.compile(
    r"\b(?:jobs?|work|working|careers?|courses?|training|qualifications?|degree|"
    r"apprenticeships?|volunteer\w*|interested|experience|study|studying|learn|learning|"
    r"about|specialise|specialising)\s+(?:in |with |for |on |around |into |supporting |"
    r"helping )?(?:a |an |the |people with |people who are |those with )?$"
)
_TOPIC_AFTER = re.compile(
    r"^\s*(?:nurse|nursing|workers?|jobs?|work|officers?|assistants?|support|practitioners?|"
    r"courses?|services?|team|sector|charity|charities|shelter|apprenticeships?|training|"
    r"qualifications?|teachers?|advisors?|advisers?|awareness|benefits?|allowance|people|"
    r"bursary|grant|covenant|offer|scheme|discount|"
    r"care|advice|specialist|professionals?|roles?|positions?|vacancies|organisations?|"
    r"volunteers?|counsellor|counselling|team)\b"
)


def _clause_before(text: str, start: int) -> str:
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    return text[before[-1] if before else 0 : start]


def _nearest_person(before: str) -> str | None:
    """Who the last person named before some words is: "me", "other" or None."""
    last = None
    for found in _PERSON.finditer(before):
        last = "other" if found.group("other") else "me"
    return last


# "got a bad back", "suffering from depression": the "I" left out at the start of a clause.
_UNSAID_I = re.compile(
    r"^\s*(?:(?:hi|hello|hiya|hey|yeah|yes|well|also|and|plus|oh|um|erm|so)\s+)*"
    r"(?:suffer\w*|diagnosed|struggl\w*|battling|living with|got|have|had|been|dealing with|"
    r"on medication for|take medication for)\b"
)


_SUPPOSED = re.compile(r"\b(?:what if|if|in case|suppose|supposing|even if|unless)\b")


def _someone_else_after(rest: str) -> bool:
    """ "disabled son", "autistic daughter": the words describe the person named next."""
    return bool(re.match(rf"\s*{_RELATIVE}\b", rest))


def _theirs(text: str, found: re.Match, *, owned: bool) -> bool:
    """Whether the words found are about the resident and not denied, a topic or another's."""
    before, rest = _clause_before(text, found.start()), text[found.end() :]
    if _DENIED.search(text[max(0, found.start() - 40) : found.start()]):
        return False
    if _TOPIC_BEFORE.search(before) or _TOPIC_AFTER.match(rest) or _someone_else_after(rest):
        return False
    if _SUPPOSED.search(before):
        return False  # "what if i have a criminal record"
    if any(p.group("me") for p in _PERSON.finditer(found.group(0))):
        return True
    person = _nearest_person(before[-45:] if owned else before)
    if person is None and _UNSAID_I.match(before):
        return True
    if person is None and owned:  # "I'm 26, care leaver": the person named a clause back
        person = _nearest_person(text[max(0, found.start() - 60) : found.start()])
    return person == "me" if owned else person != "other"


def _said(text: str, patterns: Iterable[str], *, owned: bool) -> bool:
    return any(
        _theirs(text, found, owned=owned)
        for pattern in patterns
        for found in re.finditer(pattern, text)
    )


def _barrier_said(text: str, name: str) -> bool:
    return _said(text, OWNED.get(name, ()), owned=True) or _said(
        text, SAID.get(name, ()), owned=False
    )


def barriers(text: str) -> set[str]:
    """Every barrier the resident says is theirs (more than one can be said at once)."""
    found = {name for name in {*OWNED, *SAID} if _barrier_said(text, name)}
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
    r"income support|pension credit|housing benefit|tax credits?|the dole|pip|dla|"
    r"carer's allowance|carers allowance)"
)
_CLAIMS = re.compile(
    rf"\b(?:i'm on|i am on|am on|on|i get|i claim|claiming|getting|receive|i receive|"
    rf"my|signing on for|lose my|losing my|stop my|affect my)\s+(?:the\s+)?{_BENEFITS}\b"
)


# "how do i get universal credit", "can i claim uc": asking how to claim, not claiming.
_ASKING = re.compile(r"^\s*(?:how|what|where|can|could|do|does|will|would|should|am|is|are)\b")
_APPLYING = re.compile(r"(?:i get|i claim|claiming|getting|receive|i receive)\b")


def on_benefits(text: str) -> bool | None:
    """Whether they claim benefits, when they say so of themselves ("my mum is on benefits"
    is hers; "what benefits can I get" says nothing)."""
    if re.search(rf"\b(?:not on|don't get|don't claim|no|not claiming|never claimed|stopped)"
                 rf"(?: any)? {_BENEFITS}\b", text):  # fmt: skip
        return False
    for found in _CLAIMS.finditer(text):
        before = _clause_before(text, found.start())
        asking = _ASKING.search(before) and _APPLYING.match(found.group(0))
        if not asking and _nearest_person(before) != "other":
            return True
    if re.search(r"\bsigning on\b|\bon the dole\b", text):
        return True
    if re.match(rf"^\s*(?:and |yes |yeah |yh )?(?:i )?get (?:the )?{_BENEFITS}\b", text):
        return True  # "get universal credit", the "I" left out
    if re.match(r"^\s*(?:i'm|im|i am|i)\b", text) and re.search(
        rf"(?:,|\band)\s+(?:also\s+)?(?:get|claim|receive|on)\s+(?:the\s+)?{_BENEFITS}\b", text
    ):
        return True  # "im 41, i look after my mum and get universal credit": still "I"
    return None


_CARE_LEAVER_OWNED = [r"\bcare leaver\b"]
_CARE_LEAVER_SAID = [
    r"\b(?:as a care leaver|was in care|been in care|grew up in care|brought up in care|"
    r"left care|in foster care|foster (?:care|parents|home|family|carer)|children's home|"
    r"looked after child|leaving care|a care kid)\b",
]


def care_leaver(text: str) -> bool | None:
    """Whether they grew up in care, when they say so of themselves ("the care leaver
    bursary" or "my kids are in foster care" says nothing of them)."""
    if re.search(r"\b(?:never|not|haven't|wasn't) (?:been |lived |grown up )?in care\b|"
                 r"\bnot a care leaver\b", text):  # fmt: skip
        return False
    if _said(text, _CARE_LEAVER_OWNED, owned=True) or _said(text, _CARE_LEAVER_SAID, owned=False):
        return True
    return None


# What they can do, not what they do now: "i work 16 hours a week" is their job today.
_AVAILABLE = (
    r"\b(?:can|could|only|able to|want|looking for|look for|need|max|maximum|up to|available|"
    r"prefer|would like|i'd like|happy to do|free for|just)\b"
)
SCHOOL_HOURS = 25


def _availability(text: str, pattern: str) -> re.Match | None:
    """``pattern`` said as what they can do: an availability word before it in the clause, or
    "only" just after ("school hours only"), and no negation ("i can't do full time")."""
    for found in re.finditer(pattern, text):
        before = _clause_before(text, found.start())[-40:]
        cue = list(re.finditer(_AVAILABLE, before))
        after_only = re.match(r"\s*(?:only|max|maximum|tops)\b", text[found.end() :])
        if not (cue or after_only):
            continue
        start = cue[-1].start() if cue else 0
        if _NEGATION.search(" ".join(before[:start].split()[-2:]) + " " + before[start:] + " "):
            continue
        return found
    return None


# "school hours", "while the kids are at school", "school times"
_SCHOOL_DAY = (
    r"\b(?:school hours|school times?|while (?:the kids|the children|my kids|my children|they|"
    r"they're|theyre|they are|kids|children)(?: are| r)? (?:at|in) school)\b"
)


def hours(text: str) -> int | None:
    """Hours a week they could work or study, when they say what they can do."""
    if _availability(text, _SCHOOL_DAY):
        return SCHOOL_HOURS
    stated = _availability(
        text,
        r"\b(\d{1,2}(?:\s*(?:-|to|and)\s*\d{1,2})?|sixteen|twenty|thirty|forty)\s*"
        r"(?:hours?|hrs?|h)\b",
    )
    if stated:
        return parse.hours(stated.group(1))
    if _availability(text, r"\bpart[\s-]?time\b"):
        return parse.PART_TIME_HOURS
    if _availability(text, r"\bfull[\s-]?time\b"):
        return parse.FULL_TIME_HOURS
    return None


_INTEREST = re.compile(
    r"(?P<verb>(?:\bi |^|, |\band )want (?:to )?(?:be|become|work as|work in|work with|do|"
    r"train as|train in|get into|go into|move into|retrain as|retrain in|learn|study)|"
    r"\b(?:i(?:'d| would) (?:like|love) to (?:be|become|work (?:as|in|with)|do|learn|study|"
    r"train as|get into)|interested in|i like|i love|i enjoy|my dream is to be|retrain (?:as|"
    r"in|to be)|jobs? (?:working )?with|career in|something (?:in|with)))\s+"
    r"(?P<article>a |an |the |some )?(?P<value>[a-z][a-z &'-]{1,40}?)"
    r"(?=$|[,.!?;]| and | but | near | in [a-z]| because | so | please| or | maybe| for |"
    r" here\b| there\b| now\b| again\b| one day\b)"
)
_NOT_INTEREST = re.compile(
    r"^(?:jobs?|work|it|that|this|these|those|you|your|people|money|help|something|anything|"
    r"find|get|know|talk|do|go|work with|a change|change|more|better|same|idea|sound|look|"
    r"one|them|him|her|me|what|how|when|where|here|there|lot|bit|to)\b"
)
# "a degree", "an apprenticeship", "a plumbing course": the kind of learning, not its subject.
_FORM = (
    r"(?:degree|masters?|phd|course|courses|qualifications?|gcses?|a levels?|level \d|"
    r"apprenticeships?|t levels?|nvq|btec|diploma|certificate|training|job|jobs|work|"
    r"career|placement)"
)


def _subject(value: str, rest: str) -> str | None:
    """The subject in "a plumbing course" or "a degree in nursing" (``rest`` follows it)."""
    if re.fullmatch(_FORM, value):
        more = re.match(r"\s+in\s+([a-z][a-z &'-]{2,40}?)(?=$|[,.!?;]| and | but | near | so )",
                        rest)  # fmt: skip
        return more.group(1) if more else None
    value = re.sub(rf"^(?:level \d|entry level \d) |\s+{_FORM}$", "", value)
    return None if re.fullmatch(_FORM, value) else value


# "animals and children", "health and social care", but not "a chef and earn good money"
_AND_MORE = re.compile(
    r" and (?!(?:i|i'm|i've|my|me|you|it|they|want|need|have|get|earn|make|do|be|go|help|"
    r"find|live|look|also|maybe|then|so|not|can|will|would|work|pay|the)\b)"
    r"([a-z][a-z &'-]{1,25}?)(?=$|[,.!?;]| but | near | in [a-z]| because | so | please)"
)


def _from_words(text: str) -> str | None:
    found = _INTEREST.search(text)
    if not found:
        return None
    verb, value = found.group("verb").strip(", "), found.group("value").strip(" -'")
    more = _AND_MORE.match(text, found.end())
    if more and len(more.group(1).split()) <= 3:
        value = f"{value} and {more.group(1)}"
    if verb in ("i like", "i love", "i enjoy") and found.group("article"):
        return None  # "i like the sound of that"
    value = re.sub(
        r"^(?:(?:be|become|becoming|work as|working as|work in|working in|do|doing|learn|"
        r"learning|study|studying|get into|getting into|something (?:in|with|to do with|"
        r"involving)) (?:a |an |the )?)+",
        "",
        value,
    )
    if len(value) < 2 or _NOT_INTEREST.match(value):
        return None
    return _subject(value, text[found.end() :])


def _childcare_word(value: str) -> bool:
    """A word for where their children are looked after, which names no interest when it
    says when they are free ("nursery", "childcare", "school run")."""
    return bool(
        re.fullmatch(
            rf"(?:child ?care|school run|early years|education|{_SETTING})s?", value.lower()
        )
    )


# Said with "what i want to do" but no kind of work: "not sure what i want to do tbh".
_NO_INTEREST = frozenset({
    "tbh", "idk", "lol", "honestly", "really", "anything", "something", "whatever", "dunno",
    "it", "that", "this", "stuff", "things", "yet", "now", "here", "ngl", "innit", "atm",
})  # fmt: skip


def interests(text: str, entities: Iterable[Mapping[str, Any]]) -> str | None:
    """What kind of work or learning they want, from the model's subject and job entities or
    from "I want to be a …", "jobs with animals", "retrain in IT"."""
    named = [
        str(e.get("value"))
        for e in entities
        if e.get("entity") in ("subject", "job_role")
        and re.search(r"[a-z]", str(e.get("value")), re.I)
    ]  # "rejected from 20 jobs": the model's "20" is no kind of work
    if gcse(text) is not None:  # "got a 5 in english, a 3 in maths": grades, not interests
        named = [n for n in named if not re.fullmatch(r"english|maths?|mathematics", n.lower())]
    if _barrier_said(text, "english_language"):  # "i need work. no english good": not a wish
        named = [n for n in named if not re.fullmatch(r"english|esol|language", n.lower())]
    if re.search(_SCHOOL_RUN, text):  # "kids in nursery till 3": their hours, not a wish
        wished = _from_words(text) or ""
        named = [n for n in named if n.lower() in wished or not _childcare_word(n)]
    named = [n for n in named if n.lower() not in _NO_INTEREST]
    if named:
        return ", ".join(dict.fromkeys(named))[:100]
    if re.search(r"\b(?:retrain|train|work|job|jobs|career|course|courses|something)\s+(?:in|with)"
                 r"\s+it\b(?!\s+(?:is|was|would|will|could|for))", text):  # fmt: skip
        return "IT"  # "retrain in IT": lower case here, but "in it" never ends such a phrase
    value = _from_words(text)
    return value[:100] if value and value.lower() not in _NO_INTEREST else None


# --- the whole message -------------------------------------------------------------------

_KIND = r"(course|courses|training|apprenticeships?|jobs?|work)"
_RATHER = re.compile(
    r"\b(?:i'd rather|i would rather|rather|prefer(?: to)?|instead)\b(?: do| get| have| find| go "
    rf"for| look for| try| start)?(?: an?| some)?\s+{_KIND}\b"
)
_RATHER_WANTS = {
    "course": "course", "courses": "course", "training": "course",
    "apprenticeship": "apprenticeship", "apprenticeships": "apprenticeship",
    "job": "job", "jobs": "job", "work": "job",
}  # fmt: skip
# "i meant a course", "no not a job, a course", "i said apprenticeship": a correction.
_CORRECTING = re.compile(
    r"\b(?:i meant|i mean|meant to say|i said|i asked for)\b|"
    r"\b(?:not|don't want|do not want|didn't want|didn't mean|didn't say) (?:an? |some )?"
    rf"{_KIND}\b|"
    rf"\b(?:forget|forget about|scrap|no more|never ?mind|nvm)(?: the| a| an)? {_KIND}\b"
)
# A kind of help named as one: "a course", "meant apprenticeship", "not a job", but not the
# "work" in "out of work".
_NAMED_KIND = re.compile(
    r"(?:^|\b(?:an?|some|for|want|wanted|need|meant|mean|said|not|just|get|find|do)\s+|,\s*)"
    rf"{_KIND}\b"
)


def _corrected_wants(text: str) -> str | None:
    """ "i meant i want a course not a job": the one kind of help left once the kinds they
    deny are taken out. Two kinds left ("a course or a job") is no correction."""
    if not _CORRECTING.search(text):
        return None
    kept = {
        _RATHER_WANTS[found.group(1)]
        for found in _NAMED_KIND.finditer(text)
        if not _negated(text, found.start(1), window=3)
    }
    return kept.pop() if len(kept) == 1 else None


def changed_wants(text: str) -> str | None:
    """What they want now, said as a change: "actually id rather do a course than get a job",
    or as a correction of what was understood: "sorry i meant apprenticeship"."""
    found = _RATHER.search(text)
    return _RATHER_WANTS[found.group(1)] if found else _corrected_wants(text)


# "i'm looking for work myself", "i need a course": the kind of help they ask for, in words.
_WANTED_KIND = re.compile(
    r"\b(?:looking for|look for|want|need|after|find|finding|get|getting|interested in)\s+"
    rf"(?:to (?:do |get |find |start )?)?(?:an?\s+|some\s+|a new\s+)?{_KIND}\b"
)


_BETTER_JOB = re.compile(
    r"\b(?:i|i'm|im|i am)\s+(?:really\s+|just\s+|also\s+)?(?:want|need|looking for|after)\b"
    r"[^.!?]{0,25}\b(?:a\s+)?(?:better|another|new|different|second|proper|permanent|steady|"
    r"decent)\s+(?:job|work)\b"
)


def wants_said(text: str) -> str | None:
    """The kind of help (course, job, apprenticeship) the words ask for, if they do."""
    for found in _WANTED_KIND.finditer(text):
        if not _negated(text, found.start(), window=2):
            return _RATHER_WANTS[found.group(1)]
    return None


_BUSINESS = (
    r"(?:business|company|firm|shop|salon|cafe|restaurant|garage|agency|organisation|charity|"
    r"practice)"
)
_NOT_EMPLOYER = re.compile(
    r"\b(?:i'm|i am|am)\s+(?:really\s+|actually\s+)?not\s+(?:an?\s+)?(?:employer|recruiter|"
    rf"business owner|{_BUSINESS})\b|"
    r"(?:^|,|\bno|\bnah)\s*not\s+(?:an?\s+)?(?:employer|recruiter|business owner|business|"
    r"company)\b|"
    r"\bi (?:don't|do not|didn't|never) (?:run|own|have|manage)\s+(?:an?\s+|any\s+|my own\s+)?"
    rf"(?:[a-z]+\s+)?{_BUSINESS}\b|"
    r"\b(?:i'm|i am) not (?:hiring|recruiting|looking to (?:hire|recruit|take on))\b|"
    r"\b(?:looking for|want|need)\s+(?:an?\s+)?(?:work|job|course|apprenticeship|training)\s+"
    r"(?:for\s+)?myself\b|"
    # "would anyone even hire someone my age?": asking whether they would be hired
    r"\b(?:would|will|does|do|could|can|is)\s+(?:anyone|anybody|any\s+employers?|employers?|"
    r"they|companies|someone|anywhere)\s+(?:\w+\s+)?(?:hire|employ|take\s+on|want|take)\s+"
    r"(?:me|someone|somebody|people|anyone)\b(?!\s+(?:for|to work for)\s+(?:my|our)\b)"
)


def employer_denied(text: str) -> bool:
    """Whether they say they are not an employer ("i'm not an employer", "i dont run a company
    lol", "im looking for work myself"): a resident the model, or the assistant, took for one."""
    return bool(_NOT_EMPLOYER.search(text))


WANTS_BY_INTENT = {
    "find_course": "course",
    "find_job": "job",
    "find_apprenticeship": "apprenticeship",
    "get_support": "support",
}


def _home_places(said: str, entities: list[Mapping[str, Any]]) -> list[str]:
    """Place candidates said as home; a postcode the model found counts only where the words
    say it is theirs ("my postcode is …"), not where they want to look ("jobs near …")."""
    found = place_candidates(said)
    for entity in entities:
        value = str(entity.get("value") or "")
        if entity.get("entity") != "postcode" or not value:
            continue
        named = re.escape(value.lower())
        home = re.search(
            rf"{_HOME}\s+{named}|{_TOLD}\b[^.]{{0,30}}{named}|{named}[ ,.!]*{_TOLD}", said
        )
        if home or said.strip() == value.lower():
            found.insert(0, value)
    return list(dict.fromkeys(found))


def _agree(facts: dict[str, Any], said: str) -> None:
    """Facts that follow from, or are cancelled by, the others read from the same message."""
    if facts.get("out_of_work_months") == 120 and "situation" not in facts:
        facts["situation"] = "out_of_work"  # "I've never worked"
    if facts.get("situation") not in ("out_of_work", "health", "caring"):
        facts.pop("out_of_work_months", None)  # a past spell, or not about work at all
    if facts.get("situation") not in (None, "in_work"):
        facts.pop("work_security", None)
    if facts.get("qualifications_abroad"):
        facts.pop("highest_level", None)  # its level here is for an adviser to compare
    if facts.get("highest_level") == "none":
        # No qualifications is no GCSE English or maths either: not a question to ask next.
        facts["gcse"] = {"english": False, "maths": False, **facts.get("gcse", {})}
        if any(facts["gcse"].values()):  # "no quals but i passed english": not none, then
            facts.pop("highest_level")


def _barriers(facts: dict[str, Any], said: str) -> set[str]:
    found = barriers(said)
    own = _own_health_words(said) if facts.get("situation") == "health" else []
    if own:
        mental = any(re.search(r"depress|anxi|mental", word) for word in own)
        found.add("mental_health" if mental else "health")
    if facts.get("hours") == SCHOOL_HOURS and re.search(_SCHOOL_DAY, said):
        found.add("childcare")  # they work round the school day
    return found


def _wants(facts: dict[str, Any], said: str, intent: str | None, *, not_employer: bool) -> None:
    """What they want: from the intent, unless they deny being an employer (then what the words
    ask for, or None so the question is asked again) or correct what was understood."""
    if intent in WANTS_BY_INTENT:
        facts["wants"] = WANTS_BY_INTENT[intent]
    elif _BETTER_JOB.search(said):
        # "i work in cleaning zero hour but i want more hours, better job": said, whatever the
        # model made of the message
        facts["wants"] = "job"
    elif intent == "nlu_fallback" and wants_said(said):
        # "im 17 left school in summer, want a job not college", which the model did not read:
        # the words say what they want (for any other intent, the model's reading stands)
        facts["wants"] = wants_said(said)
    if not_employer:
        facts["wants"] = wants_said(said) or WANTS_BY_INTENT.get(intent or "")
        facts["wants_changed"] = True
    changed = changed_wants(said)
    if changed:
        facts["wants"], facts["wants_changed"] = changed, True


# A parent, partner or friend asking on someone else's behalf.
_FOR_SOMEONE_ELSE = re.compile(
    r"\b(?:asking|here|looking|enquiring|writing|messaging|on behalf) (?:for|of) (?:my|our) "
    r"(?:son|daughter|child|kid|boy|girl|grandson|granddaughter|nephew|niece|partner|husband|wife|"
    r"brother|sister|friend|mum|dad|mother|father)\b"
)


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
    ``wants_changed`` marks ``wants`` as a correction of an earlier answer; ``wants`` is None
    with it when they deny being an employer without saying what they want, so an employer
    reading is undone and the question asked again.
    """
    said = normalise(text)
    entities = list(entities)
    if not said or said.startswith("/"):
        return {}
    readers: dict[str, Any] = {
        "age": age(said),
        "situation": situation(said),
        "out_of_work_months": out_of_work_months(said, today),
        "work_security": work_security(said),
        "highest_level": highest_level(said),
        "qualifications_abroad": qualifications_abroad(said) or None,
        "gcse": gcse(said),
        "digital_confidence": digital_confidence(said),
        "on_benefits": on_benefits(said),
        "care_leaver": care_leaver(said),
        "hours": hours(said),
    }
    facts = {k: v for k, v in readers.items() if v is not None}
    if _FOR_SOMEONE_ELSE.search(said):
        # "im asking for my son hes 16, just sat in his room": his situation, not theirs.
        # What they want found and where still stand; the rest is told to an adviser.
        facts = {}
    _agree(facts, said)
    found_barriers = _barriers(facts, said) if not _FOR_SOMEONE_ELSE.search(said) else set()
    if found_barriers:
        facts["barriers"] = found_barriers
    places = _home_places(said, entities)
    if not places and facts and intent not in WANTS_BY_INTENT:
        places = postcodes_among_facts(said)
    if places:
        facts["location"] = places
    not_employer = employer_denied(said)
    employer = intent == "employer_enquiry" and not not_employer
    interest = interests(said, entities)
    if interest and intent not in ("explain_term", "ask_privacy") and not employer:
        facts["interests"] = interest
    _wants(facts, said, intent, not_employer=not_employer)
    return facts
