"""One person, one code: newcomers without a code are matched by names + council (+ sex and
age), within a file and across workshops; near names are proposed, never merged; names
keep Quechua spelling ("Ch'aska Q'ori")."""

import pytest
from registro_fixtures import conn, proyecto  # noqa: F401

from defensoria.registro import model
from defensoria.registro.importer import import_file
from defensoria.registro.values import clean_name

HEADER = "Fecha;Lugar;Defensoría;Módulos;Apellidos;Nombres;Sexo;Edad;Asistió"


def sheet(tmp_path, on, rows, name="hoja.csv"):
    path = tmp_path / name
    lines = [HEADER] + [f"{on};Local comunal;Defensoría de Ccorca;m01;{surnames};{given};{sex};{age};sí"
                        for surnames, given, sex, age in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


FIELD_FILE = [  # six people; three rows are the same people again
    ("Quispe Huamán", "Rosa", "F", "34"),
    ("Mamani Ccori", "Juan", "M", ""),
    ("QUISPE HUAMAN", "ROSA", "F", "34"),  # exact duplicate, typed in capitals without accents
    ("Huillca", "ch'aska q'ori", "F", "19"),
    ("Huamán Quispe", "Rosa", "F", "61"),  # same names (other order), another age: another person
    ("Mamani Ccori", "Juan", "", ""),  # duplicate without sex
    ("Ccahuana Puma", "Elena", "F", ""),
    ("Huillca", "Ch'aska Q'ori", "F", "19"),
    ("Condori", "Marco", "M", "40"),
]


def test_six_people_with_duplicates_get_six_codes(conn, tmp_path):
    result = import_file(conn, sheet(tmp_path, "02/05/2026", FIELD_FILE), rejects_path=tmp_path / "r.csv")
    assert not result.rejects
    assert len(result.people_added) == 6
    assert result.attendance_added == 6 and conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 6


def test_a_newcomer_keeps_one_code_across_workshops(conn, tmp_path):
    first = import_file(conn, sheet(tmp_path, "02/05/2026", FIELD_FILE[:2], "a.csv"), rejects_path=tmp_path / "r.csv")
    second = import_file(conn, sheet(tmp_path, "09/05/2026", [("Quispe Huaman", "rosa", "", ""), ("Mamani Ccori", "Juan", "M", "")], "b.csv"),
                         rejects_path=tmp_path / "r.csv")
    assert len(first.people_added) == 2 and second.people_added == [] and second.attendance_added == 2
    rosa = model.get_person(conn, first.people_added[0])["id"]
    assert conn.execute("SELECT COUNT(*) FROM attendance WHERE person_id = ?", (rosa,)).fetchone()[0] == 2


def test_same_names_with_another_sex_or_age_are_two_people_proposed_for_review(conn, tmp_path):
    rows = [("Quispe", "Alex", "F", "30"), ("Quispe", "Alex", "M", "30"), ("Quispe", "Alex", "F", "52")]
    result = import_file(conn, sheet(tmp_path, "02/05/2026", rows), rejects_path=tmp_path / "r.csv")
    assert len(result.people_added) == 3
    assert len(result.duplicates) == 3  # every pair is for a person to decide (fusionar or duplicados --no-son)


def test_when_several_people_fit_the_row_asks_for_the_code(conn, tmp_path):
    rows = [("Quispe", "Alex", "F", ""), ("Quispe", "Alex", "M", ""), ("Quispe", "Alex", "", "")]
    result = import_file(conn, sheet(tmp_path, "02/05/2026", rows), rejects_path=tmp_path / "r.csv")
    assert [line for line, _, _ in result.rejects] == [4]
    assert "hay 2 personas con esos nombres en la defensoría (P-00001-3, P-00002-1); escriba el código" in result.rejects[0][1]


def test_near_names_are_proposed_never_merged(conn, tmp_path):
    rows = [("Quispe Huamán", "Luz Marina", "F", ""), ("Quispe Guaman", "Luz Marina", "F", ""), ("Quispe", "Luz Marina", "F", "")]
    result = import_file(conn, sheet(tmp_path, "02/05/2026", rows), rejects_path=tmp_path / "r.csv")
    assert len(result.people_added) == 3
    assert {(a["surnames"], b["surnames"]) for a, b in result.duplicates} == {
        ("Quispe Huamán", "Quispe Guaman"), ("Quispe Huamán", "Quispe"), ("Quispe Guaman", "Quispe")}


@pytest.mark.parametrize("typed, shown", [("ch'aska q'ori", "Ch'aska Q'ori"), ("CH'ASKA Q'ORI", "Ch'aska Q'ori"),
                                          ("Ch'Aska Q'Ori", "Ch'aska Q'ori"), ("k'ANCHAY", "k'ANCHAY"),
                                          ("rosa de los ángeles", "Rosa de los Ángeles"), ("huamán-quispe", "Huamán-Quispe")])
def test_name_case_respects_quechua_letters(typed, shown):
    assert clean_name(typed) == shown


def test_imported_quechua_names_are_stored_with_the_right_case(conn, tmp_path):
    import_file(conn, sheet(tmp_path, "02/05/2026", [("q'uispe", "ch'aska", "F", "")]), rejects_path=tmp_path / "r.csv")
    assert tuple(conn.execute("SELECT given_names, surnames FROM people").fetchone()) == ("Ch'aska", "Q'uispe")


def test_archiving_erases_sex_and_names_from_merged_duplicates_too(conn, tmp_path):
    keep = model.add_person(conn, given_names="Rosa", surnames="Quispe", council="Defensoría de Ccorca", sex="F")
    drop = model.add_person(conn, given_names="Roza", surnames="Quispe", council="Defensoría de Ccorca", sex="F")
    conn.execute("UPDATE people SET sex = 'F' WHERE code = ?", (drop,))
    model.merge_people(conn, keep, drop)
    conn.execute("UPDATE people SET sex = 'F' WHERE code = ?", (drop,))  # as merged by an earlier version
    model.archive_person(conn, keep)
    left = conn.execute("SELECT code, sex, given_names, surnames, home_community, birth_year FROM people").fetchall()
    assert all(row[1:] == (None,) * 5 for row in left), [tuple(r) for r in left]
