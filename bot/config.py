"""Every setting the service reads from its environment, in one place.

Defaults are the embedded single-machine setup (SQLite under ``var/``, in-memory lock store and
pub/sub); production selects PostgreSQL and Redis purely through ``DATABASE_URL`` and ``REDIS_URL``
so that the same code paths run everywhere.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import BaseSettings, Field, validator

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Configuration read from environment variables (see README, "Configuration")."""

    var_dir: Path = Field(PROJECT_ROOT / "var", env="WORKLOCAL_VAR_DIR")
    database_url: str = Field("", env="DATABASE_URL")
    tracker_database_url: str = Field("", env="TRACKER_DATABASE_URL")
    redis_url: str = Field("", env="REDIS_URL")
    # The councils this deployment serves: every ``*.yml`` in COUNCILS_DIR (by default the
    # folder COUNCIL_FILE is in). COUNCIL_FILE is the home council: a request that names no
    # council (a single-council deployment) is its, and data from before councils were
    # explicit moves to it.
    council_file: Path = Field(PROJECT_ROOT / "councils" / "demo.yml", env="COUNCIL_FILE")
    councils_dir: Path | None = Field(None, env="COUNCILS_DIR")
    host: str = Field("127.0.0.1", env="HOST")
    port: int = Field(8000, env="PORT")
    rasa_port: int = Field(5005, env="RASA_PORT")
    action_port: int = Field(5055, env="ACTION_PORT")
    # One URL, or several separated by commas: the API spreads turns across them.
    rasa_url: str = Field("", env="RASA_URL")
    action_server_url: str = Field("", env="ACTION_SERVER_URL")
    # How many of each process `worklocal run` starts on one machine, on consecutive ports from
    # RASA_PORT, ACTION_PORT and PORT. More than one needs PostgreSQL and Redis (docs/deploy.md).
    rasa_servers: int = Field(1, env="RASA_SERVERS", ge=1, le=16)
    action_servers: int = Field(1, env="ACTION_SERVERS", ge=1, le=16)
    api_processes: int = Field(1, env="API_PROCESSES", ge=1, le=16)
    models_dir: Path = Field(PROJECT_ROOT / "models", env="WORKLOCAL_MODELS_DIR")
    log_level: str = Field("INFO", env="LOG_LEVEL")
    # json: one JSON object per line with a request id (for log collectors); text: for people.
    log_format: str = Field("json", env="LOG_FORMAT", regex=r"^(json|text)$")
    max_message_chars: int = Field(2000, env="MAX_MESSAGE_CHARS")
    rasa_timeout_seconds: float = Field(10.0, env="RASA_TIMEOUT_SECONDS")
    # The secret the API, Rasa and the action server share (bot/assistant/internal_auth.py):
    # `worklocal run` makes one when it is not set; containers must all be given the same one.
    internal_token: str = Field("", env="INTERNAL_TOKEN")
    # The host names the API answers to (a council's own domain, comma-separated; "*.example"
    # for sub-domains); any other Host header gets 400, so no redirect can name another site.
    allowed_hosts: str = Field("localhost,127.0.0.1", env="ALLOWED_HOSTS")
    # The largest request body accepted (a chat message is at most a few KB).
    max_body_bytes: int = Field(256 * 1024, env="MAX_BODY_BYTES", ge=1024)
    # Proxies whose X-Forwarded-For / X-Forwarded-Proto the API believes (comma-separated
    # addresses); none by default, so a client cannot choose the address the limits count.
    forwarded_allow_ips: str = Field("", env="FORWARDED_ALLOW_IPS")
    # Prometheus sends this as a bearer token to read /metrics; without it, /metrics answers
    # only a client on this machine that came through no proxy.
    metrics_token: str = Field("", env="METRICS_TOKEN")
    # Council websites that embed the chat widget from this server (e.g.
    # "https://www.example.gov.uk"), comma-separated. Only they may call the chat gateway from
    # a browser; the widget on this server's own pages needs nothing here.
    widget_origins: str = Field("", env="WIDGET_ORIGINS")
    # Rate limits, shared by every API process through Redis when REDIS_URL is set; 0 turns
    # one off. A person types far slower than 30 messages a minute; the hourly limits are per
    # network address, and a library or office may put many residents behind one address.
    messages_per_minute: int = Field(30, env="MESSAGES_PER_MINUTE", ge=0)
    conversations_per_hour: int = Field(200, env="CONVERSATIONS_PER_HOUR", ge=0)
    sign_ins_per_hour: int = Field(30, env="SIGN_INS_PER_HOUR", ge=0)
    # Appointments booked through the API, and bookings looked up, moved or cancelled by
    # reference, per network address: a library's residents book a few an hour, not dozens.
    bookings_per_hour: int = Field(20, env="BOOKINGS_PER_HOUR", ge=0)
    booking_lookups_per_hour: int = Field(60, env="BOOKING_LOOKUPS_PER_HOUR", ge=0)
    # Parses of recent distinct messages each Rasa server keeps, so that a message it has
    # already understood ("yes", "17", "full time") is not run through NLU again; 0 = none.
    nlu_cache_size: int = Field(5000, env="NLU_CACHE_SIZE", ge=0)
    # Conversations whose tracker each Rasa server keeps between turns (bot/assistant/
    # tracker_cache.py); 0 reads every turn's tracker from the database, as Rasa does.
    tracker_cache_size: int = Field(500, env="TRACKER_CACHE_SIZE", ge=0)
    # The Rasa server's checked speed patches and tracker store (bot/assistant/patches.py);
    # off runs stock Rasa.
    rasa_patches: bool = Field(True, env="WORKLOCAL_RASA_PATCHES")
    # GOV.UK Notify. Without a key, messages to residents are held in the outbox the adviser
    # console shows. The base URL is changed only to point at a test double.
    notify_api_key: str = Field("", env="NOTIFY_API_KEY")
    notify_base_url: str = Field("https://api.notifications.service.gov.uk", env="NOTIFY_BASE_URL")
    notify_timeout_seconds: float = Field(10.0, env="NOTIFY_TIMEOUT_SECONDS")

    class Config:
        case_sensitive = False

    @validator("var_dir", "models_dir", "council_file", "councils_dir", pre=True)
    def _expand(cls, value: object) -> object:
        return Path(os.path.expanduser(str(value))) if value else value

    @property
    def effective_councils_dir(self) -> Path:
        return self.councils_dir or self.council_file.parent

    @property
    def effective_database_url(self) -> str:
        """The application database; a SQLite file in ``var/`` unless ``DATABASE_URL`` is set."""
        return self.database_url or f"sqlite:///{self.var_dir / 'worklocal.db'}"

    @property
    def effective_tracker_database_url(self) -> str:
        """Rasa's tracker store: its own SQLite file by default so the two never contend."""
        if self.tracker_database_url:
            return self.tracker_database_url
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.var_dir / 'tracker.db'}"

    @property
    def rasa_urls(self) -> list[str]:
        """Every Rasa server the API sends turns to."""
        return _urls(self.rasa_url) or [
            f"http://127.0.0.1:{self.rasa_port + i}" for i in range(self.rasa_servers)
        ]

    @property
    def action_server_urls(self) -> list[str]:
        """Every action server; Rasa server ``i`` started by `worklocal run` uses number
        ``i mod n``, so consecutive turns of a conversation reach different ones."""
        return _urls(self.action_server_url) or [
            f"http://127.0.0.1:{self.action_port + i}" for i in range(self.action_servers)
        ]

    @property
    def allowed_host_list(self) -> list[str]:
        return [h.strip().lower() for h in self.allowed_hosts.split(",") if h.strip()]

    @property
    def widget_origin_list(self) -> list[str]:
        return [o.strip().rstrip("/") for o in self.widget_origins.split(",") if o.strip()]

    @property
    def spacy_model_dir(self) -> Path:
        return self.var_dir / "spacy" / "en_worklocal"


def _urls(value: str) -> list[str]:
    return [url.strip().rstrip("/") for url in value.split(",") if url.strip()]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests clear the cache after changing the environment."""
    return Settings()
