"""Handoff tests: the demo council's data (with its console accounts), an in-process hub, and
a stand-in Rasa recording pauses and resumes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from bot.conversation.models import Conversation
from bot.conversation.rasa_client import RasaClient
from bot.database.core import make_engine, session_factory
from bot.handoff import context, service
from bot.handoff.models import Case
from bot.live.hub import InProcessHub
from bot.staff import service as staff
from tests.handoff import fake_rasa

SLOTS = {"age": 19, "situation": "out_of_work", "out_of_work_months": 8, "location": "DB2 1AA",
         "wants": "job", "barriers": ["housing"], "interests": "warehouse work"}  # fmt: skip


@pytest.fixture
def db(demo_copy) -> Iterator[Session]:
    engine = make_engine(demo_copy)
    with session_factory(engine)() as db_session:
        yield db_session
    engine.dispose()


@pytest.fixture
def rasa() -> Iterator[tuple[RasaClient, fake_rasa.FakeRasa]]:
    with fake_rasa.running() as fake:
        client = RasaClient(fake.url, timeout=5)
        yield client, fake
        client.close()


@pytest.fixture
def hub() -> InProcessHub:
    return InProcessHub()


def adviser(db: Session, key: str = "amira"):
    return staff.by_email(db_session=db, email=f"{key}@demo.worklocal.example")


def conversation(db: Session, conversation_id: str = "conv-1") -> Conversation:
    row = Conversation(id=conversation_id, council_slug="demo", channel="web", turns=3,
                       offered_buttons=[])  # fmt: skip
    db.add(row)
    db.flush()
    return row


def open_case(db: Session, conversation_id: str = "conv-1", reason: str = "asked",
              offer: str = "youth_pathways", slots: dict | None = None) -> Case:  # fmt: skip
    built = context.build(slots or SLOTS, [], None, reason)
    return service.open_case(db_session=db, council_slug="demo", conversation_id=conversation_id,
                             reason=reason, offer=offer, context=built)  # fmt: skip
