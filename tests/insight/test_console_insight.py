"""The insight in the console and through the reporting API: who may see it, that it shows one
council's counts only, outcomes and their follow-ups, unanswered questions, keys, and an
advisers' queue that lists only what they can act on."""

from __future__ import annotations

from datetime import timedelta

import jsonschema
import pytest
import time_machine
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from starlette.websockets import WebSocketDisconnect

from bot.clock import utcnow
from bot.council import service as council_service
from bot.database.core import make_engine, session_factory, session_scope
from bot.handoff.models import Case, CaseOutcome
from bot.insight import export, unanswered
from bot.insight import service as insight
from bot.insight.models import InsightEvent
from tests.handoff.conftest import conversation, open_case
from tests.handoff.test_console import BASE, _case, _csrf, app, client, sign_in  # noqa: F401


def _db(app):  # noqa: F811
    engine = make_engine(app["url"])
    return engine, session_factory(engine)


def _record(app, slug: str, kind: str, n: int, **fields) -> None:  # noqa: F811
    engine, sessions = _db(app)
    council = council_service.home().copy(update={"slug": slug})
    with session_scope(sessions) as db:
        for _ in range(n):
            insight.record(db_session=db, council=council, kind=kind, **fields)
    engine.dispose()


def test_officers_see_counts_and_no_residents_case(client, app):  # noqa: F811
    reference, _ = _case(app, status="waiting")  # waiting: every adviser may see it
    landed = sign_in(client, "officer")
    assert landed.status_code == 303
    assert client.get("/console", follow_redirects=False).headers["location"] == \
        "/console/insight"  # fmt: skip
    page = client.get("/console/insight")
    assert page.status_code == 200 and "The journey" in page.text
    for refused in (f"/console/cases/{reference}", "/console/queue", "/console/appointments",
                    "/console/follow-ups", "/console/outbox", "/console/residents"):  # fmt: skip
        answer = client.get(refused)
        assert answer.status_code == 403, refused
        assert reference not in answer.text
    signed = {
        "origin": "http://testserver",
        "cookie": f"worklocal_console={client.cookies.get('worklocal_console')}",
    }
    refused = pytest.raises(WebSocketDisconnect)  # no queue news, no live chat
    with refused as closed, client.websocket_connect("/console/ws", headers=signed):
        pass
    assert closed.value.code == 4401
    csrf = _csrf(page.text)
    assert client.post(f"/console/cases/{reference}/claim", data={"csrf": csrf}).status_code == 403


def test_advisers_do_not_see_the_insight_and_team_leads_do(app):  # noqa: F811
    with (
        TestClient(app["app"], base_url=BASE) as amira,
        TestClient(app["app"], base_url=BASE) as lena,
    ):
        sign_in(amira, "amira")
        sign_in(lena, "lead")
        assert amira.get("/console/insight").status_code == 403
        assert amira.get("/console/insight/export.csv").status_code == 403
        assert lena.get("/console/insight").status_code == 200


def test_the_page_counts_this_council_only_and_every_chart_has_its_table(client, app):  # noqa: F811
    _record(app, "demo", "conversation_started", 7, channel="web")
    _record(app, "demo-vale", "conversation_started", 40, channel="kiosk")
    sign_in(client, "officer")
    page = client.get("/console/insight").text
    assert (
        '<th scope="row" class="govuk-table__header">Conversations</th>'
        '<td class="govuk-table__cell wl-numeric">7</td>'
    ) in page
    assert ">40<" not in page
    for chart, table in (("chart-funnel", "table-funnel"), ("chart-weekly", "table-weekly"),
                         ("chart-waits", "table-waits")):  # fmt: skip
        assert f'id="{chart}"' in page and f'id="{table}"' in page
    assert '<script src="/console/static/vendor/chart.umd.min.js"' in page
    library = client.get("/console/static/vendor/chart.umd.min.js")
    assert library.status_code == 200 and "Chart.js" in library.text[:200]
    assert client.get("/console/insight?start=2026-12-01&end=2026-01-01").status_code == 422


def test_a_combined_authority_counts_its_members_and_a_member_only_itself(app):  # noqa: F811
    """Demo Combined Authority sees its members' cases, so its insight counts their residents
    too; Demo Vale's counts stay Demo Vale's. (The demo's councils are served here.)"""
    for slug, n in (("demo", 7), ("demo-vale", 40), ("demo-combined", 3)):
        _record(app, slug, "conversation_started", n, channel="web")
        _record(app, slug, "assessment_completed", 1, district="DB2", offer="youth_pathways")
    engine, sessions = _db(app)
    today = council_service.local_today(council_service.home())
    with session_scope(sessions) as db:

        def started(slug: str) -> int:
            found = insight.rows(db_session=db, council_slug=slug, start=today, end=today)
            return sum(r.count for r in found if r.kind == "conversation_started")

        assert (started("demo-combined"), started("demo-vale"), started("demo")) == (50, 40, 7)
    engine.dispose()


