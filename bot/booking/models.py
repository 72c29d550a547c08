"""Advisers and their bookings.

No adviser can be booked twice for the same time, and the database enforces it, not a check
before the insert: a partial unique index on (adviser, start) for bookings not cancelled, on
both databases, and on PostgreSQL also an exclusion constraint on the time range, so bookings
of different lengths cannot overlap either (migration 0007).
"""

from __future__ import annotations

from datetime import date, datetime, time

from pydantic import BaseModel, Field, validator
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    text,
)

from bot.clock import UTCDateTime, utcnow
from bot.database.core import Base

ACTIVE = text("status != 'cancelled'")


OFFERS = ("youth_pathways", "working_futures", "skills_for_all", "employer")
CHANNELS = ("in_person", "phone", "video")
CHANNEL_LABELS = {"in_person": "In person", "phone": "By phone", "video": "By video call"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Adviser(Base):
    """An adviser residents can book, loaded from the council's rota file (see docs/booking.md).

    ``sessions`` and ``time_off`` hold the rota as written (venue names resolved to ids), read
    by ``bot.booking.rota``; re-importing the rota replaces them.
    """

    __tablename__ = "advisers"
    __table_args__ = (Index("uq_advisers_council_key", "council_slug", "key", unique=True),)

    id = Column(Integer, primary_key=True)
    council_slug = Column(String(40), nullable=False, index=True)  # whose rota
    key = Column(String(60), nullable=True)  # the rota file's id for the adviser
    first_name = Column(String(60), nullable=False)
    # The adviser's team, named after the offer it mainly serves: youth_pathways,
    # working_futures, skills_for_all, employer.
    team = Column(String(40), nullable=False, index=True)
    offers = Column(JSON, nullable=False, default=list, server_default="[]")  # all it serves
    email = Column(String(254), nullable=True)
    sessions = Column(JSON, nullable=False, default=list, server_default="[]")
    time_off = Column(JSON, nullable=False, default=list, server_default="[]")
    active = Column(Boolean, nullable=False, default=True)


class Booking(Base):
    __tablename__ = "bookings"
    __table_args__ = (
        Index(
            "uq_bookings_adviser_time",
            "adviser_id",
            "starts_at",
            unique=True,
            sqlite_where=ACTIVE,
            postgresql_where=ACTIVE,
        ),
        Index("uq_bookings_calendar_token", "calendar_token", unique=True),
    )

    id = Column(Integer, primary_key=True)
    reference = Column(String(8), nullable=False, unique=True)
    council_slug = Column(String(40), nullable=False, index=True)  # the adviser's council
    adviser_id = Column(ForeignKey("advisers.id"), nullable=False)
    starts_at = Column(UTCDateTime, nullable=False)
    ends_at = Column(UTCDateTime, nullable=False)
    channel = Column(String(20), nullable=False)  # in_person, phone, video
    offer = Column(String(40), nullable=True)  # what the appointment is about
    venue_id = Column(ForeignKey("venues.id", ondelete="SET NULL"), nullable=True)
    # held: kept for the resident while they confirm, until hold_expires_at; then confirmed or
    # cancelled. A lapsed hold is cancelled by the next attempt at the same time.
    status = Column(String(12), nullable=False, default="held")
    hold_expires_at = Column(UTCDateTime, nullable=True)
    first_name = Column(String(60), nullable=True)
    contact = Column(String(254), nullable=True)  # a phone number or an email address
    consent = Column(Boolean, nullable=False, default=False)
    idempotency_key = Column(String(100), nullable=True, unique=True)
    sequence = Column(Integer, nullable=False, default=0)  # iCalendar SEQUENCE, bumped on change
    conversation_id = Column(String(64), nullable=True, index=True)
    # Opens the booking's calendar file from a link, where no contact can be asked for.
    calendar_token = Column(String(64), nullable=True)
    # The resident's case, so the adviser sees their answers and never asks again. No foreign
    # key: SQLite cannot add one without rebuilding this table (see migration 0010).
    case_id = Column(Integer, nullable=True, index=True)
    attendance = Column(String(16), nullable=True)  # attended or did_not_attend, after the time
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow)


# The rota file an officer loads (``worklocal import-rota``).


