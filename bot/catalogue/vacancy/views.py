"""``/api/v1/vacancies``: search and read jobs and apprenticeships."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from fastapi.exceptions import HTTPException
from sqlalchemy.orm import sessionmaker

from bot.catalogue.common import owned_by
from bot.catalogue.search import params
from bot.catalogue.search.models import Page
from bot.catalogue.vacancy import service as vacancies
from bot.catalogue.vacancy.models import CONTRACT_TYPES, VacancyOut
from bot.council.request import RequestCouncil
from bot.database.core import session_scope
from bot.deps import sessions

router = APIRouter(prefix="/api/v1/vacancies", tags=["vacancies"])


@router.get("", response_model=Page[VacancyOut], summary="Search jobs and apprenticeships")
def search_vacancies(
    council: RequestCouncil,
    common: params.Common = Depends(params.common),
    contract_type: list[str] | None = Query(None, description=", ".join(CONTRACT_TYPES)),
    apprenticeship: bool | None = Query(None, description="true: only apprenticeships"),
    apprenticeship_level: list[int] | None = Query(None, description="2, 3, 4 or 6"),
    disability_confident: bool = Query(False, description="Only Disability Confident employers"),
    min_hours: float | None = Query(None, ge=0, le=80),
    max_hours: float | None = Query(None, ge=0, le=80),
    starts_within_weeks: int | None = Query(None, ge=0, le=104),
    age: int | None = Query(None, ge=0, le=120, description="Only vacancies open to this age"),
    no_driving: bool = Query(
        False, description="Only jobs that need no driving, driving licence or own transport"
    ),
    factory: sessionmaker = Depends(sessions),
) -> Page[VacancyOut]:
    """Open vacancies matching the words, near a place; closed ones are left out."""
    if min_hours is not None and max_hours is not None and min_hours > max_hours:
        raise HTTPException(422, "min_hours should not be more than max_hours")
    with session_scope(factory) as db:
        search = params.build(common, council=council, db_session=db)
        types = set(contract_type or [])
        if apprenticeship:
            types = {"apprenticeship"}
        search.selected = params.selected(
            contract_type=sorted(types),
            apprenticeship_level=[str(n) for n in apprenticeship_level or []],
            disability_confident=["yes"] if disability_confident else None,
        )
        if apprenticeship is False:
            search.where.append(vacancies.not_apprenticeship())
        if min_hours is not None or max_hours is not None:
            search.where.append(vacancies.hours_between(min_hours, max_hours))
        if starts_within_weeks is not None:
            search.where.append(vacancies.starts_within(starts_within_weeks, search.today))
        if age is not None:
            search.where.append(vacancies.for_age(age))
        if no_driving:
            search.where.append(vacancies.no_driving())
        outcome = vacancies.search(search, db_session=db, area_name=council.area_name)
        return params.page_of(outcome, search, vacancies.load, vacancies.to_out, db_session=db)


@router.get("/{vacancy_id}", response_model=VacancyOut, summary="One vacancy")
def get_vacancy(
    council: RequestCouncil, vacancy_id: str, factory: sessionmaker = Depends(sessions)
) -> VacancyOut:
    with session_scope(factory) as db:
        vacancy = vacancies.get(vacancy_id[:64], db_session=db)
        if vacancy is None or not owned_by(vacancy, council.slug, council.hidden_records):
            raise HTTPException(404, "We couldn't find that vacancy. It may have closed.")
        return vacancies.to_out(vacancy)