def test_exports_download_valid_and_are_audited(client, app):  # noqa: F811
    _record(app, "demo", "assessment_completed", 6, district="DB1", offer="youth_pathways")
    _record(app, "demo", "assessment_completed", 2, district="DB2", offer="youth_pathways")
    sign_in(client, "officer")
    answer = client.get("/console/insight/export.json?dataset=districts&start=2026-01-01")
    assert answer.status_code == 200 and "attachment" in answer.headers["content-disposition"]
    today = council_service.local_today(council_service.home())
    assert (answer.json()["from"], answer.json()["to"]) == tuple(  # the quarter, whatever asked
        d.isoformat() for d in insight.quarter_of(today)
    )
    jsonschema.validate(answer.json(), export.SCHEMAS["districts"]["json"])
    counts = {(r["district"], r["offer"]): r["count"] for r in answer.json()["records"]}
    assert counts[("DB2", "youth_pathways")] is None  # two: suppressed
    csv_answer = client.get("/console/insight/export.csv?dataset=open")
    assert csv_answer.headers["content-type"].startswith("text/csv")
    assert "DB2,youth_pathways,c" in csv_answer.text
    assert client.get("/console/insight/export.xml").status_code == 404
    sign_in(client, "admin")
    assert "insight exported" in client.get("/console/audit").text


def test_a_key_reads_the_api_until_it_is_revoked(client, app):  # noqa: F811
    _record(app, "demo", "conversation_started", 3, channel="web")
    sign_in(client, "officer")
    keys_page = client.get("/console/insight/keys")
    made = client.post("/console/insight/keys", data={"csrf": _csrf(keys_page.text),
                                                      "name": "Power BI"})  # fmt: skip
    secret = made.text.split('<code class="wl-key" id="new-key">')[1].split("</code>")[0]
    assert secret.startswith("wli_") and secret not in client.get("/console/insight/keys").text
    api = TestClient(app["app"], base_url=BASE)
    assert api.get("/api/v1/insight/counts.json").status_code == 401
    assert api.get("/api/v1/insight/counts.json",
                   headers={"Authorization": "Bearer wli_guess"}).status_code == 401  # fmt: skip
    read = api.get("/api/v1/insight/counts.json", headers={"Authorization": f"Bearer {secret}"})
    assert read.status_code == 200
    jsonschema.validate(read.json(), export.SCHEMAS["counts"]["json"])
    assert sum(r["count"] for r in read.json()["records"]) == 3
    engine, sessions = _db(app)
    with session_scope(sessions) as db:
        from bot.insight.models import InsightKey

        key_id = db.execute(select(InsightKey.id)).scalar_one()
    engine.dispose()
    page = client.get("/console/insight/keys")
    client.post(f"/console/insight/keys/{key_id}/revoke", data={"csrf": _csrf(page.text)})
    assert api.get("/api/v1/insight/counts.csv",
                   headers={"Authorization": f"Bearer {secret}"}).status_code == 401  # fmt: skip


def test_unanswered_questions_are_grouped_and_can_be_marked_handled(client, app):  # noqa: F811
    engine, sessions = _db(app)
    council = council_service.home()
    with session_scope(sessions) as db:
        for text in ("how do i get a forklift licence", "forklift license pls",
                     "where can i do my forklift licence, my number is 07700 900123",
                     "can i bring my dog to the library"):  # fmt: skip
            unanswered.remember(db_session=db, council=council, kind="not_understood", text=text)
    engine.dispose()
    sign_in(client, "officer")
    page = client.get("/console/insight/questions").text
    assert "07700" not in page and "900123" not in page
    assert "forklift" in page and "dog" in page
    first = page.split('name="ids" value="')[1].split('"')[0]
    assert len(first.split(",")) == 3  # the three forklift questions, grouped, most asked first
    client.post("/console/insight/questions/handled", data={"csrf": _csrf(page), "ids": first})
    after = client.get("/console/insight/questions").text
    assert "forklift" not in after and "dog" in after
    assert "forklift" in client.get("/console/insight/questions?handled=true").text


