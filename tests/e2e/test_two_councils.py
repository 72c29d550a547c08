"""Two councils side by side on one deployment, in a real browser: each council's page shows its
own widget (name for the service, colours, numbers), a resident's plan carries their council's
look, and a combined authority's widget sends a resident to their own council by postcode."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import REPLY_TIMEOUT_MS, assert_accessible, open_chat, say, widget

pytestmark = pytest.mark.e2e

BOROUGH_BLUE = "rgb(29, 79, 145)"  # councils/demo.yml
VALE_GREEN = "rgb(0, 112, 60)"  # councils/demo-vale.yml


def _header_colour(page) -> str:
    return widget(page).locator("header").evaluate("node => getComputedStyle(node).backgroundColor")


def test_each_councils_page_shows_its_own_widget(embedded_stack, chromium):
    borough = chromium.new_page(viewport={"width": 1200, "height": 900})
    vale = chromium.new_page(viewport={"width": 1200, "height": 900})
    try:
        borough.goto(f"{embedded_stack.base_url}/")
        vale.goto(f"{embedded_stack.base_url}/c/demo-vale/")
        open_chat(borough)
        open_chat(vale, "Vale Works")
        expect(widget(borough).locator("#wl-title")).to_have_text(
            "Work Local \u2013 Demo Borough Council"
        )
        expect(widget(vale).locator("#wl-title")).to_have_text(
            "Vale Works \u2013 Demo Vale Council"
        )
        expect(widget(vale).locator("li.bot").first).to_contain_text(
            "I'm the Demo Vale Council Vale Works assistant"
        )
        assert _header_colour(borough) == BOROUGH_BLUE
        assert _header_colour(vale) == VALE_GREEN
        for page, slug in ((borough, "demo"), (vale, "demo-vale")):  # each its own logo, loaded
            logo = widget(page).locator("img.logo")
            expect(logo).to_be_visible()
            assert logo.get_attribute("src").endswith(f"/api/v1/widget/logo?council={slug}")
            assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
        said = say(vale, "how do i speak to someone")
        expect(said).to_contain_text("0113 496 0500")  # Demo Vale's number, not Demo Borough's
        assert_accessible(vale, "two-councils-vale")
        assert "Working Futures" not in vale.locator("main").inner_text()  # not run there
    finally:
        borough.close()
        vale.close()


def test_a_residents_plan_has_their_councils_look_and_name(embedded_stack, page):
    page.goto(f"{embedded_stack.base_url}/c/demo-vale/")
    open_chat(page, "Vale Works")
    say(page, "im 19, i live in DB9 1AA and i want a job in a warehouse")
    plan = say(page, "can i get my plan")
    link = plan.get_by_role("link", name="Open my plan")
    expect(link).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    page.goto(link.get_attribute("href"))
    assert "Your Vale Works plan" in page.title()
    expect(page.locator(".govuk-caption-m")).to_have_text("Demo Vale Council · Vale Works")
    logo = page.locator(".govuk-caption-m img")
    assert logo.get_attribute("src") == "/api/v1/widget/logo?council=demo-vale"
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
    heading = page.locator(".wl-plan h2").first
    assert heading.evaluate("node => getComputedStyle(node).borderTopColor") == VALE_GREEN


def test_a_combined_authority_sends_the_resident_to_their_own_council(embedded_stack, page):
    page.goto(f"{embedded_stack.base_url}/c/demo-combined/")
    open_chat(page)
    say(page, "hi i live in DB9 1AA")
    texts = widget(page).locator("li.bot").all_inner_texts()
    assert any("You live in Demo Vale, so Demo Vale Council's Vale Works team will help you"
               in text for text in texts), texts  # fmt: skip
    answer = say(page, "whats your phone number")
    expect(answer).to_contain_text("0113 496 0500")
