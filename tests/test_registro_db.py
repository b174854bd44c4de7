"""The tracker database: migrations with PRAGMA user_version, foreign keys, transactions, backup."""

import sqlite3

import pytest
from registro_fixtures import conn, proyecto  # noqa: F401

from defensoria.registro import db
from defensoria.registro.db import DatabaseError, connect, transaction


def test_a_new_database_has_the_latest_schema_and_foreign_keys_on(tmp_path):
    conn = connect(tmp_path / "nueva" / "registro.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"councils", "people", "workshops", "attendance", "attendance_modules", "quiz_results", "certificates"} <= tables
    with pytest.raises(sqlite3.IntegrityError):  # a person in a council that does not exist
        conn.execute("INSERT INTO people (code, council_id, created_on) VALUES ('P-00001-3', 99, '2026-01-01')")


def test_an_old_database_is_upgraded_step_by_step_keeping_its_data(tmp_path):
    path = tmp_path / "vieja.sqlite"
    old = sqlite3.connect(path, isolation_level=None)
    with transaction(old):
        db.MIGRATIONS[0](old)
        old.execute("PRAGMA user_version = 1")
    old.execute("INSERT INTO councils VALUES (1, 'D', 'C', 'X', 'Cusco', 'd')")
    old.execute("INSERT INTO people (id, code, council_id, created_on) VALUES (1, 'P-00001-3', 1, '2026-01-01')")
    old.execute("INSERT INTO workshops VALUES (1, 'T-2026-0001', '2026-03-14', 'L', '', 4, 1, 'k')")
    old.execute("INSERT INTO workshop_modules VALUES (1, 'm01', 2, 0.5), (1, 'm02', 2, 0.5)")
    old.execute("INSERT INTO attendance VALUES (1, 1, 4)")
    old.close()

    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    assert conn.execute("SELECT code FROM people").fetchone()[0] == "P-00001-3"
    # The version-3 migration filled the split table from the attendance already there
    assert [tuple(r) for r in conn.execute("SELECT module, hours FROM attendance_modules ORDER BY module")] == [("m01", 2.0), ("m02", 2.0)]


def test_a_database_from_a_newer_tool_is_refused_in_spanish(tmp_path):
    path = tmp_path / "futura.sqlite"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    with pytest.raises(DatabaseError, match="versión más nueva"):
        connect(path)


def test_a_file_that_is_not_a_database_gives_a_spanish_error(tmp_path):
    path = tmp_path / "texto.sqlite"
    path.write_text("esto no es una base de datos " * 50)
    with pytest.raises(DatabaseError, match="no se puede abrir"):
        connect(path)


def test_a_failed_transaction_leaves_nothing_written(conn):
    before = conn.execute("SELECT COUNT(*) FROM councils").fetchone()[0]
    with pytest.raises(RuntimeError):
        with transaction(conn):
            conn.execute("INSERT INTO councils (name, community, district, province, name_key) VALUES ('a', 'b', 'c', 'd', 'a')")
            raise RuntimeError("corte de luz")
    assert conn.execute("SELECT COUNT(*) FROM councils").fetchone()[0] == before


def test_default_path_is_data_folder_or_environment_variable(proyecto, monkeypatch, tmp_path):
    assert db.default_path() == proyecto / "data" / "registro.sqlite"
    monkeypatch.setenv(db.ENV_VAR, str(tmp_path / "otra.sqlite"))
    assert db.default_path() == tmp_path / "otra.sqlite"


def test_backup_is_a_complete_consistent_copy(conn, tmp_path):
    target = db.backup(conn, tmp_path / "respaldos" / "copia.sqlite")
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT COUNT(*) FROM councils").fetchone()[0] == 2
    assert copy.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    assert not list(target.parent.glob("*.parcial"))
