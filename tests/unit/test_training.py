"""The model is retrained exactly when its inputs change."""

import shutil

from bot.assistant import training
from bot.config import PROJECT_ROOT


def _copy_project(tmp_path):
    for name in ("config.yml", "domain.yml"):
        shutil.copy(PROJECT_ROOT / name, tmp_path / name)
    shutil.copytree(PROJECT_ROOT / "data", tmp_path / "data")
    return tmp_path


def test_fingerprint_is_stable_and_covers_every_input(tmp_path):
    root = _copy_project(tmp_path)
    first = training.fingerprint(root)
    assert training.fingerprint(root) == first
    nlu = root / "data" / "nlu" / "conversation.yml"
    nlu.write_text(nlu.read_text() + "\n      - hiya there\n")
    assert training.fingerprint(root) != first


def test_new_training_file_changes_fingerprint(tmp_path):
    root = _copy_project(tmp_path)
    first = training.fingerprint(root)
    (root / "data" / "extra.yml").write_text('version: "3.1"\n')
    assert training.fingerprint(root) != first


def test_model_path_names_the_fingerprint(tmp_path):
    root = _copy_project(tmp_path)
    path = training.model_path(tmp_path / "models", root)
    assert path.name == f"worklocal-{training.fingerprint(root)}.tar.gz"
