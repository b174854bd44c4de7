"""`reporte`: figures by group, small-cell suppression, formula neutralisation, HTML with SVG."""

import csv
import re

import pytest
from openpyxl import load_workbook
from registro_fixtures import HOURS, conn, proyecto  # noqa: F401

from defensoria.registro import QuizResult, model, record_quiz_results
from defensoria.registro.attendance import add_attendance
from defensoria.registro.db import transaction
from defensoria.registro.report_files import write_report
from defensoria.registro.reports import COLUMNS, build_report, masked
from defensoria.registro.rules import load_rules


@pytest.fixture
def data(conn):
    """Ccorca: 6 people (4 women), 2 complete the programme. Chinchaypujio: 2 people. A council named like a formula: 1."""
    model.add_council(conn, "=HYPERLINK(\"http://x\")", "+Comunidad", "-Distrito")
    people = {}
    for n, sex in enumerate("FFFFMM"):
        people[f"c{n}"] = model.add_person(conn, given_names=f"Nombre{n}", surnames="Ccorca", council="Defensoría de Ccorca", sex=sex)
    for n in range(2):
        people[f"h{n}"] = model.add_person(conn, given_names=f"Nombre{n}", surnames="Chinchay", council="Defensoría de Chinchaypujio", sex="F")
    people["x"] = model.add_person(conn, given_names="X", surnames="Y", council="=HYPERLINK(\"http://x\")", sex="M")
    all_modules = model.add_workshop(conn, on="2026-03-10", place="Ccorca", modules=list(HOURS), council="Defensoría de Ccorca")
    m01 = model.add_workshop(conn, on="2026-07-02", place="Chinchaypujio", modules=["m01"], council="Defensoría de Chinchaypujio")
    ids = {k: model.get_person(conn, c)["id"] for k, c in people.items()}
    big, small = model.get_workshop(conn, all_modules)["id"], model.get_workshop(conn, m01)["id"]
    with transaction(conn):
        add_attendance(conn, [(big, ids[f"c{n}"], 23.0) for n in range(6)] + [(small, ids["h0"], 2.0), (small, ids["h1"], 2.0),
                                                                              (small, ids["x"], 2.0), (small, ids["c0"], 2.0)])
    record_quiz_results([QuizResult(people[k], m, 85, "2026-03-11") for k in ("c0", "c1") for m in HOURS], conn=conn)
    return people


def rows_by_group(report):
    return {r["grupo"]: r for r in report.rows}


def test_by_council_counts_people_hours_and_completion(conn, data):
    report = build_report(conn, load_rules(), "defensoria")
    ccorca = rows_by_group(report)["Defensoría de Ccorca"]
    assert (ccorca["personas"], ccorca["mujeres"], ccorca["hombres"], ccorca["completaron"]) == (6, 4, 2, 2)
    assert ccorca["horas_persona"] == 6 * 23 + 2 and ccorca["tasa"] == pytest.approx(33.3)
    assert (ccorca["talleres"], ccorca["horas_dictadas"]) == (1, 23.0)  # workshops held by this council
    assert report.total["personas"] == 9 and report.total["completaron"] == 2


def test_by_module_counts_completion_of_that_module(conn, data):
    report = build_report(conn, load_rules(), "modulo")
    m01 = rows_by_group(report)["m01 Tema m01"]
    assert m01["personas"] == 9 and m01["completaron"] == 2 and m01["talleres"] == 2
    assert rows_by_group(report)["m04 Tema m04"]["horas_persona"] == pytest.approx(18)


def test_by_period_sex_district_and_date_filter(conn, data):
    rules = load_rules()
    months = rows_by_group(build_report(conn, rules, "periodo"))
    assert months["2026-03"]["personas"] == 6 and months["2026-07"]["personas"] == 4
    quarters = rows_by_group(build_report(conn, rules, "periodo", period="trimestre"))
    assert set(quarters) == {"2026-T1", "2026-T3"}
    sexes = rows_by_group(build_report(conn, rules, "sexo"))
    assert sexes["Mujeres"]["personas"] == 6 and sexes["Hombres"]["talleres"] == "—"
    assert set(rows_by_group(build_report(conn, rules, "distrito"))) == {"Ccorca", "Chinchaypujio", "-Distrito"}
    july = build_report(conn, rules, "defensoria", since="2026-07-01")
    ccorca = rows_by_group(july)["Defensoría de Ccorca"]
    # Only c0 attended in July; completion is still her current state
    assert (ccorca["personas"], ccorca["horas_persona"], ccorca["completaron"]) == (1, 2.0, 1)


