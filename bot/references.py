"""Short references residents read out over the phone: one per resident, for their case,
their plan and their appointment alike.

No 0/O, 1/I/L or 5/S, so a reference is never misheard, and it is read back in any case, with
or without spaces and dashes.
"""

from __future__ import annotations

import secrets

ALPHABET = "2346789ABCDEFGHJKMNPQRTUVWXYZ"
# A resident's reference: "KH3-7XP". Cases and plans made before there was one reference had
# 8 characters; those are still found (OLD_LENGTH).
LENGTH = 6
OLD_LENGTH = 8


def new(length: int) -> str:
    """``length`` random characters in two dashed halves, e.g. "KH37-3XPM"."""
    code = "".join(secrets.choice(ALPHABET) for _ in range(length))
    return f"{code[: length // 2]}-{code[length // 2 :]}"


def normalise_any(text: str) -> str | None:
    """A resident's reference, or one from before there was one reference."""
    return normalise(text, LENGTH) or normalise(text, OLD_LENGTH)


def normalise(text: str, length: int) -> str | None:
    """A reference as typed or read out, in its stored form; None if it cannot be one."""
    code = (text or "").strip().upper().replace(" ", "").replace("-", "")
    if len(code) != length or any(c not in ALPHABET for c in code):
        return None
    return f"{code[: length // 2]}-{code[length // 2 :]}"
