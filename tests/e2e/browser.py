"""Driving the chat widget in Debian's Chromium through Playwright, for the widget's tests.

Playwright's CSS and role locators reach into the widget's open shadow root, so the tests find
things the way a resident does: by the words on buttons and in messages.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from bot.config import PROJECT_ROOT

SCREENSHOTS = PROJECT_ROOT / "var" / "screenshots"
REPLY_TIMEOUT_MS = 30_000


def chromium_path() -> str:
    """Debian's Chromium: Playwright cannot download its own browser on these machines."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError(
            "Chromium is missing: `make test` installs it (apt-get install chromium)"
        )
    return path


def widget(page: Page) -> Locator:
    return page.locator("#worklocal-widget")


def bot_messages(page: Page) -> Locator:
    return widget(page).locator("li.bot")


def open_chat(page: Page, service: str = "Work Local") -> None:
    page.get_by_role("button", name=f"Chat with {service}").click()
    expect(bot_messages(page).first).to_be_visible(timeout=REPLY_TIMEOUT_MS)


def wait_for_reply(page: Page, before: int) -> Locator:
    """Wait until the assistant has answered (more bot messages than ``before``, no typing)."""
    expect(bot_messages(page)).not_to_have_count(before, timeout=REPLY_TIMEOUT_MS)
    expect(widget(page).locator("li.typing")).to_have_count(0, timeout=REPLY_TIMEOUT_MS)
    return bot_messages(page).last


def say(page: Page, text: str) -> Locator:
    before = bot_messages(page).count()
    box = widget(page).get_by_role("textbox", name="Your message")
    box.fill(text)
    box.press("Enter")
    return wait_for_reply(page, before)


def choose(page: Page, title: str) -> Locator:
    """Press the newest option with this title."""
    before = bot_messages(page).count()
    bot_messages(page).last.get_by_role("button", name=title, exact=True).click()
    return wait_for_reply(page, before)


def shoot(page: Page, name: str) -> Path:
    """Keep a screenshot of this state for people to review (var/screenshots/)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def assert_accessible(page: Page, state: str) -> None:
    """axe-core on the whole page, the widget's shadow DOM included: no violations at all."""
    time.sleep(0.3)  # let the last message settle (scrolling, focus ring)
    results = Axe().run(page)
    assert results.violations_count == 0, f"{state}:\n{_report(results.response['violations'])}"
    shoot(page, state)


def _report(violations: list[dict]) -> str:
    """axe's findings, one line per element (the library's own report breaks on shadow DOM)."""
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}: {node['target']} {node['html'][:200]}"
        for v in violations
        for node in v["nodes"]
    )
