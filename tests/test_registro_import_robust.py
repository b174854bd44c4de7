"""`importar` with messy files: every bad cell is a line-numbered Spanish reject, never a
traceback; UTF-16 and BOMs are read; 'Comunidad' and 'Facilitador' are kept; one writer at a time."""

import threading
import time

import pytest
from registro_fixtures import conn, proyecto  # noqa: F401

from defensoria.cli import cli
from defensoria.registro import db, model
from defensoria.registro.importer import import_file

HEADER = "Fecha;Lugar;Defensoría;Módulos;Facilitador;Comunidad;Apellidos;Nombres;Sexo;Asistió"


def sheet(tmp_path, *rows, name="hoja.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(("\r\n".join((HEADER, *rows)) + "\r\n").encode(encoding))
    return path


def row(modules="m01, m02", surnames="Quispe Huamán", given="Rosa", sex="F", mark="sí", community="Ccorca Alta"):
    return f"02/05/2026;Local comunal;Defensoría de Ccorca;{modules};Lucía Puma;{community};{surnames};{given};{sex};{mark}"


def test_a_module_written_twice_is_a_reject_with_its_line_not_a_traceback(conn, tmp_path):
    path = sheet(tmp_path, row(), row(modules="m02, M2", given="Juan", sex="M"))
    result = import_file(conn, path, rejects_path=tmp_path / "r.csv")
    assert result.rejects == [(3, "el módulo m02 está repetido en 'm02, M2'; escríbalo una sola vez", result.rejects[0][2])]
    assert result.attendance_added == 1


def test_the_command_ends_with_a_warning_and_code_1_when_every_row_fails(runner, conn, tmp_path):
    path = sheet(tmp_path, row(modules="m02, M2"), row(modules="m02,m2", given="Juan", sex="M"))
    result = runner.invoke(cli, ["registro", "importar", str(path), "--rechazos", str(tmp_path / "r.csv")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "⚠" in result.output and "✅" not in result.output and "Línea 2: el módulo m02 está repetido" in result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "cp1252"])
def test_encodings_are_detected(conn, tmp_path, encoding):
    path = sheet(tmp_path, row(surnames="Ñaupa Huamán"), encoding=encoding)
    result = import_file(conn, path, rejects_path=tmp_path / "r.csv")
    assert not result.rejects and not result.ignored_columns, (result.rejects, result.ignored_columns)
    assert conn.execute("SELECT surnames FROM people").fetchone()[0] == "Ñaupa Huamán"


def test_community_is_kept_and_facilitador_is_the_trainer(conn, tmp_path):
    import_file(conn, sheet(tmp_path, row()), rejects_path=tmp_path / "r.csv")
    assert conn.execute("SELECT home_community FROM people").fetchone()[0] == "Ccorca Alta"
    assert conn.execute("SELECT trainers FROM workshops").fetchone()[0] == "Lucía Puma"


def test_a_second_import_waits_for_the_first_and_sees_its_people(conn, proyecto, tmp_path):
    # Another command holds the write lock and adds a person, then commits
    holding = threading.Event()

    def first_import():
        other = db.connect(proyecto / "data" / "registro.sqlite")
        with db.transaction(other):
            model.insert_person(other, model.PersonCodes(other), given_names="Ana", surnames="Mamani", sex="F", council_id=2)
            holding.set()
            time.sleep(0.6)

    thread = threading.Thread(target=first_import)
    thread.start()
    assert holding.wait(10)
    second = db.connect(proyecto / "data" / "registro.sqlite")
    result = import_file(second, sheet(tmp_path, row(), row(given="Juan", sex="M")), rejects_path=tmp_path / "r.csv")
    thread.join()
    assert not result.rejects and result.people_added == ["P-00002-1", "P-00003-7"]  # no code issued twice


def test_a_database_held_too_long_gives_a_spanish_message_and_changes_nothing(conn, proyecto, tmp_path, monkeypatch):
    monkeypatch.setattr(db, "BUSY_SECONDS", 0.2)
    waiting = db.connect(proyecto / "data" / "registro.sqlite")
    conn.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(db.DatabaseError, match="está ocupada: otra importación u otra orden la está usando"):
            import_file(waiting, sheet(tmp_path, row()), rejects_path=tmp_path / "r.csv")
    finally:
        conn.execute("ROLLBACK")
    assert conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 0


@pytest.mark.parametrize("cells, reason", [
    (dict(sex="quizá"), "sexo 'quizá' no reconocido"),
    (dict(mark="tal vez"), "no es una marca válida"),
    (dict(modules="m01;m02"), None),  # ';' inside a ';' file only shifts cells: still a clear reason
])
def test_odd_cells_are_rejects_with_a_reason(conn, tmp_path, cells, reason):
    result = import_file(conn, sheet(tmp_path, row(**cells)), rejects_path=tmp_path / "r.csv")
    assert len(result.rejects) == 1 and result.rejects[0][0] == 2
    if reason:
        assert reason in result.rejects[0][1]
