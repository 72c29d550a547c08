"""Vacancies: look one up, search them, and describe them to residents."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, or_, true
from sqlalchemy.orm import Session

from bot.catalogue.common import by_ids, by_uid
from bot.catalogue.labels import (
    APPRENTICESHIP_LEVEL_LABELS,
    CONTRACT_LABELS,
    HOURS_BANDS,
    hours_band,
    money,
)
from bot.catalogue.search import service as search_service
from bot.catalogue.search.service import Facet, Kind, Search
from bot.catalogue.vacancy.models import CONTRACT_TYPES, Vacancy, VacancyOut


def _columns() -> list:
    return [
        Vacancy.id,
        Vacancy.lat,
        Vacancy.lon,
        Vacancy.national,
        Vacancy.remote.label("online"),
        Vacancy.contract_type,
        Vacancy.apprenticeship_level,
        Vacancy.disability_confident,
        Vacancy.hours_per_week,
        Vacancy.start_date,
        Vacancy.closing_date,
        Vacancy.title,
    ]


def _active(today: date):
    """Vacancies still open for applications."""
    return or_(Vacancy.closing_date.is_(None), Vacancy.closing_date >= today)


KIND = Kind(
    name="vacancy",
    model=Vacancy,
    columns=_columns,
    active=_active,
    facets={
        "contract_type": Facet(lambda r: [r.contract_type], CONTRACT_LABELS.get, CONTRACT_TYPES),
        "apprenticeship_level": Facet(
            lambda r: [str(r.apprenticeship_level)] if r.apprenticeship_level else [],
            APPRENTICESHIP_LEVEL_LABELS.get,
            tuple(APPRENTICESHIP_LEVEL_LABELS),
        ),
        "disability_confident": Facet(
            lambda r: ["yes"] if r.disability_confident else [],
            lambda _v: "Disability Confident employer",
        ),
        "hours": Facet(
            lambda r: [b] if (b := hours_band(r.hours_per_week)) else [],
            HOURS_BANDS.get,
            tuple(HOURS_BANDS),
        ),
    },
    start_of=lambda r: r.start_date or r.closing_date,
)


def for_age(age: int):
    """Vacancies open to someone this old (no minimum age said: open to all)."""
    return or_(Vacancy.minimum_age.is_(None), Vacancy.minimum_age <= age)


def hours_between(min_hours: float | None, max_hours: float | None):
    """Vacancies whose weekly hours are in the range (unknown hours never are)."""
    conditions = []
    if min_hours is not None:
        conditions.append(Vacancy.hours_per_week >= min_hours)
    if max_hours is not None:
        conditions.append(Vacancy.hours_per_week <= max_hours)
    return and_(true(), *conditions)


def starts_within(weeks: int, today: date):
    """Vacancies starting within the weeks, or with no start date given."""
    limit = today + timedelta(weeks=weeks)
    return or_(Vacancy.start_date.is_(None), Vacancy.start_date <= limit)


def not_apprenticeship():
    return Vacancy.contract_type != "apprenticeship"


def remote_only():
    """Jobs done from home, for a resident who asks for them."""
    return Vacancy.remote.is_(True)


def no_driving():
    """Jobs for a resident who can't drive or has no car (``driving.needs_driving``)."""
    return Vacancy.needs_driving.is_(False)


def get(uid: str, *, db_session: Session) -> Vacancy | None:
    return by_uid(Vacancy, uid, db_session=db_session)


def search(search: Search, *, db_session: Session, area_name: str = "") -> search_service.Outcome:
    return search_service.run(KIND, search, db_session=db_session, area_name=area_name)


def load(ids: list[int], *, db_session: Session) -> dict[int, Vacancy]:
    return by_ids(Vacancy, ids, db_session=db_session)


def wage_text(vacancy: Vacancy) -> str | None:
    if vacancy.wage_text:
        return vacancy.wage_text
    low, high = money(vacancy.wage_min_pence), money(vacancy.wage_max_pence)
    if not low:
        return None
    amount = f"{low} to {high}" if high and high != low else low
    if not vacancy.wage_unit:
        return amount
    article = "an" if vacancy.wage_unit[0] in "aeiou" or vacancy.wage_unit == "hour" else "a"
    return f"{amount} {article} {vacancy.wage_unit}"


def to_out(vacancy: Vacancy, distance: float | None = None, where: str | None = None) -> VacancyOut:
    if where is None:
        where = "online" if vacancy.remote else "national" if vacancy.national else "local"
    return VacancyOut(
        id=vacancy.uid,
        title=vacancy.title,
        description=vacancy.description,
        employer=vacancy.employer.name if vacancy.employer else None,
        wage=wage_text(vacancy),
        hours_per_week=vacancy.hours_per_week,
        contract_type=vacancy.contract_type,
        full_time=vacancy.full_time,
        posted_date=vacancy.posted_date,
        closing_date=vacancy.closing_date,
        start_date=vacancy.start_date,
        address=vacancy.address,
        town=vacancy.town,
        postcode=vacancy.postcode,
        latitude=vacancy.lat,
        longitude=vacancy.lon,
        is_apprenticeship=vacancy.contract_type == "apprenticeship",
        apprenticeship_level=vacancy.apprenticeship_level,
        training_provider=vacancy.training_provider,
        disability_confident=vacancy.disability_confident,
        apply_url=vacancy.apply_url,
        where="remote" if where == "online" else where,
        distance_miles=round(distance, 1) if distance is not None else None,
        source=vacancy.source,
        minimum_age=vacancy.minimum_age,
        needs_driving=bool(vacancy.needs_driving),
    )
