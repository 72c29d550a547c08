"""Read answers residents type, by rule: ages, hours and yes/no, never guessed by a model.

Residents write "19", "im 19", "nineteen", "twenty-four yrs", "I'll be 17 next month": the
number they mean is the one that matters, and anything unclear comes back as ``None`` so the
assistant asks again rather than assuming.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
MIN_AGE, MAX_AGE = 10, 100
FULL_TIME_HOURS, PART_TIME_HOURS = 37, 29

_WORD = re.compile(r"[a-z]+|\d+")


def number_words(text: str) -> list[int]:
    """Every whole number in the text, written in digits or in words ("twenty four" = 24)."""
    tokens = _WORD.findall(text.lower().replace("-", " "))
    found: list[int] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.isdigit():
            found.append(int(token))
        elif token in TENS:
            value = TENS[token]
            if i + 1 < len(tokens) and tokens[i + 1] in UNITS and UNITS[tokens[i + 1]] < 10:
                value += UNITS[tokens[i + 1]]
                i += 1
            found.append(value)
        elif token in UNITS:
            found.append(UNITS[token])
        i += 1
    return found


def age(text: str) -> int | None:
    """The resident's age in years, or ``None`` if the text holds no single plausible age.

    "I'm 24 and have 2 kids" is 24 only if one number is a plausible age, so a message with two
    plausible ages ("between 20 and 30"?) is not guessed at.
    """
    plausible = [n for n in number_words(text) if MIN_AGE <= n <= MAX_AGE]
    if len(set(plausible)) == 1:
        return plausible[0]
    return None


def hours(text: str) -> int | None:
    """Hours a week the resident can work or study: a number, a range, full or part time.

    A range ("16-20 hours") gives its lower end, which they can surely do; "part time" gives
    29, the most a part-time job usually asks (the search then shows jobs under 30 hours).
    """
    lowered = text.lower()
    numbers = [n for n in number_words(lowered) if 0 < n <= 80]
    if len(set(numbers)) == 1:
        return numbers[0]
    if len(numbers) == 2 and re.search(r"\d\s*-\s*\d|\bto\b|\band\b", lowered):
        return min(numbers)
    if numbers:
        return None
    if re.search(r"\bfull[\s-]?time\b", lowered):
        return FULL_TIME_HOURS
    if re.search(r"\bpart[\s-]?time\b", lowered):
        return PART_TIME_HOURS
    return None


def _has(lowered: str, *patterns: str) -> bool:
    return any(re.search(p, lowered) for p in patterns)


YES = (
    r"\b(yes+|yeah|yea|yeh|ye|yep|yup|ya|yah|yh|y|aye|sure|correct|right|true|i do|i am|i have|"
    r"i was|i get|definitely|defo|of course|ok|okay|oui|si|tak|da)\b",
)
NO = (
    r"\b(no+|nope|nah|naw|na|nay|n|not really|not yet|not at the moment|i don'?t|dont|i'?m not|"
    r"i am not|i haven'?t|i wasn'?t|never|none|nie|false)\b",
)


def yes_no(text: str) -> bool | None:
    """Yes or no however it is said ("ye", "nah", "not yet"); both or neither is unclear.
    "I'm not" is a no, not a yes with a "not" in it, so a no's words are taken out first."""
    lowered = text.lower().replace("\u2019", "'")
    no = _has(lowered, *NO)
    rest = re.sub(NO[0], " ", lowered) if no else lowered
    yes = _has(rest, *YES)
    if no and not yes:
        return False
    if yes and not no:
        return True
    return None


