"""The chat widget in a real browser (Debian's Chromium) against the whole running service.

Every test starts from a fresh browser profile. Screenshots of the main states are kept in
var/screenshots/ for review.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import time
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import expect

from bot.conversation import tracker
from bot.council import service as council_service
from bot.database.core import make_engine
from bot.errors import rate_limited_body
from bot.ratelimit.service import Limit, RateLimited
from tests.e2e.browser import (
    REPLY_TIMEOUT_MS,
    assert_accessible,
    bot_messages,
    choose,
    open_chat,
    say,
    shoot,
    wait_for_reply,
    widget,
)

pytestmark = pytest.mark.e2e

XSS = "<img src=x onerror=alert(1)>"


def _conversation_gone(stack, conversation_id: str) -> bool:
    """The gateway no longer knows it, and Rasa's tracker store holds nothing of it."""
    response = httpx.post(
        f"{stack.base_url}/api/v1/conversations/{conversation_id}/messages", json={"text": "hi"}
    )
    engine = make_engine(f"sqlite:///{stack.var_dir / 'tracker.db'}")
    try:
        return response.status_code == 404 and tracker.count(engine, conversation_id) == 0
    finally:
        engine.dispose()


def _conversation_alive(stack, conversation_id: str) -> bool:
    """Whether the gateway still knows the conversation (asked without taking a turn in it)."""
    response = httpx.get(f"{stack.base_url}/api/v1/conversations/{conversation_id}/live")
    assert response.status_code in (200, 404), response.text
    return response.status_code == 200


def _deletes(page) -> list[str]:
    """Record every DELETE the page sends (the widget forgetting a conversation)."""
    urls: list[str] = []
    page.on("request", lambda request: request.method == "DELETE" and urls.append(request.url))
    return urls


def _focused(locator) -> bool:
    return locator.evaluate("node => node.getRootNode().activeElement === node")


def _user_turns(stack, conversation_id: str, text: str) -> int:
    with sqlite3.connect(stack.var_dir / "tracker.db") as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user'",
            (conversation_id,),
        ).fetchall()
    return sum(text in row[0] for row in rows)


def _stored(page) -> dict:
    return page.evaluate(
        """() => ({session: sessionStorage.length, local: localStorage.length,
                   cookies: document.cookie})"""
    )


def _conversation_ids(page) -> list[str]:
    """Record the id of every conversation the page starts (kiosk pages keep it nowhere)."""
    ids: list[str] = []

    def created(response):
        path = urlsplit(response.url).path  # the widget names its council in the query
        if response.request.method == "POST" and path.endswith("/api/v1/conversations"):
            ids.append(response.json()["id"])

    page.on("response", created)
    return ids


def test_a_resident_journey_by_mouse_across_pages(embedded_stack, page):
    page.goto(embedded_stack.base_url + "/")
    open_chat(page)
    greeting = bot_messages(page).first
    expect(greeting).to_contain_text("computer program, not a person")
    expect(widget(page)).to_contain_text("How we use your information")  # before any question
    assert_accessible(page, "web-1-greeting")

    reply = choose(page, "Find a course")
    chosen = greeting.get_by_role("button", name="Find a course")
    expect(chosen).to_have_attribute("aria-disabled", "true")
    expect(chosen).to_have_class(re.compile("chosen"))
    expect(greeting.get_by_role("button", name="Find a job")).to_have_attribute(
        "aria-disabled", "true"
    )  # still readable, no longer pressable
    reply = say(page, "free maths courses near DB1 1AA")
    cards = reply.locator("article.card")
    expect(cards.first).to_be_visible()
    expect(cards.first.get_by_role("heading")).to_contain_text("Maths")
    expect(cards.first).to_contain_text("Free")
    expect(cards.first).to_contain_text("miles away")
    expect(reply.get_by_role("button", name=re.compile("^Book"))).not_to_have_count(0)
    assert_accessible(page, "web-2-course-results")

    # The conversation follows the resident to another page of the council's site.
    shown = bot_messages(page).count()
    page.get_by_role("navigation").get_by_role("link", name="Adult learning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Adult learning")
    expect(bot_messages(page)).to_have_count(shown)
    expect(bot_messages(page).last.locator("article.card").first).to_be_visible()
    assert _stored(page) == {"session": 1, "local": 0, "cookies": ""}
    reply = say(page, "show me more")
    expect(reply.locator("article.card").first).to_be_visible()

    # "Start again" clears it here and on the server, once the resident says yes.
    [old_id] = page.evaluate("() => Object.values(sessionStorage).map(v => JSON.parse(v).id)")
    widget(page).get_by_role("button", name="Start again").click()
    widget(page).get_by_role("button", name="Yes, start again").click()
    expect(bot_messages(page)).to_have_count(1, timeout=REPLY_TIMEOUT_MS)
    expect(widget(page).locator("li.me")).to_have_count(0)
    assert _conversation_gone(embedded_stack, old_id)


