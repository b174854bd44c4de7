"""Public reports: primary and complementary (secondary) suppression of small counts.

Primary: every count of 1-4 people, and every figure of a group of fewer than 5, shows
"<5" (reports.masked). That alone is not enough: when a council has 7 people, 5 women and
"<5" men, the men are 7 − 5 = 2. So whenever a hidden cell can still be worked out
(disclosure.py), the smallest non-zero visible cell beside it (same row or column) is
hidden too and shows "—"; its relation's total only if no part qualifies. Repeat until
no hidden cell can be worked out.

The relations a reader can use: each row (personas = mujeres + hombres + sin dato) and
each column whose groups add up to the Total row (personas, mujeres, hombres and
completaron when each person is in one group; horas-persona also by module and period).
Columns that do not add up (a person counted in several modules) give bounds, not values.

"Sin dato" (people without a recorded sex) is never shown but is the difference of the
shown cells: a zero is taken as known (what anyone would assume), anything else as
unknown, and 1-4 of them are protected like any small count.
"""

import math

from defensoria.registro.disclosure import Cell, Relation, alone, derivable, pinned_by_bounds
from defensoria.registro.reports import masked

SECONDARY = "—"
UNKNOWN_SEX = "sin_dato"
SHOWN = ("personas", "mujeres", "hombres", "completaron", "horas_persona")
COUNTS = ("personas", "mujeres", "hombres", UNKNOWN_SEX, "completaron")


def public_rows(rows: list[dict], total: dict, threshold: int = 5) -> tuple[list[dict], dict]:
    """Copies of the rows and the Total row with small counts "<5" and their complements "—"."""
    table = [*rows, total]
    primary = [masked(row, threshold) for row in table]
    values = {(i, key): _value(row, key) for i, row in enumerate(table) for key in (*COUNTS, "horas_persona")}
    hidden = {(i, key) for i, row in enumerate(primary) for key in SHOWN if isinstance(row[key], str)}
    # What a reader knows of a "<5": 1-4, or 0-4 in a small group (all its figures hide); hours only ≥ 0
    bounds = {(i, key): (0 if isinstance(primary[i]["personas"], str) else 1, threshold - 1)
              for i, key in hidden if key != "horas_persona"}
    secondary = complements(values, hidden, _relations(values, len(table)), threshold, bounds)
    for i, row in enumerate(primary):
        for key in SHOWN:
            if (i, key) in secondary:
                row[key] = SECONDARY
        # The rate gives back the count (or the people) it was computed from
        if not isinstance(row["tasa"], str) and {(i, "personas"), (i, "completaron")} & (hidden | secondary):
            row["tasa"] = SECONDARY
    return primary[:-1], primary[-1]


def _value(row: dict, key: str) -> float:
    if key == UNKNOWN_SEX:
        return row["personas"] - row["mujeres"] - row["hombres"]
    return row[key]


def _relations(values: dict[Cell, float], size: int) -> list[Relation]:
    """Each row's split by sex, and each column whose groups add up to its Total."""
    total_row = size - 1
    relations = [Relation((i, "personas"), [(i, "mujeres"), (i, "hombres"), (i, UNKNOWN_SEX)]) for i in range(size)]
    for key in (*COUNTS, "horas_persona"):
        parts = [(i, key) for i in range(total_row)]
        # horas-persona is rounded to 0.1 in each row: a sum within rounding still gives a cell back
        slack = 0.05 * size + 1e-9 if key == "horas_persona" else 0.0
        if parts and abs(sum(values[c] for c in parts) - values[(total_row, key)]) <= slack + 1e-9:
            relations.append(Relation((total_row, key), parts, slack))
    return relations


def complements(values: dict[Cell, float], hidden: set[Cell], relations: list[Relation], threshold: int = 5,
                bounds: dict[Cell, tuple[float, float]] | None = None) -> set[Cell]:
    """Cells to hide besides `hidden` so that no hidden cell can be worked out from the rest.

    `bounds`: what a reader knows of a hidden cell (default: any number ≥ 0).
    """
    bounds = dict(bounds or {})
    # Never shown, so unknown when not zero; only 1-4 of them need protecting
    hidden = set(hidden) | {c for c, value in values.items() if c[1] == UNKNOWN_SEX and value}
    protected = {c for c in hidden if c[1] != UNKNOWN_SEX or 0 < values[c] < threshold}
    integer = {c for c in values if c[1] in COUNTS}
    by_cell: dict[Cell, list[Relation]] = {}
    for relation in relations:
        for cell in relation.cells:
            by_cell.setdefault(cell, []).append(relation)
    secondary: set[Cell] = set()
    while True:
        unknown = hidden | secondary
        exposed = (alone(relations, unknown, protected) or derivable(relations, unknown, protected)
                   or pinned_by_bounds(relations, values, unknown, protected, bounds, integer))
        if exposed is None:
            return secondary
        choice = _complement(exposed, by_cell, values, unknown)
        if choice is None:  # everything around it is hidden already
            return secondary
        secondary.add(choice)
        protected.add(choice)
        bounds[choice] = (0, math.inf)  # "—" says nothing of its size


def _complement(exposed: Cell, by_cell: dict[Cell, list[Relation]], values: dict[Cell, float], unknown: set[Cell]) -> Cell | None:
    """The smallest non-zero visible part of a relation of `exposed`, else a total, else a zero.

    If every cell of those relations is hidden, look one relation further, and so on.
    """
    seen, frontier = {exposed}, [exposed]
    while frontier:
        relations = list({id(r): r for cell in frontier for r in by_cell.get(cell, [])}.values())
        candidates = []
        for relation in relations:
            for cell in relation.cells:
                if cell not in unknown and cell[1] != UNKNOWN_SEX:
                    rank = 1 if cell == relation.total else (0 if values[cell] else 2)
                    candidates.append((rank, values[cell], cell))
        if candidates:
            return min(candidates)[2]
        frontier = sorted({c for r in relations for c in r.cells if c in unknown} - seen)
        seen.update(frontier)
    return None
