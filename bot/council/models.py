"""The shape of one council's configuration: identity, contacts, hours and branding."""

from __future__ import annotations

import re
from datetime import time
from typing import Any

from pydantic import BaseModel, Field, validator

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(\.{_LABEL})*$")


_LOGO = re.compile(r"^[A-Za-z0-9_-]{1,60}\.(svg|png)$")


class Branding(BaseModel):
    primary_colour: str = "#1d4f91"
    text_on_primary: str = "#ffffff"
    # The council's logo: a file in the councils' folder's ``logos/`` (SVG or PNG), shown beside
    # the council's name in the widget, on its pages and on its residents' plans.
    logo: str | None = None

    @validator("logo")
    def _logo_file(cls, value: str | None) -> str | None:
        if value is not None and not _LOGO.match(value):
            raise ValueError("a logo is a file name in councils/logos/, like demo-vale.svg")
        return value

    @validator("primary_colour", "text_on_primary")
    def _hex_colour(cls, value: str) -> str:
        if not _COLOUR.match(value):
            raise ValueError("colours are written as #rrggbb")
        return value


class BookingRules(BaseModel):
    """How the council's advisers' time is cut into appointments."""

    slot_minutes: int = Field(45, ge=10, le=240)
    buffer_minutes: int = Field(15, ge=0, le=120)  # between appointments, for notes and travel
    days_ahead: int = Field(28, ge=1, le=180)  # how far ahead residents can book
    notice_hours: int = Field(2, ge=0, le=168)  # the earliest a resident can book from now
    offered: int = Field(4, ge=1, le=8)  # times shown at once in the chat


class NotifyTemplates(BaseModel):
    """GOV.UK Notify template ids. Each template is one placeholder for the whole message:
    ((subject)) and ((body)) for email, ((body)) for text messages; the wording is written
    here, so the outbox shows exactly what a resident gets."""

    email_template_id: str | None = None
    sms_template_id: str | None = None


class InsightSettings(BaseModel):
    """What the council reports on: the outcome rules (councils/outcomes/, without ".yml") and
    the UK Shared Prosperity Fund indicators it has chosen (all of them when none are named)."""

    outcome_rules: str = Field("england-2026-27", regex=r"^[a-z0-9-]{2,60}$")
    ukspf_indicators: list[str] = Field(default_factory=list)


class Council(BaseModel):
    """One council on the national template. Loaded from a YAML file; never from code."""

    slug: str = Field(..., regex=r"^[a-z0-9-]{2,40}$")
    name: str
    service_name: str = "Work Local"
    area_name: str
    # ONS local authority codes of the council's area: a resident's postcode is "in the area"
    # when its code is one of these.
    local_authority_codes: list[str] = Field(default_factory=list)
    # A postcode in the area, shown as an example when a resident's answer isn't one.
    example_postcode: str | None = None
    demo: bool = False
    # The council's own host names for this service (e.g. "worklocal.demo-vale.example"): a
    # request to one of them is the council's without naming it.
    domains: list[str] = Field(default_factory=list)
    phone: str
    email: str
    emergency_housing_phone: str
    opening_hours: dict[str, tuple[time, time]] = Field(default_factory=dict)
    timezone: str = "Europe/London"
    # The council's own websites that embed the chat widget ("https://www.demo-vale.gov.uk"),
    # besides those in WIDGET_ORIGINS.
    widget_origins: list[str] = Field(default_factory=list)
    privacy_url: str = "/privacy"
    accessibility_url: str = "/accessibility"
    branding: Branding = Field(default_factory=Branding)
    booking: BookingRules = Field(default_factory=BookingRules)
    notify: NotifyTemplates = Field(default_factory=NotifyTemplates)
    retention_days: int = Field(30, ge=1, le=3650)
    # Cases an adviser acted on, counted from when they were closed: the council's record of
    # the help given (funders may audit it), then deleted with their notes, chat and past
    # appointments. Six years by default; a case still open is never deleted.
    case_retention_days: int = Field(6 * 365, ge=30, le=20 * 365)
    # Routing rules files (in councils/routing/, without ".yml"), one per academic year; the one
    # in force on a date is used, so next year's rules can be loaded before they start.
    routing_rules: list[str] = Field(default_factory=lambda: ["england-2026-27"], min_items=1)
    # The offers (keys in the routing rules) this council runs; none listed: all of them.
    offers: list[str] | None = None
    # Local changes to the national rules: fields of the rule set (minimum_age, ...) replaced,
    # and offers, entitlements and referrals changed by key or added (a local scheme), as in
    # councils/routing/. Checked against the rules' own schema when the council is validated.
    local_rules: dict[str, Any] = Field(default_factory=dict)
    insight: InsightSettings = Field(default_factory=InsightSettings)
    # A combined authority: the councils (slugs) whose residents its widget serves, each sent
    # to their own council's team by the postcode they give.
    members: list[str] = Field(default_factory=list)
    # Shared records (online, national or regional provision, by public id) this council's
    # residents should not be shown, e.g. a course its own college runs better locally.
    hidden_records: list[str] = Field(default_factory=list)

    @validator("domains", each_item=True)
    def _host_name(cls, value: str) -> str:
        host = value.strip().lower()
        if not _HOST.match(host):
            raise ValueError(f"{value!r} is not a host name (no scheme, port or path)")
        return host

    @validator("opening_hours")
    def _known_days(cls, value: dict[str, tuple[time, time]]) -> dict:
        for day, (opens, closes) in value.items():
            if day not in DAYS:
                raise ValueError(f"unknown day {day!r}; use one of {', '.join(DAYS)}")
            if closes <= opens:
                raise ValueError(f"{day}: closing time must be after opening time")
        return value