def test_a_resident_journey_by_keyboard_only(embedded_stack, page):
    page.goto(embedded_stack.base_url + "/")
    launcher = widget(page).get_by_role("button", name="Chat with Work Local")
    for _ in range(30):  # Tab through the page to the chat button, as a keyboard user does
        page.keyboard.press("Tab")
        if launcher.evaluate("b => b.getRootNode().activeElement === b"):
            break
    else:
        raise AssertionError("the chat button cannot be reached with Tab")
    page.keyboard.press("Enter")
    box = widget(page).get_by_role("textbox", name="Your message")
    expect(box).to_be_focused()
    expect(bot_messages(page)).to_have_count(1, timeout=REPLY_TIMEOUT_MS)

    page.keyboard.type("I want to find a job")
    page.keyboard.press("Enter")
    wait_for_reply(page, 1)
    expect(box).to_be_focused()  # the answer arrived without taking focus away

    # Back from the message box into the conversation's options, and press one with Space.
    last_option = widget(page).locator(".choices button").last
    for _ in range(10):
        page.keyboard.press("Shift+Tab")
        if last_option.evaluate("b => b.getRootNode().activeElement === b"):
            break
    else:
        raise AssertionError("the options cannot be reached with Shift+Tab")
    title = last_option.inner_text()
    page.keyboard.press("Space")
    wait_for_reply(page, bot_messages(page).count())
    expect(widget(page).locator("li.me").last).to_have_text(re.compile(re.escape(title)))

    # The transcript itself can be reached and scrolled from the keyboard.
    log = widget(page).get_by_role("list", name="Conversation")
    expect(log).to_have_attribute("tabindex", "0")
    page.keyboard.press("Escape")
    expect(widget(page).get_by_role("dialog")).to_be_hidden()
    expect(launcher).to_be_visible()
    assert launcher.evaluate("b => b.getRootNode().activeElement === b")


def test_every_message_state_is_accessible(embedded_stack, page):
    page.goto(embedded_stack.base_url + "/")
    open_chat(page)
    choose(page, "Help me work out what's right for me")
    for _ in range(20):  # someone who skips every question
        last = bot_messages(page).last
        if last.get_by_role("button", name="See my plan").count():
            break
        assert last.get_by_role("button", name="Skip this question").count(), last.inner_text()
        choose(page, "Skip this question")
    else:
        raise AssertionError("the assessment did not finish")
    assert_accessible(page, "web-3-pathways")
    reply = choose(page, "See my plan")
    plan = reply.locator(".plan")
    expect(plan.get_by_role("heading", name="Your plan")).to_be_visible()
    expect(plan).to_contain_text("Reference:")
    expect(plan.get_by_role("button", name="Print my plan")).to_be_visible()
    expect(plan.get_by_role("link", name=re.compile("Open my plan"))).to_be_visible()
    assert_accessible(page, "web-4-plan")

    reply = say(page, "i want to end my life")
    expect(reply).to_have_class(re.compile("crisis"))
    expect(reply).to_contain_text("116 123")
    assert_accessible(page, "web-5-crisis")

    box = widget(page).get_by_role("textbox", name="Your message")
    box.fill("x" * 2100)
    expect(widget(page).locator("#wl-count")).to_contain_text("too long")
    box.press("Enter")
    expect(box).to_have_value("x" * 2100)  # not sent, and nothing lost
    assert_accessible(page, "web-6-message-too-long")


