"""A local stand-in for the Rasa server, so tests drive the real ``RasaClient`` over HTTP: its
tracker events endpoint records each pause and resume the gateway sends, and its REST channel
records each message and answers "You said ..."."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from tests.http_double import answer_json, serving


@dataclass
class FakeRasa:
    url: str = ""
    events: list[tuple[str, str]] = field(default_factory=list)  # (conversation, event)
    heard: list[str] = field(default_factory=list)  # messages sent to the REST channel
    metadata: list[dict] = field(default_factory=list)  # what the gateway sent with each
    replies: list[list[dict]] = field(default_factory=list)  # said instead of "You said ..."


@contextmanager
def running() -> Iterator[FakeRasa]:
    state = FakeRasa()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args) -> None:
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
            parts = self.path.split("/")
            if self.path == "/webhooks/rest/webhook":
                state.heard.append(body["message"])
                state.metadata.append(body.get("metadata") or {})
                said = (
                    state.replies.pop(0)
                    if state.replies
                    else [{"recipient_id": body["sender"], "text": f"You said {body['message']}"}]
                )
                answer_json(self, 200, said)
            elif (
                len(parts) == 5
                and parts[1] == "conversations"
                and parts[3:] == ["tracker", "events"]
            ):
                state.events.append((parts[2], body.get("event")))
                answer_json(self, 200, {"sender_id": parts[2],
                                        "paused": body.get("event") == "pause"})  # fmt: skip
            else:
                answer_json(self, 404, {"error": "not here"})

    with serving(Handler) as url:
        state.url = url
        yield state
