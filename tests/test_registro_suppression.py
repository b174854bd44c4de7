"""Public reports: complementary suppression, checked by an attacker who solves the tables.

The attacker knows what the report says: "<5" is 0-4, "—" any number, each row splits
by sex (everyone in these fixtures has a recorded sex) and each column adds up to the
Total row. A hidden cell is safe when the visible figures leave it at least two values.
"""

import csv
import random
import re

import pytest
from openpyxl import load_workbook
from registro_fixtures import conn, proyecto  # noqa: F401

from defensoria.registro import model
from defensoria.registro.attendance import add_attendance
from defensoria.registro.db import transaction
from defensoria.registro.report_files import report_html, write_report
from defensoria.registro.reports import Report, _finish_row, build_report
from defensoria.registro.rules import load_rules
from defensoria.registro.disclosure import Relation
from defensoria.registro.suppression import SECONDARY, complements, public_rows

PEOPLE = ("personas", "mujeres", "hombres", "completaron", "horas_persona")


def row(group, people, women, men, completed, hours=None):
    return _finish_row({"grupo": group, "personas": people, "mujeres": women, "hombres": men, "completaron": completed,
                        "horas_persona": 10 * people if hours is None else hours, "talleres": 1, "horas_dictadas": 8})


def total_of(rows):
    return row("Total", *(sum(r[k] for r in rows) for k in PEOPLE[:4]), sum(r["horas_persona"] for r in rows))


# The attacker ---------------------------------------------------------------------------

def solve(variables: dict, equations: list[tuple[dict, int]]) -> dict:
    """Values each unknown takes over the integer solutions (domains are ranges), until each has two.

    Backtracking; an equation with one unknown left fixes it instead of branching.
    """
    seen = {name: set() for name in variables}

    def search(assigned):
        if all(len(v) > 1 for v in seen.values()):
            return  # every unknown has two values already: enough to know none is pinned
        forced = None
        for coefficients, constant in equations:
            left = [n for n in coefficients if n not in assigned]
            rest = constant - sum(c * assigned[n] for n, c in coefficients.items() if n in assigned)
            if not left and rest != 0:
                return
            if len(left) == 1:
                forced = (left[0], rest / coefficients[left[0]])
        if forced:
            name, value = forced
            if value != int(value) or int(value) not in variables[name]:
                return
            choices = [(name, int(value))]
        elif len(assigned) == len(variables):
            for name, value in assigned.items():
                seen[name].add(value)
            return
        else:
            name = min((n for n in variables if n not in assigned), key=lambda n: len(variables[n]))
            choices = [(name, value) for value in variables[name]]
        for name, value in choices:
            search(assigned | {name: value})

    search({})
    return seen


def attack(rows: list[dict], total: dict, truth: list[dict] | None = None) -> dict:
    """Values the attacker finds possible for each hidden cell of a public table.

    With `truth` (the real table) each unknown may only take its real value: a solution
    must exist, or the attacker's model of the table is wrong.
    """
    table = [*rows, total]
    variables, cell = {}, {}
    for i, r in enumerate(table):
        for key in PEOPLE[:4]:
            name = (i, key)
            if r[key] == "<5":
                variables[name] = range(0, 5)
            elif r[key] == SECONDARY:
                variables[name] = range(0, 61)  # any number (the fixtures have fewer than 60 people)
            if truth and name in variables:
                assert truth[i][key] in variables[name]
                variables[name] = range(truth[i][key], truth[i][key] + 1)
            cell[name] = r[key]
    equations = []

    def equation(total_cell, parts):
        coefficients, constant = {}, 0
        for sign, name in [(1, total_cell)] + [(-1, p) for p in parts]:
            if name in variables:
                coefficients[name] = coefficients.get(name, 0) + sign
            else:
                constant -= sign * cell[name]
        if coefficients:
            equations.append((coefficients, constant))

    for i in range(len(table)):
        equation((i, "personas"), [(i, "mujeres"), (i, "hombres")])
    for key in PEOPLE[:4]:
        equation((len(rows), key), [(i, key) for i in range(len(rows))])
    return solve(variables, equations)


def assert_nothing_derivable(rows, total):
    found = attack(rows, total)
    assert found, "nothing hidden"
    pinned = {name: values for name, values in found.items() if len(values) < 2}
    assert not pinned, pinned


# The rule -------------------------------------------------------------------------------

