"""`importar`: messy sheets in, rejects out with line and reason, idempotent, all or nothing."""

import csv
from datetime import datetime

import pytest
from openpyxl import Workbook
from registro_fixtures import DATA, conn, proyecto  # noqa: F401

from defensoria.errors import SourceError
from defensoria.registro import importer, model
from defensoria.registro.importer import import_file

EXCEL_1252 = DATA / "asistencia-excel-1252.csv"
KOBO = DATA / "kobo-export.csv"


def counts(conn) -> dict[str, int]:
    tables = ("people", "workshops", "attendance", "attendance_modules", "imported_rows", "councils")
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def read_rejects(path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def test_windows_1252_semicolon_sheet_from_spanish_excel(conn, tmp_path):
    result = import_file(conn, EXCEL_1252, rejects_path=tmp_path / "rechazos.csv")
    assert (result.rows, result.attendance_added, result.absent) == (10, 3, 1)
    assert len(result.people_added) == 4 and result.workshops_added == ["T-2026-0001"]
    names = {tuple(r) for r in conn.execute("SELECT given_names, surnames, sex FROM people")}
    assert ("Señorita Ñusta", "Huillca Condori", "F") in names  # accents survive Windows-1252
    workshop = conn.execute("SELECT date, hours FROM workshops").fetchone()
    assert tuple(workshop) == ("2026-03-14", 4.0)  # dd/mm/yyyy read as a date
    hours = dict(conn.execute("SELECT p.given_names, a.hours FROM attendance a JOIN people p ON p.id = a.person_id").fetchall())
    assert hours == {"Rosa": 4.0, "Juan": 4.0, "Señorita Ñusta": 3.5}  # empty = whole workshop; "3,5" = 3.5


def test_rejected_rows_go_to_a_file_with_line_and_spanish_reason(conn, tmp_path):
    result = import_file(conn, EXCEL_1252, rejects_path=tmp_path / "rechazos.csv")
    rows = read_rejects(result.rejects_path)
    assert rows[0][:3] == ["linea", "motivo", "Fecha del taller"]
    reasons = {int(r[0]): r[1] for r in rows[1:]}
    assert "dígito (de control) no coincide" in reasons[6]
    assert "no existe la persona con código P-00099-9" in reasons[7]
    assert reasons[8] == "no existe el módulo 'm99'. Módulos disponibles: m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11."
    assert reasons[9] == "la fecha '31/02/2026' no existe"
    assert "falta el código de la persona" in reasons[10]
    assert reasons[11] == "9 horas es más que la duración del taller (4)"
    # A name typed as a formula is kept as text, neutralised
    assert "'=HYPERLINK(\"http://x\")" in rows[-1]


def test_importing_the_same_file_twice_adds_nothing(conn, tmp_path):
    import_file(conn, EXCEL_1252, rejects_path=tmp_path / "r.csv")
    import_file(conn, KOBO, rejects_path=tmp_path / "r2.csv")
    before = counts(conn)
    again = import_file(conn, EXCEL_1252, rejects_path=tmp_path / "r.csv")
    again_kobo = import_file(conn, KOBO, rejects_path=tmp_path / "r2.csv")
    assert counts(conn) == before
    assert again.attendance_added == again_kobo.attendance_added == 0
    assert again.people_added == again_kobo.people_added == [] and again.attendance_already == 3


def test_kobotoolbox_export_with_bom_groups_iso_dates_and_quechua_answers(conn, tmp_path):
    result = import_file(conn, KOBO, rejects_path=tmp_path / "r.csv")
    assert not result.rejects and result.attendance_added == 3
    assert {"start", "end", "_id", "_submission_time", "_index"} == set(result.ignored_columns)
    people = conn.execute("SELECT given_names, sex, may_contact FROM people ORDER BY id").fetchall()
    assert [tuple(p) for p in people] == [("Luz Marina", "F", 1), ("Luz Marina", "F", 0), ("Alberto", "M", 0)]
    modules = [r[0] for r in conn.execute("SELECT module FROM workshop_modules ORDER BY module")]
    assert modules == ["m03", "m04"]  # 'm03 m04' as a select_multiple answer


def test_possible_duplicates_are_reported_never_merged(conn, tmp_path):
    result = import_file(conn, KOBO, rejects_path=tmp_path / "r.csv")
    assert len(result.duplicates) == 1
    a, b = result.duplicates[0]
    assert a["surnames"] == "Quispe Huamán" and b["surnames"] == "Quispe Guaman"  # H/G, one letter apart
    assert conn.execute("SELECT COUNT(*) FROM people WHERE status = 'activa'").fetchone()[0] == 3


def test_merge_after_review_moves_everything_and_keeps_the_old_code_working(conn, tmp_path):
    result = import_file(conn, KOBO, rejects_path=tmp_path / "r.csv")
    keep, drop = (p["code"] for p in result.duplicates[0])
    model.merge_people(conn, keep, drop)
    assert model.get_person(conn, drop)["code"] == keep
    kept_id = model.get_person(conn, keep)["id"]
    assert conn.execute("SELECT COUNT(*) FROM attendance WHERE person_id = ?", (kept_id,)).fetchone()[0] == 1
    split = conn.execute("SELECT SUM(hours) FROM attendance_modules WHERE person_id = ?", (kept_id,)).fetchone()[0]
    assert split == pytest.approx(5.0)  # one 5-hour workshop (m03 + m04), not counted twice
    assert model.possible_duplicates(conn) == []


def test_reviewed_pairs_are_not_reported_again(conn, tmp_path):
    result = import_file(conn, KOBO, rejects_path=tmp_path / "r.csv")
    a, b = result.duplicates[0]
    model.mark_not_duplicates(conn, a["code"], b["code"])
    assert model.possible_duplicates(conn) == []


def test_all_or_nothing_refuses_the_whole_file_and_writes_nothing(conn, tmp_path):
    before = counts(conn)
    result = import_file(conn, EXCEL_1252, all_or_nothing=True, rejects_path=tmp_path / "r.csv")
    assert result.refused and len(result.rejects) == 6
    assert counts(conn) == before
    assert result.rejects_path.is_file()


def test_an_import_interrupted_in_the_middle_leaves_the_database_as_it_was(conn, tmp_path, monkeypatch):
    import_file(conn, KOBO, rejects_path=tmp_path / "r.csv")
    before = counts(conn)
    calls = {"n": 0}
    real_row = importer._Importer.row

    def row_then_power_cut(self, values):
        calls["n"] += 1
        if calls["n"] == 4:  # people and a workshop were already written in this transaction
            raise KeyboardInterrupt
        return real_row(self, values)

    monkeypatch.setattr(importer._Importer, "row", row_then_power_cut)
    with pytest.raises(KeyboardInterrupt):
        import_file(conn, EXCEL_1252, rejects_path=tmp_path / "r2.csv")
    assert calls["n"] == 4
    assert counts(conn) == before


def test_an_interruption_while_writing_attendance_also_rolls_back(conn, tmp_path, monkeypatch):
    before = counts(conn)

    def fail(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(importer, "add_attendance", fail)
    with pytest.raises(KeyboardInterrupt):
        import_file(conn, EXCEL_1252, rejects_path=tmp_path / "r.csv")
    assert counts(conn) == before


def test_xlsx_with_other_header_spelling_and_real_date_cells(conn, tmp_path):
    import_file(conn, KOBO, rejects_path=tmp_path / "r.csv")
    code = conn.execute("SELECT code FROM people WHERE given_names = 'Alberto'").fetchone()[0]
    book = Workbook()
    sheet = book.active
    sheet.append(["FECHA DEL TALLER", "lugar", "DEFENSORIA", "Modulo", "CÓDIGO", "Horas Asistidas", "Firma"])
    sheet.append([datetime(2026, 5, 9), "Escuela", "defensoría de ccorca", "m05", code.lower().replace("-", ""), 2, ""])
    sheet.append([datetime(2026, 5, 9), "Escuela", "defensoría de ccorca", "m05", "", "", ""])  # an unused sheet line
    path = tmp_path / "asistencia.xlsx"
    book.save(path)
    result = import_file(conn, path, rejects_path=tmp_path / "r2.csv")
    assert not result.rejects and result.attendance_added == 1 and result.blank == 1
    assert conn.execute("SELECT date FROM workshops WHERE place = 'Escuela'").fetchone()[0] == "2026-05-09"


def test_unknown_council_without_community_is_rejected_with_a_hint(conn, tmp_path):
    path = tmp_path / "nueva.csv"
    path.write_text("fecha,lugar,defensoria,modulos,nombres,apellidos\n01/06/2026,Plaza,Defensoría de Anta,m01,Ana,Puma\n", encoding="utf-8")
    result = import_file(conn, path)
    assert "no está registrada" in result.rejects[0][1]
    path.write_text("fecha,lugar,defensoria,comunidad,distrito,modulos,nombres,apellidos\n"
                    "2026-06-01,Plaza,Defensoría de Anta,Anta,Anta,m01,Ana,Puma\n", encoding="utf-8")
    assert import_file(conn, path).attendance_added == 1
    assert model.find_council(conn, "defensoria de anta")["district"] == "Anta"


def test_a_sheet_without_the_needed_columns_names_file_and_line(conn, tmp_path):
    path = tmp_path / "mal.csv"
    path.write_text("nombre;telefono\nRosa;999\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"mal\.csv:1: faltan columnas: taller \(o fecha, lugar y modulos\)"):
        import_file(conn, path)


def test_bytes_that_are_neither_utf8_nor_windows_1252_suggest_an_encoding(conn, tmp_path):
    path = tmp_path / "raro.csv"
    path.write_bytes(b"codigo;taller\r\nP-00001-3;T-2026-0001\r\n\x81\x8d;x\r\n")
    with pytest.raises(SourceError, match=r"raro\.csv:3: .*--codificacion latin-1"):
        import_file(conn, path)
    assert import_file(conn, path, encoding="latin-1").rows == 2
