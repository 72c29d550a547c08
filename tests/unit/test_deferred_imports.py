"""TensorFlow kept out of the Rasa server (bot/assistant/deferred_imports.py): Rasa's training
helpers import it only when a TensorFlow model trains, thinc is told it is absent, and the
model's training graph is read only when asked for. Each runs in a fresh interpreter, since
the test process has long since imported TensorFlow."""

from __future__ import annotations

import ast
import copy
import dataclasses
import importlib.util
import json
import os
import subprocess
import sys
import threading

import pytest

from bot.assistant import deferred_imports, patches, training
from bot.config import PROJECT_ROOT

TRAIN_UTILS = deferred_imports.DEFERRALS[0]


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, env={**os.environ}, timeout=300)  # fmt: skip


def _imports(node: ast.AST) -> set[str]:
    return {n.module for n in ast.walk(node) if isinstance(n, ast.ImportFrom)}


def test_the_imports_move_into_the_functions_that_use_them_and_nowhere_else():
    source = importlib.util.find_spec(TRAIN_UTILS.module).loader.get_source(TRAIN_UTILS.module)
    tree = deferred_imports.moved_imports(source, TRAIN_UTILS)
    top = {n.module for n in tree.body if isinstance(n, ast.ImportFrom)}
    assert not top & set(TRAIN_UTILS.imports)
    holding = {
        f.name: _imports(f) & set(TRAIN_UTILS.imports)
        for f in ast.walk(tree)
        if isinstance(f, ast.FunctionDef) and _imports(f) & set(TRAIN_UTILS.imports)
    }
    assert holding == {
        "create_data_generators": {"rasa.utils.tensorflow.data_generator"},
        "create_common_callbacks": {"rasa.utils.tensorflow.callback"},
    }
    callbacks = next(f for f in tree.body if getattr(f, "name", "") == "create_common_callbacks")
    assert ast.get_docstring(callbacks)  # still its docstring, the import after it


def test_a_changed_module_stops_the_patches_with_its_name(monkeypatch):
    changed = dataclasses.replace(TRAIN_UTILS, fingerprint="0" * 16)
    monkeypatch.setattr(deferred_imports, "DEFERRALS", (changed, *deferred_imports.DEFERRALS[1:]))
    with pytest.raises(patches.PatchError, match=r"rasa\.utils\.train_utils"):
        patches.check()


def test_the_model_serves_without_tensorflow_and_training_still_gets_it():
    archive = training.model_path(PROJECT_ROOT / "models", PROJECT_ROOT)
    if not archive.exists():
        pytest.skip("no trained model (scripts/test.sh trains it before pytest)")
    ran = _python(
        "import asyncio, json, sys\n"
        "from bot.assistant import patches; patches.apply()\n"
        "from rasa.core.agent import load_agent\n"
        f"agent = asyncio.run(load_agent(model_path={str(archive)!r}))\n"
        "parsed = asyncio.run(agent.parse_message('any warehouse jobs'))\n"
        "serving = 'tensorflow' in sys.modules\n"
        "validator = 'rasa.graph_components.validators.default_recipe_validator' in sys.modules\n"
        "import thinc.compat\n"
        "schema = agent.processor.model_metadata.train_schema.as_dict()\n"
        "from rasa.utils import train_utils\n"
        "callbacks = train_utils.create_common_callbacks(1, None, None, None)\n"
        "print(json.dumps({'intent': parsed['intent']['name'], 'serving': serving,\n"
        "    'validator': validator, 'thinc': thinc.compat.has_tensorflow,\n"
        "    'nodes': sorted(schema['nodes']), 'training': 'tensorflow' in sys.modules,\n"
        "    'callbacks': [type(c).__name__ for c in callbacks]}))\n"
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    seen = json.loads(ran.stdout.strip().splitlines()[-1])
    assert seen["intent"] and not seen["serving"] and not seen["validator"]
    assert seen["thinc"] is False
    assert "schema_validator" in seen["nodes"] and len(seen["nodes"]) > 5
    assert seen["training"] and seen["callbacks"] == ["RasaTrainingLogger"]


def test_the_training_graph_read_later_is_the_one_rasa_reads(loaded_model):
    from rasa.engine.graph import GraphSchema

    serialized = loaded_model.metadata.as_dict()
    expected = GraphSchema.from_dict(copy.deepcopy(serialized["train_schema"])).as_dict()
    read = deferred_imports.metadata_with_train_schema_on_demand(
        type(loaded_model.metadata).from_dict.__func__
    ).__func__(type(loaded_model.metadata), serialized)
    assert read.train_schema.as_dict() == expected
    assert read.predict_schema == loaded_model.metadata.predict_schema
    assert read.domain.as_dict() == loaded_model.metadata.domain.as_dict()


def test_only_the_thread_importing_thinc_is_told_tensorflow_is_absent():
    finder = deferred_imports._Finder()
    here = threading.get_ident()
    deferred_imports._hiding[here + 1] = ("tensorflow",)  # another thread, importing thinc
    try:
        assert finder.find_spec("tensorflow", None) is None  # this thread imports it as usual
        deferred_imports._hiding[here] = ("tensorflow",)
        with pytest.raises(ModuleNotFoundError):
            finder.find_spec("tensorflow.experimental.dlpack", None)
    finally:
        deferred_imports._hiding.pop(here, None)
        deferred_imports._hiding.pop(here + 1, None)