def test_two_men_among_seven_cannot_be_worked_out_from_the_total():
    rows = [row("Ccorca", 7, 5, 2, 5), row("Chinchaypujio", 12, 6, 6, 6), row("Anta", 20, 12, 8, 10)]
    exposed = [dict(r) | {"hombres": "<5"} for r in rows[:1]] + rows[1:]
    assert attack(exposed, total_of(rows))[(0, "hombres")] == {2}  # what the old report gave away
    shown, total = public_rows(rows, total_of(rows))
    ccorca = shown[0]
    assert (ccorca["personas"], ccorca["hombres"], ccorca["mujeres"]) == (7, "<5", SECONDARY)  # 5 women: the smallest other cell
    assert_nothing_derivable(shown, total)


def test_one_suppression_forces_another():
    """Hiding Ccorca's women exposes them in their column: the smallest other women's cell
    (Chinchaypujio's 6) goes, and then Chinchaypujio's men, to keep their row safe."""
    rows = [row("Ccorca", 7, 5, 2, 5), row("Chinchaypujio", 12, 6, 6, 6), row("Anta", 20, 12, 8, 10)]
    shown, total = public_rows(rows, total_of(rows))
    hidden = {(r["grupo"], k) for r in shown for k in ("mujeres", "hombres") if isinstance(r[k], str)}
    assert hidden == {("Ccorca", "mujeres"), ("Ccorca", "hombres"), ("Chinchaypujio", "mujeres"), ("Chinchaypujio", "hombres")}
    assert shown[2] == rows[2] and total == total_of(rows)  # Anta and every total as they are


def test_hidden_completions_get_a_partner_in_their_column_and_hide_its_rate():
    rows = [row("Ccorca", 9, 5, 4, 3), row("Anta", 20, 12, 8, 8), row("Urcos", 15, 8, 7, 10)]
    shown, total = public_rows(rows, total_of(rows))
    assert shown[0]["completaron"] == "<5" and shown[0]["tasa"] == SECONDARY
    assert shown[1]["completaron"] == SECONDARY and shown[1]["tasa"] == SECONDARY  # 8: the smallest other; the rate would give it back
    assert shown[2]["completaron"] == 10 and total["completaron"] == 21


def test_a_small_group_hides_its_hours_and_the_smallest_other_hours():
    rows = [row("Ccorca", 9, 5, 4, 6), row("Chinchaypujio", 3, 2, 1, 1, hours=12), row("Anta", 20, 12, 8, 8)]
    shown, total = public_rows(rows, total_of(rows))
    assert all(shown[1][k] == "<5" for k in PEOPLE[:4])  # a group of fewer than 5: all its counts
    assert shown[1]["horas_persona"] == shown[1]["tasa"] == SECONDARY  # its hours and % are reserved, never "<5"
    assert shown[0]["horas_persona"] == SECONDARY and shown[2]["horas_persona"] == 200  # 90 h is the smallest other
    assert total["horas_persona"] == 302
    assert_nothing_derivable(shown, total)


def test_a_cell_pinned_by_a_combination_of_lines_gets_one_more_complement():
    """Each row and column has 0 or ≥ 2 hidden cells, yet (0, 'c') follows from rows 0-1
    and columns a-b: the exact check hides one more cell."""
    columns = ("a", "b", "c", "d")
    grid = [[9, 8, 7, 6], [5, 9, 8, 7], [6, 5, 9, 8], [7, 6, 5, 9]]
    values = {(i, k): v for i, line in enumerate(grid) for k, v in zip(columns, line)}
    totals = {(i, "T"): sum(line) for i, line in enumerate(grid)} | {(4, k): sum(g[j] for g in grid) for j, k in enumerate(columns)}
    values |= totals
    relations = [Relation((i, "T"), [(i, k) for k in columns]) for i in range(4)] + [Relation((4, k), [(i, k) for i in range(4)]) for k in columns]
    hidden = {(0, "a"), (0, "b"), (1, "a"), (1, "b"), (2, "c"), (2, "d"), (3, "c"), (3, "d"), (0, "c")}

    def attack_grid(unknown):
        equations = []
        for total, parts, _ in relations:
            coefficients = {c: -1 for c in parts if c in unknown} | ({total: 1} if total in unknown else {})
            constant = -values[total] * (total not in unknown) + sum(values[c] for c in parts if c not in unknown)
            if coefficients:
                equations.append((coefficients, constant))
        return solve({c: range(0, 15) for c in unknown}, equations)

    assert attack_grid(hidden)[(0, "c")] == {7}  # the pattern alone gives it away (one value only: the search ran to the end)
    extra = complements(values, set(hidden), relations)
    assert len(extra) == 1
    found = attack_grid(hidden | extra)
    assert all(len(v) > 1 for v in found.values()), {c: v for c, v in found.items() if len(v) < 2}


