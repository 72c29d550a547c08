"""The officers' pages: the journey as counts, what residents asked that went unanswered, the
exports and the keys a council's reporting tools read with. Counts only: no page here shows
a resident's case, and officers can open no other page (``auth.require``).
"""

from __future__ import annotations

import json
from datetime import date

from fastapi import APIRouter, Form, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from markupsafe import Markup

from bot.audit import service as audit
from bot.config import PROJECT_ROOT
from bot.console import auth
from bot.console.deps import DbSession, InsightReader, ThisCouncil
from bot.console.pages import HEADERS, TEAMS, done, outcome_context, problem, render
from bot.council import service as council_service
from bot.council.models import Council
from bot.handoff import service as cases
from bot.insight import downloads, events, export, keys, unanswered
from bot.insight import service as insight
from bot.insight.periods import BadPeriod, period
from bot.insight.service import Report

router = APIRouter(prefix="/console", include_in_schema=False)
CHART_JS = PROJECT_ROOT / "node_modules" / "chart.js" / "dist" / "chart.umd.min.js"


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


def _dates(start: str | None, end: str | None, council: Council) -> tuple[date, date]:
    return period(start, end, council_service.local_today(council))


@router.get("/insight")
def insight_page(
    request: Request, who: InsightReader, db_session: DbSession, council: ThisCouncil,
    start: str | None = None, end: str | None = None,
) -> Response:  # fmt: skip
    try:
        first, last = _dates(start, end, council)
    except BadPeriod as exc:
        return problem(request, who, str(exc), status=422)
    report = insight.report(db_session=db_session, council=council, start=first, end=last)
    hidden = cases.not_actionable(
        db_session=db_session, council_slugs=council_service.covered_by(council.slug)
    )
    quarter_start, quarter_end = insight.quarter_of(last)
    quarterly = insight.report(db_session=db_session, council=council, start=quarter_start,
                               end=quarter_end)  # fmt: skip
    return render(
        request, "insight.html", who, report=report, table=export.district_table(quarterly),
        quarter=quarterly, **outcome_context(council),
        charts=Markup(json.dumps(chart_data(report)).replace("<", "\\u003c")),
        labels=dict(events.FUNNEL), teams=TEAMS,
        not_actionable=hidden, datasets=export.DATASETS,
    )  # fmt: skip


@router.get("/insight/export.{ext}")
def export_file(
    request: Request, ext: str, who: InsightReader, db_session: DbSession, council: ThisCouncil,
    dataset: str = "counts", start: str | None = None, end: str | None = None,
) -> Response:  # fmt: skip
    try:
        first, last = _dates(start, end, council)
    except BadPeriod as exc:
        return problem(request, who, str(exc), status=422)
    if ext not in ("csv", "json") or dataset not in export.DATASETS:
        return problem(request, who, "There is no such export.", status=404)
    audit.record(db_session=db_session, staff_id=who.staff.id, action="insight_exported",
                 detail=f"{dataset}.{ext} {first} to {last}")  # fmt: skip
    return downloads.export_response(db_session, council, dataset, ext, first, last, HEADERS)


@router.get("/insight/schema/{dataset}.json")
def schema(request: Request, dataset: str, who: InsightReader, form: str = "json") -> Response:
    """The published schema of a dataset: JSON Schema, or Table Schema with ``form=table``."""
    if dataset not in export.SCHEMAS or form not in ("json", "table"):
        return problem(request, who, "There is no such schema.", status=404)
    return JSONResponse(export.SCHEMAS[dataset][form], headers=HEADERS)


# ---- unanswered questions -------------------------------------------------------------------


@router.get("/insight/questions")
def questions_page(
    request: Request, who: InsightReader, db_session: DbSession, council: ThisCouncil,
    start: str | None = None, end: str | None = None, handled: bool = False,
) -> Response:  # fmt: skip
    try:
        first, last = _dates(start, end, council)
    except BadPeriod as exc:
        return problem(request, who, str(exc), status=422)
    found = unanswered.groups(db_session=db_session, council_slug=council.slug, start=first,
                              end=last, handled=handled)  # fmt: skip
    return render(request, "questions.html", who, groups=found, kinds=unanswered.KINDS,
                   handled=handled, first=first, last=last)  # fmt: skip


@router.post("/insight/questions/handled")
def mark_handled(
    request: Request, who: InsightReader, db_session: DbSession, council: ThisCouncil,
    ids: str = Form(""), csrf: str = Form(""),
) -> Response:  # fmt: skip
    auth.check_csrf(who, csrf)
    try:
        chosen = [int(i) for i in ids.split(",") if i.strip()][:5000]
    except ValueError:
        return problem(request, who, "Those questions could not be found.", status=422)
    marked = unanswered.mark_handled(
        db_session=db_session, council_slug=council.slug, ids=chosen, staff_id=who.staff.id
    )
    audit.record(db_session=db_session, staff_id=who.staff.id, action="questions_handled",
                 detail=str(marked))  # fmt: skip
    return done(request, "/console/insight/questions", marked=marked)


# ---- keys for the council's reporting tools -------------------------------------------------


@router.get("/insight/keys")
def keys_page(
    request: Request, who: InsightReader, db_session: DbSession, council: ThisCouncil
) -> Response:
    return render(
        request,
        "insight_keys.html",
        who,
        new_key=None,
        keys=keys.listed(db_session=db_session, council_slug=council.slug),
    )


@router.post("/insight/keys")
def add_key(
    request: Request, who: InsightReader, db_session: DbSession, council: ThisCouncil,
    name: str = Form(""), csrf: str = Form(""),
) -> Response:  # fmt: skip
    """A new key, shown once: only its hash is kept."""
    auth.check_csrf(who, csrf)
    label = " ".join(name.split())[:80]
    if not label:
        return problem(request, who, "Give the key a name, such as the tool that uses it.",
                       status=422)  # fmt: skip
    secret = keys.create(db_session=db_session, council_slug=council.slug, name=label,
                         staff_id=who.staff.id)  # fmt: skip
    audit.record(db_session=db_session, staff_id=who.staff.id, action="insight_key_created",
                 detail=label)  # fmt: skip
    return render(
        request,
        "insight_keys.html",
        who,
        new_key=secret,
        keys=keys.listed(db_session=db_session, council_slug=council.slug),
    )


@router.post("/insight/keys/{key_id}/revoke")
def revoke_key(
    request: Request, key_id: int, who: InsightReader, db_session: DbSession,
    council: ThisCouncil, csrf: str = Form(""),
) -> Response:  # fmt: skip
    auth.check_csrf(who, csrf)
    if not keys.revoke(db_session=db_session, council_slug=council.slug, key_id=key_id):
        return problem(request, who, "There is no such key.", status=404)
    audit.record(db_session=db_session, staff_id=who.staff.id, action="insight_key_revoked",
                 detail=str(key_id))  # fmt: skip
    return done(request, "/console/insight/keys")


@router.get("/static/vendor/chart.umd.min.js")
def chart_library() -> Response:
    """Chart.js from the npm registry (package.json), served from here: never a CDN."""
    if not CHART_JS.is_file():
        return Response("Chart.js is not installed: run make run.", status_code=404)
    return FileResponse(CHART_JS, media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})  # fmt: skip
