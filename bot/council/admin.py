"""The operator's council commands: list the councils, check council files, add a council.

A file is checked alone (its shape, its routing rules exist) and with the others (no slug or
host name may mean two councils), so a new council can't take another's residents' address.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import yaml

from bot.config import get_settings
from bot.council import service
from bot.council.models import Council
from bot.pathways import config as pathways_config


def listing() -> str:
    home = service.home()
    rows = []
    for council in service.get_all():
        where = ", ".join(council.domains) or f"?council={council.slug}, /c/{council.slug}/"
        mark = " (home: requests that name no council)" if council is home else ""
        rows.append(f"{council.slug}: {council.name}, {council.service_name}; {where}{mark}")
    return "\n".join(rows)


def _problems_alone(path: Path) -> tuple[list[str], Council | None]:
    try:
        council = service.load(path)
    except service.CouncilConfigError as exc:
        return [str(exc)], None
    problems = []
    logo = service.logo_path(council)  # served from the deployment's folder, wherever the file is
    if logo is not None and not logo.is_file():
        problems.append(f"{path}: the logo {council.branding.logo!r} isn't in {logo.parent}")
    for name in council.routing_rules:
        try:
            rules = pathways_config.named(name)
        except Exception as exc:  # the rules loader raises its own and YAML's errors
            problems.append(f"{path}: routing rules {name!r} can't be used: {exc}")
            continue
        try:
            rules = pathways_config.in_force(council.copy(update={"offers": None}),
                                             rules.valid_from)  # fmt: skip
        except Exception as exc:  # the local rules broke the national schema
            problems.append(f"{path}: {exc}")
            continue
        unknown = set(council.offers or []) - {o.key for o in rules.offers}
        if unknown:
            problems.append(f"{path}: offers {sorted(unknown)} are not in the routing rules "
                            f"{name!r}")  # fmt: skip
    return problems, council


def validate(paths: list[Path]) -> list[str]:
    """Every problem with the given files, or with all the deployment's files when none."""
    if not paths:
        settings = get_settings()
        home = settings.council_file.resolve()
        others = sorted(settings.effective_councils_dir.glob("*.yml"))
        paths = [settings.council_file, *(p for p in others if p.resolve() != home)]
    problems: list[str] = []
    loaded: list[tuple[Council, str]] = []
    for path in paths:
        found, council = _problems_alone(path)
        problems += found
        if council is not None:
            loaded.append((council, str(path)))
    if loaded and not problems:
        try:
            service.registry_of([c for c, _ in loaded], home=loaded[0][0],
                                names=[n for _, n in loaded])  # fmt: skip
        except service.CouncilConfigError as exc:
            problems.append(str(exc))
    return problems


def add(path: Path) -> tuple[list[str], Council | None]:
    """Check the file with the councils already served, then copy it into the councils'
    folder as ``SLUG.yml``; it is served from the next request on (no restart)."""
    problems, council = _problems_alone(path)
    if council is None or problems:
        return problems, None
    current = service.get_all()
    if any(c.slug == council.slug for c in current):
        return [f"{path}: a council with the slug {council.slug!r} is served already"], None
    try:
        service.registry_of([*current, council], home=current[0],
                            names=[c.slug for c in current] + [str(path)])  # fmt: skip
    except service.CouncilConfigError as exc:
        return [str(exc)], None
    target = get_settings().effective_councils_dir / f"{council.slug}.yml"
    if target.exists():
        return [f"{target} exists already; choose another slug"], None
    shutil.copyfile(path, target)
    return [], council


# The operator's form for a new council: what differs between councils from the first day.
# Everything else (hours, booking rules, retention, branding) starts from the national template
# and is changed in the council's own file.
FORM_FIELDS = {  # field: (label, what to enter)
    "slug": (
        "Short name",
        "a short name for addresses, like demo-vale (lower-case letters, digits and hyphens)",
    ),
    "name": ("Council", "the council's name, like Demo Vale Council"),
    "service_name": ("Service name", "what residents call the service, like Vale Works"),
    "area_name": ("Area", "the area's name, like Demo Vale"),
    "local_authority_codes": (
        "Local authority codes",
        "the area's ONS local authority codes, like E08000035",
    ),
    "phone": ("Phone", "the service's phone number"),
    "email": ("Email", "the service's email address"),
    "emergency_housing_phone": ("Emergency housing phone", "the emergency housing line"),
    "example_postcode": ("Example postcode", "a postcode in the area, like DB9 1AA"),
}
_SLUG = re.compile(r"^[a-z0-9-]{2,40}$")
_LA_CODE = re.compile(r"^[EWSN]\d{8}$")
STARTING_HOURS = {day: ["09:00", "17:00"] for day in ("monday", "tuesday", "wednesday",
                                                      "thursday", "friday")}  # fmt: skip


def national_offers() -> list[tuple[str, str]]:
    """The national rule set's offers (key, name), for the form's choices."""
    rules = pathways_config.named(service.home().routing_rules[-1])
    return [(offer.key, offer.name) for offer in rules.offers]


def draft(form: dict[str, str], offers: list[str]) -> tuple[dict, list[tuple[str, str]]]:
    """A new council's configuration from the operator's form, and what to fix in it as (field,
    words) pairs: every field is needed, and each must look like what it is."""
    given = {key: (form.get(key) or "").strip() for key in FORM_FIELDS}
    fixes = [(key, f"Enter {words}") for key, (_, words) in FORM_FIELDS.items() if not given[key]]
    codes = [c.strip().upper() for c in re.split(r"[,\s]+", given["local_authority_codes"]) if c]
    if given["slug"] and not _SLUG.match(given["slug"]):
        fixes.append(("slug", "The short name can only have lower-case letters, digits and "
                              "hyphens (2 to 40)"))  # fmt: skip
    if codes and not all(_LA_CODE.match(c) for c in codes):
        fixes.append(("local_authority_codes", "Local authority codes look like E08000035: a "
                                               "letter and eight digits"))  # fmt: skip
    if given["email"] and "@" not in given["email"]:
        fixes.append(("email", "Enter an email address, like team@council.gov.uk"))
    known = {key for key, _ in national_offers()}
    chosen = [o for o in offers if o in known]
    if not chosen:
        fixes.append(("offers", "Choose at least one offer the council runs"))
    raw = {key: value for key, value in given.items() if key != "local_authority_codes"}
    raw |= {"local_authority_codes": codes, "offers": chosen, "opening_hours": STARTING_HOURS}
    return raw, fixes


def add_drafted(raw: dict, *, added_by: str, today: str) -> tuple[list[str], Council | None]:
    """Write a drafted council to its own file, checked as ``add`` checks one an operator
    wrote, with a note at the top of what came from the template."""
    name, added_by = (" ".join(str(words).split()) for words in (raw.get("name"), added_by))
    heading = (  # one line each: nothing typed may start a line of YAML of its own
        f"# {name}: added in the console by {added_by} on {today}. Opening hours,\n"
        "# booking rules, retention and branding are the national template's: change them\n"
        "# here, then run 'worklocal council validate'.\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{raw.get('slug') or 'council'}.yml"
        path.write_text(heading + yaml.safe_dump(raw, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")  # fmt: skip
        problems, council = add(path)
    return [
        p.replace(f"{path}: ", "").replace(str(path), "the new council") for p in problems
    ], council
