"""A local stand-in for GOV.UK Notify's HTTP API, so tests drive the real client end to end.

It checks what Notify checks (a bearer JWT signed with the key's secret, issued by the service,
the JSON body) and answers as Notify does, or with the failures a test queues up.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

import jwt

from tests.http_double import answer_json, serving

SERVICE_ID = "0f6f4a8c-1c1e-4f7b-9d3a-2b5a5e6c7d80"
SECRET = "8e1d2c3b-4a59-4e7f-8a6b-5c4d3e2f1a09"
API_KEY = f"worklocal_test-{SERVICE_ID}-{SECRET}"


@dataclass
class FakeNotify:
    url: str = ""
    received: list[dict] = field(default_factory=list)
    failures: list[int] = field(default_factory=list)  # statuses to answer next, in order


def _handler(state: FakeNotify):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args) -> None:
            pass

        def _answer(self, status: int, body: dict) -> None:
            answer_json(self, status, body)

        def do_POST(self) -> None:
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            try:
                claims = jwt.decode(token, SECRET, algorithms=["HS256"])
                assert claims["iss"] == SERVICE_ID
            except Exception:
                self._answer(403, {"errors": [{"error": "AuthError", "message": "Invalid token"}]})
                return
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if state.failures:
                status = state.failures.pop(0)
                self._answer(
                    status,
                    {
                        "status_code": status,
                        "errors": [{"error": "Error", "message": f"fake {status}"}],
                    },
                )
                return
            kind = self.path.rsplit("/", 1)[-1]
            state.received.append({"kind": kind, **body})
            self._answer(
                201,
                {
                    "id": str(uuid.uuid4()),
                    "reference": body.get("reference"),
                    "content": {},
                    "template": {"id": body["template_id"]},
                },
            )

    return Handler


@contextmanager
def running() -> Iterator[FakeNotify]:
    state = FakeNotify()
    with serving(_handler(state)) as url:
        state.url = url
        yield state
