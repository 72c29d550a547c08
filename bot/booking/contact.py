"""The phone number or email address a resident gives for an appointment.

Read leniently (spaces, dashes, brackets, +44) and stored in one form, so the contact typed
later to change a booking matches the one given when booking it, however it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EXAMPLE = "a mobile number like 07700 900123 or an email address like name@example.com"
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")
_PHONE_CHARACTERS = re.compile(r"^[\d\s().+-]+$")
# The contact inside a sentence: "my email is jo@example.com", "its 07700 900123 thanks".
_EMAIL_IN_TEXT = re.compile(r"[^\s@<>(),;:\"']{1,64}@[^\s@<>(),;:\"']+\.[^\s@<>(),;:\"'.]{2,}")
_PHONE_IN_TEXT = re.compile(r"(?<![\w+])\+?\d[\d\s().-]{7,16}\d(?![\w@])")


# "i dont have a phone", "idk my number", "i changed my number": no contact to give.
_NONE_GIVEN = re.compile(
    r"\b(idk|dunno|no idea|not sure|unsure)\b|\b(don'?t|dont|do not|doesn'?t|can'?t|cant|cannot|"
    r"haven'?t|havent|not)\b.{0,20}\b(have|got|know|remember|recall|work\w*|use)\b|"
    r"\b(lost|forgot\w*|changed|new|old|no|broke\w*|stolen)\b.{0,15}\b(phone|number|mobile|"
    r"email|e-mail|sim)\b",
    re.IGNORECASE,
)
# Asking for a person is that, whatever else is said: "no phone, can i talk to someone".
_ASKS_FOR_A_PERSON = re.compile(
    r"\b(person|human|someone|somebody|adviser|advisor|staff|talk to|speak to)\b", re.IGNORECASE
)


# Distress said with it is more than a missing number: "i dont have a phone he broke it and hit me"
_DISTRESS = re.compile(
    r"\b(hit|hits|hurt|hurts|beat|beats|scared|afraid|frightened|abuse\w*|police|danger\w*|"
    r"safe|unsafe|kill|threat\w*|attack\w*|kicked|punch\w*|smash\w*|broke)\b",
    re.IGNORECASE,
)


def none_given(text: str) -> bool:
    """Whether the resident says they have no contact to give, or do not know it, instead of
    asking for something else (a person, or help for what is happening to them)."""
    return (
        bool(_NONE_GIVEN.search(text))
        and not _ASKS_FOR_A_PERSON.search(text)
        and not _DISTRESS.search(text)
        and len(text.split()) <= 15
    )


class InvalidContact(ValueError):
    def __init__(self) -> None:
        super().__init__(
            f"That doesn't look like a phone number or an email address. Please give {EXAMPLE}."
        )


@dataclass(frozen=True)
class Contact:
    kind: str  # "phone" or "email"
    value: str  # 07700900123, or name@example.com

    @property
    def mobile(self) -> bool:
        """UK mobiles start 07: only those can get a text message."""
        return self.kind == "phone" and self.value.startswith("07")


def parse(text: str) -> Contact:
    """The contact in what was typed: the whole of it, or the one address or number said in a
    sentence ("my email is jo@example.com"); InvalidContact otherwise."""
    raw = _within((text or "").strip())
    if "@" in raw:
        local, _, domain = raw.rpartition("@")
        email = f"{local}@{domain.lower()}"
        if _EMAIL.match(email) and len(email) <= 254:
            return Contact("email", email)
        raise InvalidContact()
    if not _PHONE_CHARACTERS.match(raw):
        raise InvalidContact()
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        if not digits.startswith("44"):
            raise InvalidContact()  # the service calls and texts UK numbers only
        digits = "0" + digits[2:]
    elif digits.startswith("44") and len(digits) in (12, 13):
        digits = "0" + digits[2:]
    if digits.startswith("0") and not digits.startswith("00") and len(digits) in (10, 11):
        return Contact("phone", digits)
    raise InvalidContact()


def _within(raw: str) -> str:
    if "@" in raw:
        emails = _EMAIL_IN_TEXT.findall(raw)
        return emails[0] if len(emails) == 1 else raw
    if _PHONE_CHARACTERS.match(raw):
        return raw
    numbers = _PHONE_IN_TEXT.findall(raw)
    return numbers[0].strip() if len(numbers) == 1 else raw


def same(given: str, stored: str | None) -> bool:
    """Whether what a resident typed is the contact stored with a booking."""
    if not stored:
        return False
    try:
        return parse(given).value.lower() == stored.lower()
    except InvalidContact:
        return False


def masked(value: str) -> str:
    """How the contact is shown back: enough to recognise, not enough to harvest."""
    if "@" in value:
        local, _, domain = value.partition("@")
        return f"{local[:1]}\u2022\u2022\u2022@{domain}"
    return f"\u2022\u2022\u2022\u2022\u2022\u2022\u2022{value[-4:]}"
