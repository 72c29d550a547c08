"""Whether a job needs its holder to drive, decided once when a vacancy is stored, so a resident
who can't drive or has no car ("i cant drive, any jobs") is shown jobs they can do.

A job needs driving when its title is a road-driving job ("Delivery Driver", "HGV Class 1",
"Courier"; not "Forklift Driver", "Train Driver" or "Cycle Courier", nor "Driver's Mate") or its
advert asks for a driving licence, a car or own transport. An advert that says one is not
needed ("no driving licence required", "own transport not essential", "Driving licence
(desirable)", "No car or driving licence needed") does not count, nor do "develop your own
career", "the ability to drive sales" or a nurse's "full licence to practise". Each sentence and
line of an advert is read on its own, so "not needed" never reaches across a bullet point. Read
in Python, with word boundaries and negation, which SQL's ``LIKE`` cannot do.
"""

from __future__ import annotations

import re

_TITLE = re.compile(
    r"\b(drivers?|driving|couriers?|chauffeurs?|(hgv|lgv)(\s*(class\s*[12]|c1?\+?e?))?|"
    r"class\s*[12]\s+(driver|hgv|lgv)|pcv|7\.5\s*t(onne)?s?|van\s+delivery|multi[\s-]?drop)\b"
    r"(?!'?s?\s+mate)",
    re.IGNORECASE,
)
_NOT_DRIVING_TITLE = re.compile(
    r"\b(forklift|fork\s+lift|flt|reach\s+truck|train|tram|crane|plant|cycle|bike|bicycle|"
    r"screwdriver|pile)\b",
    re.IGNORECASE,
)
# Driving a vehicle, not a business: "drive a van", "drive between clients", "must drive.".
_A_VEHICLE = (
    r"(?=\s*([.,;:)!]|$|a\s+(car|van|vehicle|minibus|lorry)|between|to\s+(clients|visits|sites|"
    r"appointments|work)|(the\s+)?(company|pool|works)\s+(car|van|vehicle)))"
)
# What an advert asks for. "A licence" alone is not enough (an SIA or a forklift licence).
_ASKS = (
    r"(full\s+)?(uk\s+|clean\s+|manual\s+)*(driving|driver'?s|drivers)\s+licen[cs]e",
    r"(full|clean)\s+(uk\s+)?licen[cs]e(?!\s+to\s+practi[cs]e)",
    r"own\s+(transport|vehicle|car)\b",
    r"access\s+to\s+a\s+(car|vehicle)",
    r"(category|cat)\s+c1?\+?e?\b",
    rf"(must|need\s+to|needs\s+to|will\s+need\s+to|required\s+to)\s+(be\s+able\s+to\s+)?drive\b"
    rf"{_A_VEHICLE}",
    rf"(ability|able)\s+to\s+drive\b{_A_VEHICLE}",
    r"driving\s+(is\s+)?(essential|required|needed)",
    r"(car\s+)?drivers?\s+(only|essential|required)",
    r"not\s+suitable\s+for\s+non[\s-]?drivers",
    r"multi[\s-]?drop",
    r"van\s+deliver(y|ies)",
)
_ASKED = re.compile(r"\b(" + "|".join(_ASKS) + r")", re.IGNORECASE)
# Said not to be needed, before ("no driving licence", "No car or driving licence needed") or
# after ("own transport not essential", "Driving licence (desirable)").
_NOT_BEFORE = re.compile(
    r"\b(no|not|don'?t\s+need|do\s+not\s+need|(will|do|does)\s+not\s+need|won'?t\s+need|no\s+need"
    r"\s+for|no\s+need\s+to\s+have|isn'?t\s+needed\s*:?|not\s+needed\s*:?)\s+(a\s+|an\s+|your\s+)?"
    r"(\w+\s+(\w+\s+)?(or|and|/)\s+(a\s+)?)?$",
    re.IGNORECASE,
)
_NOT_AFTER = re.compile(
    r"^\s*(\s*(and|or|/)\s+(a\s+)?(own\s+)?(car|transport|vehicle|(driving\s+)?licen[cs]e))?"
    r"\s*[(:,\u2013\u2014-]?\s*(is\s+|are\s+)?(not\s+(required|needed|essential|necessary|"
    r"mandatory|a\s+requirement)|isn'?t\s+(needed|required|essential)|desirable|beneficial|"
    r"optional|an?\s+advantage|a\s+bonus|helpful|useful|preferred|would\s+be\s+(nice|helpful|"
    r"useful|an\s+advantage|beneficial))\b",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"[\n\r\u2022]+|(?<=[.!?;])\s+")


def _asks_for_driving(sentence: str) -> bool:
    for found in _ASKED.finditer(sentence):
        before = sentence[max(0, found.start() - 40) : found.start()]
        after = sentence[found.end() :]
        if not _NOT_BEFORE.search(before) and not _NOT_AFTER.match(after):
            return True
    return False


def needs_driving(title: str | None, description: str | None) -> bool:
    """Whether the job is driving, or its advert asks for a licence to drive or a car."""
    title = (title or "").replace("\u2019", "'")
    if _TITLE.search(title) and not _NOT_DRIVING_TITLE.search(title):
        return True
    advert = (description or "").replace("\u2019", "'")
    return any(_asks_for_driving(" ".join(s.split())) for s in _SENTENCES.split(advert))
