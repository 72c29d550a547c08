"""The FastAPI application: the service's only public port."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI

from bot import api_docs, errors, openapi
from bot.assets.views import router as assets_router
from bot.booking.views import router as booking_router
from bot.catalogue.course.views import router as course_router
from bot.catalogue.support.views import router as service_router
from bot.catalogue.vacancy.views import router as vacancy_router
from bot.catalogue.venue.views import router as venue_router
from bot.config import get_settings
from bot.console import app as console
from bot.conversation.rasa_client import RasaClient
from bot.conversation.views import router as conversation_router
from bot.cors import ScopedCORS
from bot.council import service as council_service
from bot.council.request import CouncilPrefix
from bot.database.core import get_engine, make_engine, session_factory, session_scope
from bot.handoff import live_chat as handoff_live_chat
from bot.handoff import service as cases
from bot.hardening import Hardening
from bot.health.views import router as health_router
from bot.insight.views import router as insight_router
from bot.jobs.worker import Worker
from bot.observability import logs, metrics
from bot.observability.views import RequestId
from bot.observability.views import router as metrics_router
from bot.openreferral.views import router as openreferral_router
from bot.pathways.views import router as pathways_router
from bot.plan.views import router as plan_router
from bot.postcode.views import router as postcode_router
from bot.privacy.views import router as privacy_router
from bot.ratelimit.service import make_limiter
from bot.safety import concern
from bot.website.views import router as website_router
from bot.widget.views import router as widget_router


def _open_cases(sessions) -> Callable[[], dict[str, int]]:
    """The queue gauge's count, read from the database when /metrics is scraped."""

    def count() -> dict[str, int]:
        with session_scope(sessions) as db_session:
            return cases.open_by_status(db_session=db_session)

    return count


@asynccontextmanager
async def _lifespan(app: FastAPI):
    settings = get_settings()
    app.state.engine = get_engine()
    app.state.sessions = session_factory(app.state.engine)
    app.state.tracker_engine = make_engine(settings.effective_tracker_database_url)
    app.state.rasa = RasaClient(
        settings.rasa_urls, settings.rasa_timeout_seconds, settings.internal_token
    )
    app.state.limiter = make_limiter(settings)
    concern.model()  # trained now (under a second), not on a resident's first message
    metrics.watch_queue(_open_cases(app.state.sessions))
    worker = Worker(app.state.sessions, app.state.tracker_engine)
    worker.start()
    try:
        yield
    finally:
        worker.stop()
        app.state.rasa.close()
        app.state.tracker_engine.dispose()


def create_app() -> FastAPI:
    settings = get_settings()
    logs.configure(settings.log_level, json_lines=settings.log_format == "json")
    handoff_live_chat.install()  # the gateway's way to a person (bot.conversation.live_chat)
    app = FastAPI(
        title="Work Local assistant API",
        version="0.1.0",
        description=(
            "The chat gateway and public data of a council's Work Local service. "
            "With the demo council (Demo Borough, postcodes like DB1 1AA) every course, job, "
            "service and place is fictional **demo data**."
        ),
        lifespan=_lifespan,
        docs_url=None,
        redoc_url=None,
    )
    # Swagger UI 4 (bundled in swagger-ui-bundle) renders OpenAPI 3.0; what FastAPI builds
    # from pydantic 1 models is 3.0-compatible.
    app.openapi_version = "3.0.3"
    errors.install(app)
    api_docs.install(app)
    openapi.install(app)
    app.include_router(health_router)
    app.include_router(metrics_router)
    console.install(app)
    app.include_router(conversation_router)
    for router in (
        course_router,
        vacancy_router,
        service_router,
        venue_router,
        postcode_router,
        openreferral_router,
        pathways_router,
        plan_router,
        booking_router,
        widget_router,
        website_router,
        privacy_router,
        insight_router,
        assets_router,
    ):
        app.include_router(router)
    # Open Referral feeds and the catalogue are public by design: any site may read them.
    app.add_middleware(
        ScopedCORS,
        prefixes=(
            "/openreferral",
            "/api/v1/courses",
            "/api/v1/vacancies",
            "/api/v1/services",
            "/api/v1/venues",
            "/api/v1/postcodes",
            "/api/v1/widget/config",
        ),
        origins=["*"],
    )
    # The chat gateway: only from the council sites that embed the widget.
    app.add_middleware(
        ScopedCORS,
        prefixes=("/api/v1/conversations",),
        origins=council_service.widget_origins,
        methods=("GET", "POST", "DELETE"),
    )
    app.add_middleware(Hardening)  # hosts, body size and security headers, for every route
    app.add_middleware(CouncilPrefix)  # /c/SLUG/... is that council's (bot.council.request)
    app.add_middleware(RequestId)  # outermost: every line of the request carries its id
    return app


app = create_app()
