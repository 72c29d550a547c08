"""The insight against the whole running service: a resident's turns in the widget are
counted, their unanswered question reaches the officers without their phone number, and the
officer's pages (charts drawn from the npm package, a table beside each) pass axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bot.demo.loader import DEMO_DOMAIN, DEMO_PASSWORD
from tests.e2e.browser import assert_accessible, open_chat, say

pytestmark = pytest.mark.e2e


def test_an_officer_sees_what_residents_did_and_asked(embedded_stack, chromium):
    base = embedded_stack.base_url
    resident = chromium.new_context(viewport={"width": 1200, "height": 900}).new_page()
    officer = chromium.new_context(viewport={"width": 1200, "height": 900}).new_page()
    errors: list[str] = []
    for page in (resident, officer):
        page.set_default_timeout(30_000)
        page.on("pageerror", lambda error: errors.append(str(error)))
    resident.goto(base)
    open_chat(resident)
    say(resident, "can u help me renew my bus pass pls my number is 07700 900877")
    say(resident, "any courses in underwater basket weaving")

    officer.goto(f"{base}/console")
    officer.get_by_label("Email address").fill(f"officer@{DEMO_DOMAIN}")
    officer.get_by_label("Password").fill(DEMO_PASSWORD)
    officer.get_by_role("button", name="Sign in").click()
    expect(officer.get_by_role("heading", name="Insight", exact=True)).to_be_visible()
    conversations = officer.locator("#table-funnel tbody tr").first.locator("td")
    assert int(conversations.inner_text()) >= 1
    searched = officer.locator("#table-searches")
    expect(searched).to_contain_text("Course")
    drawn = officer.evaluate(
        "['chart-funnel','chart-weekly'].map(id => !!window.Chart.getChart(id))"
    )
    assert drawn == [True, True]
    assert_accessible(officer, "insight-1-officer")

    officer.get_by_role("link", name="Unanswered questions").first.click()
    table = officer.locator("#table-questions")
    expect(table).to_contain_text("bus pass")
    expect(table).to_contain_text("basket weaving")
    assert "900877" not in table.inner_text()
    assert_accessible(officer, "insight-2-questions")
    row = table.locator("tr", has_text="bus pass")
    row.get_by_role("button", name="Mark as handled").click()
    expect(officer.locator("#table-questions").locator("tr", has_text="bus pass")).to_have_count(0)
    assert errors == []
