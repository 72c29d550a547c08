"""Great-circle distance and the grid cells that let the text index pre-filter by place.

Every searchable record carries tokens naming the grid cells it lies in, at two sizes. A distance
query becomes "any of these cells" inside the same full-text match, so SQLite FTS5 and PostgreSQL
GIN both intersect a short posting list instead of scanning the table; the exact distance is then
computed only for the few rows that survive.
"""

from __future__ import annotations

import math

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE_LAT = 69.05

# (token prefix, cell height in degrees of latitude, cell width in degrees of longitude)
FINE = ("zf", 0.1, 0.15)  # about 7 x 6 miles in England
COARSE = ("zc", 1.0, 1.5)  # about 69 x 64 miles
MAX_CELLS = 40

ONLINE_TOKEN = "zonline"
NATIONAL_TOKEN = "znational"


def miles_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance; accurate to well under 1% at the distances residents travel."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))


def _cell(grid: tuple[str, float, float], lat: float, lon: float) -> str:
    prefix, height, width = grid
    return f"{prefix}{math.floor((lat + 90) / height)}x{math.floor((lon + 180) / width)}"


def cell_tokens(lat: float, lon: float) -> list[str]:
    """The cells a point lies in, one per grid size."""
    return [_cell(FINE, lat, lon), _cell(COARSE, lat, lon)]


def _nearest_miles(
    lat: float, lon: float, south: float, west: float, height: float, width: float
) -> float:
    """Miles from a point to the nearest point of a cell (0 inside it)."""
    return miles_between(
        lat, lon, min(max(lat, south), south + height), min(max(lon, west), west + width)
    )


def cells_within(lat: float, lon: float, radius_miles: float) -> list[str]:
    """Cells covering the circle, from the finest grid that needs at most ``MAX_CELLS`` of them."""
    dlat = radius_miles / MILES_PER_DEGREE_LAT
    dlon = radius_miles / (MILES_PER_DEGREE_LAT * max(0.05, math.cos(math.radians(lat))))
    for grid in (FINE, COARSE):
        _prefix, height, width = grid
        rows = range(
            math.floor((lat - dlat + 90) / height), math.floor((lat + dlat + 90) / height) + 1
        )
        cols = range(
            math.floor((lon - dlon + 180) / width), math.floor((lon + dlon + 180) / width) + 1
        )
        if len(rows) * len(cols) <= MAX_CELLS or grid is COARSE:
            # Leave out the corner cells of the box that the circle does not reach: fewer
            # candidate records to fetch and measure.
            return [
                f"{grid[0]}{r}x{c}"
                for r in rows
                for c in cols
                if _nearest_miles(lat, lon, r * height - 90, c * width - 180, height, width)
                <= radius_miles * 1.001
            ]
    raise AssertionError("unreachable")


def in_great_britain(lat: float, lon: float) -> bool:
    """A sanity check on imported coordinates (ONS uses 99.999999 for 'no grid reference')."""
    return 49.0 <= lat <= 61.5 and -9.0 <= lon <= 2.5
