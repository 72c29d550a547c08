"""Who did what to which case: kept for the council's information governance."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String

from bot.clock import UTCDateTime, utcnow
from bot.database.core import Base


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    at = Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    staff_id = Column(ForeignKey("staff.id", ondelete="SET NULL"), nullable=True, index=True)
    action = Column(String(40), nullable=False)  # opened_case, claimed, signed_in, ...
    case_id = Column(ForeignKey("cases.id", ondelete="SET NULL"), nullable=True, index=True)
    detail = Column(String(300), nullable=True)
