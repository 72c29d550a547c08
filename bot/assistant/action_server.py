"""Start the Rasa SDK action server (``python -m bot.assistant.action_server``) with the
service's log lines and request ids (``bot.observability.sanic``)."""

from __future__ import annotations


def main() -> None:
    import rasa_sdk.endpoint
    from rasa_sdk import __main__ as sdk_main
    from rasa_sdk import utils

    from bot.observability import sanic

    utils.configure_colored_logging = sanic.configure_logs
    rasa_sdk.endpoint.create_app = sanic.with_request_ids(rasa_sdk.endpoint.create_app)
    sdk_main.main()


if __name__ == "__main__":
    main()
