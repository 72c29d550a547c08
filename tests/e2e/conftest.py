from __future__ import annotations

import shutil

import pytest

from bot.config import PROJECT_ROOT
from tests.e2e import stack as stack_module


@pytest.fixture(scope="session")
def embedded_stack(tmp_path_factory):
    """The whole service on its embedded defaults: SQLite, in-memory lock store. Its council
    file is a copy, so a test can change the opening hours (the service re-reads the file)."""
    folder = tmp_path_factory.mktemp("embedded")
    council_file = folder / "council.yml"
    shutil.copy(PROJECT_ROOT / "councils" / "demo.yml", council_file)
    for other in ("demo-vale.yml", "demo-combined.yml"):  # served beside it, as in the demo
        shutil.copy(PROJECT_ROOT / "councils" / other, folder / other)
    shutil.copytree(PROJECT_ROOT / "councils" / "logos", folder / "logos")
    stack = stack_module.start(folder / "var", {"COUNCIL_FILE": str(council_file)})
    stack.council_file = council_file
    yield stack
    stack_module.stop(stack)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser profile for each test: no storage, cookies or cache carried over."""
    context = chromium.new_context(viewport={"width": 1200, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()
