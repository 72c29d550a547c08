"""Start the Rasa SDK action server (``python -m bot.assistant.action_server``) with the
service's log lines and request ids (``bot.observability.sanic``), refusing any request without
the shared token (``bot.assistant.internal_auth``) but the health probe."""

from __future__ import annotations


def main() -> None:
    import sys

    import rasa_sdk.endpoint
    from rasa_sdk import __main__ as sdk_main
    from rasa_sdk import utils

    from bot.assistant import internal_auth
    from bot.config import get_settings
    from bot.observability import sanic

    token = get_settings().internal_token
    refused = internal_auth.problem(token)
    if refused:
        print(f"The action server will not start: {refused}", file=sys.stderr)
        raise SystemExit(2)
    utils.configure_colored_logging = sanic.configure_logs
    rasa_sdk.endpoint.create_app = internal_auth.protect(
        sanic.with_request_ids(rasa_sdk.endpoint.create_app),
        token,
        open_paths=frozenset({"/health"}),
    )
    sdk_main.main()


if __name__ == "__main__":
    main()
