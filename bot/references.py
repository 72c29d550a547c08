"""Short references residents read out over the phone: plans and bookings.

No 0/O, 1/I/L or 5/S, so a reference is never misheard, and it is read back in any case, with
or without spaces and dashes.
"""

from __future__ import annotations

import secrets

ALPHABET = "2346789ABCDEFGHJKMNPQRTUVWXYZ"


def new(length: int) -> str:
    """``length`` random characters in two dashed halves, e.g. "KH37-3XPM"."""
    code = "".join(secrets.choice(ALPHABET) for _ in range(length))
    return f"{code[: length // 2]}-{code[length // 2 :]}"


def normalise(text: str, length: int) -> str | None:
    """A reference as typed or read out, in its stored form; None if it cannot be one."""
    code = (text or "").strip().upper().replace(" ", "").replace("-", "")
    if len(code) != length or any(c not in ALPHABET for c in code):
        return None
    return f"{code[: length // 2]}-{code[length // 2 :]}"
