"""Attendance is what the sheet marks: a blank "¿Asistió?" is "sin marcar", never present."""

import csv

import pytest
from openpyxl import load_workbook
from registro_fixtures import conn, proyecto  # noqa: F401

from defensoria.cli import cli
from defensoria.registro import model
from defensoria.registro.importer import import_file
from defensoria.registro.signin import ATTENDED, build_sheet, write_sheet
from defensoria.registro.values import parse_attendance_mark


@pytest.fixture
def sheet_files(conn, tmp_path):
    """The sign-in sheet of a registered workshop with two pre-listed people, untouched."""
    model.add_person(conn, given_names="Rosa", surnames="Quispe", council="Defensoría de Ccorca", sex="F")
    model.add_person(conn, given_names="Juan", surnames="Mamani", council="Defensoría de Ccorca", sex="M")
    code = model.add_workshop(conn, on="2026-05-02", place="Local comunal", modules=["m01", "m02"], hours=3, council="Defensoría de Ccorca")
    sheet = build_sheet(conn, "Defensoría de Ccorca", workshop=code, blank_rows=2)
    return write_sheet(sheet, tmp_path / "hoja", ("csv", "xlsx", "html"))


def test_the_untouched_sheet_imports_zero_attendances_and_names_the_unmarked_lines(conn, sheet_files, tmp_path):
    csv_path, xlsx_path, _ = sheet_files
    for path in (csv_path, xlsx_path):
        result = import_file(conn, path, rejects_path=tmp_path / f"r-{path.suffix[1:]}.csv")
        assert result.attendance_added == 0 and result.people_added == []
        assert result.unmarked == [2, 3]  # the two pre-listed rows, by the line a spreadsheet shows
        assert all("sin marcar" in reason for _, reason, _ in result.rejects)
    assert conn.execute("SELECT COUNT(*) FROM attendance").fetchone()[0] == 0


def test_marked_rows_count_and_no_rows_do_not(conn, sheet_files, tmp_path):
    csv_path = sheet_files[0]
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    column = rows[0].index(ATTENDED)
    rows[1][column], rows[2][column] = "✓", "no"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    result = import_file(conn, csv_path, rejects_path=tmp_path / "r.csv")
    assert (result.attendance_added, result.absent, result.unmarked, result.rejects) == (1, 1, [], [])


def test_the_spreadsheet_sheet_has_the_column_and_its_marks_documented(sheet_files):
    csv_path, xlsx_path, html_path = sheet_files
    book = load_workbook(xlsx_path)
    header = [c.value for c in book["Asistencia"][1]]
    assert ATTENDED in header
    assert book["Asistencia"].data_validations.dataValidation[0].formula1 == '"sí,no"'
    notes = " ".join(str(r[0].value) for r in book["Notas"].iter_rows())
    assert "sí, si, x, 1, ✓" in notes and "no u 0" in notes and "sin marcar" in notes
    html = html_path.read_text(encoding="utf-8")
    assert "¿Asistió? (sí / no)" in html and "NO cuenta como asistencia" in html


@pytest.mark.parametrize("mark, expected", [("sí", True), ("Si", True), ("X", True), ("1", True), (1, True), ("✓", True),
                                            ("no", False), ("0", False), (0, False), ("", None), ("  ", None)])
def test_accepted_marks(mark, expected):
    assert parse_attendance_mark(mark) is expected


def test_a_mark_that_is_not_one_is_a_spanish_reason():
    with pytest.raises(ValueError, match=r"'tal vez' en ¿Asistió\? no es una marca válida"):
        parse_attendance_mark("tal vez")


def test_the_command_warns_and_exits_non_zero_for_unmarked_rows(runner, conn, sheet_files, tmp_path):
    result = runner.invoke(cli, ["registro", "importar", str(sheet_files[0]), "--rechazos", str(tmp_path / "r.csv")])
    assert result.exit_code == 1
    assert "⚠" in result.output and "2 fila(s) sin marcar en ¿Asistió? (líneas 2, 3)" in result.output
    assert "0 asistencia(s) nuevas" in result.output
