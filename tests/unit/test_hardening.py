"""Every route of the public port: only its own host names, bodies of a sane size, and the
security headers, whichever route answers (bot/hardening.py)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bot.config import get_settings


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("RASA_URL", "http://127.0.0.1:9")  # nothing listens: not needed here
    monkeypatch.setenv("WIDGET_ORIGINS", "https://www.demo-borough.gov.uk")
    monkeypatch.setenv("MAX_BODY_BYTES", "4096")
    get_settings.cache_clear()
    from bot.database import migrate
    from bot.main import create_app

    get_settings().var_dir.mkdir(parents=True, exist_ok=True)
    migrate.upgrade(get_settings().effective_database_url)
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client


def test_a_host_name_not_configured_is_refused_before_any_redirect_names_it(client):
    evil = client.get("/api/v1/courses/", headers={"Host": "evil.example"}, follow_redirects=False)
    assert evil.status_code == 400
    assert "location" not in evil.headers
    assert evil.json()["error"]["code"] == "unknown_host"
    for smuggled in ("127.0.0.1:8000@evil.example", "testserver:80@evil.example",
                     "testserver/evil", "testserver#@evil.example", "testserver:x"):  # fmt: skip
        refused = client.get("/console/", headers={"Host": smuggled}, follow_redirects=False)
        assert refused.status_code == 400 and "location" not in refused.headers, smuggled
    ours = client.get("/api/v1/courses/", follow_redirects=False)
    assert ours.status_code in (200, 307)
    assert "evil" not in ours.headers.get("location", "")


def test_hosts_may_be_named_with_sub_domains(client, monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "worklocal.example.gov.uk,*.council.example")
    get_settings.cache_clear()
    assert client.get("/healthz", headers={"Host": "worklocal.example.gov.uk"}).status_code == 200
    assert client.get("/healthz", headers={"Host": "chat.council.example:443"}).status_code == 200
    assert client.get("/healthz", headers={"Host": "council.example.evil"}).status_code == 400
    assert client.get("/healthz").status_code == 400  # "testserver" is no longer listed


def test_an_oversized_body_is_refused_with_413_whether_its_length_is_declared_or_not(client):
    made = client.post("/api/v1/conversations", json={"greet": False})
    url = f"/api/v1/conversations/{made.json()['id']}/messages"
    declared = client.post(url, content=b'{"text": "' + b"a" * 5000 + b'"}',
                           headers={"Content-Type": "application/json"})  # fmt: skip
    assert declared.status_code == 413
    assert declared.json()["error"]["code"] == "body_too_large"

    def chunks():
        yield b'{"text": "'
        for _ in range(10):
            yield b"a" * 1000
        yield b'"}'

    streamed = client.post(url, content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413
    assert streamed.json()["error"]["code"] == "body_too_large"


def test_every_response_carries_the_security_headers(client):
    for path in ("/", "/kiosk", "/healthz", "/api/v1/courses", "/no-such-page", "/docs"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "same-origin", path
        policy = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and headers["x-frame-options"] == "DENY", path
        assert "object-src 'none'" in policy and "base-uri 'none'" in policy, path
        assert ("'unsafe-inline'" in policy.split("script-src")[1].split(";")[0]) == (
            path == "/docs"  # Swagger UI's start-up script; no other page runs inline script
        ), path
        assert "strict-transport-security" not in headers  # plain HTTP: HSTS means nothing


def test_the_widget_files_may_be_framed_only_by_the_council_sites(client):
    policy = client.get("/widget/worklocal.js").headers["content-security-policy"]
    assert "frame-ancestors 'self' https://www.demo-borough.gov.uk" in policy
    assert "x-frame-options" not in client.get("/widget/worklocal.js").headers


def test_over_https_browsers_are_told_to_stay_on_https(monkeypatch):
    monkeypatch.setenv("RASA_URL", "http://127.0.0.1:9")
    get_settings.cache_clear()
    from bot.main import create_app

    with TestClient(create_app(), base_url="https://testserver") as secure:
        assert secure.get("/healthz").headers["strict-transport-security"].startswith("max-age=")


def test_what_carries_a_resident_s_data_is_never_cached(client):
    made = client.post("/api/v1/conversations", json={"greet": False})
    assert made.headers["cache-control"] == "no-store"
    assert client.get("/api/v1/plans/not-a-token").headers["cache-control"] == "no-store"
    assert client.get("/api/v1/bookings/NOPE-NOPE").headers["cache-control"] == "no-store"
    assert "no-store" not in client.get("/widget/worklocal.js").headers["cache-control"]


def test_the_api_believes_forwarded_addresses_only_from_the_proxies_configured():
    from bot.supervisor import api_command

    alone = api_command(host="127.0.0.1", port=8000, log_level="INFO")
    assert "--no-proxy-headers" in alone and "--forwarded-allow-ips" not in alone
    behind = api_command(host="0.0.0.0", port=8000, log_level="INFO",
                         forwarded_allow_ips="10.0.0.0/8")  # fmt: skip
    assert behind[behind.index("--forwarded-allow-ips") + 1] == "10.0.0.0/8"
    assert "--no-proxy-headers" not in behind
