"""A lean JSON client for the load generator.

The residents' browsers are not on the server in life, but here they share its two cores, so
every millisecond the load generator spends is taken from the service it measures. httpx spent
about 3 ms of CPU per turn (a fifth of the Rasa server's); one kept-alive ``http.client``
connection per resident spends a fraction of that.
"""

from __future__ import annotations

import http.client
import json
import time
from typing import Any
from urllib.parse import urlsplit

IDLE_SECONDS = 4.0  # under uvicorn's and Sanic's 5 s keep-alive: reconnect rather than race


class Answer:
    """The parts of an ``httpx.Response`` the benchmark reads."""

    def __init__(self, status_code: int, body: bytes) -> None:
        self.status_code = status_code
        self.content = body

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.content)

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise http.client.HTTPException(f"HTTP {self.status_code}: {self.text[:200]}")


class KeepAliveClient:
    """One connection, reopened when it has been idle long enough for the server to close it."""

    def __init__(self, base_url: str, timeout: float = 60) -> None:
        parts = urlsplit(base_url)
        self.host, self.port, self.timeout = parts.hostname, parts.port or 80, timeout
        self.connection: http.client.HTTPConnection | None = None
        self.used = 0.0

    def request(self, method: str, path: str, body: Any = None) -> Answer:
        if self.connection is None or time.monotonic() - self.used > IDLE_SECONDS:
            self.close()
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        data = None if body is None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"} if data is not None else {}
        try:
            self.connection.request(method, path, body=data, headers=headers)
            response = self.connection.getresponse()
            answer = Answer(response.status, response.read())
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        self.used = time.monotonic()
        return answer

    def post(self, path: str, json: Any = None) -> Answer:
        return self.request("POST", path, {} if json is None else json)

    def delete(self, path: str) -> Answer:
        return self.request("DELETE", path)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