def test_the_queue_lists_what_advisers_can_act_on(client, app):  # noqa: F811
    engine, sessions = _db(app)
    with session_scope(sessions) as db:
        quiet = open_case(db, conversation(db, "conv-quiet").id, reason="assessment").reference
        called = open_case(db, conversation(db, "conv-call").id, reason="assessment")
        called.contact = {"how": "phone", "value": "07700900123", "name": "Sam"}
        called.status = "callback"
        asked = open_case(db, conversation(db, "conv-asked").id, reason="asked")
        asked.contact = {"how": "chat"}  # waiting in the chat
        asked.status = "waiting"
        left = open_case(db, conversation(db, "conv-left").id, reason="asked").reference
        asked, called = asked.reference, called.reference
    engine.dispose()
    sign_in(client, "lead")
    page = client.get("/console").text
    assert called in page and asked in page and quiet not in page and left not in page
    assert "Not listed: 2 cases with nothing to act on" in page


def test_outcomes_are_dated_counted_and_followed_up_at_13_and_26_weeks(client, app):  # noqa: F811
    reference, _ = _case(app, status="open")
    sign_in(client, "amira")
    csrf = _csrf(client.get(f"/console/cases/{reference}").text)
    client.post(f"/console/cases/{reference}/claim", data={"csrf": csrf})
    future = (utcnow() + timedelta(days=3)).date().isoformat()
    refused = client.post(f"/console/cases/{reference}/outcomes",
                          data={"csrf": csrf, "outcome": "training_part_time",
                                "happened_on": future})  # fmt: skip
    assert refused.status_code == 422 and "be in the future" in refused.text
    assert '<a href="#new-outcome-date">' in refused.text  # the summary goes to the date
    started = (utcnow() - timedelta(days=2)).date().isoformat()
    client.post(f"/console/cases/{reference}/outcomes", data={
        "csrf": csrf, "outcome": "training_part_time", "happened_on": started})  # fmt: skip
    client.post(f"/console/cases/{reference}/outcomes", data={
        "csrf": csrf, "outcome": "job_16h_plus", "happened_on": started})  # fmt: skip
    twice = client.post(f"/console/cases/{reference}/outcomes", data={
        "csrf": csrf, "outcome": "job_16h_plus", "happened_on": started})  # fmt: skip
    assert twice.status_code == 422 and "already recorded" in twice.text
    assert '<a href="#new-outcome">' in twice.text
    client.post(f"/console/cases/{reference}/close", data={
        "csrf": csrf, "outcome": "job_16h_plus", "happened_on": started})  # fmt: skip
    engine, sessions = _db(app)
    with session_scope(sessions) as db:
        case = db.execute(select(Case).where(Case.reference == reference)).scalar_one()
        assert case.status == "closed" and case.outcome == "job_16h_plus"
        kinds = sorted(db.execute(select(CaseOutcome.kind)).scalars())
        assert kinds == ["job_16h_plus", "training_part_time"]
        counted = db.execute(select(InsightEvent.detail, InsightEvent.result).where(
            InsightEvent.kind == "outcome_recorded")).all()  # fmt: skip
        dated = db.execute(select(InsightEvent.occurred_on).where(
            InsightEvent.kind == "outcome_recorded")).scalars().all()  # fmt: skip
        assert {d.isoformat() for d in dated} == {started}  # the day it happened
        assert sorted(counted) == [("job_16h_plus", "job_start"),
                                   ("training_part_time", "training_start")]  # fmt: skip
    assert "No follow-ups are due" in client.get("/console/follow-ups").text
    with time_machine.travel(utcnow() + timedelta(weeks=13, days=1)):
        sign_in(client, "callum")  # a colleague in the team, months later
        due = client.get("/console/follow-ups").text
        assert reference.replace("-", "") in due.replace("-", "")
        assert ">13 weeks</td>" in due and ">26 weeks</td>" not in due
        page = client.get(f"/console/cases/{reference}").text
        outcome_id = page.split('name="outcome_id" value="')[1].split('"')[0]
        recorded = client.post(f"/console/cases/{reference}/follow-ups", data={
            "csrf": _csrf(page), "outcome_id": outcome_id, "weeks": "13",
            "result": "sustained"})  # fmt: skip
        assert recorded.status_code in (200, 303)
        assert "No follow-ups are due" in client.get("/console/follow-ups").text
        again = client.post(f"/console/cases/{reference}/follow-ups", data={
            "csrf": _csrf(page), "outcome_id": outcome_id, "weeks": "13",
            "result": "sustained"})  # fmt: skip
        assert again.status_code == 409 and "already recorded" in again.text
    with session_scope(sessions) as db:
        assert db.execute(select(func.count()).where(
            InsightEvent.kind == "follow_up_recorded")).scalar() == 1  # fmt: skip
    engine.dispose()
