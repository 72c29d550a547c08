"""An insight dataset as a download, the same from the console and from the reporting API."""

from __future__ import annotations

from datetime import date

from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session

from bot.council.models import Council
from bot.insight import export
from bot.insight import service as insight


def export_response(
    db_session: Session, council: Council, dataset: str, ext: str, first: date, last: date,
    headers: dict[str, str],
) -> Response:  # fmt: skip
    """One dataset as a download: the console and the reporting API answer alike. By district,
    always the whole calendar quarter that holds the period's end (``quarter_of``)."""
    if dataset != "counts":
        first, last = insight.quarter_of(last)
    found = insight.rows(db_session=db_session, council_slug=council.slug, start=first, end=last)
    report = insight.report(
        db_session=db_session, council=council, start=first, end=last, found=found
    )
    records = export.dataset(dataset, report, found)
    name = export.filename(dataset, council.slug, first, last, ext)
    headers = {**headers, "Content-Disposition": f'attachment; filename="{name}"'}
    if ext == "json":
        return JSONResponse(export.as_json(dataset, report, records, council.slug),
                            headers=headers)  # fmt: skip
    return Response(export.as_csv(dataset, records), media_type="text/csv; charset=utf-8",
                    headers=headers)  # fmt: skip
