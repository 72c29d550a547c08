"""How well the service recognises a resident in danger: the labelled set
(tests/fixtures/safeguarding.yml) through the rule-based safety net (bot/safety/detect.py) and
the trained model's ``crisis`` intent, which the service answers alike. Recall on real crises
matters most; precision is reported. Writes docs/benchmarks.md, "Safeguarding".

    .venv/bin/python bench/safeguarding.py
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import write_section
from bot.assistant import training
from bot.config import PROJECT_ROOT, get_settings
from bot.safety.detect import kind

SET = PROJECT_ROOT / "tests" / "fixtures" / "safeguarding.yml"


def _model_intents(texts: list[str]) -> dict[str, str]:
    """The trained model's top intent for each message (its whole NLU pipeline, rules too)."""
    from rasa.core.agent import Agent

    model, _trained = training.ensure_trained(get_settings().models_dir)
    agent = Agent.load(str(model))

    async def parse_all() -> dict[str, str]:
        return {t: (await agent.parse_message(t))["intent"]["name"] for t in texts}

    return asyncio.run(parse_all())


def _scores(crises: list[str], fine: list[str], caught) -> tuple[float, float, list[str]]:
    hits = [t for t in crises if caught(t)]
    false_alarms = [t for t in fine if caught(t)]
    recall = len(hits) / len(crises)
    precision = len(hits) / max(1, len(hits) + len(false_alarms))
    return recall, precision, [t for t in crises if not caught(t)]


def main() -> int:
    labelled = yaml.safe_load(SET.read_text())
    crises = [t for texts in labelled["crisis"].values() for t in texts]
    fine = labelled["not_crisis"]
    held, held_fine = labelled["held_out"]["crisis"], labelled["held_out"]["not_crisis"]
    intents = _model_intents(crises + fine + held + held_fine)

    def by_rules(text: str) -> bool:
        return kind(text) is not None

    def by_service(text: str) -> bool:
        return by_rules(text) or intents[text] == "crisis"

    rows, missed = [], []
    for name, (c, f) in {"labelled": (crises, fine), "held out": (held, held_fine)}.items():
        for how, caught in (("rules", by_rules), ("rules or model (the service)", by_service)):
            recall, precision, misses = _scores(c, f, caught)
            rows.append(f"| {name} ({len(c)} crises, {len(f)} not) | {how} | {recall:.3f} | "
                        f"{precision:.3f} |")  # fmt: skip
            if how.startswith("rules or"):
                missed += [f"- ({name}) {t}" for t in misses]
    kinds = [
        f"| {k} | {sum(kind(t) == k for t in texts)}/{len(texts)} |"
        for k, texts in labelled["crisis"].items()
    ]
    body = "\n".join([
        "Each message of `tests/fixtures/safeguarding.yml`: direct and indirect, misspelt, slang,",
        "other languages' common phrases, and look-alikes that are not crises (\"this course is",
        "killing me\"). The service answers a crisis when the rule-based safety net",
        "(`bot/safety/detect.py`) or the model's `crisis` intent recognises one. The labelled set",
        "was used to improve the rules, so it shows what they cover; the held-out set was written",
        "afterwards and never tuned against, so it shows how they do on phrasings not seen.",
        "",
        "| set | recognised by | recall | precision |",
        "| --- | --- | --- | --- |",
        *rows,
        "",
        "The right kind of danger (and so the right numbers) from the rules, labelled set:",
        "",
        "| kind | right |",
        "| --- | --- |",
        *kinds,
        "",
        "Crises the service did not recognise:" if missed else "No crisis was missed.",
        "",
        *missed,
    ])  # fmt: skip
    write_section("Safeguarding", body)
    print(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