def test_totals_stay_correct_when_nothing_is_small():
    rows = [row("Ccorca", 12, 7, 5, 6), row("Anta", 20, 12, 8, 10)]
    total = total_of(rows)
    assert public_rows(rows, total) == (rows, total)


def test_public_report_by_sex_hides_the_women_or_the_men_follow():
    rows = [row("Mujeres", 20, 20, 0, 5), row("Hombres", 3, 0, 3, 1)]
    shown, total = public_rows(rows, total_of(rows))
    assert shown[1]["personas"] == "<5" and total["personas"] == 23
    assert shown[0]["personas"] == SECONDARY
    assert_nothing_derivable(shown, total)


# Every format and the charts ------------------------------------------------------------

@pytest.fixture
def council_of_seven(conn):
    """Ccorca: 5 women and 2 men; Chinchaypujio: 6 and 6; one workshop each."""
    codes = {}
    for council, sexes in (("Defensoría de Ccorca", "FFFFFMM"), ("Defensoría de Chinchaypujio", "FFFFFFMMMMMM")):
        codes[council] = [model.add_person(conn, given_names=f"N{i}", surnames=council[-6:], council=council, sex=s)
                          for i, s in enumerate(sexes)]
        workshop = model.get_workshop(conn, model.add_workshop(conn, on="2026-03-10", place="Local", modules=["m01"], council=council))
        with transaction(conn):
            add_attendance(conn, [(workshop["id"], model.get_person(conn, c)["id"], 2.0) for c in codes[council]])
    return codes


def test_csv_xlsx_html_and_charts_hide_the_same_cells(conn, council_of_seven, tmp_path):
    report = build_report(conn, load_rules(), "defensoria")
    report.public = True
    with write_report(report, tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        csv_rows = {r[0]: r[1:4] for r in csv.reader(handle, delimiter=";")}
    assert csv_rows["Defensoría de Ccorca"] == ["7", SECONDARY, "<5"]
    assert csv_rows["Defensoría de Chinchaypujio"] == ["12", SECONDARY, SECONDARY]
    assert csv_rows["Total"] == ["19", "11", "8"]
    sheet = load_workbook(write_report(report, tmp_path / "r.xlsx")).active
    xlsx_rows = {r[0].value: [c.value for c in r[1:4]] for r in sheet.iter_rows(min_row=2)}
    assert xlsx_rows["Defensoría de Ccorca"] == [7, SECONDARY, "<5"] and xlsx_rows["Total"] == [19, 11, 8]
    html = report_html(report)
    cells = re.findall(r"<tr><td>Defensoría de Ccorca</td>(.*?)</tr>", html)[0]
    assert re.findall(r'<td class="num">([^<]*)</td>', cells)[:3] == ["7", SECONDARY, "&lt;5"]
    assert "«—»" in html and "restando" in html


def test_a_hidden_count_in_a_chart_is_a_mark_without_a_bar(proyecto):
    rows = [row("Mujeres", 20, 20, 0, 5), row("Hombres", 3, 0, 3, 1)]
    report = Report("sexo", "Sexo", rows, total_of(rows), load_rules().programme(), load_rules(), "el programa", public=True)
    html = report_html(report)
    people_chart = html.split("<svg")[1]
    assert people_chart.count("<rect") == 0  # 20 women are "—" and 3 men "<5": no bar gives either away
    assert f">{SECONDARY}</text>" in people_chart and ">&lt;5</text>" in people_chart and ">20<" not in people_chart


def test_random_tables_leave_every_hidden_cell_at_least_two_values():
    generator = random.Random(2026)
    checked = 0
    for _ in range(60):
        rows = []
        for i in range(generator.randint(2, 4)):
            people = generator.randint(1, 14)
            women = generator.randint(0, people)
            rows.append(row(f"g{i}", people, women, people - women, generator.randint(0, people)))
        shown, total = public_rows(rows, total_of(rows))
        if any(isinstance(r[k], str) for r in [*shown, total] for k in PEOPLE[:4]):
            assert all(attack(shown, total, truth=[*rows, total_of(rows)]).values())  # the real table fits the model
            assert_nothing_derivable(shown, total)
            checked += 1
    assert checked > 30
