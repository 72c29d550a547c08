"""Start Rasa's command line (``python -m bot.assistant.rasa_server run ...``) with the
service's log lines and request ids (``bot.observability.sanic``), a tracker store that
reconnects after a database restart, and one speed fix.

Rasa checks every action server response with ``jsonschema.validate``, which first checks the
schema itself against the JSON Schema meta-schema, on every call. With jsonschema 4.17 (the
newest Rasa 3.6 allows) that meta-check took over half of the Rasa server's CPU during the
assessment, where every answer runs the form's validation action (docs/benchmarks.md). Here the
schema is checked once per distinct schema and the compiled validator reused: the response is
still validated exactly as before, and an invalid one still raises the same error.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
from jsonschema import exceptions, validators

_original_validate = jsonschema.validate
_compiled: dict[str, Any] = {}


def validate(instance: Any, schema: Any, cls: Any = None, *args: Any, **kwargs: Any) -> None:
    """``jsonschema.validate`` with the schema checked and compiled once, then reused."""
    if cls is not None or args or kwargs:
        _original_validate(instance, schema, cls, *args, **kwargs)
        return
    key = json.dumps(schema, sort_keys=True, default=str)
    validator = _compiled.get(key)
    if validator is None:
        validator_class = validators.validator_for(schema)
        validator_class.check_schema(schema)
        validator = _compiled[key] = validator_class(schema)
    error = exceptions.best_match(validator.iter_errors(instance))
    if error is not None:
        raise error


def resilient_engine_kwargs(original: Any) -> Any:
    """Rasa's PostgreSQL tracker store engine, made to survive a database restart: each pooled
    connection is checked before use (as the API's are), and connecting gives up after 5 s
    rather than hanging a turn."""

    def kwargs(url: Any) -> dict[str, Any]:
        found = dict(original(url))
        if found:  # PostgreSQL (SQLite gets none)
            found["pool_pre_ping"] = True
            found["pool_timeout"] = 5
            found["connect_args"] = {**found.get("connect_args", {}), "connect_timeout": 5}
        return found

    return kwargs


def main() -> None:
    jsonschema.validate = validate
    import rasa.core.tracker_store
    import rasa.server
    import rasa.utils.io
    from rasa.__main__ import main as rasa_main
    from rasa.utils.endpoints import EndpointConfig

    from bot.observability import sanic

    # The service's log lines and request ids, in place of Rasa's coloured logs.
    rasa.utils.io.configure_colored_logging = sanic.configure_logs
    rasa.server.create_app = sanic.with_request_ids(rasa.server.create_app)
    EndpointConfig.request = sanic.forward_request_id(EndpointConfig.request)
    store = rasa.core.tracker_store
    store.create_engine_kwargs = resilient_engine_kwargs(store.create_engine_kwargs)
    rasa_main()


if __name__ == "__main__":
    main()
