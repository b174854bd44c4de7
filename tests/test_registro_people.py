"""`persona --contacto/--nombres/--apellidos`: changes a person asks for; archived people stay as they are."""

import pytest
from registro_fixtures import conn, proyecto  # noqa: F401

from defensoria.cli import cli
from defensoria.errors import DefensoriaError
from defensoria.registro import model


@pytest.fixture
def rosa(conn) -> str:  # noqa: F811
    return model.add_person(conn, given_names="Roza", surnames="Quispe", council="Defensoría de Ccorca", sex="F", may_contact=True)


def stored(conn, code):  # noqa: F811
    return conn.execute("SELECT * FROM people WHERE code = ?", (code,)).fetchone()


def test_consent_to_be_contacted_can_be_withdrawn_and_given_again(conn, rosa):  # noqa: F811
    row, changes = model.update_person(conn, rosa, may_contact=False)
    assert changes == {"may_contact": (1, 0)} and stored(conn, rosa)["may_contact"] == 0
    assert model.update_person(conn, rosa, may_contact=False)[1] == {}  # nothing to change
    model.update_person(conn, rosa, may_contact=True)
    assert stored(conn, rosa)["may_contact"] == 1


def test_names_are_corrected_and_the_new_name_is_checked_for_duplicates(conn, rosa):  # noqa: F811
    other = model.add_person(conn, given_names="Rosa", surnames="Quispe", council="Defensoría de Ccorca", sex="F")
    assert [(a["code"], b["code"]) for a, b in model.possible_duplicates(conn)] == [(rosa, other)]  # 'Roza' is near 'Rosa'
    row, changes = model.update_person(conn, rosa, given_names="  ROSA ")
    assert changes == {"given_names": ("Roza", "Rosa")} and row["surnames"] == "Quispe" and row["may_contact"] == 1
    assert row["name_key"] == stored(conn, other)["name_key"] == "quispe rosa"  # the name key followed
    assert [(a["code"], b["code"]) for a, b in model.possible_duplicates(conn)] == [(rosa, other)]


def test_archived_people_cannot_be_edited(conn, rosa):  # noqa: F811
    model.archive_person(conn, rosa)
    with pytest.raises(DefensoriaError, match="está archivada"):
        model.update_person(conn, rosa, may_contact=True, given_names="Rosa")
    row = stored(conn, rosa)
    assert (row["given_names"], row["may_contact"], row["status"]) == (None, 0, "archivada")


def test_a_rejected_change_changes_nothing(conn, rosa):  # noqa: F811
    with pytest.raises(DefensoriaError, match="los apellidos no pueden quedar vacíos"):
        model.update_person(conn, rosa, may_contact=False, given_names="Rosa", surnames="   ")
    row = stored(conn, rosa)
    assert (row["given_names"], row["surnames"], row["may_contact"]) == ("Roza", "Quispe", 1)


def test_persona_changes_from_the_command_line(runner, conn, rosa, proyecto):  # noqa: F811
    def run(*args):
        return runner.invoke(cli, ["registro", "persona", *args, "--base", str(proyecto / "data" / "registro.sqlite")],
                             catch_exceptions=False)

    result = run(rosa, "--contacto", "no")
    assert result.exit_code == 0, result.output
    assert "acepta contacto: sí → no" in result.output and "acepta contacto: no" in result.output
    assert "acepta contacto: no → sí" in run(rosa, "--contacto", "Sí").output
    corrected = run(rosa, "--nombres", "Rosa Ñusta", "--apellidos", "Quispe Huamán")
    assert "nombres: Roza → Rosa Ñusta" in corrected.output and "apellidos: Quispe → Quispe Huamán" in corrected.output
    assert "Rosa Ñusta Quispe Huamán" in corrected.output  # and the person as now stored
    bad = run(rosa, "--contacto", "talvez")
    assert bad.exit_code == 2 and "'talvez': escriba si o no" in bad.output
    model.archive_person(conn, rosa)
    archived = run(rosa, "--contacto", "si")
    assert archived.exit_code == 1 and f"Error: la persona {rosa} está archivada" in archived.output
    assert stored(conn, rosa)["may_contact"] == 0
