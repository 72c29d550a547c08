"""The FastAPI application: the service's only public port."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI

from bot import api_docs, errors
from bot.config import get_settings
from bot.conversation.rasa_client import RasaClient
from bot.conversation.views import router as conversation_router
from bot.database.core import get_engine, make_engine, session_factory
from bot.health.views import router as health_router


@asynccontextmanager
async def _lifespan(app: FastAPI):
    settings = get_settings()
    app.state.engine = get_engine()
    app.state.sessions = session_factory(app.state.engine)
    app.state.tracker_engine = make_engine(settings.effective_tracker_database_url)
    app.state.rasa = RasaClient(settings.effective_rasa_url, settings.rasa_timeout_seconds)
    try:
        yield
    finally:
        app.state.rasa.close()
        app.state.tracker_engine.dispose()


def create_app() -> FastAPI:
    logging.basicConfig(level=get_settings().log_level.upper())
    app = FastAPI(
        title="Work Local assistant API",
        version="0.1.0",
        description="The chat gateway and public data of a council's Work Local service.",
        lifespan=_lifespan,
        docs_url=None,
        redoc_url=None,
    )
    # Swagger UI 4 (bundled in swagger-ui-bundle) renders OpenAPI 3.0; what FastAPI builds
    # from pydantic 1 models is 3.0-compatible.
    app.openapi_version = "3.0.3"
    errors.install(app)
    api_docs.install(app)
    app.include_router(health_router)
    app.include_router(conversation_router)
    return app


app = create_app()
