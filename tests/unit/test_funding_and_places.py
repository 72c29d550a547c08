"""Funding rules, postcode formats, and the geometry behind distance search."""

import math
import random

import pytest

from bot.catalogue.course.funding import Profile, free_course_types, free_for, is_free_for
from bot.council import service as council_service
from bot.geo.distance import cell_tokens, cells_within, miles_between
from bot.postcode.service import is_outward_code, normalise


@pytest.mark.parametrize(
    ("course_type", "cost", "profile", "free"),
    [
        ("other", 0, Profile(), True),  # free for everyone
        ("other", 50000, Profile(age=17), True),  # 16-18s pay nothing
        ("other", 50000, Profile(age=30, highest_level="1"), False),
        ("essential_skills", 30000, Profile(age=30, highest_level="1"), True),
        ("essential_skills", 30000, Profile(age=30, highest_level="2"), False),
        ("essential_skills", 30000, Profile(age=30, highest_level="none"), True),
        ("free_courses_for_jobs", 120000, Profile(age=25, highest_level="2"), True),
        ("free_courses_for_jobs", 120000, Profile(age=25, highest_level="3"), False),
        (
            "free_courses_for_jobs",
            120000,
            Profile(age=25, highest_level="4", on_benefits=True),
            True,
        ),
        ("esol", 18000, Profile(age=40, on_benefits=True), True),
        ("esol", 18000, Profile(age=40, on_benefits=False), False),
        ("essential_skills", 30000, Profile(), False),  # nothing known: don't promise free
    ],
)
def test_free_for_me(course_type, cost, profile, free):
    demo = council_service.home()
    assert is_free_for(course_type, cost, profile, council=demo) is free
    # The search filter (SQL) uses the same rules through free_course_types.
    types = free_course_types(profile, council=demo)
    assert (cost == 0 or types is None or course_type in types) is free


def test_free_for_lists_who_pays_nothing():
    demo = council_service.home()
    assert free_for("other", 0, council=demo) == ["Free for everyone"]
    labels = free_for("free_courses_for_jobs", 100, council=demo)
    assert any("no level 3" in label for label in labels)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [("db11aa", "DB1 1AA"), (" sw1a 1aa ", "SW1A 1AA"), ("M1 1AE", "M1 1AE"), ("gir0aa", "GIR 0AA"),
     ("DB1", None), ("QA1 1AA", None), ("DB1 1AAA", None), ("", None), ("12345", None)],
)  # fmt: skip
def test_postcode_format(raw, normal):
    assert normalise(raw) == normal


def test_outward_codes():
    assert is_outward_code("DB1") and is_outward_code("sw1a") and not is_outward_code("DB1 1AA")


def test_distance_between_known_places():
    # Leeds Town Hall to York Minster is about 22 miles as the crow flies.
    assert 21.5 < miles_between(53.7998, -1.5491, 53.9623, -1.0819) < 22.5


def test_the_search_cells_cover_every_point_within_the_radius():
    lat, lon = 53.8, -1.55
    for radius in (1, 5, 25, 80):
        cells = set(cells_within(lat, lon, radius))
        for dlat, dlon in ((0.9, 0), (-0.9, 0), (0, 0.9), (0, -0.9), (0.6, 0.6)):
            point = (lat + dlat * radius / 69.05, lon + dlon * radius / 40.7)
            assert miles_between(lat, lon, *point) <= radius
            assert cells & set(cell_tokens(*point)), (radius, point)


def test_trimmed_cells_still_cover_the_whole_circle():
    rng = random.Random(5)
    for _ in range(300):
        lat, lon = rng.uniform(50, 55.5), rng.uniform(-5, 1.7)
        radius = rng.choice((0.5, 3, 10, 30))
        cells = set(cells_within(lat, lon, radius))
        for _ in range(40):
            bearing = rng.uniform(0, 2 * math.pi)
            reach = radius * math.sqrt(rng.random()) * 0.995
            point = (
                lat + reach * math.cos(bearing) / 69.05,
                lon + reach * math.sin(bearing) / (69.05 * math.cos(math.radians(lat))),
            )
            if miles_between(lat, lon, *point) <= radius:
                assert cells & set(cell_tokens(*point)), (lat, lon, radius, point)
