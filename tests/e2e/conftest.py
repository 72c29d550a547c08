from __future__ import annotations

import pytest

from tests.e2e import stack as stack_module


@pytest.fixture(scope="session")
def embedded_stack(tmp_path_factory):
    """The whole service on its embedded defaults: SQLite, in-memory lock store."""
    stack = stack_module.start(tmp_path_factory.mktemp("embedded") / "var")
    yield stack
    stack_module.stop(stack)
