"""The reporting API: a council's own tools read its insight with a key made in the console.

``GET /api/v1/insight/{dataset}.{csv|json}?start=&end=`` with ``Authorization: Bearer <key>``.
The same datasets and schemas as the console's downloads (``bot.insight.export``).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import sessionmaker

from bot.audit import service as audit
from bot.council import service as council_service
from bot.database.core import session_scope
from bot.deps import sessions
from bot.insight import downloads, export, keys
from bot.insight.periods import BadPeriod, period

router = APIRouter(include_in_schema=False)
PRIVATE = {"Cache-Control": "no-store"}


def _refused(status: int, message: str) -> JSONResponse:
    headers = {**PRIVATE, **({"WWW-Authenticate": "Bearer"} if status == 401 else {})}
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


@router.get("/api/v1/insight/{dataset}.{ext}")
def read(
    request: Request,
    dataset: str,
    ext: str,
    start: str | None = None,
    end: str | None = None,
    factory: sessionmaker = Depends(sessions),
) -> Response:
    scheme, _, secret = request.headers.get("authorization", "").partition(" ")
    with session_scope(factory) as db_session:
        key = keys.find(db_session=db_session, secret=secret.strip()) \
            if scheme.lower() == "bearer" else None  # fmt: skip
        try:  # a key reads its own council's insight, whichever address it is sent to
            council = council_service.get(key.council_slug) if key else None
        except council_service.UnknownCouncil:
            council = None
        if key is None or council is None:
            return _refused(401, "Send a key made in the console's insight pages, as "
                                 "'Authorization: Bearer <key>'.")  # fmt: skip
        if dataset not in export.DATASETS or ext not in ("csv", "json"):
            return _refused(404, f"Datasets: {', '.join(export.DATASETS)}; as .csv or .json.")
        try:
            first, last = period(start, end, council_service.local_today(council))
        except BadPeriod as exc:
            return _refused(422, str(exc))
        audit.record(db_session=db_session, staff_id=None, action="insight_read_by_key",
                     detail=f"{key.name}: {dataset}.{ext} {first} to {last}")  # fmt: skip
        return downloads.export_response(db_session, council, dataset, ext, first, last, PRIVATE)
