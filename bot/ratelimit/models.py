"""Rate-limit counts kept in the database, for the limits that more than one process checks
when there is no Redis (the API and the action server both take bookings)."""

from __future__ import annotations

from sqlalchemy import Column, Integer, String

from bot.clock import UTCDateTime
from bot.database.core import Base


class RateCount(Base):
    __tablename__ = "rate_counts"

    # The limit's name and a keyed hash of who is counted: never an address in the clear.
    bucket = Column(String(120), primary_key=True)
    period = Column(Integer, primary_key=True)  # which fixed window (seconds // its length)
    count = Column(Integer, nullable=False)
    expires_at = Column(UTCDateTime, nullable=False, index=True)
