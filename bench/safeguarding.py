"""How well the service recognises a resident in danger: the labelled set (bot/safety/examples.yml)
and the held-out set (tests/fixtures/safeguarding_eleventh.yml) through the rule-based safety net
(bot/safety/detect.py) and the trained model's ``crisis`` intent, which the service answers
alike, and through the concern classifier (bot/safety/concern.py), which adds a check-in with the
numbers, and the gateway's answer to a message in another language, which gives them too.
Recall on real crises matters most; precision, and how often an ordinary message gets the
check-in, are reported. Writes docs/benchmarks.md, "Safeguarding".

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
from bot.conversation import language
from bot.safety import concern
from bot.safety.detect import kind

# Blind sets, each written by a helper session that saw neither the rules nor an earlier set:
# the eleventh is held out; the tenth's misses have since been used to write rules.
HELD_OUT = {
    "held out, eleventh": PROJECT_ROOT / "tests" / "fixtures" / "safeguarding_eleventh.yml",
    "tenth, its misses since used": PROJECT_ROOT / "tests" / "fixtures" / "safeguarding.yml",
}
FOLDS = 5


def _flat(crises: list[str] | dict[str, list[str]]) -> list[str]:
    """A held-out set's crises, listed alone or by kind."""
    return crises if isinstance(crises, list) else [t for texts in crises.values() for t in texts]


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


def _check_in_rate() -> tuple[int, int]:
    """How many of the dialogue's ordinary examples would get the check-in, each judged by a
    classifier that did not learn from it (five folds)."""
    ordinary = concern.ordinary_examples()
    flagged = 0
    for fold in range(FOLDS):
        kept = [t for i, t in enumerate(ordinary) if i % FOLDS != fold]
        judged = [t for i, t in enumerate(ordinary) if i % FOLDS == fold]
        model = concern.train(*concern.training_set(kept))
        flagged += sum(p >= concern.THRESHOLD for p in model.predict_proba(judged)[:, 1])
    return flagged, len(ordinary)


def main() -> int:
    labelled = yaml.safe_load(concern.EXAMPLES.read_text(encoding="utf-8"))
    crises = [t for texts in labelled["crisis"].values() for t in texts]
    fine = labelled["not_crisis"]
    sets = {"labelled": (crises, fine)}
    for name, path in HELD_OUT.items():
        held_out = yaml.safe_load(path.read_text(encoding="utf-8"))["held_out"]
        sets[name] = (_flat(held_out["crisis"]), held_out["not_crisis"])
    intents = _model_intents(list({t: None for c, f in sets.values() for t in c + f}))

    def by_rules(text: str) -> bool:
        return kind(text) is not None

    def by_service(text: str) -> bool:
        return by_rules(text) or intents[text] == "crisis"

    def with_check_in(text: str) -> bool:
        return by_service(text) or concern.worried(text)

    def with_other_language(text: str) -> bool:
        """The gateway's answer to another language (bot.conversation.aftercare.other_language):
        for another script always; in Latin letters when the model did not understand either."""
        unread = language.other_script(text) or intents[text] == "nlu_fallback"
        return with_check_in(text) or (language.other_language(text) and unread)

    rows, missed = [], []
    for name, (c, f) in sets.items():
        readers = (("rules", by_rules), ("rules or model: the crisis answer", by_service),
                   ("the crisis answer or the check-in", with_check_in),
                   ("any of these or the other-language answer", with_other_language))  # fmt: skip
        for how, caught in readers:
            recall, precision, misses = _scores(c, f, caught)
            rows.append(f"| {name} ({len(c)} crises, {len(f)} not) | {how} | {recall:.3f} | "
                        f"{precision:.3f} |")  # fmt: skip
            if how.startswith("any of these") and name.startswith("held out"):
                missed += [f"- ({name}) {t}" for t in misses]
    flagged, ordinary = _check_in_rate()
    kinds = [
        f"| {k} | {sum(kind(t) == k for t in texts)}/{len(texts)} |"
        for k, texts in labelled["crisis"].items()
    ]
    body = "\n".join([
        "The labelled set (`bot/safety/examples.yml`: the rules must catch all of it, but for",
        "veiled goodbyes such as \"this is goodbye\", which get the check-in by rule) and the",
        "held-out set (`tests/fixtures/safeguarding_eleventh.yml`): direct and indirect, slang,",
        "other languages' phrases, and look-alikes that are not crises (\"this course is killing",
        "me\"). The service gives the crisis answer when the rule-based safety net",
        "(`bot/safety/detect.py`) or the model's `crisis` intent recognises one; when neither does",
        "but the concern classifier (`bot/safety/concern.py`) is worried, the answer opens with a",
        "check-in: the numbers and an \"I need help now\" button. The labelled set was used to",
        "improve the rules and teaches the classifier, so it shows what they cover; each held-out",
        "set was written afterwards by a helper session that never saw the rules or the examples,",
        "and nothing was tuned against it, so it shows how they do on phrasings not seen. The",
        "eleventh is held out (written on 2026-12-07, and measured blind at 0.930 before the",
        "rules were next changed). The tenth was held out until then (0.910); its 18 misses",
        "were then used to write rules and joined the labelled set, so it is no longer unseen.",
        "",
        "A message in another language (`bot/conversation/language.py`: mostly another script,",
        "or in Latin letters fewer than half the words English) that the dialogue did not",
        "understand gets the other-language answer: only English is read, a person can bring an",
        "interpreter, and 999, Samaritans and the \"I need help now\" button. Another script gets",
        "it after whatever the dialogue answered, once; here it counts for another script, and",
        "for Latin letters when the model's intent is `nlu_fallback`. Its precision counts every",
        "look-alike in another language that gets it: for them it is the answer they need",
        "(a person with an interpreter), not an alarm.",
        "",
        "| set | recognised by | recall | precision |",
        "| --- | --- | --- | --- |",
        *rows,
        "",
        f"Ordinary messages that get the check-in: {flagged} of the dialogue's {ordinary} "
        f"training examples ({flagged / ordinary:.2%}), each judged by a classifier that did not",
        f"learn from it ({FOLDS} folds); at most once in a conversation.",
        "",
        "The right kind of danger (and so the right numbers) from the rules, labelled set:",
        "",
        "| kind | right |",
        "| --- | --- |",
        *kinds,
        "",
        "Crises that got none of these answers:" if missed
        else "No crisis was missed.",
        "",
        *missed,
    ])  # fmt: skip
    write_section("Safeguarding", body)
    print(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
