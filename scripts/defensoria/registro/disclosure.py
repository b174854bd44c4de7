"""Can a hidden cell of a public table still be worked out? Three checks, cheapest first.

A table is a set of cells and `Relation`s (total = sum of parts, within `slack` when the
figures are rounded). Cells in `unknown` are not published; the others are. A cell in
`protected` must not be pinned down:

* `alone`: a relation with a single unknown gives it by subtraction;
* `derivable`: some combination of relations gives it (reduced row echelon form over the
  unknowns: a pivot whose row has no free variable);
* `pinned_by_bounds`: what the reader knows of each hidden cell ("<5" is at most 4) and
  the relations narrow it to a single value, as 4 + 4 when two "<5" must add up to 8.
"""

import math
from fractions import Fraction
from typing import NamedTuple

Cell = tuple[int, str]  # (row index, column)


class Relation(NamedTuple):
    total: Cell
    parts: list[Cell]
    slack: float = 0.0  # rounding: the parts add up to the total within this

    @property
    def cells(self) -> tuple[Cell, ...]:
        return (self.total, *self.parts)


def alone(relations: list[Relation], unknown: set[Cell], protected: set[Cell]) -> Cell | None:
    for relation in relations:
        cells = [c for c in relation.cells if c in unknown]
        if len(cells) == 1 and cells[0] in protected:
            return cells[0]
    return None


def derivable(relations: list[Relation], unknown: set[Cell], protected: set[Cell]) -> Cell | None:
    """A protected cell that some combination of the relations pins down, or None."""
    equations = []
    for relation in relations:
        equation = {c: Fraction(-1) for c in relation.parts if c in unknown}
        if relation.total in unknown:
            equation[relation.total] = Fraction(1)
        if equation:
            equations.append(equation)
    found = [pivot for pivot, row in _reduce(equations).items() if len(row) == 1 and pivot in protected]
    return min(found, default=None)


def _reduce(equations: list[dict[Cell, Fraction]]) -> dict[Cell, dict[Cell, Fraction]]:
    """Reduced row echelon form as {pivot cell: its row}; rows are sparse dicts."""
    pivots: dict[Cell, dict[Cell, Fraction]] = {}
    for equation in equations:
        row = dict(equation)
        for pivot, pivot_row in pivots.items():  # no earlier pivot left in the new row
            if factor := row.get(pivot):
                _add(row, pivot_row, -factor)
        if not row:
            continue
        pivot = min(row)
        row = {c: v / row[pivot] for c, v in row.items()}
        for other in pivots.values():  # and the new pivot out of the earlier rows
            if factor := other.get(pivot):
                _add(other, row, -factor)
        pivots[pivot] = row
    return pivots


def _add(row: dict[Cell, Fraction], other: dict[Cell, Fraction], factor: Fraction) -> None:
    for cell, value in other.items():
        result = row.get(cell, 0) + factor * value
        if result:
            row[cell] = result
        else:
            row.pop(cell, None)


def pinned_by_bounds(relations: list[Relation], values: dict[Cell, float], unknown: set[Cell], protected: set[Cell],
                     bounds: dict[Cell, tuple[float, float]], integer: set[Cell] | None = None) -> Cell | None:
    """A protected cell whose possible values shrink to less than one unit, or None.

    Interval propagation: each relation bounds each of its unknowns by the bounds of the
    others, until nothing changes. `integer` cells are rounded inward (counts of people).
    """
    integer = integer or set()
    interval = {c: bounds.get(c, (0.0, math.inf)) for c in unknown}
    for _ in range(50):  # each pass only narrows; counts settle in a few passes
        changed = False
        for relation in relations:
            signed = [(1, relation.total)] + [(-1, p) for p in relation.parts]
            rest = -sum(sign * values[c] for sign, c in signed if c not in unknown)
            terms = [(sign, c) for sign, c in signed if c in unknown]
            for sign, cell in terms:  # sign * cell = rest - (the other unknown terms)
                low, high = rest - relation.slack, rest + relation.slack
                for other_sign, other in terms:
                    if other != cell:
                        a, b = interval[other]
                        low, high = (low - b, high - a) if other_sign > 0 else (low + a, high + b)
                low, high = (low, high) if sign > 0 else (-high, -low)
                if cell in integer:
                    low = math.ceil(low - 1e-9) if math.isfinite(low) else low
                    high = math.floor(high + 1e-9) if math.isfinite(high) else high
                old_low, old_high = interval[cell]
                if low > old_low + 1e-9 or high < old_high - 1e-9:
                    interval[cell], changed = (max(old_low, low), min(old_high, high)), True
        if not changed:
            break
    found = [c for c in protected if c in interval and interval[c][1] - interval[c][0] < 1]
    return min(found, default=None)