def situation(text: str) -> str | None:
    """What the resident is doing now, in the routing rules' words."""
    lowered = text.lower()
    if _has(
        lowered,
        r"\b(unemployed|out of work|not working|no (job|work)(?! experience)|"
        r"without (a )?(job|work)|lost my job|jobless|dont work|don'?t have (a )?(job|work)|"
        r"haven'?t (got )?(a )?job|"
        r"made redundant|redundan|looking for work|between jobs|jobseek|neet|nothing|nothin|"
        r"nuthin|nowt|"
        r"not doing anything|doing nothing|left (school|skool|college))\b",
    ):
        if _has(lowered, r"\b(ill|illness|health|sick|disab|injur|condition|depress|anxi)"):
            return "health"
        return "out_of_work"
    if _has(lowered, r"\b(sick|ill health|illness|health|disab|injur|condition|can'?t work)"):
        return "health"
    if _has(
        lowered,
        r"\b(carer|caring|care for|look after|looking after|stay at home|"
        r"stay-at-home|full time mum|full time dad|parent|my kids|children)\b",
    ):
        return "caring"
    if _has(lowered, r"\b(school|college|uni|university|student|studying|sixth form|course)\b"):
        return "in_education"
    if _has(
        lowered,
        r"\b(work|working|employed|job|self employed|self-employed|zero hours|"
        r"part time|full time|shifts?|agency)\b",
    ):
        return "in_work"
    if _has(lowered, r"\b(retired|volunteer|other|something else)\b"):
        return "other"
    return None


def work_security(text: str) -> str | None:
    lowered = text.lower()
    if _has(
        lowered,
        r"\b(low pay|low paid|low-paid|minimum wage|not enough money|"
        r"don'?t earn enough|poorly paid|badly paid|underpaid)\b",
    ):
        return "low_paid"
    if _has(
        lowered,
        r"\b(zero hours|zero-hours|temporary|temp|agency|insecure|not secure|"
        r"contract ending|ending soon|might lose|fixed term|casual|gig|"
        r"not enough hours|unstable|seasonal)\b",
    ):
        return "insecure"
    if _has(lowered, r"\b(secure|permanent|stable|safe|fine|good|happy)\b"):
        return "secure"
    return None


def months(text: str) -> int | None:
    """How long, in months: "2 years", "six months", "since March" is not guessed."""
    lowered = text.lower()
    if _has(lowered, r"\b(never worked|never had a job)\b"):
        return 120
    numbers = number_words(lowered)
    if _has(lowered, r"\b(a|one) (year|yr)\b") and not numbers:
        return 12
    if _has(lowered, r"\b(a|one) month\b") and not numbers:
        return 1
    if _has(lowered, r"\b(few|couple of) weeks?\b|\bweeks?\b") and not numbers:
        return 0
    if _has(lowered, r"\b(few|couple of|couple) months\b") and not numbers:
        return 3
    if _has(lowered, r"\b(few|couple of|couple) years\b") and not numbers:
        return 24
    if len(numbers) != 1:
        return None
    if _has(lowered, r"\b(years?|yrs?)\b"):
        return numbers[0] * 12
    if _has(lowered, r"\bweeks?\b"):
        return numbers[0] // 4
    if _has(lowered, r"\b(months?|mths?)\b"):
        return numbers[0]
    return None


# "no gcses", "doing my gcses now", "without any qualifications": what they do not hold (yet),
# though it names a qualification. Not a level, and not what a search is for.
LACKING = re.compile(
    r"\b(no|without|not got|never got|never did|don'?t have|dont have|haven'?t got|havent got|"
    r"doing|studying for|taking|sitting)\s+(any\s+|my\s+)?(gcses?|qualifications?|quals|"
    r"a ?levels?|o ?levels?)\b"
)
LEVEL_WORDS = [
    (r"\bentry( level)? ?3\b", "E3"),
    (r"\bentry( level)? ?2\b", "E2"),
    (r"\bentry( level)? ?1\b|\bentry level\b", "E1"),
    (r"\b(phd|doctorate)\b", "8"),
    (r"\b(masters?|mba|msc|ma|pgce|postgrad)\b", "7"),
    (r"\b(degree|bachelor|ba|bsc|graduate|uni)\b", "6"),
    (r"\b(foundation degree|hnd)\b", "5"),
    (r"\b(hnc|level 4)\b", "4"),
    (r"\b(a ?levels?(?! ?\d)|btec (extended|national)|level 3|t ?level|access course|nvq 3)\b",
     "3"),
    (r"\b(gcses?|level 2|nvq 2|o ?levels?|cse|functional skills level 2)\b", "2"),
    (r"\b(level 1|nvq 1)\b", "1"),
    (r"\b(none|no qualifications?|nothing|no quals|left school with nothing|didn'?t finish)\b",
     "none"),
    # "no" or "not yet" to the question itself ("at school still, year 11", then "no")
    (r"^\W*(no|nope|nah|na|not yet|none yet|not any|not really|(i )?(haven'?t|havent|don'?t|dont)"
     r"( got| have)? any( yet)?)\W*$", "none"),
]  # fmt: skip


