"""Statistical disclosure control for the counts the council publishes.

Funders' reports and the open-data export break outcomes down by district, age band and the
like. A small count in such a breakdown can point at one resident ("the only 50+ care leaver in
Eastfield who started an apprenticeship"), so before any count leaves the council it goes
through the same rules official statistics use (ONS / DWP practice): counts of 1 to 4 are
suppressed, and where totals are shown, further counts are suppressed so that the hidden ones
cannot be worked back out by subtraction. Suppressed values are ``None``, so a report that forgets
to render them fails loudly rather than printing a real count.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SUPPRESSED: None = None
MIN_SHOWN = 5

# A position in the table *with its margins*: (row index, column index), where the index one past
# the last real row is the row of column totals and the index one past the last real column is
# the column of row totals, so (rows, columns) is the grand total. Treating every total as one
# more entry of its line lets one rule ("no line may have exactly one hidden entry") protect the
# cells, the totals and the grand total alike.
_Pos = tuple[int, int]
# A line of the table: its entries in display order, then the total they add up to.
_Line = tuple[Sequence[_Pos], _Pos]


@dataclass(frozen=True)
class Table:
    """A two-way table ready to publish; every ``None`` is a suppressed value.

    ``cells`` holds the full grid, rows and columns in the order first seen in the input, so a
    report can lay it out directly. ``suppressed`` counts the hidden cells (not totals), for the
    footnote that tells readers some figures were withheld.
    """

    cells: dict[tuple[str, str], int | None]
    row_totals: dict[str, int | None]
    column_totals: dict[str, int | None]
    grand_total: int | None
    suppressed: int


def primary(count: int) -> int | None:
    """Hide a count of 1 to 4: so few people could be recognised by someone who knows them.

    Zero is shown: it says nobody is there, which identifies no one.
    """
    _check_count(count)
    return SUPPRESSED if 0 < count < MIN_SHOWN else count


def suppress_table(cells: dict[tuple[str, str], int], *, totals: bool = True) -> Table:
    """Suppress a (row, column) -> count table so no resident can be identified from it.

    With totals shown, hiding a small cell alone is not enough: its row total minus the other
    cells gives it back. So every row and column (each counting its total as one more entry)
    must hide none or at least two entries; a line with one gets its smallest other non-zero
    count hidden too (its total if there is none), and that is repeated because a new hidden
    cell can leave its column with one. Lines are not the only way to subtract, though: adding
    several rows and taking away several columns can isolate a hidden cell that joins two
    otherwise separate groups of hidden cells. So, finally, each such cell gets the cheapest
    chain of further hidden counts that closes a loop through it; once every hidden value lies
    on such a loop, raising and lowering it around the loop keeps every published figure the
    same, so the published figures cannot pin it down. Zeros are never hidden to protect others.

    Without totals nothing can be subtracted, so only counts of 1 to 4 are hidden. Missing
    (row, column) pairs are zeros and appear in the output as such.
    """
    rows = list(dict.fromkeys(row for row, _ in cells))
    columns = list(dict.fromkeys(column for _, column in cells))
    n_rows, n_columns = len(rows), len(columns)
    values: dict[_Pos, int] = {}
    for i, row in enumerate(rows):
        for j, column in enumerate(columns):
            values[i, j] = _check_count(cells.get((row, column), 0))

    if not totals:
        published = {
            (rows[i], columns[j]): primary(values[i, j])
            for i in range(n_rows)
            for j in range(n_columns)
        }
        hidden_cells = sum(value is SUPPRESSED for value in published.values())
        return Table(published, {}, {}, None, hidden_cells)

    for i in range(n_rows):
        values[i, n_columns] = sum(values[i, j] for j in range(n_columns))
    for j in range(n_columns + 1):
        values[n_rows, j] = sum(values[i, j] for i in range(n_rows))

    hidden = {pos for pos, value in values.items() if primary(value) is SUPPRESSED}
    lines: list[_Line] = [
        ([(i, j) for j in range(n_columns)], (i, n_columns)) for i in range(n_rows + 1)
    ] + [([(i, j) for i in range(n_rows)], (n_rows, j)) for j in range(n_columns + 1)]
    _protect_lines(values, hidden, lines)
    while (bridge := _find_bridge(hidden)) is not None:
        hidden.update(_cheapest_loop(values, hidden, bridge, n_rows + 1, n_columns + 1))
        _protect_lines(values, hidden, lines)

    def shown(pos: _Pos) -> int | None:
        return SUPPRESSED if pos in hidden else values[pos]

    return Table(
        cells={
            (rows[i], columns[j]): shown((i, j)) for i in range(n_rows) for j in range(n_columns)
        },
        row_totals={row: shown((i, n_columns)) for i, row in enumerate(rows)},
        column_totals={column: shown((n_rows, j)) for j, column in enumerate(columns)},
        grand_total=shown((n_rows, n_columns)),
        suppressed=sum(1 for i, j in hidden if i < n_rows and j < n_columns),
    )


def suppress_series(
    counts: dict[str, int], *, total: bool = True
) -> tuple[dict[str, int | None], int | None]:
    """Suppress a one-way breakdown (by district, say) and its total.

    A single hidden value could be had back as the total minus the rest, so a lone hidden value
    takes the next smallest non-zero value with it, or the total when there is no such value.
    Without a total only counts of 1 to 4 are hidden, and the total returned is ``None``.
    """
    keys = list(counts)
    if not total:
        return {key: primary(counts[key]) for key in keys}, None
    values: dict[_Pos, int] = {(0, j): _check_count(counts[key]) for j, key in enumerate(keys)}
    total_pos = (0, len(keys))
    values[total_pos] = sum(counts.values())
    hidden = {pos for pos, value in values.items() if primary(value) is SUPPRESSED}
    _protect_lines(values, hidden, [([(0, j) for j in range(len(keys))], total_pos)])
    published = {key: SUPPRESSED if (0, j) in hidden else counts[key] for j, key in enumerate(keys)}
    return published, SUPPRESSED if total_pos in hidden else values[total_pos]


def rounded(count: int | None, base: int = 5) -> int | None:
    """Round to the nearest multiple of ``base``, halves up, for the open-data export.

    Suppression is applied first; rounding then blurs the small differences that could otherwise
    be found by setting one release against another (last quarter's, or another breakdown of the
    same people). ``None`` stays ``None``, so a suppressed value never becomes a real-looking 0.
    """
    if count is None:
        return None
    _check_count(count)
    if base < 1:
        raise ValueError(f"rounding base must be at least 1, not {base}")
    return (2 * count + base) // (2 * base) * base


def _check_count(count: int) -> int:
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    return count


def _protect_lines(values: dict[_Pos, int], hidden: set[_Pos], lines: Iterable[_Line]) -> None:
    """Give every line with exactly one hidden entry a second one, until none is left.

    The smallest non-zero count is chosen to lose as little information as possible, the first
    in display order on a tie so the same data always publish the same way. Only when a line has
    no such count is its total hidden: the total is the figure readers use most.
    """
    lines = list(lines)
    changed = True
    while changed:
        changed = False
        for members, total in lines:
            if sum(pos in hidden for pos in (*members, total)) != 1:
                continue
            candidates = [pos for pos in members if pos not in hidden and values[pos] > 0]
            partner = min(candidates, key=lambda pos: values[pos]) if candidates else total
            if partner in hidden:  # pragma: no cover - a hidden total always has a count to hide
                raise RuntimeError(f"no entry left to hide beside the total at {total}")
            hidden.add(partner)
            changed = True


def _find_bridge(hidden: set[_Pos]) -> _Pos | None:
    """The first hidden entry that lies on no loop of hidden entries, if any.

    Think of each row and column (totals included) as a point and each hidden entry as a link
    between its row and its column. An entry on a loop can be raised by one while its neighbours
    on the loop are lowered and raised in turn, and every line still adds up; an entry on no loop
    (a bridge) is fixed by the published figures. The tables published are small, so each entry
    is simply tested by asking whether its row still reaches its column without it.
    """
    by_row: dict[int, list[_Pos]] = {}
    by_column: dict[int, list[_Pos]] = {}
    for pos in hidden:
        by_row.setdefault(pos[0], []).append(pos)
        by_column.setdefault(pos[1], []).append(pos)
    for edge in sorted(hidden):
        seen_rows, seen_columns = {edge[0]}, set()
        rows_to_visit = [edge[0]]
        while rows_to_visit:
            for pos in by_row[rows_to_visit.pop()]:
                if pos == edge or pos[1] in seen_columns:
                    continue
                seen_columns.add(pos[1])
                for other in by_column[pos[1]]:
                    if other != edge and other[0] not in seen_rows:
                        seen_rows.add(other[0])
                        rows_to_visit.append(other[0])
        if edge[1] not in seen_columns:
            return edge
    return None


def _cheapest_loop(
    values: dict[_Pos, int], hidden: set[_Pos], bridge: _Pos, n_rows: int, n_columns: int
) -> list[_Pos]:
    """The entries to hide so that ``bridge`` lies on a loop, hiding as small a sum as possible.

    A cheapest path from the bridge's column back to its row, where walking along an entry that
    is already hidden costs nothing and a shown non-zero count costs its value; zeros are not
    walked. With totals shown a path always exists, because every hidden count has non-zero
    totals that link its row and column through the grand total.
    """
    row_vertex, column_vertex = bridge[0], n_rows + bridge[1]
    best: dict[int, int] = {column_vertex: 0}
    via: dict[int, tuple[int, _Pos]] = {}
    queue = [(0, column_vertex)]
    done: set[int] = set()
    while queue:
        cost, vertex = heapq.heappop(queue)
        if vertex in done:
            continue
        done.add(vertex)
        if vertex == row_vertex:
            break
        if vertex >= n_rows:
            steps = [((i, vertex - n_rows), i) for i in range(n_rows)]
        else:
            steps = [((vertex, j), n_rows + j) for j in range(n_columns)]
        for pos, neighbour in steps:
            if pos == bridge or neighbour in done:
                continue
            if pos in hidden:
                step = 0
            elif values[pos] > 0:
                step = values[pos]
            else:
                continue
            if cost + step < best.get(neighbour, cost + step + 1):
                best[neighbour] = cost + step
                via[neighbour] = (vertex, pos)
                heapq.heappush(queue, (cost + step, neighbour))
    if row_vertex not in done:  # pragma: no cover - ruled out by the totals, as above
        raise RuntimeError(f"no way to protect the hidden entry at {bridge}")
    path = []
    vertex = row_vertex
    while vertex != column_vertex:
        vertex, pos = via[vertex]
        if pos not in hidden:
            path.append(pos)
    return path
