"""Make and find plans. The content is built from the routing and the catalogue only."""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import references
from bot.pathways.models import Routing
from bot.plan.models import Match, Plan, PlanContent, PlanOut

MAX_MATCHES = 5


def new_reference() -> str:
    return references.new(references.LENGTH)


SERVED_BY = {"service": "the support services", "course": "the courses"}


def next_steps(
    routing: Routing,
    content: PlanContent,
    served: Mapping[str, str] | None = None,
    arranged: list[str] | None = None,
) -> list[str]:
    """What to do next, in order, from what the plan holds (never invented). Help for a barrier
    is named with what was found for it (``served``: barrier -> "service" or "course"), or else
    with how to get it. What is already arranged (an appointment, a call back) comes first, in
    place of being told to book one."""
    served = served or {}
    steps = list(arranged or [])
    if not arranged:
        steps.append(_adviser_step(routing))
    if content.courses:
        steps.append("Look at the courses in this plan and contact the provider of any you like.")
    if content.jobs:
        steps.append("Look at the jobs in this plan and apply before the closing date.")
    for referral in content.referrals:
        if referral.key in served:
            steps.append(f"{referral.name}: see {SERVED_BY[served[referral.key]]} in this plan.")
        elif referral.how:
            steps.append(f"{referral.name}: {referral.how}")
        else:
            steps.append(f"{referral.name}: ask an adviser, who can put you in touch.")
    steps.append(f"Call {content.phone} if you need help with any of this.")
    return steps


def _adviser_step(routing: Routing) -> str:
    specialist = [o for o in routing.offers if o.key != "skills_for_all"]
    if len(specialist) == 1:
        return f"Book a time with a {specialist[0].name} adviser. You'll make your plan together."
    if specialist:  # "a Youth Pathways and Working Futures adviser" is nobody
        names = " or ".join(o.name for o in specialist)
        return (
            f"Book a time with an adviser from {names}. They'll tell you which suits you best, "
            "and you'll make your plan together."
        )
    return "Talk to a careers adviser about your next step, if you would like to."


def build(
    routing: Routing,
    *,
    council_name: str,
    phone: str,
    place: str | None,
    courses: list[Match],
    jobs: list[Match],
    services: list[Match],
    served: Mapping[str, str] | None = None,
    arranged: list[str] | None = None,
) -> PlanContent:
    # Somewhere to live comes before anything else a plan suggests.
    referrals = sorted(routing.referrals, key=lambda r: r.key != "housing")
    content = PlanContent(
        council_name=council_name,
        phone=phone,
        too_young=routing.too_young,
        offers=routing.offers,
        entitlements=routing.entitlements,
        referrals=referrals,
        courses=_once(courses)[:MAX_MATCHES],
        jobs=_once(jobs)[:MAX_MATCHES],
        services=_once(services)[:MAX_MATCHES],
        place=place,
    )
    content.next_steps = next_steps(routing, content, served, arranged)
    return content


def _once(matches: list[Match]) -> list[Match]:
    """Each thing once, where it came first: a service found for two barriers, or an English
    class found for both the resident's interests and their English, is one card."""
    seen: set[str] = set()
    return [m for m in matches if not (m.id in seen or seen.add(m.id))]


def create(
    content: PlanContent,
    *,
    council_slug: str,
    conversation_id: str | None,
    db_session: Session,
    reference: str | None = None,
) -> Plan:
    """Store the conversation's plan. A conversation has one plan: made again, it is brought up
    to date under the same reference and link, so a printed or shared copy still opens it. A
    new plan takes the resident's ``reference`` if given (a clash, one in millions, draws a
    fresh one)."""
    if conversation_id is not None:
        existing = (
            db_session.execute(
                select(Plan).where(Plan.conversation_id == conversation_id).order_by(Plan.id.desc())
            )
            .scalars()
            .first()
        )
        if existing is not None:
            existing.content = content.dict()
            db_session.flush()
            return existing
    for attempt in range(5):
        plan = Plan(
            reference=reference if reference and attempt == 0 else new_reference(),
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
    code = references.normalise_any(reference)
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


def forget_conversation(conversation_id: str, *, db_session: Session) -> int:
    """Delete the plans made in a conversation that is being forgotten: its link stops working.
    An adviser's case keeps the plan's reference and the answers it came from."""
    return (
        db_session.execute(
            delete(Plan)
            .where(Plan.conversation_id == conversation_id)
            .execution_options(synchronize_session=False)
        ).rowcount
        or 0
    )
