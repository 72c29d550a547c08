"""The steps of a warm handoff that touch more than the database: pausing and resuming Rasa,
telling the resident, and live updates to advisers' consoles and the resident's chat.

Every message is written to the database before it is published, so a client that missed a
live update (a dropped socket, another API worker) catches up from the database.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.booking import preferences
from bot.booking.models import OFFERS
from bot.clock import as_utc, utcnow
from bot.conversation.models import BotMessage, Button, Conversation
from bot.conversation.rasa_client import RasaClient
from bot.council import service as council_service
from bot.council.models import DAYS, Council
from bot.handoff import context, service
from bot.handoff.models import URGENT_REASONS, Case, CaseMessage
from bot.insight import service as insight
from bot.insight.turns import first_time
from bot.live.hub import (
    Hub,
    case_channel,
    conversation_channel,
    publish_after_commit,
    queue_channel,
    teams,
)
from bot.observability import metrics
from bot.staff.models import Staff

LEAVE_QUEUE = "/leave_queue"
CALLBACK = "/request_callback"
BOOK = "/book_appointment"
HELP_BUTTON = Button(title="What else can you do?", payload="/help")


def callback_by(council: Council, now: datetime) -> datetime:
    """When a call-back is promised: by closing time on the next day the team is open after
    today, so a request at 4.55pm on Friday is not promised for Friday."""
    zone = ZoneInfo(council.timezone)
    day = now.astimezone(zone).date()
    for ahead in range(1, 15):
        candidate = day + timedelta(days=ahead)
        hours = council.opening_hours.get(DAYS[candidate.weekday()])
        if hours:
            return datetime.combine(candidate, hours[1], zone)
    return datetime.combine(day + timedelta(days=1), datetime.min.time(), zone)


def asked_window(
    wish: preferences.Preference, council: Council, now: datetime
) -> tuple[datetime, datetime] | None:
    """The first time the team is open that fits when the resident asked to be called ("on
    friday after 5pm", "tomorrow morning"), as (from, until); None when the team is never open
    then in the next two weeks."""
    zone = ZoneInfo(council.timezone)
    local = now.astimezone(zone)
    soonest = local + timedelta(minutes=30)  # an adviser needs a moment to see the request
    soonest -= timedelta(minutes=soonest.minute % 15, seconds=soonest.second,
                         microseconds=soonest.microsecond)  # fmt: skip
    soonest += timedelta(minutes=15)  # on a quarter hour: "from 10:15am", not "from 10:07am"
    for ahead in range(15):
        day = local.date() + timedelta(days=ahead)
        hours = council.opening_hours.get(DAYS[day.weekday()])
        if not hours or (wish.on is not None and day != wish.on):
            continue
        if (wish.days and day.weekday() not in wish.days) or day.weekday() in wish.avoid_days:
            continue
        if wish.week is not None:  # "next week on tuesday": not tomorrow
            monday = local.date() - timedelta(days=local.weekday())
            first = monday + timedelta(days=7 if wish.week == "next" else 0)
            if not first <= day < first + timedelta(days=7):
                continue
        low, high = hours[0].hour * 60 + hours[0].minute, hours[1].hour * 60 + hours[1].minute
        if wish.part is not None:
            low = max(low, preferences.PARTS[wish.part][0] * 60)
            high = min(high, preferences.PARTS[wish.part][1] * 60)
        if wish.after_hour is not None:
            low = max(low, wish.after_hour * 60)
        if wish.before_hour is not None:
            high = min(high, wish.before_hour * 60)
        start = datetime.combine(day, datetime.min.time(), zone) + timedelta(minutes=low)
        end = start + timedelta(minutes=high - low)
        if low < high and end > soonest:
            return max(start, soonest), end
    return None


def passed_today(wish: preferences.Preference, council: Council, now: datetime) -> bool:
    """Whether the time asked for was today and has gone ("today after 3" asked at 4.20pm),
    rather than one the team never works ("after 5pm on friday")."""
    today = now.astimezone(ZoneInfo(council.timezone)).date()
    said_today = wish.on == today or (
        wish.on is None and wish.days == {today.weekday()} and wish.week != "next"
    )
    return said_today and asked_window(replace(wish, on=None, week=None), council, now) is not None


def when_text(moment: datetime, council: Council) -> str:
    local = moment.astimezone(ZoneInfo(council.timezone))
    clock = council_service.clock(local.time())
    return f"{clock} on {local.strftime('%A')} {local.day} {local.strftime('%B')}"


def told_us_anything(case: Case) -> bool:
    """Whether the resident said more than that they want a person: only then is "you won't
    need to repeat it" true (asked first thing, there is nothing to repeat). The widget's
    opening greeting is not the resident's."""
    greeting = context.said_text("/greet")
    said = [line for line in case.transcript or []
            if line.get("sender") == "resident" and line.get("text") != greeting]  # fmt: skip
    return bool(case.answers) or len(said) > 1


def route(
    *,
    db_session: Session,
    case: Case,
    conversation: Conversation,
    council: Council,
    rasa: RasaClient,
    hub: Hub,
    now: datetime | None = None,
) -> list[BotMessage]:
    """The resident asked for a person. If an adviser is online in opening hours (one from
    their team, or else anyone: every adviser sees residents waiting in the chat), Rasa is
    paused and they wait in the chat; otherwise they are told so honestly and offered a
    booking or a call-back, with when to expect it."""
    now = now or utcnow()
    is_open = council_service.is_open(council, now)
    online = {who for team in teams(council.slug, OFFERS) for who in hub.present(team)}
    if first_time(conversation, "handoff"):  # asking again is the same request
        insight.record(db_session=db_session, council=council, kind="handoff_requested",
                       offer=case.offer, detail=case.reason,
                       result="urgent" if case.reason in URGENT_REASONS else "routine")  # fmt: skip
    if is_open and online:
        if case.claimed_by is not None and case.claimed_by not in online:
            case.claimed_by = None  # asked again, and their adviser has gone
        rasa.add_event(conversation.id, "pause")
        case.status, case.waiting_since = "waiting", now
        case.contact = {**(case.contact or {}), "how": "chat"}
        publish_queue(db_session, hub, case)
        return [
            BotMessage(
                text=(
                    "Someone from the employer team"
                    if case.offer == "employer"
                    and any(hub.present(team) for team in teams(council.slug, ["employer"]))
                    else f"An adviser from the {council.service_name} team"
                )
                + " will join this chat soon. "
                + (
                    "They can see what you've told me, so you won't need to repeat it. "
                    if told_us_anything(case)
                    else ""
                )
                + "You can keep typing here while you wait: they will see it. Your reference is "
                f"{case.reference}.",
                buttons=[Button(title="Carry on with the assistant instead", payload=LEAVE_QUEUE)],
                custom={"type": "handoff_waiting", "case": case.reference},
            )
        ]
    why = (
        "Nobody from the team is free to chat right now."
        if is_open
        else f"The team is closed now. {council_service.reopening_text(council, now)}"
    )
    by = when_text(callback_by(council, now), council)
    publish_queue(db_session, hub, case)
    kept = (
        f"I've saved what you've told me (your reference is {case.reference}), so you won't "
        "need to repeat it."
        if told_us_anything(case)
        else f"Your reference is {case.reference}: the team will see this conversation with it."
    )
    if case.offer == "employer":  # the employer team calls back; there is nothing to book
        offered = (
            f"The employer team can call you back by {by}. You can also call {council.phone} "
            f"or email {council.email} and ask for the employer team."
        )
        buttons = [Button(title="Ask the employer team to call me", payload=CALLBACK), HELP_BUTTON]
    else:
        offered = (
            "You can book an appointment with an adviser, or ask us to call you back: we will "
            f"call by {by}. You can also call {council.phone}."
        )
        buttons = [
            Button(title="Book an appointment", payload=BOOK),
            Button(title="Ask for a call back", payload=CALLBACK),
            HELP_BUTTON,
        ]
    return [
        BotMessage(
            text=f"{why} {kept} {offered}",
            buttons=buttons,
            custom={"type": "handoff_offline", "case": case.reference},
        )
    ]


def from_resident(*, db_session: Session, case: Case, text: str, hub: Hub) -> list[BotMessage]:
    """A resident's words while waiting or live go to the adviser, not to Rasa."""
    message = service.add_message(db_session=db_session, case=case, sender="resident", text=text)
    to_console(db_session, hub, case, message)
    if case.status == "waiting":
        publish_queue(db_session, hub, case)
    return []


def leave_queue(
    *, db_session: Session, case: Case, conversation: Conversation, rasa: RasaClient, hub: Hub
) -> list[BotMessage]:
    """The resident would rather carry on with the assistant than wait."""
    rasa.add_event(conversation.id, "resume")
    was_live = case.status == "live"
    case.status, case.waiting_since = "open", None
    text = (
        "The resident left the live chat to carry on with the assistant."
        if was_live
        else "The resident chose to carry on with the assistant instead of waiting."
    )
    notice(db_session=db_session, case=case, hub=hub, text=text, resident=False)
    return [
        BotMessage(
            text="OK, you're back with the assistant. Your details are saved, so an adviser "
            "can still see them if you talk to us later.",
            buttons=[Button(title="Book an appointment", payload=BOOK), HELP_BUTTON],
            custom={"type": "adviser_left"},  # the widget's live chat is over
        )
    ]


def claim(
    *,
    db_session: Session,
    case: Case,
    staff: Staff,
    conversation: Conversation | None,
    rasa: RasaClient,
    hub: Hub,
) -> Case:
    """Take the case. A resident waiting in the chat, or one in crisis who is still there, is
    then talking to this adviser."""
    first_claim = case.claimed_at is None  # never picked up before (not a colleague taking over)
    service.claim(db_session=db_session, case=case, staff=staff)
    crisis_still_here = case.reason in URGENT_REASONS and case.status == "open"
    in_chat = case.status == "waiting" and case.waiting_since is not None
    waited = utcnow() - as_utc(case.waiting_since) if in_chat else None
    if waited is not None:
        metrics.HANDOFF_WAIT_SECONDS.observe(waited.total_seconds())
    if first_claim:  # and, for a resident waiting in the chat, how long they waited
        minutes = max(0, min(round(waited.total_seconds() / 60), 60 * 24 * 90)) \
            if waited is not None else None  # fmt: skip
        insight.record(db_session=db_session, council=council_service.get(case.council_slug),
                       kind="handoff_claimed", offer=case.offer, detail=case.reason,
                       minutes=minutes)  # fmt: skip
    if conversation is not None and (case.status == "waiting" or crisis_still_here):
        if crisis_still_here:
            rasa.add_event(conversation.id, "pause")  # waiting residents are paused already
        case.status = "live"
        notice(
            db_session=db_session,
            case=case,
            hub=hub,
            text=f"You're now talking to {staff.first_name} from the "
            f"{council_service.get(case.council_slug).service_name} team.",
            kind="adviser_joined",
            name=staff.first_name,
        )
    publish_queue(db_session, hub, case)
    return case


def reply(*, db_session: Session, case: Case, staff: Staff, text: str, hub: Hub) -> CaseMessage:
    service.require_holder(db_session=db_session, case=case, staff=staff)
    if case.status != "live" or case.conversation_id is None:
        raise service.CaseConflict("The resident is not in a live chat, so they can't see a reply.")
    message = service.add_message(
        db_session=db_session, case=case, sender="adviser", text=text, staff_id=staff.id
    )
    metrics.MESSAGES.labels("adviser").inc()
    to_resident(db_session, hub, case, bot_message(message, kind="adviser", name=staff.first_name))
    to_console(db_session, hub, case, message, name=staff.full_name)
    return message


def hand_back(
    *, db_session: Session, case: Case, staff: Staff, conversation: Conversation | None,
    rasa: RasaClient, hub: Hub, closing: bool = False,
) -> None:  # fmt: skip
    """End the live chat: Rasa resumes (ConversationResumed) and the resident is told."""
    service.require_holder(db_session=db_session, case=case, staff=staff)
    if case.status not in service.LIVE:
        raise service.CaseConflict(f"Case {case.reference} is not in a live chat.")
    if conversation is not None:
        rasa.add_event(conversation.id, "resume")
        buttons = [Button(title="Book an appointment", payload=BOOK), HELP_BUTTON]
        conversation.offered_buttons = [b.dict() for b in buttons]
        text = (
            f"{staff.first_name} has ended the chat. Thank you for talking to us."
            if closing
            else f"{staff.first_name} has handed you back to the "
            f"{council_service.get(case.council_slug).service_name} assistant."
        )
        notice(db_session=db_session, case=case, hub=hub, text=text + " What would you like to do "
               "next?", kind="adviser_left", buttons=buttons)  # fmt: skip
    case.status, case.waiting_since = "open", None
    publish_queue(db_session, hub, case)


def resident_left(*, db_session: Session, conversation_id: str, hub: Hub) -> None:
    """The resident ended the chat (Start again, a kiosk wipe): a case that involves a person
    stays for advisers, without its link to the forgotten conversation; one nobody acted on is
    forgotten with the conversation."""
    service.forget_untouched(db_session=db_session, conversation_id=conversation_id)
    case = service.for_conversation(db_session=db_session, conversation_id=conversation_id)
    if case is None:
        return
    if case.status in service.LIVE:
        case.status, case.waiting_since = "open", None
        notice(db_session=db_session, case=case, hub=hub, text="The resident left the chat.",
               resident=False)  # fmt: skip
    case.conversation_id = None
    publish_queue(db_session, hub, case)


def notice(
    *,
    db_session: Session,
    case: Case,
    hub: Hub,
    text: str,
    kind: str = "notice",
    name: str | None = None,
    buttons: list[Button] | None = None,
    resident: bool = True,
) -> None:
    """A line in the chat: the adviser always sees it, the resident when ``resident``
    (only those have a ``kind``, which is how a reconnecting chat finds them again)."""
    message = service.add_message(
        db_session=db_session,
        case=case,
        sender="system",
        text=text,
        kind=kind if resident else None,
    )
    to_console(db_session, hub, case, message)
    if resident:
        to_resident(
            db_session, hub, case, bot_message(message, kind=kind, name=name, buttons=buttons)
        )


def to_console(
    db_session: Session, hub: Hub, case: Case, message: CaseMessage, name: str | None = None
) -> None:
    """The line on the consoles showing this case."""
    news = {"type": "message", **message_out(message), **({"name": name} if name else {})}
    publish_after_commit(db_session, hub, case_channel(case.id), news)


def to_resident(db_session: Session, hub: Hub, case: Case, said: BotMessage) -> None:
    """The line in the resident's chat, if they are still there."""
    if case.conversation_id:
        news = {"messages": [said.dict(exclude_none=True)]}
        publish_after_commit(db_session, hub, conversation_channel(case.conversation_id), news)


def bot_message(
    message: CaseMessage,
    *,
    kind: str,
    name: str | None = None,
    buttons: list[Button] | None = None,
) -> BotMessage:
    """A live message in the shape the widget renders; ``seq`` lets it drop a repeat."""
    custom = {"type": kind, "seq": message.id}
    if name:
        custom["name"] = name
    return BotMessage(text=message.text, buttons=buttons or None, custom=custom)


def message_out(message: CaseMessage) -> dict:
    return {
        "id": message.id,
        "sender": message.sender,
        "text": message.text,
        "at": message.created_at.isoformat() if message.created_at else None,
    }


def publish_queue(db_session: Session, hub: Hub, case: Case) -> None:
    """Consoles refresh their queue, and a page showing this case its status."""
    news = {"type": "queue", "case": case.reference}
    publish_after_commit(db_session, hub, queue_channel(case.council_slug), news)
    publish_after_commit(
        db_session, hub, case_channel(case.id), {"type": "case", "status": case.status}
    )
