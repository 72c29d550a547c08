"""Start Rasa's command line (``python -m bot.assistant.rasa_server run ...``) with the
service's log lines and request ids (``bot.observability.sanic``), the route by which the
gateway has a forgotten conversation's messages dropped from the NLU cache, the shared token
(``bot.assistant.internal_auth``) on every route, and, unless
``WORKLOCAL_RASA_PATCHES=off``, the checked patches of ``bot.assistant.patches``.
"""

from __future__ import annotations

import sys


def main() -> None:
    from bot.assistant import internal_auth
    from bot.config import get_settings

    settings = get_settings()
    refused = internal_auth.problem(settings.internal_token)
    if refused:
        print(f"The Rasa server will not start: {refused}", file=sys.stderr)
        raise SystemExit(2)
    if settings.rasa_patches:
        from bot.assistant import patches

        try:
            patches.apply()
        except patches.PatchError as exc:
            print(f"The Rasa server will not start: {exc}", file=sys.stderr)
            raise SystemExit(2) from exc
    import rasa.__main__
    import rasa.server
    import rasa.utils.io
    from rasa.utils.endpoints import EndpointConfig

    from bot.assistant import nlu_cache
    from bot.observability import rasa_logs, sanic

    # The service's log lines and request ids, in place of Rasa's coloured logs, and Rasa's
    # structured events without residents' words or tracebacks' variables. These change what is
    # logged, never what Rasa does, so they stay with the patches off too.
    rasa.utils.io.configure_colored_logging = sanic.configure_logs
    rasa.__main__.configure_structlog = rasa_logs.configure_structlog
    rasa.server.create_app = internal_auth.protect(
        nlu_cache.with_forget_route(sanic.with_request_ids(rasa.server.create_app)),
        settings.internal_token,
        open_paths=frozenset({"/"}),  # "Hello from Rasa", the liveness probe
    )
    # Rasa's own check on its HTTP API as well; given here, not on the command line, where
    # every user of the machine could read it.
    sys.argv += auth_token_argument(settings.internal_token)
    EndpointConfig.request = sanic.forward_request_id(EndpointConfig.request)
    collect_garbage_less_often()
    rasa.__main__.main()


def collect_garbage_less_often() -> None:
    """Python's cycle collector runs after every 700 new objects by default, and a turn makes
    tens of thousands (events, states, parses); its full passes walk every tracker the server
    keeps between turns (``bot.assistant.tracker_cache``). Fewer, larger passes: 6 % less CPU a
    turn under load (docs/benchmarks.md). Garbage is still collected, later."""
    import gc

    gc.set_threshold(50_000, 50, 100)


def auth_token_argument(token: str) -> list[str]:
    """``--auth-token=TOKEN`` in one argument: a random token starts with "-" once in 64 times,
    and given apart, Rasa's argument parser takes it for an option and will not start."""
    return [f"--auth-token={token}"]


if __name__ == "__main__":
    main()
