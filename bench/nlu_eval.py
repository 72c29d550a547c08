"""NLU cross-validation on the project's own training data: intents and entities.

Targets (issue 4): intent macro-F1 at least 0.90 and entity F1 at least 0.90. Runs
``rasa test nlu --cross-validation`` with the project's config (each fold trains the whole NLU
pipeline, so this takes a few minutes), then writes the scores and the most frequent
confusions to docs/benchmarks.md. Usage: ``python bench/nlu_eval.py [--folds 5]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import write_section
from bot.assistant.training import SPACY_MODEL_DIR
from bot.config import PROJECT_ROOT
from bot.nlp import pipeline

TARGET = 0.90


def _report(folder: Path, name: str) -> dict:
    path = folder / name
    return json.loads(path.read_text()) if path.exists() else {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--errors", type=Path, help="also write every misclassified example to this JSON file"
    )
    args = parser.parse_args()
    pipeline.ensure_built(SPACY_MODEL_DIR)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bench.seeded_rasa", "test", "nlu", "--nlu", "data",
             "--config", "config.yml", "--cross-validation", "--folds", str(args.folds),
             "--out", str(out)],
            cwd=PROJECT_ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        minutes = (time.perf_counter() - started) / 60
        intents = _report(out, "intent_report.json")
        errors = json.loads((out / "intent_errors.json").read_text())
        if args.errors:
            entity_errors = {
                p.name: json.loads(p.read_text()) for p in out.glob("*Ext*_errors.json")
            }
            args.errors.write_text(json.dumps({"intents": errors, **entity_errors}, indent=1))
        # One report per trainable entity extractor in config.yml (Rasa leaves out the spaCy
        # rules, which are exact by construction and not learned).
        entities = {
            path.name.removesuffix("_report.json"): _report(out, path.name)
            for path in sorted(out.glob("*_report.json"))
            if path.name != "intent_report.json"
        }
    intent_f1 = intents["macro avg"]["f1-score"]
    confusions = Counter((e["intent"], e["intent_prediction"]["name"]) for e in errors).most_common(
        10
    )
    weakest = sorted(
        ((name, r["f1-score"]) for name, r in intents.items() if isinstance(r, dict)
         and "support" in r and name not in ("macro avg", "weighted avg", "micro avg")),
        key=lambda item: item[1],
    )[:5]  # fmt: skip
    lines = [
        f"{args.folds}-fold cross-validation of the NLU pipeline in `config.yml` on "
        f"`data/nlu/` ({minutes:.1f} minutes). Targets: intent macro-F1 and entity F1 at "
        f"least {TARGET:.2f}.",
        "",
        "| measure | F1 | target met |",
        "|---|---:|---|",
        f"| intents, macro average | {intent_f1:.3f} | {'yes' if intent_f1 >= TARGET else 'no'} |",
    ]
    for name, report in entities.items():
        if not report:
            continue
        macro = report.get("macro avg", {}).get("f1-score", 0.0)
        micro = report.get("micro avg", report.get("weighted avg", {})).get("f1-score", 0.0)
        lines.append(
            f"| entities ({name}), micro / macro | {micro:.3f} / {macro:.3f} | "
            f"{'yes' if micro >= TARGET else 'no'} |"
        )
    lines += ["", "Weakest intents: " + ", ".join(f"`{n}` {f:.2f}" for n, f in weakest) + ".",
              "", "Most frequent confusions (true \u2192 predicted, count):", ""]  # fmt: skip
    lines += [
        f"- `{true}` \u2192 `{predicted}`: {count}" for (true, predicted), count in confusions
    ]
    for extractor, report in entities.items():
        rows = [
            f"| {name} | {r['precision']:.2f} | {r['recall']:.2f} | {r['f1-score']:.2f} | "
            f"{r['support']} |"
            for name, r in sorted(report.items())
            if isinstance(r, dict) and "support" in r and " avg" not in name
            and name != "no_entity"
        ]  # fmt: skip
        lines += ["", f"| entity ({extractor}) | precision | recall | F1 | examples |",
                  "|---|---:|---:|---:|---:|", *rows]  # fmt: skip
    body = "\n".join(lines)
    write_section("NLU cross-validation", body)
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
