"""The outcomes file: every outcome maps to a real ILR destination code or says why it has
none, job starts are followed up at 13 and 26 weeks, every funder's indicator counts events
that exist, and the demo council reports indicators that are defined."""

from __future__ import annotations

import pytest
import yaml

from bot.council import service as council_service
from bot.insight import outcomes

# The ILR's DPOutcome codes (OutType + OutCode) the file may use.
ILR_CODES = {"EMP1", "EMP2", "EMP4", "EMP5", "EDU1", "EDU2", "EDU3", "EDU4", "EDU5", "EDU6",
             "NPE1", "NPE2", "VOL1", "OTH1", "OTH3", "OTH4", "GAP1"}  # fmt: skip


def test_outcomes_map_to_ilr_codes_and_job_starts_are_followed_up():
    rules = outcomes.rules()
    for outcome in rules.outcomes:
        assert outcome.ilr is None or outcome.ilr.text in ILR_CODES, outcome.key
        assert (outcome.follow_up_weeks == [13, 26]) == (outcome.group == "job_start"), outcome.key
    groups = {o.group for o in rules.outcomes}
    assert groups == {"job_start", "training_start", "qualification", "volunteering", "referral",
                      "no_longer_engaged"}  # fmt: skip


def test_the_demo_council_reports_defined_indicators():
    council = council_service.home()
    defined = {i.key for i in outcomes.rules(council.insight.outcome_rules).ukspf_indicators}
    assert council.insight.ukspf_indicators and set(council.insight.ukspf_indicators) <= defined


@pytest.mark.parametrize(("change", "message"), [
    (lambda r: r["outcomes"][0].update(group="promotion"), "unknown group"),
    (lambda r: r["outcomes"][0].update(follow_up_weeks=[52]), "13 and 26 weeks"),
    (lambda r: r["outcomes"][0].update(ilr={"type": "XYZ", "code": 1}), "type"),
    (lambda r: r["ukspf_indicators"][0]["counts"].append({"event": "resident_happy"}),
     "unknown event"),
    (lambda r: r["outcomes"].append(dict(r["outcomes"][0])), "used twice"),
])  # fmt: skip
def test_a_broken_outcomes_file_is_refused_with_the_reason(tmp_path, monkeypatch, change,
                                                           message):  # fmt: skip
    raw = yaml.safe_load((outcomes.OUTCOMES_DIR / f"{outcomes.DEFAULT}.yml").read_text())
    change(raw)
    (tmp_path / "broken.yml").write_text(yaml.safe_dump(raw))
    monkeypatch.setattr(outcomes, "OUTCOMES_DIR", tmp_path)
    with pytest.raises(outcomes.OutcomesError, match=message):
        outcomes.rules("broken")
