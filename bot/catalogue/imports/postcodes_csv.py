"""The ONS Postcode Directory (ONSPD) or National Statistics Postcode Lookup (NSPL) CSV.

We read ``pcds`` (or ``pcd``/``pcd2``), ``lat``, ``long``, the local authority column (``laua``,
``oslaua`` or a year-stamped ``ladNNcd``) and ``doterm`` (the month a postcode was terminated).
Rows ONS publishes without a grid reference (latitude 99.999999) are refused: we cannot place them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from bot.catalogue.imports import values as v
from bot.catalogue.imports.jsonscan import FeedError
from bot.catalogue.imports.records import Parsed, PostcodeIn

_LA = re.compile(r"^(laua|oslaua|lad\d{2}cd|lad)$", re.IGNORECASE)


def _column(header: list[str], *names: str, pattern: re.Pattern | None = None) -> str | None:
    lowered = {h.strip().lower(): h for h in header}
    for name in names:
        if name in lowered:
            return lowered[name]
    if pattern is not None:
        return next((h for h in header if pattern.match(h.strip())), None)
    return None


def parse(path: Path) -> Iterator[Parsed]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        pc = _column(header, "pcds", "pcd2", "pcd", "postcode")
        lat, lon = _column(header, "lat", "latitude"), _column(header, "long", "longitude")
        la = _column(header, pattern=_LA)
        doterm = _column(header, "doterm")
        missing = [n for n, c in (("pcds", pc), ("lat", lat), ("long", lon)) if c is None]
        if missing:
            raise FeedError(
                "this is not an ONS postcode file: the header has no "
                + " or ".join(missing)
                + " column"
            )
        for row in reader:
            line = reader.line_num
            try:
                postcode = v.postcode(row.get(pc), "postcode")
                if postcode is None:
                    raise v.RowError("postcode is missing")
                if (row.get(lat) or "").strip().startswith("99.9999"):
                    raise v.RowError("ONS has no grid reference for this postcode")
                la_, lo_ = v.coordinates(row.get(lat), row.get(lon), "postcode")
                if la_ is None or lo_ is None:
                    raise v.RowError("postcode has no coordinates")
                ended = (row.get(doterm) or "").strip() if doterm else ""
                yield Parsed(
                    line,
                    record=PostcodeIn(
                        postcode,
                        la_,
                        lo_,
                        (row.get(la) or "").strip() or None if la else None,
                        ended or None,
                    ),
                    label=postcode,
                )
            except v.RowError as exc:
                yield Parsed(line, error=str(exc), label=(row.get(pc) or "")[:10])