def highest_level(text: str) -> str | None:
    """The resident's highest qualification as a level; "gcse" means level 2, and so on. What
    they lack is none, unless they name a level they have ("no gcses but a level 3 btec")."""
    said = text.lower()
    lowered = LACKING.sub(" ", said)
    for pattern, level in LEVEL_WORDS:
        if re.search(pattern, lowered):
            if level == "2" and _has(lowered, r"\b(failed|didn'?t pass|low grades?|grade [1-3])\b"):
                return "1"
            return level
    return "none" if lowered != said else None


def gcse(text: str) -> tuple[bool | None, bool | None] | None:
    """(English, maths) at grade 4 (C) or above: "both", "just english", "neither".

    A subject the resident does not mention stays unknown, unless "just" or "only" says so.
    """
    lowered = text.lower()
    english = _has(lowered, r"\benglish\b")
    maths = _has(lowered, r"\b(maths?|mathematics)\b")
    negative = _has(lowered, r"\b(no|not|failed|without|didn'?t|don'?t|haven'?t)\b")
    if _has(lowered, r"\b(both|all of them)\b") or (english and maths and not negative):
        return True, True
    if english == maths:
        if english and negative:  # "just maths tbh, failed english", "passed english, failed maths"
            return _by_clause(lowered)
        if _has(lowered, r"\b(neither|none|nope|no|not either|failed both)\b"):
            return False, False
        return None
    only = _has(lowered, r"\b(just|only)\b")
    this = not negative
    other = False if (only and this) else None
    return (this, other) if english else (other, this)


def _by_clause(lowered: str) -> tuple[bool | None, bool | None] | None:
    """Each subject's result from its own clause or words ("maths yes english no", "got maths
    but failed english"); None when a subject's clause says both or neither."""
    results: dict[str, bool] = {}
    last: bool | None = None  # "failed english and maths": "maths" says nothing of its own
    parts = re.split(r"[,;.]|\b(?:but|and|though|while|whereas)\b", lowered)
    for part in parts:
        for subject, pattern in (
            ("english", r"\benglish\b"),
            ("maths", r"\b(maths?|mathematics)\b"),
        ):
            found = re.search(pattern, part)
            if not found:
                continue
            # the words nearest the subject: "maths yes english no" has one clause for both
            near = part[max(0, found.start() - 12) : found.end() + 6]
            failed = _has(near, r"\b(no|not|failed|fail|without|didn'?t|don'?t|haven'?t)\b")
            passed = _has(near, r"\b(passed|pass|got|have|yes|did|just|only|[4-9])\b")
            verdict = not failed if (failed or passed or last is None) else last
            if subject in results and results[subject] != verdict:
                return None
            results[subject] = last = verdict
    if len(results) != 2:
        return None
    return results["english"], results["maths"]


def digital(text: str) -> str | None:
    lowered = text.lower()
    if _has(
        lowered, r"\b(confident|good|fine|ok|okay|very|expert|easy|no problem|great)\b"
    ) and not _has(lowered, r"\b(not|no|never)\b"):
        return "confident"
    if _has(
        lowered,
        r"\b(never|none|can'?t|cannot|no idea|not at all|scared|don'?t use|"
        r"no computer|not confident|not really|not rly|not good|no good|rubbish|bad at)\b",
    ):
        return "none"
    if _has(
        lowered,
        # Someone who uses a phone, emails or social media has some skills to build on.
        r"\b(bit|some|basic|little|a bit|so so|so-so|sometimes|phone|mobile|tablet|emails?|"
        r"whatsapp|facebook|average|not very|not much|learning)\b",
    ):
        return "basic"
    return None


