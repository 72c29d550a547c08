"""How hard a resident-facing text is to read, so plain English is checked, not hoped for.

Residents often have low literacy or English as an additional language; the brief asks for a
reading age of about 9. Texts are scored with the Flesch-Kincaid grade (textstat) after the
service's own names are replaced by a short word: "Universal Credit", "Youth Pathways" or
"apprenticeship" are words a resident needs to recognise, not ones to avoid, and their
syllables would otherwise swamp a short message's score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import textstat

# The most a message may score (US grade; 4 to 5 is a UK reading age of about 9 to 10). A
# one-line answer of a few words is noisy, so each text gets a little room, and the average
# of all of them must stay at the level itself.
MOST = 6.0
AVERAGE = 4.5
NAMES = re.compile(
    r"\b(Universal Credit|Youth Pathways|Working Futures|Skills for All|Work Local|Demo Borough"
    r"( Council)?|Housing Options|National Careers Service|Samaritans|Advanced Learner Loans?|"
    r"Access to HE( Diploma)?|Free Courses for Jobs|Skills Bootcamps?|apprenticeships?|"
    r"apprentices?|qualifications?|National Domestic Abuse Helpline|Rehabilitation of "
    r"Offenders Act|Tax-Free Childcare|GOV\.UK|ESOL|GCSEs?|DBS|UK ENIC|Multiply|T Levels?)\b",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(r"\{[^{}]*\}|\S+@\S+\.\w+|https?://\S+|/[a-z][\w/]*")
NUMBERS = re.compile(r"[£+]?\d[\d ,.:-]*\d|\d")


@dataclass(frozen=True)
class Reading:
    grade: float  # Flesch-Kincaid grade (US school years)
    ease: float  # Flesch reading ease (higher is easier)


def prose(text: str) -> str:
    """The words a resident has to read, with names, numbers and placeholders made short."""
    text = PLACEHOLDER.sub("it", text)
    text = NAMES.sub("it", text)
    text = NUMBERS.sub("6", text)
    return " ".join(text.replace("\u2022", "").split())


def score(text: str) -> Reading:
    plain = prose(text)
    return Reading(textstat.flesch_kincaid_grade(plain), textstat.flesch_reading_ease(plain))
