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
