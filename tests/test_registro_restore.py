"""`respaldo` and `restaurar`: private files, backups that never overwrite, and a restore that
brings back exactly the backup (not changes left in the -wal file after it)."""

import stat

import pytest
from registro_fixtures import conn, proyecto  # noqa: F401

from defensoria.cli import cli
from defensoria.registro import db, model
from defensoria.registro.report_files import write_report
from defensoria.registro.reports import build_report
from defensoria.registro.rules import load_rules
from defensoria.registro.signin import build_sheet, write_sheet


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def people(path) -> list[str]:
    check = db.connect(path, create=False)
    try:
        return [r[0] for r in check.execute("SELECT given_names FROM people ORDER BY id")]
    finally:
        check.close()


def test_restore_round_trip_after_writes_made_after_the_backup(conn, proyecto, tmp_path):
    database = proyecto / "data" / "registro.sqlite"
    model.add_person(conn, given_names="Rosa", surnames="Quispe", council="Defensoría de Ccorca", sex="F")
    copy = db.backup(conn, tmp_path / "respaldo.sqlite")
    model.add_person(conn, given_names="Juan", surnames="Mamani", council="Defensoría de Ccorca", sex="M")
    assert (database.parent / "registro.sqlite-wal").stat().st_size > 0  # the later write is still in the -wal file
    conn.close()  # as after a crash: the -wal file stays beside the database

    aside, counts = db.restore(copy, database)
    assert counts["people"] == 1
    assert people(database) == ["Rosa"]  # Juan, written after the backup, does not come back
    assert people(aside) == ["Rosa", "Juan"]  # the database as it was is kept aside, -wal content included
    assert mode(database) == mode(aside) == 0o600


def test_the_command_restores_after_asking_in_spanish(runner, conn, proyecto, tmp_path):
    model.add_person(conn, given_names="Rosa", surnames="Quispe", council="Defensoría de Ccorca", sex="F")
    runner.invoke(cli, ["registro", "respaldo", str(tmp_path / "r.sqlite")], catch_exceptions=False)
    model.add_person(conn, given_names="Juan", surnames="Mamani", council="Defensoría de Ccorca", sex="M")
    no = runner.invoke(cli, ["registro", "restaurar", str(tmp_path / "r.sqlite")], input="n\n")
    assert no.exit_code == 1 and "cancelado; no se cambió nada" in no.output
    yes = runner.invoke(cli, ["registro", "restaurar", str(tmp_path / "r.sqlite")], input="s\n")  # 's' is yes
    assert yes.exit_code == 0, yes.output
    assert "restaurada desde" in yes.output and "1 persona(s)" in yes.output and "antes-de-restaurar" in yes.output
    assert people(proyecto / "data" / "registro.sqlite") == ["Rosa"]


def test_a_damaged_backup_is_refused_and_nothing_changes(conn, proyecto, tmp_path):
    model.add_person(conn, given_names="Rosa", surnames="Quispe", council="Defensoría de Ccorca", sex="F")
    bad = tmp_path / "roto.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(db.DatabaseError, match="no se restauró nada"):
        db.restore(bad, proyecto / "data" / "registro.sqlite")
    assert people(proyecto / "data" / "registro.sqlite") == ["Rosa"]
    assert not list((proyecto / "data").glob("*antes-de-restaurar*"))


def test_a_backup_never_overwrites_another(conn, tmp_path):
    first = db.backup(conn, tmp_path / "r.sqlite")
    before = first.read_bytes()
    model.add_person(conn, given_names="Rosa", surnames="Quispe", council="Defensoría de Ccorca", sex="F")
    with pytest.raises(db.DatabaseError, match="un respaldo nunca se sobrescribe"):
        db.backup(conn, tmp_path / "r.sqlite")
    assert first.read_bytes() == before
    database = db.database_file(conn)
    names = {db.backup(conn, db.default_backup_path(database)).name for _ in range(3)}  # three in the same second
    assert len(names) == 3


def test_database_backups_and_exports_are_owner_only(conn, proyecto, tmp_path, monkeypatch):
    database = proyecto / "data" / "registro.sqlite"
    model.add_person(conn, given_names="Rosa", surnames="Quispe", council="Defensoría de Ccorca", sex="F")
    assert mode(database) == 0o600 and mode(database.with_name("registro.sqlite-wal")) == 0o600
    assert mode(db.backup(conn, tmp_path / "copia.sqlite")) == 0o600
    report = build_report(conn, load_rules(), "defensoria")
    for suffix in ("csv", "xlsx", "html"):
        assert mode(write_report(report, tmp_path / f"r.{suffix}")) == 0o600
    for path in write_sheet(build_sheet(conn, "Defensoría de Ccorca"), tmp_path / "hoja", ("csv", "xlsx", "html")):
        assert mode(path) == 0o600
    database.chmod(0o644)  # a file made by an older version is tightened when opened
    db.connect(database).close()
    assert mode(database) == 0o600


def test_report_with_a_mistyped_database_path_creates_nothing(runner, proyecto, tmp_path):
    result = runner.invoke(cli, ["registro", "reporte", "--base", str(tmp_path / "registr.sqlite")])
    assert result.exit_code == 1 and "no existe la base de datos" in result.output
    assert not (tmp_path / "registr.sqlite").exists()
