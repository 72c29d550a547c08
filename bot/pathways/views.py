"""``/api/v1/pathways``: which offers fit a resident, for the widget and partner systems."""

from __future__ import annotations

from fastapi import APIRouter

from bot.council import service as council_service
from bot.council.request import RequestCouncil
from bot.pathways import config
from bot.pathways.models import Answers, Routing
from bot.pathways.service import route

router = APIRouter(prefix="/api/v1/pathways", tags=["pathways"])


@router.post("", response_model=Routing, summary="Offers, entitlements and referrals")
def pathways(council: RequestCouncil, answers: Answers) -> Routing:
    """Route the answers given so far (any may be left out) with the rules in force today.

    Nothing is stored: this is the same routing the assistant uses, for systems that collect
    the answers themselves.
    """
    rules = config.in_force(council, council_service.local_today(council))
    return route(answers, rules)
