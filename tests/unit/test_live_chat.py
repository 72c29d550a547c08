"""The gateway reaches a person only through the live chat the handoff package registers."""

from __future__ import annotations

import pytest

from bot.conversation import live_chat


def test_without_a_registered_live_chat_the_gateway_says_what_to_do(monkeypatch):
    monkeypatch.setattr(live_chat, "_installed", [])
    with pytest.raises(live_chat.NotInstalled, match=r"bot\.handoff\.live_chat\.install"):
        live_chat.current()


def test_the_handoff_package_provides_everything_the_interface_names():
    from bot.handoff import live_chat as handoff_live_chat

    handoff_live_chat.install()
    installed = live_chat.current()
    assert installed is handoff_live_chat
    wanted = {name for name in dir(live_chat.LiveChat) if not name.startswith("_")}
    wanted |= set(live_chat.LiveChat.__annotations__)
    missing = {name for name in wanted if not hasattr(installed, name)}
    assert not missing
    assert installed.LEAVE_QUEUE == "/leave_queue"  # the payload of the button it offers
