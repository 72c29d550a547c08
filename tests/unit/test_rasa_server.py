"""The Rasa server's start-up arguments, as Rasa's own command line reads them."""

from __future__ import annotations

import pytest

from bot.assistant.rasa_server import auth_token_argument


@pytest.mark.parametrize(
    "token", ["-TeI0OXRy2pDzC1SQ2kTdY0p6gKtyGm8UyqVT4Ap1Vc", "plain_token_32_characters_long__"]
)
def test_the_internal_token_is_read_whatever_it_starts_with(token):
    """A random token starting with "-" (one in 64) stopped Rasa from starting: the parser
    took it for an option, and the service never became ready."""
    from rasa.__main__ import create_argument_parser

    parsed = create_argument_parser().parse_args(
        ["run", "--enable-api", *auth_token_argument(token)]
    )
    assert parsed.auth_token == token
