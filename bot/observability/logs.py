"""Logs as JSON lines with a request id, and without personal data.

A request id comes from the ``X-Request-ID`` header (a proxy's) or is made here; it is on every
log line of the request, returned in the response header, and passed to Rasa in the message
metadata so the actions can log it too. Conversation ids (a resident's only key), plan tokens,
booking references and contacts are removed from every line before it is written.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import secrets
from datetime import datetime, timezone

REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# Path segments that identify a resident, and contact details anywhere in a message.
_REDACT = [
    (re.compile(r"(/(?:conversations|plans|cases)/)[^/\s\"?;,&]+"), r"\1…"),
    (re.compile(r"(/console/recover/)[^/\s\"?;,&]+"), r"\1…"),  # a link that sets a password
    (re.compile(r"(/bookings/)[^/\s\"?.;,&]+"), r"\1…"),  # keeps ".ics"
    (re.compile(r"(/postcodes/)[^/\s\"?;,&]+"), r"\1…"),
    (re.compile(r"([?&](?:token|after|case)=)[^&\s\";,]+"), r"\1…"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    (re.compile(r"(?<!\d)(?:\+44\s?|0)7\d{3}\s?\d{6}(?!\d)"), "[phone]"),
]


def new_request_id(given: str | None) -> str:
    return given if given and _SAFE_ID.match(given) else secrets.token_hex(8)


def redact(text: str) -> str:
    for pattern, replacement in _REDACT:
        text = pattern.sub(replacement, text)
    return text


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        request_id = REQUEST_ID.get()
        if request_id:
            line["request_id"] = request_id
        if record.exc_info:
            line["error"] = redact(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False)


class RedactingFormatter(logging.Formatter):
    """The plain format for a developer's terminal, redacted the same way."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class AccessLogPrivacy(logging.Filter):
    """uvicorn's access and WebSocket lines without what identifies a resident: the client's
    address is cut to its network (the last part of an IPv4 address, all but the first three
    groups of an IPv6 one) and the query string, which may hold a postcode, is dropped. Both
    kinds of line start ``client - "...``."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and args and str(record.msg).startswith('%s - "'):
            kept = [network_of(str(args[0]))]
            kept += [a.split("?", 1)[0] if isinstance(a, str) and a.startswith("/") else a
                     for a in args[1:]]  # fmt: skip
            record.args = tuple(kept)
        return True


def network_of(client: str) -> str:
    """``"203.0.113.7:51234"`` -> ``"203.0.113.0"``; an IPv6 address (with or without its
    port) -> its first three groups, ``"2001:db8:1::"``."""
    host = client.rsplit(":", 1)[0] if client.count(":") == 1 or "]" in client else client
    host = host.strip("[]")
    if "." in host and host.count(".") == 3:
        return ".".join([*host.split(".")[:3], "0"])
    if ":" in host:
        return ":".join(host.split(":")[:3]) + "::"
    return host


def configure(level: str, json_lines: bool) -> None:
    """One handler on the root logger; uvicorn's loggers propagate to it."""
    handler = logging.StreamHandler()
    handler.setFormatter(
        JsonFormatter()
        if json_lines
        else RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.access", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    for name in ("uvicorn.access", "uvicorn.error"):  # the error logger has the WebSocket lines
        lines = logging.getLogger(name)
        if not any(isinstance(f, AccessLogPrivacy) for f in lines.filters):
            lines.addFilter(AccessLogPrivacy())
