"""``worklocal``: the operator's commands. ``make`` targets call these, so make is optional."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from bot.config import get_settings

# The import kinds, named here so `worklocal --help` needs no database code loaded.
FLOW_KINDS = ("postcodes", "oruk", "courses", "apprenticeships", "jobpostings", "csv")
# `worklocal run --rasa-servers 2 ...`: each option and the setting it overrides.
SCALE_OPTIONS = {
    "action_servers": "ACTION_SERVERS",
    "rasa_servers": "RASA_SERVERS",
    "api_processes": "API_PROCESSES",
}


def cmd_migrate(_args: argparse.Namespace) -> int:
    from bot.database import migrate

    settings = get_settings()
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    migrate.upgrade(settings.effective_database_url)
    print(f"Database is up to date: {_safe_url(settings.effective_database_url)}")
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from bot.assistant import training

    path, trained = training.ensure_trained(get_settings().models_dir)
    print(f"{'Trained' if trained else 'Model is up to date'}: {path}")
    return 0


def _council(args: argparse.Namespace):
    """The council a command is for: ``--council SLUG``, else the home council."""
    from bot.council import service as council_service

    slug = getattr(args, "council", None)
    if not slug:
        return council_service.home()
    try:
        return council_service.get(slug)
    except council_service.UnknownCouncil:
        known = ", ".join(c.slug for c in council_service.get_all())
        print(f"No council {slug!r} here; the councils are: {known}", file=sys.stderr)
        raise SystemExit(2) from None


def cmd_load_demo(args: argparse.Namespace) -> int:
    from bot.council import service as council_service
    from bot.database.core import session_scope
    from bot.demo import insight as demo_insight
    from bot.demo import loader

    home = council_service.home()
    chosen = [_council(args)] if getattr(args, "council", None) else council_service.get_all()
    for council in chosen:
        if not council.demo:
            print(f"Council configuration loaded: {council.name}, phone {council.phone}")
            continue
        with session_scope() as db_session:
            # The home demo council brings the shared catalogue; any other demo council (Demo
            # Vale) adds its own jobs and advisers to it.
            if council.members:  # a combined authority: its own staff, its members' data
                loader.load_staff(
                    db_session=db_session,
                    council_slug=council.slug,
                    domain=f"{council.slug}.worklocal.example",
                    advisers=False,
                )
                print(f"Demo accounts made for {council.name}")
                continue
            load = loader.load if council.slug == home.slug else loader.load_neighbour
            reports = load(get_settings().var_dir / "demo" / council.slug, council=council,
                           db_session=db_session)  # fmt: skip
            demo_insight.load(db_session=db_session, council=council,
                              today=council_service.local_today(council))  # fmt: skip
        counts = ", ".join(f"{r.kind} {r.added + r.updated}" for r in reports)
        print(f"Demo data loaded for {council.name} (fictional, labelled as demo data): {counts}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Exit 0 when the file was written, 1 when nothing was (the report says why)."""
    import json
    from pathlib import Path

    from bot.catalogue.imports import flows
    from bot.database.core import session_scope

    with session_scope() as db_session:
        report = flows.run(
            args.kind,
            Path(args.file),
            db_session=db_session,
            council_slug=None if args.shared else _council(args).slug,
            source=args.source,
            skip_invalid=args.skip_invalid,
        )
        if not report.ok:
            db_session.rollback()
    print(json.dumps(report.as_dict(), indent=2) if args.json else report.summary())
    return 0 if report.ok else 1


def cmd_import_rota(args: argparse.Namespace) -> int:
    """Exit 0 when the rota was loaded, 1 when nothing was (every problem is listed)."""
    from pathlib import Path

    from bot.booking import rota
    from bot.database.core import session_scope

    try:
        with session_scope() as db_session:
            report = rota.load(Path(args.file), council_slug=_council(args).slug,
                               db_session=db_session)  # fmt: skip
    except rota.RotaError as exc:
        print(f"The rota in {args.file} was not loaded; nothing was changed:")
        for problem in exc.problems:
            print(f"  {problem}")
        return 1
    print(report.summary())
    return 0


