"""``worklocal load-demo``: the demo council's catalogue, through the real importers."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from bot.booking import rota
from bot.catalogue.imports import flows
from bot.catalogue.imports.report import ImportReport
from bot.demo.generate import write_feeds

ROTA = Path(__file__).with_name("rota.yml")


class DemoLoadError(RuntimeError):
    pass


def load(folder: Path, *, db_session: Session) -> list[ImportReport]:
    """Write the demo feeds into ``folder`` and import them, then the advisers' rota (whose
    venues come from the feeds); all or nothing."""
    reports = []
    for kind, path in write_feeds(folder).items():
        report = flows.run(kind, path, db_session=db_session, source=f"demo-{kind}")
        reports.append(report)
        if not report.ok:
            raise DemoLoadError(report.summary())
    rota.load(ROTA, db_session=db_session)
    return reports
