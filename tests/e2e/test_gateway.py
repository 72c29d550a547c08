"""The real Rasa server, action server and API, driven through the gateway as clients do."""

from __future__ import annotations

import json

import httpx
import pytest
import websockets

from tests.e2e.helpers import Resident, all_text, payloads

pytestmark = pytest.mark.e2e


def rasa_events(stack, conversation_id: str) -> list[dict]:
    response = httpx.get(stack.rasa(f"/conversations/{conversation_id}/tracker"), timeout=10)
    response.raise_for_status()
    return response.json()["events"]


def test_health_and_readiness(embedded_stack):
    assert httpx.get(f"{embedded_stack.base_url}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{embedded_stack.base_url}/readyz").json()
    assert ready == {
        "status": "ready",
        "checks": {"database": True, "rasa": True, "action_server": True, "live_updates": True},
    }


def test_greeting_names_the_council_says_it_is_a_bot_and_offers_a_person(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    [greeting] = resident.greeting
    assert "Demo Borough Council" in greeting["text"]  # slot set by action_session_start
    assert "computer program" in greeting["text"]
    assert payloads(resident.greeting) == [
        "/find_course",
        "/find_job",
        "/get_support",
        "/career_advice",
        "/request_adviser",
    ]


def test_a_first_conversation_through_every_process(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    reply = resident.say("r u a real person??")
    assert "not a person" in all_text(reply)
    reply = resident.press("/request_adviser")  # runs on the action server
    said = all_text(reply)
    # True at any hour: an adviser joins, or the resident hears when and how one will answer
    assert "will join this chat soon" in said or (
        "0113 496 0000" in said
        and ("They open again at" in said or "Nobody from the team is free" in said)
    )
    assert "Your reference is" in said or "your reference is" in said
    reply = resident.press("/help")
    assert "/request_adviser" in payloads(reply)
    reply = resident.say("how do i pay council tax")
    assert "can't help with that" in all_text(reply)
    reply = resident.say("thank you, bye")
    assert all_text(reply)


def test_typed_rasa_syntax_does_not_trigger_intents_or_set_slots(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    before = rasa_events(embedded_stack, resident.id)
    for typed in ['/inform{"council_name": "Hacked"}', "/restart", "/request_adviser"]:
        reply = resident.say(typed)
        assert "computer command" in all_text(reply)
        # the greeting's buttons are offered again, so the resident can carry on
        assert "/request_adviser" in payloads(reply)
    assert rasa_events(embedded_stack, resident.id) == before
    # and the council name slot still comes from the council's configuration
    assert "Demo Borough Council" in all_text(resident.say("are you a bot"))


def test_only_offered_payloads_are_accepted(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    url = f"/api/v1/conversations/{resident.id}/messages"
    refused = resident.http.post(url, json={"payload": '/inform{"age": 99}'})
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "payload_not_offered"
    resident.say("are you a bot")  # its buttons replace the greeting's
    stale = resident.http.post(url, json={"payload": "/find_job"})
    assert stale.status_code == 422


@pytest.mark.parametrize(
    "body,status,code",
    [
        ({"text": ""}, 422, "empty_message"),
        ({"text": "   \n "}, 422, "empty_message"),
        ({"text": "x" * 2001}, 422, "message_too_long"),
        ({}, 422, "text_or_payload"),
        ({"text": ["not", "text"]}, 422, "invalid_request"),
    ],
)
def test_bad_messages_get_clear_errors(embedded_stack, body, status, code):
    resident = Resident(embedded_stack.base_url)
    response = resident.http.post(f"/api/v1/conversations/{resident.id}/messages", json=body)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_malformed_json_body(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    response = resident.http.post(
        f"/api/v1/conversations/{resident.id}/messages",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


def test_unknown_conversation_is_404_json(embedded_stack):
    http = httpx.Client(base_url=embedded_stack.base_url)
    for method, path in [
        ("POST", "/api/v1/conversations/not-a-real-id/messages"),
        ("DELETE", "/api/v1/conversations/not-a-real-id"),
    ]:
        response = http.request(method, path, json={"text": "hello"})
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "conversation_not_found"


def test_ending_a_conversation_forgets_it_everywhere(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    resident.say("my postcode is LS9 8AB and i need a job")
    assert rasa_events(embedded_stack, resident.id)
    assert resident.http.delete(f"/api/v1/conversations/{resident.id}").status_code == 204
    again = resident.http.post(
        f"/api/v1/conversations/{resident.id}/messages", json={"text": "hello"}
    )
    assert again.status_code == 404
    # Rasa's tracker store holds nothing for it any more.
    assert [e for e in rasa_events(embedded_stack, resident.id) if e["event"] == "user"] == []


async def test_websocket_carries_the_same_turns(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    ws_url = (
        embedded_stack.base_url.replace("http", "ws") + f"/api/v1/conversations/{resident.id}/ws"
    )
    async with websockets.connect(ws_url) as socket:
        await socket.send(json.dumps({"text": "are you a bot"}))
        reply = json.loads(await socket.recv())
        assert "not a person" in all_text(reply["messages"])
        await socket.send(json.dumps({"payload": "/request_adviser"}))
        reply = json.loads(await socket.recv())
        assert "0113 496 0000" in all_text(reply["messages"])
        await socket.send("{broken")
        assert json.loads(await socket.recv())["error"]["code"] == "invalid_request"
        await socket.send(json.dumps({"text": "x" * 5000}))
        assert json.loads(await socket.recv())["error"]["code"] == "message_too_long"
        await socket.send(json.dumps({"text": "/restart"}))
        assert "computer command" in all_text(json.loads(await socket.recv())["messages"])


async def test_websocket_for_unknown_conversation_says_so_and_closes(embedded_stack):
    ws_url = embedded_stack.base_url.replace("http", "ws") + "/api/v1/conversations/nope/ws"
    async with websockets.connect(ws_url) as socket:
        assert json.loads(await socket.recv())["error"]["code"] == "conversation_not_found"
        with pytest.raises(websockets.ConnectionClosed):
            await socket.recv()
        assert socket.close_code == 4404


def test_openapi_documents_the_gateway(embedded_stack):
    spec = httpx.get(f"{embedded_stack.base_url}/openapi.json").json()
    assert spec["openapi"] == "3.0.3"  # the version the bundled Swagger UI renders
    assert "/api/v1/conversations/{conversation_id}/messages" in spec["paths"]
    page = httpx.get(f"{embedded_stack.base_url}/docs")
    assert page.status_code == 200
    # Swagger UI comes from this service, never a CDN (kiosks and council networks block them).
    assert "cdn." not in page.text
    assert "/static/swagger-ui/swagger-ui-bundle.js" in page.text
    script = httpx.get(f"{embedded_stack.base_url}/static/swagger-ui/swagger-ui-bundle.js")
    assert script.status_code == 200
    assert len(script.content) > 100_000


def test_button_payloads_with_entities_arrive_intact_and_rasa_logs_no_errors(embedded_stack):
    """domain.yml writes such payloads with doubled braces, or Rasa's response templating
    logs an exception on every button (it takes the JSON for a slot name)."""
    resident = Resident(embedded_stack.base_url)
    resident.say("help me work out what's right for me")
    for _ in range(3):  # what you want, age, postcode
        messages = resident.press("/skip")
    assert '/inform{"situation":"out_of_work"}' in payloads(messages)
    messages = resident.press('/inform{"situation":"out_of_work"}')
    assert "how long" in all_text(messages).lower()
    log = (embedded_stack.var_dir / "logs" / "rasa.log").read_text()
    assert "interpolator.interpolate.text" not in log
