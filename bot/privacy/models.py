"""A resident's request to have what is held about them erased, until an admin acts on it."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String

from bot.clock import UTCDateTime, utcnow
from bot.database.core import Base

# Open until an admin erases or explains why a record must be kept; UK GDPR gives a month.
REQUEST_STATUSES = ("open", "erased", "kept")


class ErasureRequest(Base):
    __tablename__ = "erasure_requests"

    id = Column(Integer, primary_key=True)
    council_slug = Column(String(40), nullable=False, index=True)  # asked of this council
    reference = Column(String(12), nullable=False)
    # The contact the resident proved themselves with, so the admin can find the same records;
    # cleared when the request is closed.
    contact = Column(String(254), nullable=True)
    status = Column(String(8), nullable=False, default="open")
    handled_by = Column(ForeignKey("staff.id", ondelete="SET NULL"), nullable=True)
    handled_at = Column(UTCDateTime, nullable=True)
    outcome = Column(String(300), nullable=True)  # what was erased, or why something was kept
    created_at = Column(UTCDateTime, nullable=False, default=utcnow, index=True)
