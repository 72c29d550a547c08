"""Train the Rasa model only when what it is made from has changed.

The fingerprint covers the training inputs and the spaCy pipeline's source, so a fresh clone
trains once and every later ``make run`` or ``make test`` reuses the model in ``models/``.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.nlp import pipeline

SPACY_MODEL_DIR = PROJECT_ROOT / "models" / "spacy" / pipeline.NAME


def training_inputs(root: Path = PROJECT_ROOT) -> list[Path]:
    files = [root / "config.yml", root / "domain.yml"]
    files += sorted(p for p in (root / "data").rglob("*.yml") if p.is_file())
    files += sorted((root / "bot" / "nlp").glob("*.py"))  # custom pipeline components
    return files


def fingerprint(root: Path = PROJECT_ROOT) -> str:
    digest = hashlib.sha256(f"rasa={version('rasa')}".encode())
    for path in training_inputs(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    digest.update(pipeline.fingerprint().encode())
    return digest.hexdigest()[:16]


def model_path(models_dir: Path, root: Path = PROJECT_ROOT) -> Path:
    return models_dir / f"worklocal-{fingerprint(root)}.tar.gz"


def ensure_trained(models_dir: Path, root: Path = PROJECT_ROOT) -> tuple[Path, bool]:
    """The current model, training it first if needed; returns (path, whether it trained)."""
    pipeline.ensure_built(SPACY_MODEL_DIR)
    target = model_path(models_dir, root)
    if target.is_file():
        return target, False
    models_dir.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "rasa",
        "train",
        "--config",
        str(root / "config.yml"),
        "--domain",
        str(root / "domain.yml"),
        "--data",
        str(root / "data"),
        "--out",
        str(models_dir),
        "--fixed-model-name",
        target.name.removesuffix(".tar.gz"),
    ]
    subprocess.run(command, cwd=root, check=True)
    if not target.is_file():
        raise RuntimeError(f"rasa train finished but {target} is missing")
    return target, True