def test_booking_an_appointment_ends_with_a_confirmation_and_calendar_file(embedded_stack, page):
    page.goto(embedded_stack.base_url + "/")
    open_chat(page)
    offered = say(page, "book an appointment")
    times = offered.get_by_role("button").filter(has_text=re.compile(r", \d\d:\d\d, "))
    expect(times).not_to_have_count(0)
    label = times.first.inner_text()
    assert_accessible(page, "web-7-appointment-times")
    asked = choose(page, label)
    expect(asked).to_contain_text("first name")
    say(page, "Sam")
    consent = say(page, "07700 900123")
    expect(consent.get_by_role("button", name="Yes")).to_be_visible()
    done = choose(page, "Yes")
    box = done.locator(".booking")
    expect(box.get_by_role("heading", name="Appointment booked")).to_be_visible()
    expect(box).to_contain_text(label)
    # The council's number in the confirmation can be tapped; the time, the reference and the
    # masked phone number the resident gave stay plain text.
    words = done.locator(".bubble")
    expect(words).to_contain_text(label.split(",")[1].strip())  # e.g. 09:30
    calls = words.locator("a[href^='tel:'], a[href^='sms:']")
    expect(calls).to_have_count(1)
    expect(calls).to_have_attribute("href", "tel:01134960000")
    expect(calls).to_have_text(re.compile(r"^(call )?0113 496 0000$", re.IGNORECASE))
    calendar = box.get_by_role("link", name=re.compile("Add to my calendar"))
    href = calendar.get_attribute("href")
    response = httpx.get(href)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    shoot(page, "web-8-booked")
    assert_accessible(page, "web-8-booked")


