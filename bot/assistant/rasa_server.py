"""Start Rasa's command line (``python -m bot.assistant.rasa_server run ...``) with the
service's log lines and request ids (``bot.observability.sanic``), the route by which the
gateway has a forgotten conversation's messages dropped from the NLU cache, and, unless
``WORKLOCAL_RASA_PATCHES=off``, the checked patches of ``bot.assistant.patches``.
"""

from __future__ import annotations

import sys


def main() -> None:
    from bot.config import get_settings

    if get_settings().rasa_patches:
        from bot.assistant import patches

        try:
            patches.apply()
        except patches.PatchError as exc:
            print(f"The Rasa server will not start: {exc}", file=sys.stderr)
            raise SystemExit(2) from exc
    import rasa.server
    import rasa.utils.io
    from rasa.__main__ import main as rasa_main
    from rasa.utils.endpoints import EndpointConfig

    from bot.assistant import nlu_cache
    from bot.observability import sanic

    # The service's log lines and request ids, in place of Rasa's coloured logs. These change
    # what is logged, never what Rasa does, so they stay with the patches off too.
    rasa.utils.io.configure_colored_logging = sanic.configure_logs
    rasa.server.create_app = nlu_cache.with_forget_route(
        sanic.with_request_ids(rasa.server.create_app)
    )
    EndpointConfig.request = sanic.forward_request_id(EndpointConfig.request)
    rasa_main()


if __name__ == "__main__":
    main()
