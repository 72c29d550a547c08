"""A rule-based safety net for messages about suicide, self-harm, abuse or nowhere to sleep.

The dialogue model has a ``crisis`` intent too, but a model can be unsure; these patterns do not
depend on its confidence. They are deliberately broad: answering a resident who is fine with
emergency numbers costs far less than missing one who is not. They avoid the everyday phrases
that only sound alarming ("killing it at work", "dying to start").
"""

from __future__ import annotations

import re

_PATTERNS = [
    # Suicide and wanting to die.
    r"\bsu[i1]c[i1]d",  # suicide, suicidal, sucide typed fast is caught below
    r"\bsucid",
    r"\bkill(ing)?\s+my\s*self\b",
    r"\bkms\b",
    r"\bend(ing)?\s+(it\s+all|my\s+life|things)\b",
    r"\b(want|wanna|going)\s+(to\s+)?die\b",
    r"\bdon'?t\s+want\s+to\s+(live|be\s+alive|be\s+here\s+anymore|wake\s+up)\b",
    r"\bno\s+(reason|point)\s+(to|in)\s+(live|living|go(ing)?\s+on)\b",
    r"\bbetter\s+off\s+dead\b",
    r"\btake\s+my\s+(own\s+)?life\b",
    r"\boverdose\b",
    r"\b(no\s*one|nobody)\s+(would|will)\s+miss\s+me\b",
    r"\blife\s+(is\s*n'?t|is\s+not|not)\s+worth\s+living\b",
    # Only at the end of a message: "I can't go on the course" and "jump at the chance" are fine.
    r"\bcan'?t\s+go\s+on(\s+(like\s+this|any\s*more|living))?\s*[.!]*$",
    r"\b(going|want|wanna)\s+to\s+jump(\s+off\b.*)?[.!]*$",
    # Self-harm.
    r"\bself[\s-]?harm",
    r"\b(hurt|hurting|cut|cutting|harm|harming)\s+my\s*self\b",
    # Abuse and violence at home.
    r"\b(he|she|they|partner|husband|wife|boyfriend|girlfriend|dad|mum|father|mother)\s+"
    r"(hits|hit|beats|beat|hurts|abuses|abused|threatens|threatened)\s+me\b",
    r"\bdomestic\s+(abuse|violence)\b",
    r"\b(being|been|am)\s+(abused|assaulted|raped)\b",
    r"\bafraid\s+to\s+go\s+home\b",
    r"\bscared\s+(of|to\s+go)\s+(home|my\s+partner)\b",
    # Nowhere safe to sleep tonight.
    r"\b(homeless|nowhere\s+to\s+(sleep|stay|go))\s+(tonight|today|now)\b",
    r"\b(sleeping|sleep)\s+rough\b",
    r"\b(on|in)\s+the\s+streets?\s+tonight\b",
    r"\bkicked\s+out\s+(tonight|today)\b",
]
_CRISIS = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


def is_crisis(text: str) -> bool:
    """Whether a message needs the emergency answer straight away."""
    return bool(_CRISIS.search(" ".join(text.split())))