def test_a_message_with_html_in_it_is_shown_as_text(embedded_stack, page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(embedded_stack.base_url + "/")
    open_chat(page)
    say(page, XSS)
    mine = widget(page).locator("li.me").last
    expect(mine).to_contain_text(XSS)
    # The only pictures are the council's logo, in the widget's header and the page's.
    assert widget(page).locator("img:not(header img.logo)").count() == 0
    assert page.locator("img:not(.wl-header__logo):not(.logo)").count() == 0  # shadow too
    assert dialogs == []


def test_the_widget_reconnects_after_the_server_restarts(embedded_stack, page):
    page.goto(embedded_stack.base_url + "/")
    ids = _conversation_ids(page)
    open_chat(page)
    say(page, "hello")
    pid = int((embedded_stack.var_dir / "logs" / "api.pid").read_text())
    os.kill(pid, signal.SIGKILL)  # the API dies mid-conversation; the supervisor restarts it

    before = bot_messages(page).count()
    box = widget(page).get_by_role("textbox", name="Your message")
    box.fill("I'm looking for warehouse jobs")
    box.press("Enter")
    banner = widget(page).get_by_role("alert")
    expect(banner).to_contain_text("0113 496 0000", timeout=REPLY_TIMEOUT_MS)  # who to call
    expect(banner).to_contain_text("kept")
    shoot(page, "web-7-unreachable")
    assert_accessible(page, "web-7-unreachable")

    # Back again: the message goes through once and its answer is shown once.
    expect(banner).to_be_hidden(timeout=90_000)
    expect(bot_messages(page).last.locator("article.card").first).to_be_visible()
    time.sleep(2)  # a late duplicate would show up by now
    answers = bot_messages(page).all_inner_texts()[before:]
    assert len(answers) == len(set(answers)), answers
    expect(widget(page).locator("li.me")).to_have_count(2)
    assert _user_turns(embedded_stack, ids[0], "warehouse jobs") == 1
    say(page, "show me more")  # and the conversation carries on over the new connection


def test_a_message_refused_for_speed_is_kept_and_sent_when_the_wait_is_over(embedded_stack, page):
    """The gateway's answer to a message over the rate limit is put on the real socket in
    place of the first answer (a minute's limit is too slow to reach in a test): the widget
    says why, keeps the message and sends it by itself once the wait is over, exactly once."""
    refused: list[str] = []
    wait = RateLimited(Limit("message", 30, 60), retry_after=2)

    def relay(socket) -> None:
        server = socket.connect_to_server()

        def from_page(message) -> None:
            sent = json.loads(message)
            if sent.get("text") == "care jobs" and not refused:
                refused.append(sent["id"])
                socket.send(
                    json.dumps(
                        {**rate_limited_body(wait, council_service.home()), "reply_to": sent["id"]}
                    )
                )
            else:
                server.send(message)

        socket.on_message(from_page)

    page.route_web_socket(re.compile(r".*/ws(\?.*)?$"), relay)
    page.goto(embedded_stack.base_url + "/")
    ids = _conversation_ids(page)
    open_chat(page)
    before = bot_messages(page).count()
    box = widget(page).get_by_role("textbox", name="Your message")
    box.fill("care jobs")
    box.press("Enter")
    banner = widget(page).get_by_role("alert")
    expect(banner).to_contain_text("faster than I can answer them")
    expect(banner).to_contain_text("kept")
    expect(banner.get_by_role("button")).to_have_count(0)  # it would only be refused again
    assert banner.inner_text().strip().endswith("Your message is kept and will be sent then.")
    expect(banner).to_be_hidden(timeout=REPLY_TIMEOUT_MS)
    wait_for_reply(page, before)
    assert refused
    expect(widget(page).locator("li.me")).to_have_count(1)
    assert _user_turns(embedded_stack, ids[0], "care jobs") == 1


def test_kiosk_wipes_after_inactivity_and_leaves_no_trace(embedded_stack, page):
    ids = _conversation_ids(page)
    page.goto(embedded_stack.base_url + "/kiosk?idle_warning=4&idle_wipe=9")
    expect(bot_messages(page).first).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    expect(widget(page).get_by_role("button", name="Chat with Work Local")).to_be_hidden()
    assert_accessible(page, "kiosk-1-greeting")
    say(page, "I need help with debt near DB1 1AA")

    warning = widget(page).get_by_role("alertdialog")
    expect(warning).to_be_visible(timeout=10_000)
    expect(warning).to_contain_text("still there")
    expect(warning.get_by_role("button", name="I'm still here")).to_be_focused()
    assert_accessible(page, "kiosk-2-idle-warning")
    warning.get_by_role("button", name="I'm still here").click()
    expect(warning).to_be_hidden()
    expect(widget(page)).to_contain_text("debt")  # still here: nothing was cleared

    # Then the resident walks away.
    expect(warning).to_be_visible(timeout=10_000)
    expect(bot_messages(page)).to_have_count(1, timeout=20_000)  # a fresh greeting
    expect(widget(page).locator("li.me")).to_have_count(0)
    assert "debt" not in widget(page).evaluate("host => host.shadowRoot.textContent")
    assert _stored(page) == {"session": 0, "local": 0, "cookies": ""}
    assert page.context.cookies() == []
    assert _conversation_gone(embedded_stack, ids[0])

    # Back and Forward show nothing of the person before either.
    page.go_back()
    page.go_forward()
    expect(bot_messages(page).first).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    assert "debt" not in widget(page).evaluate("host => host.shadowRoot.textContent")


def test_kiosk_ive_finished_asks_once_then_clears_everything(embedded_stack, page):
    ids = _conversation_ids(page)
    deletes = _deletes(page)
    page.goto(embedded_stack.base_url + "/kiosk")
    expect(bot_messages(page).first).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    say(page, "find me a job in a warehouse")
    shoot(page, "kiosk-3-results")
    finished = widget(page).locator("header").get_by_role("button", name="I've finished")
    finished.click()
    confirm = widget(page).get_by_role("alertdialog", name="Finish and delete this chat?")
    expect(confirm).to_be_visible()
    expect(confirm.get_by_role("button", name="No, keep chatting")).to_be_focused()
    assert_accessible(page, "kiosk-4-finish-confirm")

    # "No" keeps everything, and Escape is a "no" too.
    confirm.get_by_role("button", name="No, keep chatting").click()
    expect(confirm).to_be_hidden()
    expect(finished).to_be_focused()
    expect(widget(page).locator("li.me")).to_have_count(1)
    finished.press("Enter")
    expect(confirm).to_be_visible()
    page.keyboard.press("Escape")
    expect(confirm).to_be_hidden()
    expect(finished).to_be_focused()
    assert deletes == [] and _conversation_alive(embedded_stack, ids[0])

    finished.click()
    confirm.get_by_role("button", name="Yes, finish").click()
    expect(widget(page).locator("li.me")).to_have_count(0, timeout=REPLY_TIMEOUT_MS)
    expect(bot_messages(page)).to_have_count(1, timeout=REPLY_TIMEOUT_MS)
    assert _conversation_gone(embedded_stack, ids[0])
    assert _stored(page) == {"session": 0, "local": 0, "cookies": ""}
    assert any(urlsplit(url).path.endswith(f"/api/v1/conversations/{ids[0]}") for url in deletes)


def _link_sizes(reply):
    return reply.locator("a").evaluate_all(
        "as => as.map(a => [a.getBoundingClientRect().width, a.getBoundingClientRect().height])"
    )


def test_crisis_numbers_are_links_to_call_or_text(embedded_stack, page):
    page.goto(embedded_stack.base_url + "/")
    open_chat(page)
    reply = say(page, "i want to end it all")  # the server's safety net answers
    expect(reply).to_have_class(re.compile("crisis"))
    expected = {
        "call 999": "tel:999",
        "call 116 123": "tel:116123",
        "text SHOUT to 85258": "sms:85258?&body=SHOUT",
    }
    for name, href in expected.items():
        number = reply.get_by_role("link", name=name, exact=True)
        expect(number).to_have_attribute("href", href)
        expect(number).to_be_visible()
    # The number itself is what is shown (and can be read off a kiosk screen and dialled).
    expect(reply).to_contain_text("Samaritans: call 116 123, free")
    sizes = _link_sizes(reply)
    assert len(sizes) == 3 and all(w >= 24 and h >= 24 for w, h in sizes), sizes
    assert_accessible(page, "web-10-crisis-links")
    # Abuse has its own numbers: the helpline, 999 twice (the second to press 55), and the
    # council's housing line, which the words name without "call" just before it.
    reply = say(page, "my partner hits me and im scared to go home")
    expect(reply).to_contain_text("It is not your fault")
    expect(reply.get_by_role("link", name="call 999", exact=True)).to_have_count(2)
    helpline = reply.get_by_role("link", name="call 0808 2000 247", exact=True)
    expect(helpline).to_have_attribute("href", "tel:08082000247")
    housing = reply.get_by_role("link", name="Call 0113 496 0999", exact=True)
    expect(housing).to_have_attribute("href", "tel:01134960999")
    expect(housing).to_have_text(re.compile(r"0113 496 0999$"))
    assert len(_link_sizes(reply)) == 4
    # The resident's own words are never links, whatever numbers are in them.
    say(page, "my number is 0113 496 0000, call 999")
    expect(widget(page).locator("li.me a")).to_have_count(0)
    assert_accessible(page, "web-11-own-numbers-plain")


def test_kiosk_shows_the_crisis_numbers_large_and_as_text(embedded_stack, page):
    page.goto(embedded_stack.base_url + "/kiosk")
    expect(bot_messages(page).first).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    reply = say(page, "i want to end it all")
    expect(reply).to_have_class(re.compile("crisis"))
    for number in ("999", "116 123", "85258"):
        expect(reply).to_contain_text(number)  # a kiosk can't dial: the number is there to read
    sizes = _link_sizes(reply)
    assert len(sizes) == 3 and all(w >= 44 and h >= 44 for w, h in sizes), sizes
    reply.scroll_into_view_if_needed()
    assert_accessible(page, "kiosk-5-crisis-links")


def _chat_through_relay(stack, page, change) -> None:
    """Open the chat with every answer on its way from the gateway's socket to the page changed
    by ``change`` (the real messages in, the messages shown out)."""
    opened: list[bool] = []

    def relay(socket) -> None:
        server = socket.connect_to_server()
        opened.append(True)

        def from_server(message) -> None:
            data = json.loads(message)
            if data.get("reply_to") and data.get("messages"):
                data["messages"] = change(data["messages"])
            socket.send(json.dumps(data))

        server.on_message(from_server)

    page.route_web_socket(re.compile(r".*/ws(\?.*)?$"), relay)
    page.goto(stack.base_url + "/")
    open_chat(page)
    for _ in range(100):  # the answer must come through the relay, not over HTTP
        if opened:
            break
        page.wait_for_timeout(100)
    page.wait_for_timeout(300)


def test_a_safety_reminder_looks_like_the_crisis_answer_and_is_read_once(embedded_stack, page):
    """The server will add ``safety_numbers`` reminders under later replies; until it does, the
    test adds one (and a message full of numbers that are not phone numbers) to a real answer
    on its way from the gateway's socket to the page."""
    reminder = "If you need help now: call 999, Samaritans 116 123, or text SHOUT to 85258."
    not_phones = (
        "The course starts on 03/03/2025 at 09:30, costs \u00a38.00 a week (\u00a3999 in "
        "full), and I found 12 courses near DB1 1AA for 19 to 24 year olds. Your reference is "
        "KH3-7XP."
    )

    added = {"text": reminder, "custom": {"type": "safety_numbers", "text": reminder}}
    _chat_through_relay(embedded_stack, page, lambda real: [*real, {"text": not_phones}, added])
    say(page, "I want to find a job")
    shown = bot_messages(page).filter(has_text="If you need help now")
    expect(shown).to_have_count(1)
    expect(shown).to_have_class(re.compile(r"\bcrisis\b"))
    expect(shown).to_have_class(re.compile(r"\breminder\b"))
    expect(shown.get_by_role("link", name="call 999", exact=True)).to_have_attribute(
        "href", "tel:999"
    )
    expect(shown.get_by_role("link", name="Call 116 123", exact=True)).to_have_attribute(
        "href", "tel:116123"
    )
    expect(shown.get_by_role("link", name="text SHOUT to 85258")).to_have_attribute(
        "href", "sms:85258?&body=SHOUT"
    )
    assert shown.inner_text().count("If you need help now") == 1  # text and custom: shown once
    live = widget(page).locator("[aria-live]")
    assert live.text_content().count("If you need help now") == 1  # and announced once
    numbers = bot_messages(page).filter(has_text="KH3-7XP")
    expect(numbers).to_contain_text("09:30")
    expect(numbers.locator("a")).to_have_count(0)
    shown.scroll_into_view_if_needed()
    assert_accessible(page, "web-12-safety-reminder")


def test_a_check_in_opening_a_reply_shows_who_is_speaking(embedded_stack, page):
    """The gateway puts a check-in (``safety_numbers``) above the dialogue's answer, so the
    question asked next comes last; opening a reply, it is not tucked under one."""
    check_in = "I may have got this wrong, but if you are not safe, call 999 or Samaritans 116 123."
    added = {"text": check_in, "custom": {"type": "safety_numbers", "text": check_in}}
    more = [{"text": "Noted."}, {"text": "Here is what I found."}, {"text": "Anything else?"}]
    _chat_through_relay(embedded_stack, page, lambda real: [added, *real, *more])
    say(page, "I want to find a job")
    shown = bot_messages(page).filter(has_text="I may have got this wrong")
    expect(shown).to_have_count(1)
    expect(shown).to_have_class(re.compile(r"\bcrisis\b"))
    expect(shown).not_to_have_class(re.compile(r"\breminder\b"))
    expect(shown.locator(".who")).to_be_visible()
    expect(shown.locator(".who")).to_have_text("Work Local")
    assert bot_messages(page).last.inner_text() != shown.inner_text()  # the answer follows it
    # Read out whole: a reply of five messages keeps its first for screen readers too.
    live = widget(page).locator("[aria-live]")
    assert live.text_content().count("I may have got this wrong") == 1
    assert "Anything else?" in live.text_content()


def test_start_again_asks_first(embedded_stack, page):
    deletes = _deletes(page)
    page.goto(embedded_stack.base_url + "/")
    open_chat(page)
    say(page, "I want to find a job")
    [old_id] = page.evaluate("() => Object.values(sessionStorage).map(v => JSON.parse(v).id)")
    shown = bot_messages(page).count()
    restart = widget(page).get_by_role("button", name="Start again")
    restart.click()
    confirm = widget(page).get_by_role("alertdialog", name="Start again? This deletes this chat.")
    expect(confirm).to_be_visible()
    expect(confirm.get_by_role("button", name="No, keep chatting")).to_be_focused()
    assert_accessible(page, "web-13-start-again-confirm")

    # No: the conversation and its messages stay, here and on the server.
    confirm.get_by_role("button", name="No, keep chatting").click()
    expect(confirm).to_be_hidden()
    expect(restart).to_be_focused()
    expect(bot_messages(page)).to_have_count(shown)
    expect(widget(page).locator("li.me")).to_have_count(1)
    assert deletes == [] and _conversation_alive(embedded_stack, old_id)
    say(page, "warehouse jobs")  # and the conversation carries on
    assert page.evaluate("() => Object.values(sessionStorage).map(v => JSON.parse(v).id)") == [
        old_id
    ]

    # Yes: cleared here, and the server forgets it.
    restart.click()
    confirm.get_by_role("button", name="Yes, start again").click()
    expect(confirm).to_be_hidden()
    expect(widget(page).get_by_role("textbox", name="Your message")).to_be_focused()
    expect(widget(page).locator("li.me")).to_have_count(0)
    expect(bot_messages(page)).to_have_count(1, timeout=REPLY_TIMEOUT_MS)
    gone = f"/api/v1/conversations/{old_id}"
    assert any(urlsplit(url).path.endswith(gone) for url in deletes), deletes
    assert _conversation_gone(embedded_stack, old_id)
    [new_id] = page.evaluate("() => Object.values(sessionStorage).map(v => JSON.parse(v).id)")
    assert new_id and new_id != old_id


def test_start_again_typed_in_the_chat_deletes_it_too(embedded_stack, page):
    """ "can u delete this" then "yes": the server deletes the conversation as it answers, and
    the widget carries on in a new one, saying what happened."""
    page.goto(embedded_stack.base_url + "/")
    open_chat(page)
    say(page, "im 24 and looking for warehouse work")
    [old_id] = page.evaluate("() => Object.values(sessionStorage).map(v => JSON.parse(v).id)")
    reply = say(page, "can u delete this chat pls")
    expect(reply.get_by_role("button", name="Yes, start again")).to_be_visible()
    box = widget(page).get_by_role("textbox", name="Your message")
    box.fill("yes")
    box.press("Enter")
    note = widget(page).locator("li.note")
    expect(note).to_contain_text("I've deleted this chat", timeout=REPLY_TIMEOUT_MS)
    expect(widget(page).locator("li.me")).to_have_count(0)
    expect(bot_messages(page)).to_have_count(1, timeout=REPLY_TIMEOUT_MS)  # a new greeting
    assert _conversation_gone(embedded_stack, old_id)
    [new_id] = page.evaluate("() => Object.values(sessionStorage).map(v => JSON.parse(v).id)")
    assert new_id and new_id != old_id


def test_the_start_again_confirmation_by_keyboard_only(embedded_stack, page):
    page.goto(embedded_stack.base_url + "/")
    open_chat(page)
    box = widget(page).get_by_role("textbox", name="Your message")
    box.focus()
    page.keyboard.type("I want to find a job")
    page.keyboard.press("Enter")
    wait_for_reply(page, 1)

    restart = widget(page).get_by_role("button", name="Start again")
    for _ in range(40):  # back up through the panel to the header's button
        page.keyboard.press("Shift+Tab")
        if _focused(restart):
            break
    else:
        raise AssertionError("Start again cannot be reached with Shift+Tab")
    confirm = widget(page).get_by_role("alertdialog")
    no = confirm.get_by_role("button", name="No, keep chatting")
    yes = confirm.get_by_role("button", name="Yes, start again")

    page.keyboard.press("Enter")
    expect(confirm).to_be_visible()
    expect(no).to_be_focused()
    page.keyboard.press("Escape")  # cancels the question, not the chat panel
    expect(confirm).to_be_hidden()
    expect(widget(page).get_by_role("dialog")).to_be_visible()
    expect(restart).to_be_focused()

    page.keyboard.press("Space")
    expect(no).to_be_focused()
    page.keyboard.press("Enter")  # "No"
    expect(confirm).to_be_hidden()
    expect(restart).to_be_focused()
    expect(widget(page).locator("li.me")).to_have_count(1)

    page.keyboard.press("Enter")
    expect(no).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(yes).to_be_focused()
    page.keyboard.press("Enter")  # "Yes"
    expect(box).to_be_focused()
    expect(widget(page).locator("li.me")).to_have_count(0)
    expect(bot_messages(page)).to_have_count(1, timeout=REPLY_TIMEOUT_MS)


def _obscured(page) -> bool:
    """Whether the element with focus on the page lies under the open chat panel."""
    return page.evaluate(
        """() => {
            const host = document.getElementById("worklocal-widget");
            const panel = host.shadowRoot.querySelector(".panel");
            const el = document.activeElement;
            if (!el || el === host || panel.hidden) return false;
            const a = el.getBoundingClientRect(), b = panel.getBoundingClientRect();
            return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
        }"""
    )


def test_the_open_panel_never_hides_what_has_focus_on_the_page(embedded_stack, page):
    page.set_viewport_size({"width": 900, "height": 700})
    page.goto(embedded_stack.base_url + "/")
    open_chat(page)
    page.evaluate("() => document.body.focus()")
    for _ in range(15):  # every link of the council's page, in Tab order
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id === 'worklocal-widget'"):
            break
        assert not _obscured(page), page.evaluate("() => document.activeElement.outerHTML")


def test_text_at_200_percent_and_other_brand_colours_stay_usable(embedded_stack, page):
    # A light brand colour needs dark text on it, and darker links: both chosen by the widget.
    page.goto(embedded_stack.base_url + "/?colour=%23ffdd00")
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    open_chat(page)
    say(page, "any warehouse jobs near DB1 1AA")
    assert_accessible(page, "web-8-yellow-theme-text-200")
    panel = widget(page).locator(".panel")
    assert panel.evaluate("p => p.scrollWidth <= p.clientWidth + 1")  # no sideways scrolling
    expect(widget(page).get_by_role("button", name="Send")).to_be_in_viewport()
    box = "b => [b.getBoundingClientRect().width, b.getBoundingClientRect().height]"
    sizes = widget(page).locator("button:visible").evaluate_all(f"bs => bs.map({box})")
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes)  # WCAG 2.5.8 target size

    page.goto(embedded_stack.base_url + "/adult-learning?colour=%2300703c")
    expect(bot_messages(page).last).to_be_visible()  # the same conversation, another colour
    assert_accessible(page, "web-9-green-theme")
