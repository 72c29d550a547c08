"""What a console route needs, given through ``Depends``: the unit of work, the signed-in
person (with the role the page needs), the council, the live hub and the Rasa client.

The unit of work is scoped to the route function (``scope="function"``): it commits before
the response is sent, so a page fetched straight after a form always sees what the form did,
and it rolls back when the route raises (a refusal, a conflict, a bug).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from bot.console import auth
from bot.console.auth import SignedIn
from bot.conversation.rasa_client import RasaClient
from bot.council import service as council_service
from bot.council.models import Council
from bot.council.request import resolve as resolve_council
from bot.database.core import session_scope
from bot.deps import rasa_client
from bot.live.hub import Hub, get_hub


def unit_of_work(request: Request) -> Iterator[Session]:
    with session_scope(request.app.state.sessions) as db_session:
        yield db_session


DbSession = Annotated[Session, Depends(unit_of_work, scope="function")]


def _signed_in(**role):
    """The signed-in person, refused unless they have the role (``auth.require``'s terms)."""

    def signed_in(request: Request, db_session: DbSession) -> SignedIn:
        return auth.require(request, db_session, **role)

    return signed_in


# Pages holding residents' details: an adviser, team lead or admin (never an officer).
Adviser = Annotated[SignedIn, Depends(_signed_in())]
Lead = Annotated[SignedIn, Depends(_signed_in(lead=True))]
Admin = Annotated[SignedIn, Depends(_signed_in(admin=True))]
InsightReader = Annotated[SignedIn, Depends(_signed_in(insight=True))]
Anyone = Annotated[SignedIn, Depends(_signed_in(any_role=True))]
# The deployment's operator: the councils it serves, never their data.
Operator = Annotated[SignedIn, Depends(_signed_in(operator=True))]


def this_council(request: Request, db_session: DbSession) -> Council:
    """The council whose console this is: the signed-in person's, whichever address they
    came through; before signing in, the address's (its own domain, ``/c/SLUG``), for its name
    and colours on the sign-in page."""
    signed = auth.signed_in(request, db_session)
    if signed is None:
        return resolve_council(request)
    return council_service.get(signed.staff.council_slug)


ThisCouncil = Annotated[Council, Depends(this_council)]
LiveHub = Annotated[Hub, Depends(get_hub)]
Rasa = Annotated[RasaClient, Depends(rasa_client)]
