"""Whose a feed's records are: the importing council's where they are local, everyone's where
they are online or national (any council's residents may use those), or everyone's for a feed
of regional provision (a college serving several councils)."""

from __future__ import annotations

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session

from bot.catalogue.course.models import Course
from bot.catalogue.support.models import ServiceAtLocation, SupportService
from bot.catalogue.vacancy.models import Vacancy
from bot.catalogue.venue.models import Venue


def _local():
    """Per table, what makes a record local (a place residents go to)."""
    physical = (
        select(ServiceAtLocation.service_id)
        .join(Venue, Venue.id == ServiceAtLocation.venue_id)
        .where(Venue.location_type == "physical")
    )
    return {
        Course: and_(Course.delivery_mode != "online", Course.national.is_(False)),
        Vacancy: and_(Vacancy.remote.is_(False), Vacancy.national.is_(False)),
        SupportService: SupportService.id.in_(physical),
    }


def assign(db_session: Session, source: str, council_slug: str | None) -> None:
    """Give the records of ``source`` their owner: ``council_slug`` for the local ones, or
    nobody (shared) for the rest and for every record when ``council_slug`` is None."""
    for model, local in _local().items():
        of_source = model.source == source
        db_session.execute(update(model).where(of_source).values(council_slug=None)
                           .execution_options(synchronize_session=False))  # fmt: skip
        if council_slug is not None:
            db_session.execute(update(model).where(of_source, local)
                               .values(council_slug=council_slug)
                               .execution_options(synchronize_session=False))  # fmt: skip
