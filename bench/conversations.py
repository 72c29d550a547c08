"""The conversation suite (``tests/e2e/conversations.yml``) through the gateway, as a score.

Starts the whole service (``worklocal run``) on free ports with a throwaway var/ directory and a
copy of the demo council open around the clock (as the test does), plays every exchange in a
conversation of its own, writes the details to ``var/conversation-suite.json`` and the score
(overall, per category, and the first failing turn of each failing exchange) into the
"Conversation suite" section of ``docs/benchmarks.md``.

``--base-url`` plays the suite against a service that is already running instead (nothing is
written to docs/benchmarks.md unless ``--write`` is given); ``--only`` picks exchanges by id or
category.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import write_section
from bot.config import PROJECT_ROOT
from tests.e2e import stack as stack_module
from tests.e2e.helpers import always_open
from tests.e2e.test_conversation_suite import (
    MUST_ALL_PASS,
    PASS_RATE,
    RESULTS,
    SUITE,
    load_exchanges,
    run_suite,
    write_results,
)

SECTION = "Conversation suite"


def on_own_stack(exchanges: list[dict], workers: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        council_file = Path(tmp) / "council.yml"
        shutil.copy(PROJECT_ROOT / "councils" / "demo.yml", council_file)
        stack = stack_module.start(Path(tmp) / "var", {"COUNCIL_FILE": str(council_file)})
        stack.council_file = council_file
        try:
            with always_open(stack):
                return run_suite(stack.base_url, exchanges, workers=workers)
        finally:
            stack_module.stop(stack)


def _cell(text: str, limit: int = 200) -> str:
    """Text fit for a Markdown table cell: one line, pipes escaped, cut to ``limit``."""
    text = " ".join(str(text).split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def report(summary: dict) -> str:
    rows = []
    for name, counts in summary["categories"].items():
        ids = [r["id"] for r in summary["exchanges"] if r["category"] == name and not r["passed"]]
        rows.append(f"| {name} | {counts['passed']}/{counts['total']} | {', '.join(ids) or '-'} |")
    failing = []
    for result in summary["exchanges"]:
        if result["passed"]:
            continue
        turn = result["first_failure"] or {}
        failing.append(
            f"| {result['id']} | {result['category']} | {turn.get('turn', '?')} | "
            f"{_cell(turn.get('sent', ''), 80)} | {_cell('; '.join(turn.get('problems', [])))} |"
        )
    must = [
        r["id"] for r in summary["exchanges"] if r["category"] in MUST_ALL_PASS and not r["passed"]
    ]
    met = not must and summary["rate"] >= PASS_RATE
    lines = [
        f"Every exchange in `{SUITE.relative_to(PROJECT_ROOT)}` is its own conversation through "
        "the gateway, Rasa and the action server (embedded defaults, the demo council open "
        "around the clock). A turn passes when the reply has what a resident needs and nothing "
        "it must not (key words, numbers, buttons, payload types, the questions asked). "
        f"Details of every turn: `{RESULTS.relative_to(PROJECT_ROOT)}` "
        "(`make bench-conversations`).",
        "",
        f"**{summary['passed']}/{summary['total']} exchanges passed ({summary['rate']:.0%})** in "
        f"{summary['seconds']:.0f} s. Target: at least {PASS_RATE:.0%}, and every "
        f"{', '.join(MUST_ALL_PASS)} exchange: {'met' if met else 'not met'}.",
        "",
        "| category | passed | failing |",
        "| --- | ---: | --- |",
        *rows,
    ]
    if failing:
        lines += [
            "",
            "Failing exchanges, with the first turn that failed:",
            "",
            "| exchange | category | turn | sent | what was wrong |",
            "| --- | --- | ---: | --- | --- |",
            *failing,
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="a running service instead of starting one")
    parser.add_argument("--only", nargs="*", help="exchange ids or categories")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--write", action="store_true", help="with --base-url: write the report")
    args = parser.parse_args()
    exchanges = load_exchanges()
    if args.only:
        exchanges = [e for e in exchanges if e["id"] in args.only or e["category"] in args.only]
    if args.base_url:
        summary = run_suite(args.base_url, exchanges, workers=args.workers, retries=2)
    else:
        summary = on_own_stack(exchanges, args.workers)
    write_results(summary)
    body = report(summary)
    print(body)
    if (not args.base_url or args.write) and not args.only:
        write_section(SECTION, body)


if __name__ == "__main__":
    main()
