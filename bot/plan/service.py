"""Make and find plans. The content is built from the routing and the catalogue only."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import references
from bot.pathways.models import Routing
from bot.plan.models import Match, Plan, PlanContent, PlanOut

REFERENCE_LENGTH = 8
MAX_MATCHES = 5


def new_reference() -> str:
    return references.new(REFERENCE_LENGTH)


def next_steps(routing: Routing, content: PlanContent) -> list[str]:
    """What to do next, in order, from what the plan holds (never invented)."""
    steps = []
    specialist = [o for o in routing.offers if o.key != "skills_for_all"]
    if specialist:
        names = " and ".join(o.name for o in specialist)
        steps.append(f"Book a time with a {names} adviser to make your plan together.")
    else:
        steps.append("Talk to a careers adviser about your next step, if you would like to.")
    if content.courses:
        steps.append("Look at the courses in this plan and contact the provider of any you like.")
    if content.jobs:
        steps.append("Look at the jobs in this plan and apply before the closing date.")
    for referral in routing.referrals:
        steps.append(
            f"Get in touch with {referral.name.lower()}: see the support services in this plan."
        )
    steps.append(f"Call {content.phone} if you need help with any of this.")
    return steps


def build(
    routing: Routing,
    *,
    council_name: str,
    phone: str,
    place: str | None,
    courses: list[Match],
    jobs: list[Match],
    services: list[Match],
) -> PlanContent:
    content = PlanContent(
        council_name=council_name,
        phone=phone,
        too_young=routing.too_young,
        offers=routing.offers,
        entitlements=routing.entitlements,
        referrals=routing.referrals,
        courses=courses[:MAX_MATCHES],
        jobs=jobs[:MAX_MATCHES],
        services=services[:MAX_MATCHES],
        place=place,
    )
    content.next_steps = next_steps(routing, content)
    return content


def create(
    content: PlanContent, *, council_slug: str, conversation_id: str | None, db_session: Session
) -> Plan:
    """Store a plan under a fresh reference (a clash, one in millions, just draws again)."""
    for _ in range(5):
        plan = Plan(
            reference=new_reference(),
            token=secrets.token_urlsafe(32),
            conversation_id=conversation_id,
            council_slug=council_slug,
            content=content.dict(),
        )
        try:
            with db_session.begin_nested():
                db_session.add(plan)
            return plan
        except IntegrityError:
            continue
    raise RuntimeError("could not draw an unused plan reference")


def get_by_token(token: str, *, db_session: Session) -> Plan | None:
    if not token or len(token) > 64:
        return None
    return db_session.execute(select(Plan).where(Plan.token == token)).scalar_one_or_none()


def get_by_reference(reference: str, *, db_session: Session) -> Plan | None:
    """For advisers: the reference a resident reads out, in any case, with or without dash."""
    code = references.normalise(reference, REFERENCE_LENGTH)
    if code is None:
        return None
    return db_session.execute(select(Plan).where(Plan.reference == code)).scalar_one_or_none()


def latest_reference(conversation_id: str, *, db_session: Session) -> str | None:
    """The reference of the newest plan made in a conversation, for the resident's case."""
    return db_session.execute(
        select(Plan.reference)
        .where(Plan.conversation_id == conversation_id)
        .order_by(Plan.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def link(plan: Plan) -> str:
    return f"/plans/{plan.token}"


def to_out(plan: Plan) -> PlanOut:
    return PlanOut(
        **PlanContent.parse_obj(plan.content).dict(),
        reference=plan.reference,
        created_at=plan.created_at,
        link=link(plan),
    )
