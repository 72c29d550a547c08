"""Suppression of small counts: nothing published may single out a resident.

Beyond checking the rules one by one, these tests play the attacker: from the published figures
alone, with rational linear algebra, they ask whether any hidden value is pinned down.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.insight.disclosure import (
    MIN_SHOWN,
    SUPPRESSED,
    Table,
    primary,
    rounded,
    suppress_series,
    suppress_table,
)

AGES = ("16-24", "25-49", "50+")


def grid(rows: dict[str, list[int]], columns: tuple[str, ...] = AGES) -> dict:
    return {
        (row, column): count
        for row, counts in rows.items()
        for column, count in zip(columns, counts, strict=True)
    }


def hidden_cells(table: Table) -> set[tuple[str, str]]:
    return {key for key, value in table.cells.items() if value is SUPPRESSED}


def lines(table: Table) -> list[tuple[list[int | None], int | None]]:
    """Every line of the published table with its total: rows, columns and both margins."""
    rows, columns = list(table.row_totals), list(table.column_totals)
    return (
        [([table.cells[r, c] for c in columns], table.row_totals[r]) for r in rows]
        + [([table.cells[r, c] for r in rows], table.column_totals[c]) for c in columns]
        + [(list(table.row_totals.values()), table.grand_total)]
        + [(list(table.column_totals.values()), table.grand_total)]
    )


def recoverable(table: Table) -> set[tuple]:
    """The hidden values an attacker can work out exactly from the published table.

    Every line adds up to its total, so the hidden values satisfy a set of linear equations; a
    hidden value is pinned down exactly when its unit vector lies in the span of those equations
    (over the rationals, so any combination of sums and differences of lines is covered).
    """
    rows, columns = list(table.row_totals), list(table.column_totals)
    entries: dict[tuple, int | None] = {("cell", r, c): table.cells[r, c] for r, c in table.cells}
    entries |= {("row", r): v for r, v in table.row_totals.items()}
    entries |= {("column", c): v for c, v in table.column_totals.items()}
    entries[("grand",)] = table.grand_total
    unknown = [key for key, value in entries.items() if value is SUPPRESSED]
    index = {key: i for i, key in enumerate(unknown)}
    equations = (
        [[("cell", r, c) for c in columns] + [("row", r)] for r in rows]
        + [[("cell", r, c) for r in rows] + [("column", c)] for c in columns]
        + [[("row", r) for r in rows] + [("grand",)]]
        + [[("column", c) for c in columns] + [("grand",)]]
    )
    basis: list[tuple[int, list[Fraction]]] = []

    def reduce(vector: list[Fraction]) -> list[Fraction]:
        for pivot, row in basis:
            if vector[pivot]:
                factor = vector[pivot]
                vector = [a - factor * b for a, b in zip(vector, row, strict=True)]
        return vector

    for members in equations:
        vector = [Fraction(0)] * len(unknown)
        for key in members:
            if key in index:
                vector[index[key]] += -1 if key == members[-1] else 1
        vector = reduce(vector)
        pivot = next((i for i, a in enumerate(vector) if a), None)
        if pivot is None:
            continue
        vector = [a / vector[pivot] for a in vector]
        basis = [
            (p, [a - row[pivot] * b for a, b in zip(row, vector, strict=True)]) for p, row in basis
        ]
        basis.append((pivot, vector))
    found = set()
    for key, i in index.items():
        unit = [Fraction(int(j == i)) for j in range(len(unknown))]
        if not any(reduce(unit)):
            found.add(key)
    return found


# --- primary suppression -------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, None), (2, None), (3, None), (4, None)])
def test_primary_hides_one_to_four_but_shows_zero(count: int, shown: int | None) -> None:
    assert primary(count) == shown


@pytest.mark.parametrize("count", [5, 6, 30, 1000])
def test_primary_shows_five_and_over(count: int) -> None:
    assert primary(count) == count


def test_constants() -> None:
    assert SUPPRESSED is None
    assert MIN_SHOWN == 5


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        primary(-1)
    with pytest.raises(ValueError):
        suppress_table({("North", "16-24"): -3})
    with pytest.raises(ValueError):
        suppress_series({"North": -3})


# --- tables --------------------------------------------------------------------------------------


def test_lone_suppressed_cell_in_a_row_gets_the_smallest_partner() -> None:
    table = suppress_table(grid({"Northgate": [3, 12, 20], "Riverside": [40, 50, 60]}))
    assert table.cells["Northgate", "16-24"] is SUPPRESSED
    assert table.cells["Northgate", "25-49"] is SUPPRESSED  # 12, the smaller of 12 and 20
    assert table.cells["Northgate", "50+"] == 20
    assert table.row_totals["Northgate"] == 35


def test_ties_go_to_the_first_in_display_order() -> None:
    table = suppress_table(grid({"Northgate": [2, 7, 7, 9]}, ("a", "b", "c", "d")))
    assert table.cells == {
        ("Northgate", "a"): None,
        ("Northgate", "b"): None,
        ("Northgate", "c"): 7,
        ("Northgate", "d"): 9,
    }
    # Each hidden cell is alone in its column, so those column totals go too.
    assert table.column_totals == {"a": None, "b": None, "c": 7, "d": 9}
    assert table.row_totals == {"Northgate": 25}
    assert table.grand_total == 25


def test_worked_example_cannot_be_undone_by_subtraction() -> None:
    true = grid({"Northgate": [3, 12, 20], "Riverside": [8, 9, 15], "Eastfield": [10, 0, 7]})
    table = suppress_table(true)
    assert table == Table(
        cells=grid(
            {
                "Northgate": [None, None, 20],
                "Riverside": [None, None, 15],
                "Eastfield": [10, 0, 7],
            }
        ),
        row_totals={"Northgate": 35, "Riverside": 32, "Eastfield": 17},
        column_totals={"16-24": 21, "25-49": 21, "50+": 42},
        grand_total=84,
        suppressed=4,
    )
    # Subtracting what is shown leaves two unknowns in every line that has any...
    assert 35 - 20 == 3 + 12  # Northgate: 16-24 plus 25-49, not either alone
    assert 21 - 10 == 3 + 8  # 16-24: Northgate plus Riverside
    # ...and a different truth, moved by one around the loop of hidden cells, publishes the
    # very same table, so nobody reading it can tell which is real.
    other = true | {
        ("Northgate", "16-24"): 4,
        ("Northgate", "25-49"): 11,
        ("Riverside", "16-24"): 7,
        ("Riverside", "25-49"): 10,
    }
    assert suppress_table(other) == table
    assert recoverable(table) == set()


def test_secondary_suppression_cascades_between_rows_and_columns() -> None:
    columns = ("a", "b", "c", "d")
    rows = {
        "Northgate": [2, 10, 30, 30],
        "Riverside": [12, 40, 8, 9],
        "Eastfield": [30, 6, 10, 7],
    }
    table = suppress_table(grid(rows, columns))
    # 2 is primary. Northgate's partner leaves column b with one hidden cell, whose partner
    # leaves Eastfield with one, whose partner leaves column d with one, and so on: it takes
    # three rounds before every line holds none or at least two.
    assert hidden_cells(table) == {
        ("Northgate", "a"),  # 2, primary
        ("Northgate", "b"),  # 10, Northgate's partner
        ("Riverside", "a"),  # 12, column a's partner
        ("Eastfield", "b"),  # 6, column b's partner
        ("Riverside", "c"),  # 8, Riverside's partner: the cascade back into the rows
        ("Eastfield", "d"),  # 7, Eastfield's partner
        ("Eastfield", "c"),  # 10, column c's partner: and back into the columns
        ("Riverside", "d"),  # 9, column d's partner
    }
    assert table.suppressed == 8
    assert table.row_totals == {"Northgate": 72, "Riverside": 69, "Eastfield": 53}
    for cells, total in lines(table):
        assert sum(value is SUPPRESSED for value in cells) != 1 or total is SUPPRESSED
    assert recoverable(table) == set()


def test_line_with_no_other_non_zero_cell_hides_its_total() -> None:
    table = suppress_table(grid({"Northgate": [3, 6], "Riverside": [8, 0]}, ("a", "b")))
    # Column b: 6 is hidden as Northgate's partner, and its only other cell is 0, which is never
    # hidden to protect anything, so the column total goes instead.
    assert table.cells["Northgate", "b"] is SUPPRESSED
    assert table.cells["Riverside", "b"] == 0
    assert table.column_totals["b"] is SUPPRESSED
    assert recoverable(table) == set()


def test_a_hidden_total_is_protected_from_the_grand_total() -> None:
    # Northgate's total, 3, is hidden. Were it the only hidden row total, the grand total minus
    # Riverside's would give it back, and with it the 3 in column a; so the row totals are a
    # line of their own, whose total is the grand total, and a second one is hidden.
    table = suppress_table(grid({"Northgate": [3, 0], "Riverside": [6, 9]}, ("a", "b")))
    assert table.row_totals["Northgate"] is SUPPRESSED  # 3, primary
    assert table.grand_total == 18
    assert table.row_totals["Riverside"] is SUPPRESSED
    assert recoverable(table) == set()


def test_hidden_cells_joining_two_groups_are_protected() -> None:
    # Every line here ends up with none or two hidden entries even before the loop step, yet
    # Northgate and Riverside total 7 - 5 = 2, which are both their 25-49 cells, so Eastfield's
    # 25-49 would be 5 - 2 = 3. Hiding Eastfield's total closes the gap.
    columns = ("16-17", "18-24", "25-49", "50+")
    table = suppress_table(
        grid(
            {"Northgate": [0, 1, 0, 0], "Riverside": [0, 1, 0, 0], "Eastfield": [0, 3, 1, 1]},
            columns,
        )
    )
    assert table.row_totals["Eastfield"] is SUPPRESSED
    assert table.cells["Eastfield", "18-24"] is SUPPRESSED
    assert recoverable(table) == set()


def test_without_totals_only_primary_suppression_applies() -> None:
    table = suppress_table(grid({"Northgate": [3, 12, 20], "Riverside": [8, 9, 15]}), totals=False)
    assert table.cells == grid({"Northgate": [None, 12, 20], "Riverside": [8, 9, 15]})
    assert table.row_totals == {}
    assert table.column_totals == {}
    assert table.grand_total is None
    assert table.suppressed == 1


def test_missing_combinations_are_zeros_and_order_is_first_seen() -> None:
    table = suppress_table({("Riverside", "50+"): 9, ("Northgate", "16-24"): 7})
    assert list(table.row_totals) == ["Riverside", "Northgate"]
    assert list(table.column_totals) == ["50+", "16-24"]
    assert table.cells == {
        ("Riverside", "50+"): 9,
        ("Riverside", "16-24"): 0,
        ("Northgate", "50+"): 0,
        ("Northgate", "16-24"): 7,
    }
    assert table.grand_total == 16
    assert table.suppressed == 0


def test_empty_table() -> None:
    assert suppress_table({}) == Table({}, {}, {}, 0, 0)
    assert suppress_table({}, totals=False) == Table({}, {}, {}, None, 0)


def test_table_is_frozen() -> None:
    table = suppress_table({("Northgate", "16-24"): 7})
    with pytest.raises(dataclasses.FrozenInstanceError):
        table.grand_total = 8  # type: ignore[misc]


ROWS = ("Northgate", "Riverside", "Eastfield", "Westbrook", "Southmoor")
COLUMNS = ("16-24", "25-49", "50+", "unknown")
COUNTS = st.integers(0, 30) | st.integers(0, 5)  # small counts are where the rules bite
TABLES = st.dictionaries(st.tuples(st.sampled_from(ROWS), st.sampled_from(COLUMNS)), COUNTS)


@settings(max_examples=200, deadline=None)
@given(TABLES)
def test_published_tables_never_give_anyone_away(cells: dict[tuple[str, str], int]) -> None:
    table = suppress_table(cells)
    rows = list(dict.fromkeys(r for r, _ in cells))
    columns = list(dict.fromkeys(c for _, c in cells))
    true = {(r, c): cells.get((r, c), 0) for r in rows for c in columns}
    true_rows = {r: sum(true[r, c] for c in columns) for r in rows}
    true_columns = {c: sum(true[r, c] for r in rows) for c in columns}
    published = [
        *((table.cells, true), (table.row_totals, true_rows), (table.column_totals, true_columns)),
        ({"grand": table.grand_total}, {"grand": sum(true.values())}),
    ]

    assert list(table.cells) == list(true)
    assert list(table.row_totals) == rows
    assert list(table.column_totals) == columns
    for shown, actual in published:
        for key, value in shown.items():
            assert value is SUPPRESSED or value == actual[key]  # nothing is altered
            assert value is SUPPRESSED or not 0 < value < MIN_SHOWN  # no small count is shown
            assert actual[key] != 0 or value == 0  # zeros are never hidden
    assert table.suppressed == len(hidden_cells(table))
    for line, total in lines(table):
        assert sum(value is SUPPRESSED for value in line) != 1 or total is SUPPRESSED
    assert recoverable(table) == set()


@settings(max_examples=200, deadline=None)
@given(TABLES)
def test_without_totals_exactly_the_small_cells_are_hidden(cells: dict) -> None:
    table = suppress_table(cells, totals=False)
    for key, value in table.cells.items():
        assert value == primary(cells.get(key, 0))
    assert table.suppressed == sum(0 < count < MIN_SHOWN for count in cells.values())


# --- series --------------------------------------------------------------------------------------


def test_series_lone_suppression_takes_the_next_smallest() -> None:
    counts = {"Northgate": 3, "Riverside": 12, "Eastfield": 8, "Westbrook": 8, "Southmoor": 0}
    values, total = suppress_series(counts)
    assert values == {
        "Northgate": None,
        "Riverside": 12,
        "Eastfield": None,  # 8, first of the two smallest non-zero values
        "Westbrook": 8,
        "Southmoor": 0,
    }
    assert total == 31
    assert 31 - 12 - 8 - 0 == 3 + 8  # the total gives the two hidden values only together


def test_series_two_primary_suppressions_need_no_partner() -> None:
    assert suppress_series({"Northgate": 2, "Riverside": 3, "Eastfield": 10}) == (
        {"Northgate": None, "Riverside": None, "Eastfield": 10},
        15,
    )


def test_series_with_nothing_else_to_hide_hides_the_total() -> None:
    assert suppress_series({"Northgate": 3, "Riverside": 0}) == (
        {"Northgate": None, "Riverside": 0},
        None,
    )


def test_series_without_total_is_primary_only() -> None:
    assert suppress_series({"Northgate": 3, "Riverside": 10}, total=False) == (
        {"Northgate": None, "Riverside": 10},
        None,
    )


def test_empty_series() -> None:
    assert suppress_series({}) == ({}, 0)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(ROWS), COUNTS))
def test_series_never_gives_anyone_away(counts: dict[str, int]) -> None:
    values, total = suppress_series(counts)
    assert list(values) == list(counts)
    for key, value in values.items():
        assert value is SUPPRESSED or value == counts[key]
        assert value is SUPPRESSED or not 0 < value < MIN_SHOWN
        assert counts[key] != 0 or value == 0
    assert total is SUPPRESSED or total == sum(counts.values())
    assert total is SUPPRESSED or not 0 < total < MIN_SHOWN
    hidden = sum(value is SUPPRESSED for value in values.values())
    assert hidden != 1 or total is SUPPRESSED
    assert hidden <= 1 + sum(0 < count < MIN_SHOWN for count in counts.values())


# --- rounding ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, 0), (1, 0), (2, 0), (3, 5), (5, 5), (7, 5), (8, 10), (12, 10), (13, 15), (None, None)],
)
def test_rounded_to_nearest_five(count: int | None, expected: int | None) -> None:
    assert rounded(count) == expected


@pytest.mark.parametrize(("count", "expected"), [(4, 0), (5, 10), (14, 10), (15, 20), (25, 30)])
def test_rounded_halves_go_up(count: int, expected: int) -> None:
    assert rounded(count, base=10) == expected


def test_rounded_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        rounded(-1)
    with pytest.raises(ValueError):
        rounded(7, base=0)


@given(st.integers(0, 10_000))
def test_rounded_is_a_nearest_multiple_of_five(count: int) -> None:
    result = rounded(count)
    assert result is not None
    assert result % 5 == 0
    assert abs(result - count) <= 2
