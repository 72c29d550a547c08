"""Residents' conversations through the trained model in this process, with the Rasa server's
patches and its tracker store: after each turn, the tracker kept for the next turn is compared
with the one the database gives (as JSON, the form the policies' states and the action server
see), and the policies' states, carried on turn after turn, with those Rasa's own code makes.
Run by ``test_tracker_cache.py`` in a process of its own, as the model is large:
``python -m tests.e2e.tracker_cache_check DB ACTION_URL TOKEN``; prints a JSON report."""

from __future__ import annotations

import asyncio
import json
import sys

CONVERSATIONS = [
    ["hi", "help me work out whats right for me", "a job", "im 24", "DB1 1AA", "out of work",
     "about 6 months", "gcses", "yes", "no", "ok with computers", "none", "full time",
     "warehouse", "any courses near DB1 1AA?", "/more_results", "can i talk to someone", "bye"],
    ["hiya im 19 from DB1 lookin for an apprenticeship", "what does level 2 mean", "stop",
     "/request_adviser", "actually nvm", "i want to kill myself", "no im ok now",
     "jobs in retail"],
    ["book an appointment", "/choose_slot", "tomorrow", "jo@example.com", "cancel my booking",
     "start again", "yes"],
]  # fmt: skip


STATE_ARGUMENTS = [
    (False, False, None),
    (False, True, None),
    (False, True, {"rule_only_slots": ["requested_slot"], "rule_only_loops": ["assessment_form"]}),
]


def _json(value):
    return json.loads(json.dumps(value))


async def check(database: str, action_url: str, token: str) -> dict:
    from rasa.shared.core.domain import Domain

    from bot.assistant import patches

    rasas_states = Domain.states_for_tracker_history
    patches.apply()
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.core.lock_store import InMemoryLockStore
    from rasa.shared.core.trackers import EventVerbosity
    from rasa.utils.endpoints import EndpointConfig

    from bot.assistant import sql_events, training
    from bot.assistant.tracker_store import WorkLocalSQLTrackerStore
    from bot.config import get_settings

    store = WorkLocalSQLTrackerStore(None, dialect="sqlite", db=database)
    agent = Agent.load(
        str(training.model_path(get_settings().models_dir)),
        tracker_store=store,
        lock_store=InMemoryLockStore(),
        action_endpoint=EndpointConfig(action_url, token=token),
    )
    report: dict = {"kept": 0, "turns": 0, "differences": []}
    for number, lines in enumerate(CONVERSATIONS):
        sender = f"check-{number}"
        for text in lines:
            message = UserMessage(text, CollectingOutputChannel(), sender,
                                  metadata={"council": "demo", "channel": "web"})  # fmt: skip
            await agent.handle_message(message)
            report["turns"] += 1
            kept = store.cache._kept.get(sender)
            if kept is None:
                continue
            report["kept"] += 1
            read = await sql_events.retrieve_events(store, sender, False)
            mine, theirs = kept.tracker, read
            same = (
                _json(mine.current_state(EventVerbosity.ALL))
                == _json(theirs.current_state(EventVerbosity.ALL))
                and mine.past_states(agent.domain) == theirs.past_states(agent.domain)
                and _json([e.as_dict() for e in mine.applied_events()])
                == _json([e.as_dict() for e in theirs.applied_events()])
            )
            for arguments in STATE_ARGUMENTS:  # the states the policies see, as Rasa makes them
                same = same and mine.past_states(agent.domain, *arguments) == rasas_states(
                    agent.domain, mine, *arguments
                )
            if not same:
                report["differences"].append(f"{sender} after {text!r}")
    return report


if __name__ == "__main__":
    print(json.dumps(asyncio.run(check(*sys.argv[1:4]))))
