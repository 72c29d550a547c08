"""``worklocal load-demo``: the demo council's catalogue, through the real importers."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.booking import rota
from bot.booking.models import Adviser
from bot.catalogue.course.models import Course
from bot.catalogue.imports import flows
from bot.catalogue.imports.report import ImportReport
from bot.catalogue.organisation.models import Organisation
from bot.council.models import Council
from bot.demo.generate import write_feeds, write_neighbour_feeds

ROTA = Path(__file__).with_name("rota.yml")
NEIGHBOUR_ROTA = Path(__file__).with_name("rota_vale.yml")
# A college serving both demo councils: its courses are shared, as a real regional college's
# feed is imported with ``--shared``.
REGIONAL_PROVIDER = "Northern Skills Partnership (demo)"
# Demo console accounts share one published password: the demo council is fictional and its
# data is made up. A real council creates accounts with ``worklocal add-staff``.
DEMO_PASSWORD = "demo-console-2026"
DEMO_DOMAIN = "demo.worklocal.example"
DEMO_LEADS = (("lead", "Lena", "Lena (demo team lead)", "team_lead"),
              ("admin", "Ade", "Ade (demo admin)", "admin"),
              ("officer", "Olu", "Olu (demo officer)", "officer"))  # fmt: skip


class DemoLoadError(RuntimeError):
    pass


def load(folder: Path, *, council: Council, db_session: Session) -> list[ImportReport]:
    """Write the demo feeds into ``folder`` and import them, then the council's advisers' rota
    (whose venues come from the feeds); all or nothing."""
    reports = _import(write_feeds(folder), "demo", council, db_session)
    provider = select(Organisation.id).where(Organisation.name == REGIONAL_PROVIDER)
    shared = update(Course).where(Course.provider_id.in_(provider)).values(council_slug=None)
    db_session.execute(shared.execution_options(synchronize_session=False))
    rota.load(ROTA, council_slug=council.slug, db_session=db_session)
    load_staff(db_session=db_session, council_slug=council.slug)
    load_operator(db_session=db_session, council_slug=council.slug)
    return reports


def load_operator(*, db_session: Session, council_slug: str) -> None:
    """The demo deployment's operator (``operator@demo.worklocal.example``), who adds councils
    and their first admins and sees none of their data; filed under the home council."""
    from bot.staff import service as staff
    from bot.staff.models import ROLES

    email = f"operator@{DEMO_DOMAIN}"
    if staff.by_email(db_session=db_session, email=email) is None:
        staff.create(db_session=db_session, council_slug=council_slug, email=email,
                     first_name="Ola", full_name="Ola (demo operator)", password=DEMO_PASSWORD,
                     role="operator", roles=ROLES)  # fmt: skip


def load_neighbour(folder: Path, *, council: Council, db_session: Session) -> list[ImportReport]:
    """The second demo council (Demo Vale): its own jobs and advisers on top of the shared
    postcodes, venues and regional and online provision ``load`` brought."""
    reports = _import(write_neighbour_feeds(folder), council.slug, council, db_session)
    rota.load(NEIGHBOUR_ROTA, council_slug=council.slug, db_session=db_session)
    load_staff(db_session=db_session, council_slug=council.slug,
               domain=f"{council.slug}.worklocal.example")  # fmt: skip
    return reports


def _import(
    files: dict[str, Path], prefix: str, council: Council, db_session: Session
) -> list[ImportReport]:
    """Each feed through the real importer, as the council's (sources named prefix-kind)."""
    reports = []
    for kind, path in files.items():
        report = flows.run(kind, path, db_session=db_session, council_slug=council.slug,
                           source=f"{prefix}-{kind}")  # fmt: skip
        reports.append(report)
        if not report.ok:
            raise DemoLoadError(report.summary())
    return reports


def load_staff(
    *, db_session: Session, council_slug: str, domain: str = DEMO_DOMAIN, advisers: bool = True
) -> int:
    """A console account for each demo adviser and a team lead and an admin; existing accounts
    are left as they are, so re-loading never resets a password someone changed."""
    from bot.staff import service as staff

    made = 0
    rota_advisers = db_session.execute(
        select(Adviser).where(Adviser.council_slug == council_slug, Adviser.active)
    ).scalars()
    people = [(a.key, a.first_name, f"{a.first_name} (demo adviser)", "adviser",
               sorted({a.team, *(a.offers or [])}), a.key) for a in rota_advisers] \
        if advisers else []  # fmt: skip
    people += [(key, first, full, role, [], None) for key, first, full, role in DEMO_LEADS]
    for key, first, full, role, offers, adviser_key in people:
        email = f"{key}@{domain}"
        if staff.by_email(db_session=db_session, email=email) is None:
            staff.create(db_session=db_session, council_slug=council_slug, email=email,
                         first_name=first, full_name=full,
                         password=DEMO_PASSWORD, role=role, offers=offers,
                         adviser_key=adviser_key)  # fmt: skip
            made += 1
    return made
