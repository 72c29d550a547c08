"""Reading loosely typed feed values strictly: every refusal names the field and the problem."""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from typing import Any

from bot.geo.distance import in_great_britain
from bot.postcode import service as postcodes


class RowError(ValueError):
    """Why one row or item was refused."""


def text(value: Any, field: str, max_len: int = 300, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RowError(f"{field} is missing")
        return None
    if not isinstance(value, str | int | float):
        raise RowError(f"{field} should be text")
    result = " ".join(str(value).split())
    if len(result) > max_len:
        raise RowError(f"{field} is longer than {max_len} characters")
    return result


_TAG = re.compile(r"<[^>]+>")


def prose(value: Any, field: str, max_len: int = 20_000) -> str | None:
    """Long text, with any HTML markup (common in job adverts) reduced to plain paragraphs."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise RowError(f"{field} should be text")
    plain = _TAG.sub(" ", re.sub(r"(?i)<br\s*/?>|</p>|</li>", "\n", value))
    plain = html.unescape(plain)
    lines = [" ".join(line.split()) for line in plain.splitlines()]
    result = "\n".join(line for line in lines if line).strip()
    if len(result) > max_len:
        raise RowError(f"{field} is longer than {max_len} characters")
    return result or None


def day(value: Any, field: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date | datetime):
        return value.date() if isinstance(value, datetime) else value
    raw = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw[:10], fmt).date()
        except ValueError:
            continue
    raise RowError(f"{field} \u201c{raw[:30]}\u201d is not a date (use YYYY-MM-DD)")


def moment(value: Any, field: str) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as exc:
        raise RowError(f"{field} \u201c{str(value)[:30]}\u201d is not a date and time") from exc


def number(
    value: Any, field: str, low: float | None = None, high: float | None = None
) -> float | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise RowError(f"{field} should be a number")
    try:
        result = float(str(value).replace(",", "").replace("\u00a3", "").strip())
    except ValueError as exc:
        raise RowError(f"{field} \u201c{str(value)[:30]}\u201d is not a number") from exc
    if (
        result != result
        or (low is not None and result < low)
        or (high is not None and result > high)
    ):
        raise RowError(f"{field} {result:g} is out of range")
    return result


def whole(value: Any, field: str, low: int | None = None, high: int | None = None) -> int | None:
    result = number(value, field, low, high)
    return None if result is None else round(result)


def pence(value: Any, field: str) -> int | None:
    pounds = number(value, field, 0, 1_000_000)
    return None if pounds is None else round(pounds * 100)


def flag(value: Any, field: str) -> bool:
    if value in (None, ""):
        return False
    if isinstance(value, bool):
        return value
    raw = str(value).strip().lower()
    if raw in {"true", "yes", "y", "1"}:
        return True
    if raw in {"false", "no", "n", "0"}:
        return False
    raise RowError(f"{field} \u201c{raw[:20]}\u201d should be yes or no")


def postcode(value: Any, field: str = "postcode") -> str | None:
    if value in (None, ""):
        return None
    normal = postcodes.normalise(str(value))
    if normal is None:
        raise RowError(f"{field} \u201c{str(value)[:20]}\u201d is not a UK postcode")
    return normal


def coordinates(lat: Any, lon: Any, field: str = "location") -> tuple[float | None, float | None]:
    """Both or neither, and inside Great Britain: a swapped pair is a classic feed bug."""
    la, lo = number(lat, f"{field} latitude"), number(lon, f"{field} longitude")
    if la is None and lo is None:
        return None, None
    if la is None or lo is None:
        raise RowError(f"{field} has a latitude or a longitude but not both")
    if not in_great_britain(la, lo):
        raise RowError(f"{field} {la:g}, {lo:g} is not in Great Britain")
    return la, lo


def choice(
    value: Any, field: str, mapping: dict[str, str], default: str | None = None
) -> str | None:
    """Map a feed's enumeration onto ours, ignoring case, spaces and punctuation."""
    if value in (None, ""):
        return default
    key = re.sub(r"[^a-z0-9]", "", str(value).lower())
    if key in mapping:
        return mapping[key]
    raise RowError(f"{field} \u201c{str(value)[:30]}\u201d is not one of the values we know")


LEVEL_MAP = {
    **{f"e{n}": f"E{n}" for n in (1, 2, 3)},
    **{f"entry{n}": f"E{n}" for n in (1, 2, 3)},
    **{f"entrylevel{n}": f"E{n}" for n in (1, 2, 3)},
    "e": "E3",
    "entry": "E3",
    "entrylevel": "E3",
    **{str(n): str(n) for n in range(1, 9)},
    **{f"level{n}": str(n) for n in range(1, 9)},
}


# "You must be 18 or over", "applicants must be aged 21+", "minimum age 18", "18+ only": the
# youngest an advert says it can take, from its own words (most feeds have no field for it).
_OR_OVER = (
    r"(?:\s*\+|\s+or over|\s+or older|\s+or above|\s+and over|\s+and above|"
    r"\s+years? (?:old )?or (?:over|older))"
)
_PEOPLE = r"(?:you|applicants?|candidates?|staff|workers?|drivers?|employees?|you'll|you will)"
_NOT_AN_AGE = r"(?!\s*(?:hours?|hrs|mins?|minutes?|per\b|/|%|days?|weeks?|miles?|mph|kg))"
_AGE_IN_WORDS = re.compile(
    # "you must be 18", "applicants need to be at least 21"; not "hours must be 20 per week"
    rf"\b{_PEOPLE}\s+(?:must|need to|have to|should|will need to|needs? to)\s+be\s+(?:aged\s+)?"
    rf"(?:at least\s+|over\s+(?:the age of\s+)?)?(1[6-9]|2[0-5])\b{_NOT_AN_AGE}|"
    rf"\bmust be\s+(?:aged\s+)?(1[6-9]|2[0-5]){_OR_OVER}|"
    r"\bminimum age(?:\s+of|\s+is|:)?\s+(1[6-9]|2[0-5])\b|"
    rf"\b(?:aged|applicants?|candidates?)\s+(1[6-9]|2[0-5]){_OR_OVER}|"
    r"\bover the age of\s+(1[6-9]|2[0-5])\b|"
    r"\b(1[6-9]|2[0-5])\s*\+\s*only\b|\bover\s+(1[6-9]|2[0-5])'?s\s+only\b",
    re.IGNORECASE,
)


def minimum_age_in(text: str | None) -> int | None:
    """The youngest an advert's own words say it can take, or None when they say nothing."""
    found = _AGE_IN_WORDS.search(text or "")
    return int(next(g for g in found.groups() if g)) if found else None
