"""Keys for a council's own reporting tools (Power BI, a spreadsheet's web query) to read its
insight through the API. The key is shown once; only its SHA-256 is kept, so a copy of the
database cannot be used to read."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.clock import utcnow
from bot.insight.models import InsightKey

PREFIX = "wli_"  # so a leaked key is recognisable in a secret scanner's rules


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create(*, db_session: Session, council_slug: str, name: str, staff_id: int | None) -> str:
    secret = PREFIX + secrets.token_urlsafe(32)
    db_session.add(InsightKey(council_slug=council_slug, name=name, key_hash=_hash(secret),
                           created_by=staff_id))  # fmt: skip
    db_session.flush()
    return secret


def listed(*, db_session: Session, council_slug: str) -> list[InsightKey]:
    return list(
        db_session.execute(
            select(InsightKey)
            .where(InsightKey.council_slug == council_slug)
            .order_by(InsightKey.revoked_at.is_not(None), InsightKey.created_at.desc())
        ).scalars()
    )


def revoke(*, db_session: Session, council_slug: str, key_id: int) -> bool:
    key = db_session.get(InsightKey, key_id)
    if key is None or key.council_slug != council_slug:
        return False
    key.revoked_at = key.revoked_at or utcnow()
    return True


def revoke_made_by(*, db_session: Session, staff_id: int) -> int:
    """Someone's access ends: so do the keys they made (a tool's owner makes a new one)."""
    found = (
        db_session.execute(
            select(InsightKey).where(
                InsightKey.created_by == staff_id, InsightKey.revoked_at.is_(None)
            )
        )
        .scalars()
        .all()
    )
    for key in found:
        key.revoked_at = utcnow()
    return len(found)


def find(*, db_session: Session, secret: str | None) -> InsightKey | None:
    """The key that reads for a council, or None for a missing, wrong or revoked key."""
    if not secret or not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    digest = _hash(secret)
    key = db_session.execute(
        select(InsightKey).where(InsightKey.key_hash == digest)
    ).scalar_one_or_none()
    if key is None or key.revoked_at is not None or not hmac.compare_digest(key.key_hash, digest):
        return None
    key.last_used_at = utcnow()
    return key