def test_public_report_masks_groups_and_counts_under_five(conn, data):
    report = build_report(conn, load_rules(), "defensoria")
    shown = {r["grupo"]: masked(r) for r in report.rows}
    ccorca, chinchay = shown["Defensoría de Ccorca"], shown["Defensoría de Chinchaypujio"]
    assert ccorca["personas"] == 6 and ccorca["mujeres"] == "<5" and ccorca["hombres"] == "<5" and ccorca["completaron"] == "<5"
    assert ccorca["tasa"] == "—"  # the rate would give the small count back; a rate is never "<5"
    assert all(chinchay[k] == "<5" for k in ("personas", "mujeres", "hombres", "completaron"))
    assert chinchay["horas_persona"] == chinchay["tasa"] == "—"  # hours and % of a small group: reserved, not "<5"


def test_public_csv_and_xlsx_show_no_small_number(conn, data, tmp_path):
    report = build_report(conn, load_rules(), "defensoria")
    report.public = True
    with write_report(report, tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    chinchay = next(r for r in rows if r[0] == "Defensoría de Chinchaypujio")
    assert chinchay[1:4] == ["<5", "<5", "<5"]
    sheet = load_workbook(write_report(report, tmp_path / "r.xlsx")).active
    values = {row[0].value: [c.value for c in row] for row in sheet.iter_rows(min_row=2)}
    assert values["Defensoría de Chinchaypujio"][1] == "<5"


def test_cells_that_look_like_formulas_are_neutralised(conn, data, tmp_path):
    for dimension in ("defensoria", "comunidad", "distrito"):
        report = build_report(conn, load_rules(), dimension)
        with write_report(report, tmp_path / f"{dimension}.csv").open(encoding="utf-8-sig", newline="") as handle:
            groups = [row[0] for row in csv.reader(handle, delimiter=";")]
        assert not [g for g in groups if g.startswith(("=", "+", "-", "@"))]
        assert {"'=HYPERLINK(\"http://x\")", "'+Comunidad", "'-Distrito"} & set(groups)
        sheet = load_workbook(write_report(report, tmp_path / f"{dimension}.xlsx")).active
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.value
                assert not (isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")))


def test_html_report_is_printable_with_inline_svg_and_no_script(conn, data, tmp_path):
    report = build_report(conn, load_rules(), "defensoria")
    report.public = True
    html = write_report(report, tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2 and "<script" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html) and "<link" not in html  # nothing fetched
    assert "&lt;5" in html and "versión pública" in html
    pdf = write_report(report, tmp_path / "r.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_public_hours_and_rates_are_never_shown_as_under_five(conn, data, tmp_path):
    report = build_report(conn, load_rules(), "defensoria")
    report.public = True
    hours_and_rate = [i for i, (key, _) in enumerate(COLUMNS) if key in ("horas_persona", "tasa")]
    with write_report(report, tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    chinchay = next(r for r in rows if r[0] == "Defensoría de Chinchaypujio")
    assert [chinchay[i] for i in hours_and_rate] == ["—", "—"]
    assert all(r[i] != "<5" for r in rows[1:-1] for i in hours_and_rate)
    assert rows[-1][0].startswith("Nota: ") and "«—» en horas o en % es una cifra reservada" in rows[-1][0]
    html = write_report(report, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "«—» en horas o en % es una cifra reservada" in html
    sheet = load_workbook(write_report(report, tmp_path / "r.xlsx"))
    cells = [row[i].value for row in sheet.active.iter_rows(min_row=2) for i in hours_and_rate]
    assert "<5" not in cells and "—" in cells
    assert any("cifra reservada" in str(r[0].value) for r in sheet["Notas"].iter_rows())
