"""Talk to the Rasa server over its REST channel, with timeouts and one clear failure type."""

from __future__ import annotations

import itertools
import json
from typing import Any
from urllib.parse import quote, urlsplit

import urllib3
from urllib3.exceptions import ConnectTimeoutError, HTTPError

from bot.conversation.models import BotMessage, Button
from bot.observability import metrics
from bot.observability.logs import REQUEST_ID

CONNECT_SECONDS = 2.0


class AssistantUnavailable(RuntimeError):
    """Rasa (or the action server behind it) did not answer in time or answered with an error."""


class RasaClient:
    """Pooled HTTP connections to one or more Rasa servers. Thread-safe: the API shares one.

    Turns go to the servers in turn. They share the tracker store and the lock store, so any
    server can take any conversation's next message. A server that refuses the connection is
    skipped for the next one (the message never reached it); any other failure is the
    resident's answer, because the message may have been processed and must not run twice.

    urllib3 rather than httpx: a turn's call to Rasa cost the gateway 1.8 ms of CPU through
    httpx, a quarter of all its work on a turn (docs/benchmarks.md, "Load through the gateway").
    """

    def __init__(self, base_urls: str | list[str], timeout: float = 10.0, token: str = "") -> None:
        urls = [base_urls] if isinstance(base_urls, str) else list(base_urls)
        self.base_urls = [url.rstrip("/") for url in urls if url.strip()]
        if not self.base_urls:
            raise ValueError("at least one Rasa server URL is needed")
        # Up to 20 idle connections are kept per server; a burst opens more, then closes them.
        self._pools = [
            urllib3.connection_from_url(
                url, maxsize=20, block=False, retries=False,
                timeout=urllib3.Timeout(connect=CONNECT_SECONDS, read=timeout),
            )
            for url in self.base_urls
        ]  # fmt: skip
        self._prefixes = [urlsplit(url).path for url in self.base_urls]
        # Rasa refuses every request without the shared token (bot/assistant/internal_auth.py).
        self._query = f"?token={quote(token, safe='')}" if token else ""
        self._next = itertools.count()

    def close(self) -> None:
        for pool in self._pools:
            pool.close()

    def send(self, sender_id: str, text: str, metadata: dict[str, Any]) -> list[BotMessage]:
        with metrics.timed("assistant"):
            raw = self._post(
                "/webhooks/rest/webhook",
                {"sender": sender_id, "message": text, "metadata": metadata},
            )
        if not isinstance(raw, list):
            raise AssistantUnavailable(f"unexpected reply from Rasa: {type(raw).__name__}")
        return normalise(raw)

    def add_event(self, sender_id: str, event: str) -> None:
        """Append an event such as ``pause`` (ConversationPaused) or ``resume`` to a tracker.

        While paused, Rasa predicts nothing for the conversation: a person is talking instead.
        """
        self._post(f"/conversations/{sender_id}/tracker/events", {"event": event})

    def forget(self, sender_id: str) -> None:
        """Tell every Rasa server a conversation is forgotten, so none keeps its words in its
        NLU cache. Best effort: a server that is down has lost its cache anyway, and a cached
        message goes within the hour regardless (bot/assistant/nlu_cache.py)."""
        path = f"/worklocal/conversations/{quote(sender_id, safe='')}/forget"
        for pool, prefix in zip(self._pools, self._prefixes, strict=True):
            try:
                pool.urlopen("POST", prefix + path + self._query, body=b"{}",
                             timeout=urllib3.Timeout(2.0),
                             headers={"Content-Type": "application/json"})  # fmt: skip
            except (HTTPError, OSError):
                continue

    def _post(self, path: str, body: dict[str, Any]) -> Any:
        start = next(self._next)
        data = json.dumps(body).encode()
        headers = {"Content-Type": "application/json", **_request_headers()}
        failure: Exception | None = None
        for step in range(len(self._pools)):
            index = (start + step) % len(self._pools)
            metrics.ASSISTANT_REQUESTS.labels(str(index)).inc()
            try:
                response = self._pools[index].urlopen(
                    "POST",
                    self._prefixes[index] + path + self._query,
                    body=data,
                    headers=headers,
                )
            except ConnectTimeoutError as exc:  # refused or unanswered: never reached it
                failure = exc
                continue
            except (HTTPError, OSError) as exc:
                raise AssistantUnavailable(str(exc)) from exc
            if response.status >= 400:
                raise AssistantUnavailable(f"Rasa answered HTTP {response.status}")
            try:
                return json.loads(response.data)
            except ValueError as exc:
                raise AssistantUnavailable(f"Rasa's answer was not JSON: {exc}") from exc
        raise AssistantUnavailable(str(failure))

    def is_ready(self) -> bool:
        """At least one Rasa server answers with a model loaded."""
        return any(self.ready_servers())

    def ready_servers(self) -> list[bool]:
        return [
            _ready(pool, prefix + "/status" + self._query)
            for pool, prefix in zip(self._pools, self._prefixes, strict=True)
        ]


def _ready(pool: urllib3.HTTPConnectionPool, status_url: str) -> bool:
    try:
        response = pool.urlopen("GET", status_url, timeout=urllib3.Timeout(2.0))
        return response.status == 200 and bool(json.loads(response.data).get("model_file"))
    except (HTTPError, OSError, ValueError, AttributeError):
        return False


def _request_headers() -> dict[str, str]:
    """The turn's request id, so Rasa's and the actions' log lines can be joined to ours."""
    request_id = REQUEST_ID.get()
    return {"X-Request-ID": request_id} if request_id else {}


def normalise(raw: list[dict[str, Any]]) -> list[BotMessage]:
    """Rasa's REST output as the gateway's message shape; unknown keys are dropped.

    Rasa's REST channel splits one utterance with text and a custom payload into two messages;
    they are joined again here, so the text stays with the cards or plan it describes.
    """
    messages: list[BotMessage] = []
    for item in raw:
        buttons = [
            Button(title=str(b.get("title", "")), payload=str(b.get("payload", "")))
            for b in item.get("buttons") or []
            if b.get("payload")
        ]
        custom = item.get("custom")
        message = BotMessage(
            text=item.get("text") or None,
            buttons=buttons or None,
            custom=custom if isinstance(custom, dict) else None,
        )
        previous = messages[-1] if messages else None
        if (
            message.custom
            and not (message.text or message.buttons)
            and previous
            and (previous.custom is None)
        ):
            previous.custom = message.custom
        elif message.text or message.buttons or message.custom:
            messages.append(message)
    return messages
