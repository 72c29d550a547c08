"""A warm handoff in two browsers: a resident in the chat widget, an adviser in the console
(separate Chromium profiles), against the whole running service."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from bot.demo.loader import DEMO_DOMAIN, DEMO_PASSWORD
from tests.e2e.browser import (
    REPLY_TIMEOUT_MS,
    assert_accessible,
    bot_messages,
    choose,
    open_chat,
    say,
    widget,
)
from tests.e2e.helpers import always_open

pytestmark = pytest.mark.e2e


def sign_in(page: Page, base: str, who: str) -> None:
    page.goto(f"{base}/console")
    page.get_by_label("Email address").fill(f"{who}@{DEMO_DOMAIN}")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Queue")).to_be_visible()


def resident_types(page: Page, text: str) -> None:
    """A message in a live chat: an adviser answers it, not the assistant, so no reply waits."""
    box = widget(page).get_by_role("textbox", name="Your message")
    box.fill(text)
    box.press("Enter")
    expect(widget(page).locator("li.typing")).to_have_count(0, timeout=REPLY_TIMEOUT_MS)


def test_handoff_live_messages_both_ways_hand_back_and_close(embedded_stack, chromium):
    base = embedded_stack.base_url
    adviser_context = chromium.new_context(viewport={"width": 1200, "height": 900}, locale="en-GB")
    resident_context = chromium.new_context(viewport={"width": 1200, "height": 900}, locale="en-GB")
    adviser, resident = adviser_context.new_page(), resident_context.new_page()
    errors: list[str] = []
    for page in (adviser, resident):
        page.set_default_timeout(30_000)
        page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        with always_open(embedded_stack):
            sign_in(adviser, base, "amira")
            adviser.get_by_role("button", name="Take live chats").click()
            expect(adviser.get_by_text("Available for live chats")).to_be_visible()

            resident.goto(base)
            open_chat(resident)
            say(resident, "help me work out what's right for me")  # the assessment starts
            for answer in ("a job", "19", "DB1 1AA"):  # what, age, where
                say(resident, answer)
            waiting = say(resident, "can I talk to a real person")
            expect(waiting).to_contain_text("An adviser from the Work Local team will join")
            reference = re.search(r"reference is ([A-Z0-9-]+)", waiting.inner_text()).group(1)

            # The queue updates by itself; the case carries what the resident already said.
            adviser.get_by_role("link", name=reference).click()
            expect(adviser.locator("#summary")).to_contain_text("aged 19")
            expect(adviser.locator(".answers")).to_contain_text("19")
            adviser.get_by_role("button", name="Claim and start the chat").click()
            expect(bot_messages(resident).last).to_contain_text(
                "You're now talking to Amira from the Work Local team", timeout=REPLY_TIMEOUT_MS
            )

            resident_types(resident, "Hello, I need help with my CV")
            expect(adviser.locator("#chat-log")).to_contain_text("Hello, I need help with my CV")
            adviser.get_by_label("Reply to the resident").fill("Hi, I'm Amira. Let's start.")
            expect(widget(resident).locator("li.typing")).to_contain_text("Amira is typing")
            adviser.get_by_role("button", name="Send").click()
            said = widget(resident).locator("li.adviser").last
            expect(said).to_contain_text("Hi, I'm Amira. Let's start.", timeout=REPLY_TIMEOUT_MS)
            expect(said.locator(".who")).to_have_text("Amira (Work Local team)")
            assert_accessible(resident, "handoff-1-resident-live")
            assert_accessible(adviser, "handoff-2-console-case")

            adviser.get_by_role("button", name="Hand back to the assistant").click()
            expect(bot_messages(resident).last).to_contain_text(
                "Amira has handed you back", timeout=REPLY_TIMEOUT_MS
            )
            expect(choose(resident, "What else can you do?")).to_contain_text("I can help you")

            adviser.get_by_label("Started a job (16 hours a week or more)").check()
            adviser.get_by_role("button", name="Record the outcome and close").click()
            expect(adviser.locator("#case-status")).to_have_text("Closed")
            adviser.get_by_role("link", name="Queue").click()
            expect(adviser.get_by_role("link", name=reference)).to_have_count(0)
            assert_accessible(adviser, "handoff-3-console-queue")
        assert errors == []
    finally:
        adviser_context.close()
        resident_context.close()
