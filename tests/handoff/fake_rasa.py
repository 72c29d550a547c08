"""A local stand-in for the Rasa server's tracker events endpoint, recording each pause and
resume the gateway sends, so tests drive the real ``RasaClient`` over HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from tests.http_double import serving


@dataclass
class FakeRasa:
    url: str = ""
    events: list[tuple[str, str]] = field(default_factory=list)  # (conversation, event)


@contextmanager
def running() -> Iterator[FakeRasa]:
    state = FakeRasa()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args) -> None:
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
            parts = self.path.split("/")
            if (
                len(parts) == 5
                and parts[1] == "conversations"
                and parts[3:] == ["tracker", "events"]
            ):
                state.events.append((parts[2], body.get("event")))
                data = json.dumps({"sender_id": parts[2], "paused": body.get("event") == "pause"})
                status = 200
            else:
                data, status = json.dumps({"error": "not here"}), 404
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data.encode())

    with serving(Handler) as url:
        state.url = url
        yield state