def cmd_add_staff(args: argparse.Namespace) -> int:
    """Create a console account; the password is read from standard input, never an argument
    (which other users of the machine could see in the process list)."""
    import getpass

    from bot.database.core import session_scope
    from bot.staff import service as staff
    from bot.staff.models import ROLES

    if args.role == "operator" and args.council:  # the deployment's, filed under the home council
        print("An operator is no council's: leave out --council.", file=sys.stderr)
        return 2
    if sys.stdin.isatty():
        password = getpass.getpass("Password (at least 12 characters): ")
    else:
        password = sys.stdin.readline().rstrip("\n")
    try:
        with session_scope() as db_session:
            made = staff.create(
                db_session=db_session, council_slug=_council(args).slug, email=args.email,
                roles=ROLES,
                first_name=args.first_name,
                full_name=args.full_name or args.first_name, password=password, role=args.role,
                offers=[o for o in (args.offers or "").split(",") if o],
                adviser_key=args.adviser_key,
            )  # fmt: skip
            print(f"Created {made.role.replace('_', ' ')} account for {made.email}")
    except staff.InvalidAccount as exc:
        print(f"No account was created: {exc}")
        return 1
    return 0


def cmd_council(args: argparse.Namespace) -> int:
    """``council list``, ``council validate [FILE...]`` and ``council add FILE``: exit 1 when a
    file is refused (every problem printed), 0 otherwise."""
    from bot.council import admin

    if args.action == "list":
        print(admin.listing())
        return 0
    if args.action == "validate":
        problems = admin.validate([Path(f) for f in args.files])
    else:
        if len(args.files) != 1:
            print("Give one council file to add.", file=sys.stderr)
            return 2
        problems, added = admin.add(Path(args.files[0]))
        if added is not None:
            print(f"Added {added.name} ({added.slug}): its widget is ?council={added.slug}, "
                  f"its pages /c/{added.slug}/. Load its rota with "
                  f"'worklocal import-rota FILE --council {added.slug}'.")  # fmt: skip
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems and args.action == "validate":
        print("Every council file is valid.")
    return 1 if problems else 0


def cmd_setup(args: argparse.Namespace) -> int:
    """Everything ``run`` needs before it starts: database, council data and model (which a
    container image has built in already: ``--no-train``)."""
    steps = (cmd_migrate, cmd_load_demo) if getattr(args, "no_train", False) else (
        cmd_migrate, cmd_load_demo, cmd_train)  # fmt: skip
    for step in steps:
        step(args)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    import os

    from bot import supervisor
    from bot.assistant import internal_auth, training

    for option, variable in SCALE_OPTIONS.items():
        if getattr(args, option) is not None:
            os.environ[variable] = str(getattr(args, option))  # the children read it too
    if not os.environ.get(internal_auth.ENV):  # a new secret for this start's processes
        os.environ[internal_auth.ENV] = internal_auth.new_token()
    get_settings.cache_clear()
    settings = get_settings()
    problem = supervisor.scale_problem(settings)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if not args.no_setup:
        cmd_setup(args)
    model = training.model_path(settings.models_dir)
    if not model.is_file():
        print(f"No trained model at {model}: run 'worklocal train' first.", file=sys.stderr)
        return 1
    print(
        "Starting the action server, the Rasa server and the API "
        "(Rasa takes about 45 seconds to load its model)...",
        flush=True,
    )
    return supervisor.supervise(supervisor.children(settings, model), settings)


