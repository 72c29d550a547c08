"""The officers' pages: the journey as counts, what residents asked that went unanswered, the
exports and the keys a council's reporting tools read with. Counts only: no page here shows
a resident's case, and officers can open no other page (``auth.require``).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from fastapi import APIRouter, Form, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from markupsafe import Markup

from bot.audit import service as audit
from bot.config import PROJECT_ROOT
from bot.console import auth
from bot.console.views import (
    HEADERS,
    TEAMS,
    done,
    outcome_context,
    problem,
    render,
    sessions_of,
)
from bot.council import service as council_service
from bot.database.core import session_scope
from bot.handoff import service as cases
from bot.insight import events, export, keys, unanswered
from bot.insight import service as insight
from bot.insight.service import Report

router = APIRouter(prefix="/console", include_in_schema=False)
CHART_JS = PROJECT_ROOT / "node_modules" / "chart.js" / "dist" / "chart.umd.min.js"
DEFAULT_WEEKS = 12
LONGEST = timedelta(days=3 * 366)  # a funder's period at most: keeps a report quick


class BadPeriod(ValueError):
    pass


def period(start: str | None, end: str | None, today: date) -> tuple[date, date]:
    """The dates asked for (YYYY-MM-DD), or the last 12 weeks to today."""
    try:
        last = date.fromisoformat(end) if end else today
        first = date.fromisoformat(start) if start else last - timedelta(weeks=DEFAULT_WEEKS)
    except ValueError:
        raise BadPeriod("Give dates as year-month-day, for example 2026-09-01.") from None
    if first > last:
        raise BadPeriod("The start date must be on or before the end date.")
    if last - first > LONGEST:
        raise BadPeriod("Choose a period of three years or less.")
    return first, last


def chart_data(report: Report) -> dict:
    """What the page's script draws; the same numbers are in the tables beside each chart."""
    weeks = [w.isoformat() for w in report.weeks]
    return {
        "weeks": weeks,
        "funnel": {"labels": [label for _k, label, _n in report.funnel],
                   "counts": [n for _k, _label, n in report.funnel]},
        "weekly": {label: [report.funnel_by_week.get(kind, {}).get(w, 0) for w in report.weeks]
                   for kind, label in events.FUNNEL[:2] + events.FUNNEL[3:4]},
        "waits": [report.waits_by_week.get(w) for w in report.weeks],
    }  # fmt: skip


def _asked_for(request: Request, session, start: str | None, end: str | None):
    """Who is asking (an officer, team lead or admin) and for which period; a period that
    can't be read raises ``Refused`` with the page that says why."""
    who = auth.require(request, session, insight=True)
    try:
        first, last = period(start, end, council_service.local_today(council_service.get_default()))
    except BadPeriod as exc:
        raise Refused(problem(request, who, str(exc), status=422)) from None
    return who, first, last


class Refused(Exception):
    def __init__(self, response: Response) -> None:
        super().__init__("refused")
        self.response = response


@router.get("/insight")
def insight_page(request: Request, start: str | None = None, end: str | None = None):
    council = council_service.get_default()
    with session_scope(sessions_of(request)) as session:
        try:
            who, first, last = _asked_for(request, session, start, end)
        except Refused as refused:
            return refused.response
        report = insight.report(session=session, council=council, start=first, end=last)
        hidden = cases.not_actionable(session=session, council_slug=council.slug)
        quarter_start, quarter_end = insight.quarter_of(last)
        quarterly = insight.report(session=session, council=council, start=quarter_start,
                                   end=quarter_end)  # fmt: skip
        return render(
            request, "insight.html", who, report=report, table=export.district_table(quarterly),
            quarter=quarterly, **outcome_context(council),
            charts=Markup(json.dumps(chart_data(report)).replace("<", "\\u003c")),
            labels=dict(events.FUNNEL), teams=TEAMS,
            not_actionable=hidden, datasets=export.DATASETS,
        )  # fmt: skip


@router.get("/insight/export.{ext}")
def export_file(request: Request, ext: str, dataset: str = "counts", start: str | None = None,
                end: str | None = None) -> Response:  # fmt: skip
    council = council_service.get_default()
    with session_scope(sessions_of(request)) as session:
        try:
            who, first, last = _asked_for(request, session, start, end)
        except Refused as refused:
            return refused.response
        if ext not in ("csv", "json") or dataset not in export.DATASETS:
            return problem(request, who, "There is no such export.", status=404)
        audit.record(session=session, staff_id=who.staff.id, action="insight_exported",
                     detail=f"{dataset}.{ext} {first} to {last}")  # fmt: skip
        return export_response(session, council, dataset, ext, first, last)


