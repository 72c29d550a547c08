"""Talk to the Rasa server over its REST channel, with timeouts and one clear failure type."""

from __future__ import annotations

from typing import Any

import httpx

from bot.conversation.models import BotMessage, Button
from bot.observability import metrics


class AssistantUnavailable(RuntimeError):
    """Rasa (or the action server behind it) did not answer in time or answered with an error."""


class RasaClient:
    """A pooled HTTP client for one Rasa server. Thread-safe, so the API shares one instance."""

    def __init__(self, base_url: str, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=2.0),
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
        )

    def close(self) -> None:
        self._http.close()

    def send(self, sender_id: str, text: str, metadata: dict[str, Any]) -> list[BotMessage]:
        with metrics.timed("assistant"):
            return self._send(sender_id, text, metadata)

    def _send(self, sender_id: str, text: str, metadata: dict[str, Any]) -> list[BotMessage]:
        try:
            response = self._http.post(
                "/webhooks/rest/webhook",
                json={"sender": sender_id, "message": text, "metadata": metadata},
            )
            response.raise_for_status()
            raw = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise AssistantUnavailable(str(exc)) from exc
        if not isinstance(raw, list):
            raise AssistantUnavailable(f"unexpected reply from Rasa: {type(raw).__name__}")
        return normalise(raw)

    def add_event(self, sender_id: str, event: str) -> None:
        """Append an event such as ``pause`` (ConversationPaused) or ``resume`` to a tracker.

        While paused, Rasa predicts nothing for the conversation: a person is talking instead.
        """
        try:
            response = self._http.post(
                f"/conversations/{sender_id}/tracker/events", json={"event": event}
            )
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise AssistantUnavailable(str(exc)) from exc

    def is_ready(self) -> bool:
        """Rasa answers and has a model loaded."""
        try:
            response = self._http.get("/status", timeout=2.0)
            return response.status_code == 200 and bool(response.json().get("model_file"))
        except (httpx.HTTPError, ValueError):
            return False


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
