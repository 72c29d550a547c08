"""The widget script as served: small, with its stylesheet inside, and the origin rules."""

import gzip

from fastapi.testclient import TestClient

from bot.config import get_settings
from bot.main import create_app
from bot.widget import service

BUDGET_BYTES = 50 * 1024  # issue 5: JS and CSS together, gzipped


def test_the_widget_fits_its_size_budget_with_the_stylesheet_inside():
    bundle = service.bundle()
    assert len(bundle.gzipped) < BUDGET_BYTES
    assert service.CSS_PLACEHOLDER.encode() not in bundle.body
    assert b":host" in bundle.body  # the stylesheet travels inside the script
    assert gzip.decompress(bundle.gzipped) == bundle.body


def test_the_script_is_served_compressed_and_revalidated_by_etag():
    client = TestClient(create_app())
    first = client.get("/widget/worklocal.js", headers={"Accept-Encoding": "gzip"})
    assert first.status_code == 200
    assert first.headers["content-type"].startswith("application/javascript")
    assert first.headers["content-encoding"] == "gzip"
    again = client.get("/widget/worklocal.js", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_the_widget_config_gives_the_phone_number_and_links_from_the_council_file():
    client = TestClient(create_app())
    config = client.get("/api/v1/widget/config").json()
    assert config["phone"] == "0113 496 0000"
    assert config["privacy_url"] == "/privacy?council=demo"
    assert config["max_message_chars"] == 2000
    assert "Monday 9am to 5pm" in config["opening_hours"]


def test_only_this_server_and_the_configured_council_sites_may_open_the_chat_socket():
    allowed = ["https://www.example.gov.uk"]
    assert service.allowed_origin(None, "chat.example", allowed)  # not a browser
    assert service.allowed_origin("https://chat.example", "chat.example", allowed)
    assert service.allowed_origin("https://www.example.gov.uk", "chat.example", allowed)
    assert not service.allowed_origin("https://evil.example", "chat.example", allowed)
    assert not service.allowed_origin("https://chat.example.evil", "chat.example", allowed)


def test_the_demo_pages_carry_the_widget_and_the_kiosk_page_is_never_cached():
    client = TestClient(create_app())
    home = client.get("/")
    assert home.status_code == 200
    assert 'src="/widget/worklocal.js"' in home.text
    kiosk = client.get("/kiosk")
    assert 'data-mode="kiosk"' in kiosk.text
    assert kiosk.headers["cache-control"] == "no-store"
    for path in ("/privacy", "/accessibility", "/adult-learning"):
        assert client.get(path).status_code == 200


def test_only_the_council_sites_in_widget_origins_may_call_the_chat_api(monkeypatch):
    monkeypatch.setenv("WIDGET_ORIGINS", "https://www.example.gov.uk")
    get_settings.cache_clear()
    try:
        client = TestClient(create_app())
        ask = {"Access-Control-Request-Method": "POST"}
        allowed = client.options(
            "/api/v1/conversations", headers={"Origin": "https://www.example.gov.uk", **ask}
        )
        assert allowed.headers["access-control-allow-origin"] == "https://www.example.gov.uk"
        other = client.options(
            "/api/v1/conversations", headers={"Origin": "https://elsewhere.example", **ask}
        )
        assert "access-control-allow-origin" not in other.headers
        # The public data stays open to any site.
        config = client.get("/api/v1/widget/config", headers={"Origin": "https://any.example"})
        assert config.headers["access-control-allow-origin"] == "*"
    finally:
        monkeypatch.delenv("WIDGET_ORIGINS")
        get_settings.cache_clear()


def test_every_widget_module_is_served_once_in_order_with_node_exports_switched_off():
    """A module file left out of ``MODULES`` would be a widget that breaks only in a browser."""
    on_disk = {path.name for path in service.SOURCE_DIR.glob("*.js")}
    assert on_disk == set(service.MODULES)
    body = service.bundle().body.decode()
    starts = [body.index(f"// ---- {name}\n") for name in service.MODULES]
    assert starts == sorted(starts)
    # Inside one function whose ``module`` is undefined: the lines that hand the pure modules
    # to Node's tests can't touch a page's own ``module``.
    assert body.startswith(service.HEADER + "(function (module) {")
    assert body.rstrip().endswith("})();")
