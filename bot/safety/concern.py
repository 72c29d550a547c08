"""A second, statistical reading of danger, for the wordings the rules (``bot.safety.detect``)
have not met: "think tonight is the night tbh", "the car is in the garage with the hose".

The rules are exact and give the full emergency answer; this classifier is broad and only asks:
when it is worried and the rules are not, the resident's answer ends with a gentle check-in, the
numbers and one button, "I need help now" (``bot.conversation.aftercare.check_in``). Asking costs
little; missing someone costs a great deal. It never marks a case urgent on its own.

It learns, in well under a second at start-up, from the labelled examples (``examples.yml``: a
crisis is anything the rules must catch, a look-alike is not) and from the dialogue's training
data (``data/nlu``: every example but the ``crisis`` intent's is an ordinary message, unless the
rules call it a crisis). Character and word n-grams, logistic regression: no model file, nothing
downloaded, and the same answer in every process.

It runs on every message a resident sends, so the fitted model is read once into a table of
n-gram weights (``scorer``): scikit-learn's own pipeline spent about 3 ms a message on sparse
matrices and its job scheduler for a sum over a few dozen n-grams, an eighth of the gateway's
time under load. The table gives scikit-learn's probability (a test holds them equal).
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT
from bot.safety.detect import is_crisis

EXAMPLES = Path(__file__).with_name("examples.yml")
NLU = PROJECT_ROOT / "data" / "nlu"
# Worried at this probability: high, because a check-in nobody needed is noise. Then about 1 in
# 800 of the dialogue's ordinary examples (judged by a classifier that did not learn from them)
# and 2 of the 263 residents' lines of the end-to-end suite get it; it adds a quarter of the
# unseen crises to what the rules and the model catch (docs/benchmarks.md, "Safeguarding").
THRESHOLD = 0.9
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")

_lock = threading.Lock()
_scorer: Callable[[str], float] | None = None


def _nlu_examples() -> tuple[list[str], list[str]]:
    """The dialogue's examples: (crisis intent's, everyone else's), entity annotations removed."""
    crisis, other = [], []
    for path in sorted(NLU.glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" not in block:
                continue
            lines = [line.strip()[2:] for line in str(block.get("examples", "")).splitlines()
                     if line.strip().startswith("- ")]  # fmt: skip
            texts = [_ANNOTATION.sub(r"\1", line) for line in lines]
            (crisis if block["intent"] == "crisis" else other).extend(texts)
    return crisis, other


def training_set(ordinary: list[str] | None = None) -> tuple[list[str], list[int]]:
    """Crises: the labelled ones and the ``crisis`` intent's. Not: the labelled look-alikes and
    ``ordinary`` (by default the dialogue's other examples, less any the rules call a crisis)."""
    labelled = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    crises = [text for texts in labelled["crisis"].values() for text in texts]
    nlu_crisis, _ordinary = _nlu_examples()
    positives = crises + nlu_crisis
    negatives = labelled["not_crisis"] + (ordinary if ordinary is not None else ordinary_examples())
    return positives + negatives, [1] * len(positives) + [0] * len(negatives)


def ordinary_examples() -> list[str]:
    """The dialogue's examples of everything but a crisis, less any the rules call a crisis."""
    return [text for text in _nlu_examples()[1] if not is_crisis(text)]


def train(texts: list[str] | None = None, labels: list[int] | None = None):
    """The classifier, fitted on ``training_set()`` (or the given examples, for measuring it)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    if texts is None or labels is None:
        texts, labels = training_set()
    features = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True),
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, lowercase=True),
    )
    model = make_pipeline(
        features, LogisticRegression(C=10, class_weight="balanced", max_iter=3000, random_state=0)
    )
    return model.fit(texts, labels)


def scorer(fitted) -> Callable[[str], float]:
    """The fitted pipeline's probability of danger as plain lookups: for each vectoriser, every
    n-gram it knows with its idf and its idf times the regression's weight. A message's score is
    the intercept plus, per vectoriser, the weighted sublinear counts over their l2 norm, as
    ``TfidfVectorizer`` and ``LogisticRegression`` compute it."""
    union, regression = fitted.steps[0][1], fitted.steps[-1][1]
    weights = regression.coef_[0]
    intercept = float(regression.intercept_[0])
    blocks, offset = [], 0
    for _name, vectoriser in union.transformer_list:
        idf = vectoriser.idf_
        table = {
            gram: (float(idf[column]), float(idf[column] * weights[offset + column]))
            for gram, column in vectoriser.vocabulary_.items()
        }
        blocks.append((vectoriser.build_analyzer(), table))
        offset += len(idf)

    def score(text: str) -> float:
        decision = intercept
        for analyse, table in blocks:
            squares = weighted = 0.0
            for gram, count in Counter(analyse(text)).items():
                known = table.get(gram)
                if known is not None:
                    tf = 1.0 + math.log(count)
                    squares += (tf * known[0]) ** 2
                    weighted += tf * known[1]
            if squares:
                decision += weighted / math.sqrt(squares)
        return 1.0 / (1.0 + math.exp(-decision)) if decision > -700 else 0.0

    return score


def model() -> Callable[[str], float]:
    """Trained once per process, on first use (the gateway warms it at start-up)."""
    global _scorer
    with _lock:
        if _scorer is None:
            _scorer = scorer(train())
        return _scorer


def concern(text: str) -> float:
    """How likely the message speaks of danger, 0 to 1."""
    words = " ".join((text or "").split())
    if not words:
        return 0.0
    return model()(words)


def worried(text: str) -> bool:
    """Worth asking: the classifier is worried and the rules have not already answered."""
    return not is_crisis(text) and concern(text) >= THRESHOLD
