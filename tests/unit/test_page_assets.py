"""The pages' look comes from GOV.UK Frontend (npm), compiled and served here: no CDN, no
hand-copied CSS, no GDS Transport font (the service is not on GOV.UK), and forms that the
server validates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.main import create_app

TEMPLATES = sorted(Path("bot").glob("*/templates/*.html"))


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def test_the_stylesheet_is_gov_uk_frontend_with_the_councils_font_rules(client):
    sheet = client.get("/assets/styles.css")
    assert sheet.status_code == 200 and sheet.headers["content-type"].startswith("text/css")
    css = sheet.text
    for component in (".govuk-button", ".govuk-error-summary", ".govuk-table", ".wl-header"):
        assert component in css
    assert "GDS Transport" not in css and "/fonts/" not in css  # Arial; no font files fetched


def test_gov_uk_frontends_script_and_its_starter_are_served_here(client):
    library = client.get("/assets/govuk-frontend.min.js")
    assert library.status_code == 200 and "initAll" in library.text
    starter = client.get("/assets/init.mjs")
    assert 'from "/assets/govuk-frontend.min.js"' in starter.text
    assert client.get("/assets/anything-else.js").status_code == 404
    assert client.get("/console/static/console.css").status_code == 404  # the hand-made copy


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_no_page_loads_anything_from_another_site(template):
    html = template.read_text(encoding="utf-8")
    assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//', html)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_forms_are_checked_by_the_server_not_the_browser(template):
    html = template.read_text(encoding="utf-8")
    for form in re.findall(r"<form\b[^>]*>", html):
        assert "novalidate" in form, form
    assert not re.search(r"<(?:input|select|textarea)\b[^>]*\srequired\b", html)
