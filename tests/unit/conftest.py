"""The trained model, loaded once per module, for the tests that compare the patched Rasa with
Rasa's own answers."""

from types import SimpleNamespace

import pytest

from bot.assistant import training
from bot.config import PROJECT_ROOT


@pytest.fixture(scope="module")
def loaded_model(tmp_path_factory):
    from rasa.core.channels.channel import UserMessage
    from rasa.engine import loader
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.engine.storage.local_model_storage import LocalModelStorage

    archive = training.model_path(PROJECT_ROOT / "models", PROJECT_ROOT)
    if not archive.exists():
        pytest.skip("no trained model (scripts/test.sh trains it before pytest)")
    metadata, runner = loader.load_predict_graph_runner(
        tmp_path_factory.mktemp("model"), archive, LocalModelStorage, DaskGraphRunner
    )
    return SimpleNamespace(metadata=metadata, runner=runner, message=UserMessage)