def export_response(session, council, dataset: str, ext: str, first: date, last: date):
    """One dataset as a download: the console and the reporting API answer alike. By district,
    always the whole calendar quarter that holds the period's end (``quarter_of``)."""
    if dataset != "counts":
        first, last = insight.quarter_of(last)
    found = insight.rows(session=session, council_slug=council.slug, start=first, end=last)
    report = insight.report(session=session, council=council, start=first, end=last, found=found)
    records = export.dataset(dataset, report, found)
    name = export.filename(dataset, council.slug, first, last, ext)
    headers = {**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'}
    if ext == "json":
        return JSONResponse(export.as_json(dataset, report, records, council.slug),
                            headers=headers)  # fmt: skip
    return Response(export.as_csv(dataset, records), media_type="text/csv; charset=utf-8",
                    headers=headers)  # fmt: skip


@router.get("/insight/schema/{dataset}.json")
def schema(request: Request, dataset: str, form: str = "json") -> Response:
    """The published schema of a dataset: JSON Schema, or Table Schema with ``form=table``."""
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session, insight=True)
        if dataset not in export.SCHEMAS or form not in ("json", "table"):
            return problem(request, who, "There is no such schema.", status=404)
        return JSONResponse(export.SCHEMAS[dataset][form], headers=HEADERS)


# ---- unanswered questions -------------------------------------------------------------------


@router.get("/insight/questions")
def questions_page(request: Request, start: str | None = None, end: str | None = None,
                   handled: bool = False) -> Response:  # fmt: skip
    council = council_service.get_default()
    with session_scope(sessions_of(request)) as session:
        try:
            who, first, last = _asked_for(request, session, start, end)
        except Refused as refused:
            return refused.response
        found = unanswered.groups(session=session, council_slug=council.slug, start=first,
                                  end=last, handled=handled)  # fmt: skip
        return render(request, "questions.html", who, groups=found, kinds=unanswered.KINDS,
                       handled=handled, first=first, last=last)  # fmt: skip


@router.post("/insight/questions/handled")
def mark_handled(request: Request, ids: str = Form(""), csrf: str = Form("")) -> Response:
    council = council_service.get_default()
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session, insight=True)
        auth.check_csrf(who, csrf)
        try:
            chosen = [int(i) for i in ids.split(",") if i.strip()][:5000]
        except ValueError:
            return problem(request, who, "Those questions could not be found.", status=422)
        marked = unanswered.mark_handled(session=session, council_slug=council.slug, ids=chosen,
                                         staff_id=who.staff.id)  # fmt: skip
        audit.record(session=session, staff_id=who.staff.id, action="questions_handled",
                     detail=str(marked))  # fmt: skip
    return done(request, "/console/insight/questions", marked=marked)


# ---- keys for the council's reporting tools -------------------------------------------------


@router.get("/insight/keys")
def keys_page(request: Request) -> Response:
    council = council_service.get_default()
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session, insight=True)
        return render(request, "insight_keys.html", who, new_key=None,
                       keys=keys.listed(session=session, council_slug=council.slug))  # fmt: skip


@router.post("/insight/keys")
def add_key(request: Request, name: str = Form(""), csrf: str = Form("")) -> Response:
    """A new key, shown once: only its hash is kept."""
    council = council_service.get_default()
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session, insight=True)
        auth.check_csrf(who, csrf)
        label = " ".join(name.split())[:80]
        if not label:
            return problem(request, who, "Give the key a name, such as the tool that uses it.",
                           status=422)  # fmt: skip
        secret = keys.create(session=session, council_slug=council.slug, name=label,
                             staff_id=who.staff.id)  # fmt: skip
        audit.record(session=session, staff_id=who.staff.id, action="insight_key_created",
                     detail=label)  # fmt: skip
        return render(request, "insight_keys.html", who, new_key=secret,
                       keys=keys.listed(session=session, council_slug=council.slug))  # fmt: skip


@router.post("/insight/keys/{key_id}/revoke")
def revoke_key(request: Request, key_id: int, csrf: str = Form("")) -> Response:
    council = council_service.get_default()
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session, insight=True)
        auth.check_csrf(who, csrf)
        if not keys.revoke(session=session, council_slug=council.slug, key_id=key_id):
            return problem(request, who, "There is no such key.", status=404)
        audit.record(session=session, staff_id=who.staff.id, action="insight_key_revoked",
                     detail=str(key_id))  # fmt: skip
    return done(request, "/console/insight/keys")


@router.get("/static/vendor/chart.umd.min.js")
def chart_library() -> Response:
    """Chart.js from the npm registry (package.json), served from here: never a CDN."""
    if not CHART_JS.is_file():
        return Response("Chart.js is not installed: run make run.", status_code=404)
    return FileResponse(CHART_JS, media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})  # fmt: skip
