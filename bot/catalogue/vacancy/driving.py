"""Whether a job needs its holder to drive, decided once when a vacancy is stored, so a resident
who can't drive or has no car ("i cant drive, any jobs") is shown jobs they can do.

A job needs driving when its title is a driving job ("Delivery Driver", "HGV Class 1", "Courier";
not "Forklift Driver", driven on site with its own licence, nor "Driver's Mate") or its advert
asks for a driving licence, a car or own transport. An advert that says one is not needed ("no
driving licence required", "own transport not essential", "no need for a car") does not count,
nor does "develop your own career". Read from the words in Python, with word boundaries and
negation, which SQL's ``LIKE`` cannot do.
"""

from __future__ import annotations

import re

_TITLE = re.compile(
    r"\b(drivers?|driving|couriers?|chauffeurs?|hgv|lgv|pcv|class\s*[12]|c\+?e|7\.5\s*t(onne)?s?|"
    r"van\s+delivery|multi[\s-]?drop)\b(?!'?s?\s+mate)",
    re.IGNORECASE,
)
_NOT_DRIVING_TITLE = re.compile(r"\b(forklift|fork\s+lift|flt|reach\s+truck)\b", re.IGNORECASE)
# What an advert asks for. "A licence" alone is not enough (an SIA or a forklift licence).
_ASKS = (
    r"(full\s+)?(uk\s+|clean\s+|manual\s+)*(driving|driver'?s|drivers)\s+licen[cs]e",
    r"(full|clean)\s+(uk\s+)?licen[cs]e",
    r"own\s+(transport|vehicle|car)\b",
    r"access\s+to\s+a\s+(car|vehicle)",
    r"(category|cat)\s+c1?\+?e?\b",
    r"must\s+(be\s+able\s+to\s+)?drive\b",
    r"(ability|able)\s+to\s+drive\b",
    r"\bdriving\s+(is\s+)?(essential|required|needed)",
    r"multi[\s-]?drop",
    r"van\s+deliver(y|ies)",
)
_ASKED = re.compile(r"\b(" + "|".join(_ASKS) + r")", re.IGNORECASE)
# Said not to be needed, before ("no driving licence") or after ("own transport not essential").
_NOT_BEFORE = re.compile(
    r"\b(no|not|without|don'?t\s+need|do\s+not\s+need|no\s+need\s+for|no\s+need\s+to\s+have|"
    r"isn'?t\s+needed\s*:?|not\s+needed\s*:?)\s+(a\s+|an\s+|your\s+)?$",
    re.IGNORECASE,
)
_NOT_AFTER = re.compile(
    r"^\s*[:,\u2013-]?\s*(is\s+|are\s+)?(not\s+(required|needed|essential|necessary)|desirable|an?\s+advantage|"
    r"a\s+bonus|helpful|useful|preferred|would\s+be\s+(nice|helpful|useful|an\s+advantage))\b",
    re.IGNORECASE,
)


def _asks_for_driving(advert: str) -> bool:
    for found in _ASKED.finditer(advert):
        before, after = advert[max(0, found.start() - 40) : found.start()], advert[found.end() :]
        if not _NOT_BEFORE.search(before) and not _NOT_AFTER.match(after):
            return True
    return False


def needs_driving(title: str | None, description: str | None) -> bool:
    """Whether the job is driving, or its advert asks for a licence to drive or a car."""
    title = (title or "").replace("\u2019", "'")
    if _TITLE.search(title) and not _NOT_DRIVING_TITLE.search(title):
        return True
    return _asks_for_driving(" ".join((description or "").replace("\u2019", "'").split()))