def cmd_serve(args: argparse.Namespace) -> int:
    """One process in the foreground, as a container runs it: nothing is set up first (run
    ``worklocal migrate`` and ``worklocal train`` as their own steps, see docs/deploy.md)."""
    import os

    from bot import supervisor
    from bot.assistant import endpoints, internal_auth, training

    settings = get_settings()
    refused = internal_auth.problem(settings.internal_token)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    host = args.host or "0.0.0.0"
    if args.role == "actions":
        command = supervisor.actions_command(port=args.port or settings.action_port)
        os.environ["SANIC_HOST"] = host
    elif args.role == "rasa":
        model = training.model_path(settings.models_dir)
        if not model.is_file():
            print(f"No trained model at {model}: run 'worklocal train' first.", file=sys.stderr)
            return 1
        command = supervisor.rasa_command(
            model=model, endpoints=endpoints.write(settings), interface=host,
            port=args.port or settings.rasa_port,
        )  # fmt: skip
    else:
        command = supervisor.api_command(
            host=host, port=args.port or settings.port, log_level=settings.log_level,
            forwarded_allow_ips=settings.forwarded_allow_ips,
        )  # fmt: skip
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.execv(sys.executable, command)  # the container's main process becomes the server


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="worklocal", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="apply database migrations").set_defaults(func=cmd_migrate)
    sub.add_parser("train", help="train the Rasa model if its inputs changed").set_defaults(
        func=cmd_train
    )
    demo_parser = sub.add_parser("load-demo", help="load a demo council's data")
    demo_parser.add_argument("--council", help="its slug (default: the home council)")
    demo_parser.set_defaults(func=cmd_load_demo)
    imp = sub.add_parser("import", help="import a file into the catalogue (see docs/importing.md)")
    imp.add_argument("kind", choices=sorted(FLOW_KINDS), help="the file's format")
    imp.add_argument("file", help="path of the file to import")
    imp.add_argument("--source", help="name of the feed, so re-imports update in place")
    imp.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows even if some are refused"
    )
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    owner = imp.add_mutually_exclusive_group()
    owner.add_argument("--council", help="whose local records (default: the home council)")
    owner.add_argument("--shared", action="store_true",
                       help="regional provision every council's residents may use")  # fmt: skip
    imp.set_defaults(func=cmd_import)
    rota_parser = sub.add_parser(
        "import-rota", help="load the advisers' rota (see docs/booking.md)"
    )
    rota_parser.add_argument("file", help="path of the rota file (YAML)")
    rota_parser.add_argument("--council", help="whose advisers (default: the home council)")
    rota_parser.set_defaults(func=cmd_import_rota)
    staff_parser = sub.add_parser(
        "add-staff", help="create an adviser console account (password on standard input)"
    )
    staff_parser.add_argument("email")
    staff_parser.add_argument("first_name", help="the name residents see in a live chat")
    staff_parser.add_argument("--full-name")
    staff_parser.add_argument(
        "--role",
        default="adviser",
        help="adviser, team_lead, admin, officer (the insight only) or operator (the "
        "deployment's: adds councils and their first admins, sees no resident data)",
    )
    staff_parser.add_argument("--offers", help="comma-separated, e.g. youth_pathways")
    staff_parser.add_argument("--adviser-key", help="the adviser's key in the rota file")
    staff_parser.add_argument("--council", help="whose console (default: the home council)")
    staff_parser.set_defaults(func=cmd_add_staff)
    council_parser = sub.add_parser("council", help="the councils this deployment serves")
    council_parser.add_argument("action", choices=("list", "validate", "add"))
    council_parser.add_argument("files", nargs="*", help="council files (validate, add)")
    council_parser.set_defaults(func=cmd_council)
    setup = sub.add_parser("setup", help="migrate, load demo data, train if stale")
    setup.add_argument("--no-train", action="store_true", help="the model is built already")
    setup.set_defaults(func=cmd_setup)
    run = sub.add_parser("run", help="set up, then start and supervise the whole service")
    run.add_argument("--no-setup", action="store_true", help="skip migrate/load-demo/train")
    for option, variable in SCALE_OPTIONS.items():
        run.add_argument(
            f"--{option.replace('_', '-')}", type=int, choices=range(1, 17), metavar="N",
            help=f"how many to start (default 1, or {variable}); more than one of Rasa or "
            "the API needs PostgreSQL and Redis",
        )  # fmt: skip
    run.set_defaults(func=cmd_run)
    serve = sub.add_parser(
        "serve", help="run one process in the foreground (for containers; no setup)"
    )
    serve.add_argument("role", choices=("api", "rasa", "actions"))
    serve.add_argument("--host", help="interface to listen on (default 0.0.0.0)")
    serve.add_argument("--port", type=int, help="default PORT, RASA_PORT or ACTION_PORT")
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=get_settings().log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in ("httpx", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
