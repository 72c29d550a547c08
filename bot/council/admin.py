"""The operator's council commands: list the councils, check council files, add a council.

A file is checked alone (its shape, its routing rules exist) and with the others (no slug or
host name may mean two councils), so a new council can't take another's residents' address.
"""

from __future__ import annotations

import shutil
from pathlib import Path

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
