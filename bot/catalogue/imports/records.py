"""Format-neutral records every importer produces and the store writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass
class OrganisationIn:
    source_id: str
    name: str
    description: str | None = None
    email: str | None = None
    website: str | None = None
    phone: str | None = None


@dataclass
class VenueIn:
    source_id: str
    name: str
    kind: str | None = None
    location_type: str = "physical"
    description: str | None = None
    address_1: str | None = None
    address_2: str | None = None
    town: str | None = None
    postcode: str | None = None
    lat: float | None = None
    lon: float | None = None
    phone: str | None = None
    opening_hours: dict[str, list[str]] | None = None
    accessibility: str | None = None


@dataclass
class CourseIn:
    source_id: str
    title: str
    description: str | None = None
    subject: str | None = None
    level: str | None = None
    course_type: str = "other"
    study_mode: str | None = None
    attendance_pattern: str | None = None
    delivery_mode: str = "in_person"
    start_date: date | None = None
    flexible_start: bool = False
    duration_value: int | None = None
    duration_unit: str | None = None
    cost_pence: int | None = None
    cost_description: str | None = None
    provider: OrganisationIn | None = None
    venue: VenueIn | None = None
    url: str | None = None
    national: bool = False


@dataclass
class VacancyIn:
    source_id: str
    title: str
    description: str | None = None
    employer: OrganisationIn | None = None
    wage_min_pence: int | None = None
    wage_max_pence: int | None = None
    wage_unit: str | None = None
    wage_text: str | None = None
    hours_per_week: float | None = None
    contract_type: str = "other"
    full_time: bool | None = None
    posted_date: date | None = None
    closing_date: date | None = None
    start_date: date | None = None
    address: str | None = None
    town: str | None = None
    postcode: str | None = None
    lat: float | None = None
    lon: float | None = None
    remote: bool = False
    national: bool = False
    apprenticeship_level: int | None = None
    training_provider: str | None = None
    disability_confident: bool = False
    apply_url: str | None = None
    positions: int | None = None
    minimum_age: int | None = None  # the youngest the employer can take, where one is said


@dataclass
class TermIn:
    source_id: str
    name: str
    description: str = ""
    code: str | None = None
    parent_id: str | None = None
    taxonomy: str | None = None
    taxonomy_id: str | None = None
    term_uri: str | None = None


@dataclass
class ServiceIn:
    source_id: str
    name: str
    status: str = "active"
    description: str | None = None
    url: str | None = None
    email: str | None = None
    fees: str | None = None
    accreditations: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    alert: str | None = None
    assured_date: date | None = None
    last_modified: datetime | None = None
    organisation: OrganisationIn | None = None
    # (service_at_location id, venue) pairs
    locations: list[tuple[str, VenueIn]] = field(default_factory=list)
    terms: list[TermIn] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class PostcodeIn:
    postcode: str
    lat: float
    lon: float
    la_code: str | None
    terminated_on: str | None


Record = CourseIn | VacancyIn | ServiceIn | PostcodeIn


@dataclass
class Parsed:
    """One item of a file: a record, or the reason it was refused, and where it was."""

    line: int
    record: Record | None = None
    error: str | None = None
    label: str = ""
    warnings: list[str] = field(default_factory=list)
