"""One deployment, several councils: the registry of council files, and which council a request
is for (named by the widget, a path prefix, the council's own domain, or none: the home)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from bot.config import PROJECT_ROOT, get_settings
from bot.council import service
from bot.council.service import CouncilConfigError, UnknownCouncil

DEMO = PROJECT_ROOT / "councils" / "demo.yml"
VALE_HOST = "worklocal.demo-vale.example"


def vale() -> dict:
    council = yaml.safe_load(DEMO.read_text())
    council.update(
        slug="demo-vale", name="Demo Vale Council", service_name="Vale Works",
        area_name="Demo Vale", phone="0113 496 0500", domains=[VALE_HOST],
        branding={"primary_colour": "#00703c", "text_on_primary": "#ffffff"},
    )  # fmt: skip
    return council


def _touch(path: Path) -> None:
    """A later modification time than the last read, however fast the test runs."""
    stat = path.stat()
    os.utime(path, (stat.st_atime, stat.st_mtime + 5))


@pytest.fixture
def councils(tmp_path, monkeypatch) -> Path:
    """A councils folder with the demo council (the home) and Demo Vale."""
    folder = tmp_path / "councils"
    folder.mkdir()
    (folder / "demo.yml").write_text(DEMO.read_text())
    (folder / "demo-vale.yml").write_text(yaml.safe_dump(vale()))
    shutil.copytree(DEMO.parent / "logos", folder / "logos")
    monkeypatch.setenv("COUNCIL_FILE", str(folder / "demo.yml"))
    get_settings.cache_clear()
    return folder


def test_every_council_file_in_the_folder_is_served_the_home_council_first(councils):
    assert [c.slug for c in service.get_all()] == ["demo", "demo-vale"]
    assert service.home().slug == "demo"
    assert service.get("demo-vale").service_name == "Vale Works"
    assert service.for_host(f"{VALE_HOST}:8000").slug == "demo-vale"
    assert service.for_host("www.example.org") is None
    with pytest.raises(UnknownCouncil):
        service.get("nowhere")


def test_a_council_added_later_is_served_without_a_restart(councils):
    (councils / "demo-vale.yml").unlink()
    assert [c.slug for c in service.get_all()] == ["demo"]
    (councils / "demo-vale.yml").write_text(yaml.safe_dump(vale()))
    assert [c.slug for c in service.get_all()] == ["demo", "demo-vale"]


def test_two_files_with_one_slug_are_refused(councils):
    (councils / "copy.yml").write_text(DEMO.read_text())
    with pytest.raises(CouncilConfigError, match="already uses the slug 'demo'"):
        service.get_all()


def test_two_councils_may_not_claim_one_host_name(councils):
    other = vale() | {"slug": "demo-hill", "name": "Demo Hill Council"}
    (councils / "demo-hill.yml").write_text(yaml.safe_dump(other))
    with pytest.raises(CouncilConfigError, match=f"host name {VALE_HOST} is already"):
        service.get_all()


def test_a_broken_edit_keeps_the_councils_as_they_last_loaded(councils, caplog):
    assert service.get("demo-vale").phone == "0113 496 0500"
    path = councils / "demo-vale.yml"
    path.write_text("slug: [unclosed")
    _touch(path)
    assert service.get("demo-vale").phone == "0113 496 0500"  # still served
    assert service.get("demo-vale").phone == "0113 496 0500"
    assert caplog.text.count("a council file is invalid") == 1  # logged once, not per request
    path.write_text(yaml.safe_dump(vale() | {"phone": "0113 496 0501"}))
    _touch(path)
    assert service.get("demo-vale").phone == "0113 496 0501"


@pytest.fixture
def client(councils) -> TestClient:
    from bot.main import create_app

    return TestClient(create_app())


def _config(client: TestClient, path: str = "/api/v1/widget/config", **kwargs) -> dict:
    response = client.get(path, **kwargs)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_request_that_names_no_council_is_the_home_councils(client):
    assert _config(client)["council_name"] == "Demo Borough Council"


@pytest.mark.parametrize(
    "how",
    [{"params": {"council": "demo-vale"}}, {"headers": {"X-Council": "demo-vale"}},
     {"headers": {"Host": VALE_HOST}}],
    ids=["query", "header", "own domain"],
)  # fmt: skip
def test_the_widget_gets_the_details_of_the_council_it_names(client, how):
    config = _config(client, **how)
    assert config["council"] == "demo-vale"
    assert config["council_name"] == "Demo Vale Council"
    assert config["service_name"] == "Vale Works"
    assert config["phone"] == "0113 496 0500"
    assert config["colour"] == "#00703c"


def test_a_path_prefix_names_the_council_and_its_pages_keep_it(client):
    assert _config(client, "/c/demo-vale/api/v1/widget/config")["council"] == "demo-vale"
    page = client.get("/c/demo-vale/")
    assert page.status_code == 200
    assert 'data-council="demo-vale"' in page.text
    assert "Demo Vale Council" in page.text
    assert "Demo Borough" not in page.text
    assert page.headers["x-frame-options"] == "DENY"  # the headers still see the page's path
    for link in ("/c/demo-vale/", "/c/demo-vale/adult-learning", "/c/demo-vale/kiosk",
                 "/c/demo-vale/privacy", "/c/demo-vale/my-information"):  # fmt: skip
        assert f'href="{link}"' in page.text  # its pages stay Demo Vale's
    form = client.get("/c/demo-vale/my-information").text
    assert 'action="/c/demo-vale/my-information"' in form


def test_a_councils_logo_is_served_so_that_nothing_in_it_runs(client):
    assert _config(client)["logo_url"] == "/api/v1/widget/logo?council=demo"
    logo = client.get("/api/v1/widget/logo", params={"council": "demo"})
    assert logo.status_code == 200
    assert logo.headers["content-type"] == "image/svg+xml"
    assert "sandbox" in logo.headers["content-security-policy"]
    assert logo.headers["x-content-type-options"] == "nosniff"
    assert logo.content.startswith(b"<svg")
    assert 'class="wl-header__logo" src="/api/v1/widget/logo?council=demo"' in client.get("/").text
    # Demo Vale here has no logo: no picture, and a clear 404 for one asked for anyway.
    assert _config(client, params={"council": "demo-vale"})["logo_url"] is None
    assert "wl-header__logo" not in client.get("/c/demo-vale/").text
    missing = client.get("/api/v1/widget/logo", params={"council": "demo-vale"})
    assert missing.status_code == 404
    said = missing.json()["error"]
    assert said == {"code": "not_found", "message": "Demo Vale Council has no logo here."}


def test_an_unknown_council_is_a_polite_404_never_another_council(client):
    response = client.get("/api/v1/widget/config", params={"council": "nowhere"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert "couldn't find that council's service" in response.json()["error"]["message"]
    assert client.get("/c/nowhere/").status_code == 404


def test_a_councils_own_domain_is_served_without_listing_it_in_allowed_hosts(client):
    assert client.get("/healthz", headers={"Host": VALE_HOST}).status_code == 200
    assert client.get("/healthz", headers={"Host": "evil.example"}).status_code == 400


# ---- the operator's commands ----------------------------------------------------------------


def test_council_list_names_each_council_and_how_its_residents_reach_it(councils, capsys):
    from bot.cli import main

    assert main(["council", "list"]) == 0
    said = capsys.readouterr().out
    assert "demo: Demo Borough Council, Work Local; ?council=demo, /c/demo/ (home" in said
    assert f"demo-vale: Demo Vale Council, Vale Works; {VALE_HOST}" in said


def test_council_validate_reports_every_problem_and_fails(councils, capsys):
    from bot.cli import main

    assert main(["council", "validate"]) == 0
    assert "Every council file is valid." in capsys.readouterr().out
    clash = vale() | {"slug": "demo-hill"}  # Demo Vale's host name again
    (councils / "hill.yml").write_text(yaml.safe_dump(clash))
    broken = councils.parent / "broken.yml"
    broken.write_text(DEMO.read_text().replace('"0113 496 0000"', "[]"))
    assert main(["council", "validate"]) == 1
    assert f"host name {VALE_HOST} is already Demo Vale Council's" in capsys.readouterr().err
    assert main(["council", "validate", str(broken)]) == 1
    assert "phone" in capsys.readouterr().err


def test_a_logo_must_be_a_picture_in_the_logos_folder(councils, capsys):
    from bot.cli import main

    (councils / "demo-vale.yml").write_text(yaml.safe_dump(vale() | {"branding": {
        "primary_colour": "#00703c", "logo": "vale.svg"}}))  # fmt: skip
    assert main(["council", "validate"]) == 1
    assert "the logo 'vale.svg' isn't in" in capsys.readouterr().err
    for name in ("../demo.yml", "logo.gif", "/etc/passwd.svg"):
        (councils / "demo-vale.yml").write_text(yaml.safe_dump(vale() | {"branding": {
            "logo": name}}))  # fmt: skip
        assert main(["council", "validate"]) == 1
        assert "a logo is a file name in councils/logos/" in capsys.readouterr().err


def test_council_add_checks_the_file_with_the_others_then_serves_it(councils, capsys):
    from bot.cli import main

    new = councils.parent / "hill.yml"
    new.write_text(yaml.safe_dump(vale() | {"slug": "demo-hill", "name": "Demo Hill Council"}))
    assert main(["council", "add", str(new)]) == 1  # Demo Vale's host name: refused
    assert not (councils / "demo-hill.yml").exists()
    hill = vale() | {"slug": "demo-hill", "name": "Demo Hill Council", "domains": []}
    new.write_text(yaml.safe_dump(hill))
    assert main(["council", "add", str(new)]) == 0
    assert "?council=demo-hill" in capsys.readouterr().out
    assert service.get("demo-hill").name == "Demo Hill Council"
    assert main(["council", "add", str(new)]) == 1  # twice: already served


def test_a_council_runs_only_the_offers_it_chose_from_the_national_template(councils):
    (councils / "demo-vale.yml").write_text(
        yaml.safe_dump(vale() | {"offers": ["youth_pathways", "skills_for_all"]})
    )
    from bot.main import create_app

    client = TestClient(create_app())
    answers = {"age": 40, "situation": "out_of_work", "out_of_work_months": 30,
               "barriers": ["health"]}  # fmt: skip
    here = client.post("/api/v1/pathways", json=answers).json()
    there = client.post("/api/v1/pathways", json=answers, params={"council": "demo-vale"}).json()
    assert "working_futures" in [o["key"] for o in here["offers"]]
    assert [o["key"] for o in there["offers"]] == ["skills_for_all"]
    assert "Working Futures" in client.get("/").text
    assert "Working Futures" not in client.get("/c/demo-vale/").text


def test_an_unknown_offer_or_member_is_refused_by_validate(councils, capsys):
    from bot.cli import main

    (councils / "demo-vale.yml").write_text(yaml.safe_dump(vale() | {"offers": ["jetpacks"]}))
    assert main(["council", "validate"]) == 1
    assert "offers ['jetpacks'] are not in the routing rules" in capsys.readouterr().err
    (councils / "demo-vale.yml").write_text(yaml.safe_dump(vale() | {"members": ["nowhere"]}))
    assert main(["council", "validate"]) == 1
    assert "member 'nowhere' is not a council served here" in capsys.readouterr().err


def test_a_councils_own_sites_may_embed_the_widget(councils):
    (councils / "demo-vale.yml").write_text(
        yaml.safe_dump(vale() | {"widget_origins": ["https://www.demo-vale.example"]})
    )
    from bot.main import create_app

    client = TestClient(create_app())
    site = {"Origin": "https://www.demo-vale.example"}
    allowed = client.options("/api/v1/conversations", headers={
        **site, "Access-Control-Request-Method": "POST"})  # fmt: skip
    assert allowed.headers.get("access-control-allow-origin") == site["Origin"]
    stranger = client.options("/api/v1/conversations", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})  # fmt: skip
    assert "access-control-allow-origin" not in stranger.headers
    widget = client.get("/widget/worklocal.js")
    assert "https://www.demo-vale.example" in widget.headers["content-security-policy"]


def test_a_council_changes_the_national_rules_locally_and_adds_a_scheme(councils):
    local = {
        "offers": [{"key": "youth_pathways", "name": "Vale Youth Pathways"}],
        "referrals": [{"barrier": "housing", "name": "Vale Housing Advice",
                       "search": "housing advice", "reason": "Vale's own housing team."}],
    }  # fmt: skip
    (councils / "demo-vale.yml").write_text(yaml.safe_dump(vale() | {"local_rules": local}))
    from bot.main import create_app
    from bot.pathways import config

    client = TestClient(create_app())
    answers = {"age": 19, "situation": "out_of_work", "barriers": ["housing"]}
    there = client.post("/api/v1/pathways", json=answers, params={"council": "demo-vale"}).json()
    here = client.post("/api/v1/pathways", json=answers).json()
    assert there["offers"][0]["name"] == "Vale Youth Pathways"
    assert here["offers"][0]["name"] == "Youth Pathways"
    assert "Vale Housing Advice" in [r["name"] for r in there["referrals"]]
    national = config.in_force(service.get("demo"), service.local_today(service.get("demo")))
    assert "Vale Housing Advice" not in [r.name for r in national.referrals]


def test_a_local_rule_the_engine_cant_follow_is_refused_by_validate(councils, capsys):
    from bot.cli import main

    broken = {"offers": [{"key": "vale_scheme", "name": "Vale Scheme"}]}  # no routes, no summary
    (councils / "demo-vale.yml").write_text(yaml.safe_dump(vale() | {"local_rules": broken}))
    assert main(["council", "validate"]) == 1
    assert "local rules" in capsys.readouterr().err
