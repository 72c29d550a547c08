"""Council configuration: validated on load, and the hours logic residents are told about."""

from datetime import datetime, time, timezone
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.council import service
from bot.council.models import DAYS
from bot.council.service import CouncilConfigError

DEMO = PROJECT_ROOT / "councils" / "demo.yml"


def test_demo_council_loads_and_is_labelled_demo():
    council = service.load(DEMO)
    assert council.slug == "demo"
    assert council.demo is True
    assert council.phone


def test_opening_hours_read_as_plain_english():
    text = service.opening_hours_text(service.load(DEMO))
    assert text.startswith("Monday 9am to 5pm")
    assert "Friday 9am to 4:30pm" in text
    assert "Sunday" not in text


def test_hours_open_round_the_clock_read_as_any_time():
    """A line open all day read "Monday 12am to 11:59pm, Tuesday 12am to 11:59pm, ..."."""
    demo = service.load(DEMO)
    always = demo.copy(update={"opening_hours": {d: (time(0), time(23, 59)) for d in DAYS}})
    assert service.opening_hours_text(always) == "any time, every day"
    weekdays = {**demo.opening_hours, "saturday": (time(0), time(23, 59))}
    text = service.opening_hours_text(demo.copy(update={"opening_hours": weekdays}))
    assert text.startswith("Monday 9am to 5pm") and text.endswith("Saturday all day")


@pytest.mark.parametrize(
    "moment,expected",
    [
        (datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc), True),  # Monday 9am GMT
        (datetime(2026, 11, 23, 8, 59, tzinfo=timezone.utc), False),
        (datetime(2026, 11, 23, 17, 0, tzinfo=timezone.utc), False),  # closing time is closed
        (datetime(2026, 11, 29, 12, 0, tzinfo=timezone.utc), False),  # Sunday
        # Summer time: 08:30 UTC is 09:30 in London, so open.
        (datetime(2026, 7, 6, 8, 30, tzinfo=timezone.utc), True),
    ],
)
def test_is_open_uses_london_time(moment, expected):
    assert service.is_open(service.load(DEMO), moment) is expected


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "council.yml"
    path.write_text(body)
    return path


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CouncilConfigError, match="not found"):
        service.load(tmp_path / "nope.yml")


def test_broken_yaml_is_a_clear_error(tmp_path):
    with pytest.raises(CouncilConfigError, match="not valid YAML"):
        service.load(_write(tmp_path, "slug: [unclosed"))


def test_invalid_council_names_the_problem(tmp_path):
    body = DEMO.read_text().replace('["09:00", "17:00"]', '["17:00", "09:00"]', 1)
    with pytest.raises(CouncilConfigError, match="closing time must be after opening"):
        service.load(_write(tmp_path, body))


def test_default_council_is_reread_when_its_file_changes(tmp_path, monkeypatch):
    from bot.config import get_settings

    path = _write(tmp_path, DEMO.read_text())
    monkeypatch.setenv("COUNCIL_FILE", str(path))
    get_settings.cache_clear()
    assert service.home().phone == "0113 496 0000"
    path.write_text(DEMO.read_text().replace("0113 496 0000", "0113 496 0123"))
    import os

    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 5))
    assert service.home().phone == "0113 496 0123"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [("2026-12-07T10:00:00+00:00", "They open again at 10am today."),  # open: now
     ("2026-12-07T18:00:00+00:00", "They open again at 9am tomorrow."),
     ("2026-12-05T14:00:00+00:00", "They open again at 9am on Monday 7 December."),  # Saturday
     ("2026-12-05T09:30:00+00:00", "They open again at 10am today.")],
)  # fmt: skip
def test_a_closed_team_says_when_it_opens_again(moment, expected):
    from datetime import datetime

    council = service.load(DEMO)
    assert service.reopening_text(council, datetime.fromisoformat(moment)) == expected
