"""When a resident wants to meet, in their own words: "friday morning", "video call instead?",
"not before 10", "next week", "in person at the library".

Read by rule from a message typed while appointment times are on screen, and applied to the
free times, so a typed wish gets times that fit instead of "Sorry, I didn't understand".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.booking.service import Offered

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SHORT = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3,
          "fri": 4, "sat": 5, "sun": 6}  # fmt: skip
PARTS = {"morning": (0, 12), "afternoon": (12, 17), "evening": (17, 24)}


@dataclass(frozen=True)
class Preference:
    days: frozenset[int] = field(default_factory=frozenset)  # weekdays, Monday = 0
    part: str | None = None  # morning, afternoon, evening
    channel: str | None = None  # in_person, phone, video
    after_hour: int | None = None
    before_hour: int | None = None
    week: str | None = None  # "this" or "next"
    on: date | None = None  # "today", "tomorrow"
    avoid_days: frozenset[int] = field(default_factory=frozenset)  # "i work tues and wed"
    avoid_channels: frozenset[str] = field(default_factory=frozenset)  # "i dont have a phone"

    @property
    def empty(self) -> bool:
        return self == Preference()

    def words(self) -> str:
        """The wish said back: "video times on Friday mornings"."""
        how = {"video": "video call", "phone": "phone", "in_person": "in person"}.get(
            self.channel or "", ""
        )
        when = []
        if self.on is not None:
            when.append(f"on {self.on:%A %-d %B}")
        if self.days:
            names = [
                DAYS[d].capitalize() + ("s" if self.part is None else "") for d in sorted(self.days)
            ]
            when.append("on " + " or ".join(names))
        if self.avoid_days and not self.days:
            when.append(
                "not on " + " or ".join(DAYS[d].capitalize() for d in sorted(self.avoid_days))
            )
        if self.part:
            when.append(f"in the {self.part}" if not self.days else f"{self.part}s")
        if self.after_hour is not None and self.before_hour == self.after_hour + 1:
            when.append(f"at {self.after_hour}:00")  # "thursday at 11"
        else:
            if self.after_hour is not None:
                when.append(f"after {self.after_hour}:00")
            if self.before_hour is not None:
                when.append(f"before {self.before_hour}:00")
        if self.week:
            when.append(f"{self.week} week")
        if self.avoid_channels and not self.channel:
            how = "times not by " + " or ".join(sorted(self.avoid_channels))
            return " ".join([how, *when])
        noun = f"{how} times".strip() if how else "times"
        return " ".join([noun, *when])


def read(text: str, today: date) -> Preference:
    """The wish in a message; ``Preference()`` when it names none."""
    lowered = " ".join(text.lower().replace("\u2019", "'").split())
    days, avoid = set(), set()
    for found in _DAY.finditer(lowered):
        day = _day_number(found.group(1))
        named = {5, 6} if day is None else {day}
        (
            avoid if _UNABLE.search(lowered[max(0, found.start() - 30) : found.start()]) else days
        ).update(named)
    days -= avoid
    part = next((p for p in PARTS if re.search(rf"\b{p}s?\b", lowered)), None)
    if part is None and re.search(r"\b(am|early)\b", lowered):
        part = "morning"
    if part is None and re.search(r"\b(pm|lunch ?time|after lunch)\b", lowered):
        part = "afternoon"
    avoid_channels = frozenset(
        name for name, pattern in _NO_CHANNEL.items() if re.search(pattern, lowered)
    )
    lowered = re.sub("|".join(_NO_CHANNEL.values()), " ", lowered)  # "no phone" is no wish for one
    channel = None
    if re.search(r"\b(video|zoom|teams|online|face ?time|on camera|webcam)\b", lowered):
        channel = "video"
    elif re.search(r"\b(phone|call me|ring me|by phone|over the phone|telephone)\b", lowered):
        channel = "phone"
    elif re.search(r"\b(in person|face to face|f2f|come in|at the library|meet)\b", lowered):
        channel = "in_person"
    after = re.search(r"\b(?:after|from|not before)\s+(\d{1,2})(?::00)?\s*(am|pm)?\b", lowered)
    before = re.search(
        r"(?<!not )\b(?:before|by|not after|until)\s+(\d{1,2})(?::00)?\s*(am|pm)?\b", lowered
    )
    after_hour = _hour(after)
    at = None if after or before or _AFTER_SCHOOL.search(lowered) else _AT.search(lowered)
    if at is not None and _NOT_THEN.search(lowered[max(0, at.start() - 30) : at.start()]):
        at = None  # "not at 9", "i pick up the kids at 3", "i start work at 9"
    hour = _clock_hour(at) if at is not None else None
    before_at = None
    if hour is not None and hour < 23:  # "thursday at 11", "about 2pm": that hour
        after_hour, before_at = hour, hour + 1
    if after_hour is None and _AFTER_SCHOOL.search(lowered):
        after_hour = 15  # "after school pickup like 4ish": schools come out at about three
    on = None
    if re.search(r"\btoday\b", lowered):
        on = today
    elif re.search(r"\btomorrow\b|\btmrw\b|\btomoz\b", lowered):
        on = today + timedelta(days=1)
    week = "next" if re.search(r"\bnext week\b", lowered) else (
        "this" if re.search(r"\bthis week\b", lowered) else None)  # fmt: skip
    return Preference(
        days=frozenset(days), part=part, channel=channel,
        after_hour=after_hour, before_hour=before_at or _hour(before), week=week, on=on,
        avoid_days=frozenset(avoid), avoid_channels=avoid_channels,
    )  # fmt: skip


# A way of meeting they cannot use: "i dont have a phone", "no credit", "cant do video",
# "no internet at home". Never a wish for it, and times that need it are left out.
_CANNOT = (
    r"\b(?:no|don'?t have|dont have|do not have|haven'?t got|havent got|have no|without|not by|"
    r"not on|not over|not|can'?t|cant|cannot|can not|rather not|no credit on)\s+"
    r"(?:use |do |afford |get |have )?(?:a |an |the |my |any )?(?:mobile |smart ?)?"
)
_NO_CHANNEL = {
    "phone": _CANNOT + r"(?:phone|telephone|mobile|fone|credit)\b",
    "video": _CANNOT + r"(?:video|zoom|teams|internet|wi-?fi|data|laptop|computer|camera|webcam)\b",
}


_DAY = re.compile(
    r"\b(" + "|".join([f"{name}s?" for name in DAYS] + [rf"{short}\b\.?" for short in _SHORT]
                      + ["weekends?"]) + r")(?=\W|$)"
)  # fmt: skip
# A day named after these, in the same breath, is one they cannot do: "i work tues and wed",
# "can't do monday", "any day but friday" (not "not before 10 on friday").
_UNABLE = re.compile(
    r"\b(?:i work|i'?m working|im working|working|at work|i'?m busy|im busy|busy|can'?t|cant|"
    r"cannot|can not|not(?! before| after| until| till)|except|apart from|other than|but)\b"
    r"(?:(?!\b(?:and i can|but i can|i can|free|ok|fine)\b).)*$"
)


# Before an hour said, words that make it no wish for that hour.
_NOT_THEN = re.compile(
    r"\b(not|except|but|can'?t|cant|cannot|busy|pick\w* up|collect\w*|start\w*|finish\w*|"
    r"work\w*|school run|until|till|til)\b[^,.;!?]*$"
)
# A time of day on its own: "at 11", "about 2pm", "11am", "11ish" (not "at 16 hours").
_AT = re.compile(
    r"\b(?:at|about|around|say)\s+(\d{1,2})(?::00)?\s*(am|pm)?(?:ish)?\b"
    r"(?!\s*(?:mins?|minutes?|hours?|hrs?|miles?|days?|weeks?|months?|years?|%|:))|"
    r"\b(\d{1,2})(?::00)?\s*(am|pm|(?=ish\b))"
)
_AFTER_SCHOOL = re.compile(r"\bafter (the )?(school|school run|pick ?up|pickup)\b")


def _day_number(word: str) -> int | None:
    """Monday = 0; None for the weekend."""
    word = word.rstrip(".")
    if word.startswith("weekend"):
        return None
    for i, name in enumerate(DAYS):
        if word in (name, name + "s"):
            return i
    return _SHORT.get(word)


def _hour(found: re.Match | None) -> int | None:
    if found is None:
        return None
    hour = int(found.group(1))
    if found.group(2) == "pm" and hour < 12:
        hour += 12
    elif found.group(2) is None and 1 <= hour <= 6:
        hour += 12  # "after 3" means the afternoon: nobody meets an adviser at 3am
    return hour if 0 <= hour <= 23 else None


def _clock_hour(found: re.Match) -> int | None:
    """The hour in a match of ``_AT``, whichever of its two wordings matched."""
    hour, half = (found.group(1), found.group(2)) if found.group(1) else found.group(3, 4)
    number = int(hour)
    if half == "pm" and number < 12:
        number += 12
    elif not half and 1 <= number <= 6:
        number += 12  # "at 3" means the afternoon
    return number if 0 <= number <= 23 else None


def nearest(wish: Preference, offered: list[Offered], zone: ZoneInfo, today: date) -> Preference:
    """The part of a wish that some free time meets: how to meet matters more than when, so
    "video on Friday morning" becomes "video" before it becomes "Friday morning"; nothing of it
    when no part fits."""
    how = Preference(channel=wish.channel, avoid_channels=wish.avoid_channels)
    when = replace(wish, channel=None)
    for relaxed in (how, when):
        if not relaxed.empty and any(fits(o, relaxed, zone, today) for o in offered):
            return relaxed
    return Preference(avoid_channels=wish.avoid_channels)


def fits(offered: Offered, wish: Preference, zone: ZoneInfo, today: date) -> bool:
    """Whether a free time fits the wish (a venue time fits "in person", a remote time fits
    "phone" or "video" when its advisers offer it)."""
    local: datetime = offered.starts_at.astimezone(zone)
    if wish.days and local.weekday() not in wish.days:
        return False
    if local.weekday() in wish.avoid_days:
        return False
    if wish.on is not None and local.date() != wish.on:
        return False
    if wish.part is not None:
        start, end = PARTS[wish.part]
        if not start <= local.hour < end:
            return False
    if wish.after_hour is not None and local.hour < wish.after_hour:
        return False
    if wish.before_hour is not None and local.hour >= wish.before_hour:
        return False
    if wish.week is not None:
        monday = today - timedelta(days=today.weekday())
        first = monday + timedelta(days=7 if wish.week == "next" else 0)
        if not first <= local.date() < first + timedelta(days=7):
            return False
    if wish.channel == "in_person":
        return offered.venue_id is not None
    if wish.channel in ("phone", "video"):
        return offered.venue_id is None and wish.channel in usable(offered, wish)
    return offered.venue_id is not None or bool(usable(offered, wish))


def usable(offered: Offered, wish: Preference) -> list[str]:
    """The ways a time away from a venue can be met that the resident can use."""
    return [c for c in offered.channels if c not in wish.avoid_channels]
