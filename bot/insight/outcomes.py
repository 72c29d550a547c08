"""The outcomes advisers record, and how each is reported to funders: read from one file.

``councils/outcomes/*.yml`` maps every outcome to its Individualised Learner Record
destination code and says which anonymous events make each UK Shared Prosperity Fund
indicator, with the sources; the console, the reminders, the reports and the exports all read
it here, so a funder's change of codes is one edit.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, validator

from bot.config import PROJECT_ROOT
from bot.insight.events import FOLLOW_UP_RESULTS, KINDS, OUTCOME_GROUPS

OUTCOMES_DIR = PROJECT_ROOT / "councils" / "outcomes"
DEFAULT = "england-2026-27"


class IlrCode(BaseModel):
    type: Literal["EMP", "EDU", "NPE", "VOL", "OTH", "GAP", "SDE"]
    code: int = Field(..., ge=1, le=99)

    @property
    def text(self) -> str:
        return f"{self.type}{self.code}"


class Outcome(BaseModel):
    key: str = Field(..., regex=r"^[a-z][a-z0-9_]{1,19}$")  # cases.outcome holds 20
    label: str
    group: str
    ilr: IlrCode | None
    follow_up_weeks: list[int] = Field(default_factory=list)

    @validator("group")
    def _known_group(cls, value: str) -> str:
        if value not in OUTCOME_GROUPS:
            raise ValueError(f"unknown group {value!r}")
        return value

    @validator("follow_up_weeks")
    def _weeks(cls, value: list[int]) -> list[int]:
        if any(weeks not in (13, 26) for weeks in value):
            raise ValueError("follow-ups are at 13 and 26 weeks")
        return value


class Count(BaseModel):
    """Events that count towards an indicator: those of ``event`` that match every other field."""

    event: str
    offer: str | None = None
    outcome_group: str | None = None
    weeks: int | None = None
    result: str | None = None

    @validator("event")
    def _known_event(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"unknown event {value!r}")
        return value


class Indicator(BaseModel):
    key: str = Field(..., regex=r"^[a-z][a-z0-9_]{1,39}$")
    kind: Literal["output", "outcome"]
    name: str
    counts: list[Count] = Field(..., min_items=1)


class OutcomeRules(BaseModel):
    name: str
    outcomes: list[Outcome] = Field(..., min_items=1)
    follow_up_results: dict[str, str]
    ukspf_indicators: list[Indicator]

    @validator("follow_up_results")
    def _results(cls, value: dict[str, str]) -> dict[str, str]:
        if set(value) != FOLLOW_UP_RESULTS:
            raise ValueError(f"follow-up results must be {sorted(FOLLOW_UP_RESULTS)}")
        return value

    def get(self, key: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.key == key), None)


class OutcomesError(ValueError):
    """The outcomes file is missing or says something the reports cannot follow."""


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> OutcomeRules:
    try:
        rules = OutcomeRules.parse_obj(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise OutcomesError(f"outcomes {Path(path).name}: {exc}") from exc
    keys = [o.key for o in rules.outcomes]
    if len(set(keys)) != len(keys):
        raise OutcomesError(f"outcomes {Path(path).name}: an outcome key is used twice")
    return rules


def rules(name: str = DEFAULT) -> OutcomeRules:
    """The outcome rules, re-read when the file changes."""
    path = OUTCOMES_DIR / f"{name}.yml"
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError as exc:
        raise OutcomesError(f"outcomes not found: {path}") from exc
    return _load(str(path), mtime)