BARRIER_WORDS = {
    "mental_health": r"\b(mental|anxiety|anxious|depress|stress|panic|ptsd|bipolar|ocd|"
                     r"low mood|breakdown)",
    "health": r"\b(health|ill|illness|sick|back|pain|condition|injur|chronic|diabet|"
              r"cancer|fatigue|long covid)",
    "disability": r"\b(disab|wheelchair|deaf|blind|autis|adhd|dyslex|learning difficult|"
                  r"impair)",
    "caring": r"\b(carer|caring for|care for|look after my (mum|dad|mother|father|partner|"
              r"husband|wife|son|daughter))",
    "childcare": r"\b(childcare|child care|nursery|kids|children|school run|baby|toddler|"
                 r"single (mum|dad|parent))",
    "housing": r"\b(housing|homeless|evict|hostel|sofa surf|rent|landlord|temporary "
               r"accommodation|no fixed abode)",
    "transport": r"\b(transport|bus|travel|no car|can'?t drive|don'?t drive|lift|getting "
                 r"there|rural)",
    "convictions": r"\b(conviction|criminal record|prison|jail|probation|offend|dbs|"
                   r"ex-offender)",
    "money": r"\b(money|debt|bills|broke|skint|afford|benefit sanction|arrears|loan)",
    "literacy": r"\b(can'?t|cannot|cant|struggle to|struggle with|not good at|bad at) (read|write|"
    r"spell|reading|writing|spelling)|\breading and writing\b|\bliteracy\b",
    "english_language": r"\b(english is not|my english|speak english|esol|language|"
                        r"translat|not my first language)",
}  # fmt: skip
NO_BARRIERS = (
    r"\b(none|nothing|nothin|nuthin|nowt|no|na|nah|nope|not really|all good|fine|no problems?|"
    r"n/a)\b"
)


def barriers(text: str) -> frozenset[str] | None:
    """Every barrier the message names ("housing and childcare"); empty when they say none."""
    lowered = text.lower()
    found = {name for name, pattern in BARRIER_WORDS.items() if re.search(pattern, lowered)}
    if found:
        return frozenset(found)
    if re.search(NO_BARRIERS, lowered):
        return frozenset()
    return None


POSTCODE = re.compile(
    r"\b([A-Za-z]{1,2}[0-9][A-Za-z0-9]?)\s*([0-9][A-Za-z]{2})\b|\b([A-Z]{1,2}[0-9][A-Z0-9]?)\b"
)
_PLACE_AFTER = re.compile(
    r"\b(?:in|near|at|from|around|live in|living in)\s+([a-z][a-z' -]{1,40})$"
)
_FILLER = re.compile(
    r"^(?:i live in|i'?m in|im in|i am in|it'?s|its|my postcode is|postcode|in)\s+"
)


def place_candidates(text: str) -> list[str]:
    """What in a message could be a postcode or town, most likely first."""
    found: list[str] = []
    for match in POSTCODE.finditer(text):
        if match.group(1):
            found.append(f"{match.group(1)} {match.group(2)}".upper())
        elif not re.fullmatch(r"L[0-9]", match.group(3)):  # "L2" is far more often a level
            found.append(match.group(3))
    lowered = " ".join(text.lower().replace(",", " ").replace(".", " ").split())
    after = _PLACE_AFTER.search(lowered)
    if after:
        found.append(after.group(1).strip())
    short = _FILLER.sub("", lowered).strip()
    if short and len(short.split()) <= 3 and not any(ch.isdigit() for ch in short):
        found.append(short)
    return list(dict.fromkeys(found))