def _one_of(what: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; use one of {', '.join(allowed)}")
    return value


class SessionIn(BaseModel):
    """A weekly stretch of appointments ("tuesday 09:30 to 12:30 at Central Library"), or an
    extra one on a date."""

    weekday: str | None = None
    on: date | None = None
    start: time
    end: time
    venue: str | None = None  # a venue's name as in the catalogue; none for phone and video
    channels: list[str] = Field(default_factory=lambda: ["in_person"], min_items=1)

    @validator("weekday")
    def _weekday(cls, value: str | None) -> str | None:
        return _one_of("weekday", value.lower(), WEEKDAYS) if value is not None else None

    @validator("end")
    def _after_start(cls, value: time, values: dict) -> time:
        if "start" in values and value <= values["start"]:
            raise ValueError("a session must end after it starts")
        return value

    @validator("channels", each_item=True)
    def _channel(cls, value: str) -> str:
        return _one_of("channel", value, CHANNELS)

    @validator("channels", always=True)
    def _venue_for_in_person(cls, value: list[str], values: dict) -> list[str]:
        if "in_person" in value and not values.get("venue"):
            raise ValueError("an in-person session needs a venue")
        if values.get("weekday") is None and values.get("on") is None:
            raise ValueError("a session needs a weekday (every week) or a date (once)")
        return value


class TimeOffIn(BaseModel):
    on: date
    start: time | None = None
    end: time | None = None
    until: date | None = None  # a run of days off, from ``on`` to ``until``

    @validator("end", always=True)
    def _both_times(cls, value: time | None, values: dict) -> time | None:
        if (value is None) != (values.get("start") is None):
            raise ValueError("give both a start and an end for part of a day, or neither")
        if value is not None and values.get("start") and value <= values["start"]:
            raise ValueError("time off must end after it starts")
        return value

    @validator("until")
    def _until_after(cls, value: date | None, values: dict) -> date | None:
        if value is not None and "on" in values and value < values["on"]:
            raise ValueError("'until' is before 'on'")
        if value is not None and "on" in values and (value - values["on"]).days > 366:
            raise ValueError("time off longer than a year: retire the adviser instead")
        return value


class AdviserIn(BaseModel):
    key: str = Field(..., regex=r"^[a-z0-9][a-z0-9_-]{0,59}$")
    first_name: str = Field(..., min_length=1, max_length=60)
    team: str
    offers: list[str] = Field(default_factory=list)
    email: str | None = Field(None, max_length=254)
    sessions: list[SessionIn] = Field(default_factory=list)
    time_off: list[TimeOffIn] = Field(default_factory=list)

    @validator("team")
    def _team(cls, value: str) -> str:
        return _one_of("team", value, OFFERS)

    @validator("offers", each_item=True)
    def _offer(cls, value: str) -> str:
        return _one_of("offer", value, OFFERS)


class RotaIn(BaseModel):
    advisers: list[AdviserIn] = Field(..., min_items=1)


# The HTTP API.


class SlotOut(BaseModel):
    id: str = Field(..., description="Pass this to POST /api/v1/bookings as `slot`.")
    offer: str
    starts_at: datetime
    ends_at: datetime
    label: str = Field(..., description='How the slot reads: "Tuesday 1 December, 09:30, ..."')
    channels: list[str]
    venue_id: str | None = None
    venue: str | None = None
    address: str | None = None
    distance_miles: float | None = None


class SlotsOut(BaseModel):
    slots: list[SlotOut]


class BookingIn(BaseModel):
    offer: str
    slot: str
    channel: str = "in_person"
    first_name: str = Field(..., min_length=1, max_length=60)
    contact: str = Field(..., min_length=3, max_length=254, description="A phone number or email.")
    consent: bool = Field(
        ..., description="The resident agrees to be contacted about this appointment."
    )


class BookingChange(BaseModel):
    contact: str = Field(..., max_length=254, description="The contact given when booking.")
    slot: str = Field(..., description="The new slot's id, from GET /api/v1/slots.")
    channel: str | None = None


class BookingOut(BaseModel):
    reference: str
    status: str
    offer: str | None
    starts_at: datetime
    ends_at: datetime
    label: str
    channel: str
    venue: str | None
    address: str | None
    adviser_first_name: str
    first_name: str | None
    calendar_url: str
