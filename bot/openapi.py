"""The OpenAPI document as clients may rely on it: valid OpenAPI 3.0.3, and every answer the
API can give documented, checked by schema-driven tests (tests/unit/test_openapi_conformance.py).

FastAPI with pydantic 1 writes two things OpenAPI 3.0 reads differently, and leaves out the
error answers its exception handlers give:

- a numeric ``exclusiveMinimum`` (JSON Schema 2019 and later) instead of 3.0's ``minimum`` with
  a boolean ``exclusiveMinimum``;
- optional fields that the API answers with ``null`` but whose schema is not ``nullable``;
- the errors every route can answer (``bot.errors``): 404 for an unknown id, 413 for a body too
  large, 429 over a rate limit, 503 when a store or the assistant is down.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

ERROR = {
    "title": "Error",
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "description": "stable, for programs"},
                "message": {"type": "string", "description": "plain words, safe to show"},
                "retry_after": {"type": "integer", "description": "seconds, with 429"},
                "slots": {
                    "type": "array",
                    "items": {"type": "object"},
                    "description": "the next free times, when a time was taken",
                },
            },
        }
    },
}
_ERROR_REF = {"$ref": "#/components/schemas/Error"}
# Every route may give these (bot.errors, bot.hardening); each adds to what a route documents.
ALWAYS = {
    "400": "The request could not be used (a host this service does not serve, or both or "
    "neither of text and payload).",
    "413": "The request body is larger than the service accepts.",
    "503": "A part of the service (the database or the assistant) is not available; try again.",
}
WITH_PATH_PARAMETERS = {"404": "Nothing has that id or reference."}
LIMITED = {"429": "Over a rate limit: wait the seconds in Retry-After and error.retry_after."}
LIMITED_PREFIXES = ("/api/v1/conversations", "/api/v1/bookings")


def install(app: FastAPI) -> None:
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = finish(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def finish(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` as a valid OpenAPI 3.0.3 document with every answer documented."""
    _as_openapi_30(spec)
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    for schema in schemas.values():
        _nullable_when_optional(schema)
    schemas["Error"] = ERROR
    for path, operations in spec.get("paths", {}).items():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                _document_errors(path, operation)
    return spec


def _as_openapi_30(node: Any) -> None:
    """Numeric ``exclusiveMinimum: 0`` becomes ``minimum: 0, exclusiveMinimum: true``."""
    if isinstance(node, dict):
        for bound, inclusive in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            value = node.get(bound)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                node[inclusive], node[bound] = value, True
        for child in node.values():
            _as_openapi_30(child)
    elif isinstance(node, list):
        for child in node:
            _as_openapi_30(child)


def _nullable_when_optional(schema: dict[str, Any]) -> None:
    """Pydantic 1 leaves an optional field out of ``required`` and answers it with ``null``."""
    required = set(schema.get("required", []))
    properties = schema.get("properties", {})
    for name, prop in list(properties.items()):
        if name in required:
            continue
        if "$ref" in prop:  # 3.0 ignores siblings of $ref
            properties[name] = {"allOf": [prop], "nullable": True}
        else:
            prop["nullable"] = True


def _document_errors(path: str, operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    wanted = dict(ALWAYS)
    if "{" in path:
        wanted.update(WITH_PATH_PARAMETERS)
    if path.startswith(LIMITED_PREFIXES):
        wanted.update(LIMITED)
    for status, description in wanted.items():
        responses.setdefault(
            status,
            {"description": description, "content": {"application/json": {"schema": _ERROR_REF}}},
        )
