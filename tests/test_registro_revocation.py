"""`revocar`: a certificate is marked revoked (kept, with date and reason) and leaves the public list."""

import json
import sqlite3

import pytest
from registro_fixtures import conn, proyecto  # noqa: F401
from test_registro_certificates import graduate  # noqa: F401

from defensoria.cli import cli
from defensoria.errors import DefensoriaError
from defensoria.registro import certificates as certs
from defensoria.registro import db
from defensoria.registro.codes import verification_hash
from defensoria.registro.rules import load_rules


@pytest.fixture
def issued(conn, graduate, proyecto):  # noqa: F811
    """Two certificates of the graduate (programme and m04), published as the site has them."""
    programme, _ = certs.issue_certificates(conn, load_rules(), "programa", "basico", on="2026-05-02")
    module, _ = certs.issue_certificates(conn, load_rules(), "modulo", "m04", on="2026-05-02")
    certs.publish_hashes(conn, proyecto / certs.HASHES)
    return programme[0].verification_code, module[0].verification_code


def published_hashes(proyecto) -> set[str]:
    return {entry["hash"] for entry in json.loads((proyecto / certs.HASHES).read_text(encoding="utf-8"))["certificados"]}


def test_revoking_keeps_the_record_and_takes_its_hash_off_the_public_list(conn, issued, proyecto):  # noqa: F811
    programme, module = issued
    assert verification_hash(programme) in published_hashes(proyecto)
    row, changed = certs.revoke_certificate(conn, programme.lower().replace("-", " "), "  Emitido   por error ", proyecto / certs.HASHES,
                                            on="2026-06-01")
    assert changed and row["revoked"] == 1 and (row["revoked_on"], row["revoked_reason"]) == ("2026-06-01", "Emitido por error")
    assert conn.execute("SELECT COUNT(*) FROM certificates").fetchone()[0] == 2  # the record stays
    assert published_hashes(proyecto) == {verification_hash(module)}  # only the valid one
    assert certs.verify(conn, programme) is None and certs.verify(conn, module) is not None
    # Issuing again neither brings it back nor gives the person a second code for it
    again, new = certs.issue_certificates(conn, load_rules(), "programa", "basico")
    assert again == [] and new == 0


def test_revoking_again_changes_nothing_and_publishes_the_list_again(conn, issued, proyecto):  # noqa: F811
    programme, _ = issued
    certs.revoke_certificate(conn, programme, "Primer motivo", proyecto / certs.HASHES, on="2026-06-01")
    (proyecto / certs.HASHES).unlink()
    row, changed = certs.revoke_certificate(conn, programme, "Otro motivo", proyecto / certs.HASHES, on="2026-07-01")
    assert not changed and (row["revoked_on"], row["revoked_reason"]) == ("2026-06-01", "Primer motivo")
    assert verification_hash(programme) not in published_hashes(proyecto) and published_hashes(proyecto)


def test_if_the_list_cannot_be_written_nothing_is_revoked(conn, issued, proyecto):  # noqa: F811
    programme, _ = issued
    blocked = proyecto / "bloqueado"
    blocked.mkdir()  # a folder where the file should go
    with pytest.raises(DefensoriaError, match="no se anuló nada"):
        certs.revoke_certificate(conn, programme, "Emitido por error", blocked)
    assert certs.verify(conn, programme) is not None
    assert conn.execute("SELECT revoked_reason FROM certificates WHERE verification_code = ?", (programme,)).fetchone()[0] is None


@pytest.mark.parametrize(("code", "reason", "message"), [
    ("AAAA-BBBB-CCCC", "Error", "no existe ningún certificado con el código de verificación AAAA-BBBB-CCCC"),
    ("AAAA-BBBB", "Error", "no tiene la forma XXXX-XXXX-XXXX"),
    (None, "   ", "indique el motivo"),
])
def test_unknown_code_malformed_code_or_no_reason_is_a_spanish_error(conn, issued, proyecto, code, reason, message):  # noqa: F811
    with pytest.raises(DefensoriaError, match=message):
        certs.revoke_certificate(conn, code or issued[0], reason, proyecto / certs.HASHES)
    assert conn.execute("SELECT COUNT(*) FROM certificates WHERE revoked = 1").fetchone()[0] == 0


def test_revocar_from_the_command_line(runner, conn, issued, proyecto):  # noqa: F811
    programme, module = issued

    def run(*args):
        return runner.invoke(cli, ["registro", *args, "--base", str(proyecto / "data" / "registro.sqlite")], catch_exceptions=False)

    result = run("revocar", programme, "--motivo", "No completó el módulo m04")
    assert result.exit_code == 0, result.output
    assert "Anulado el certificado de programa basico" in result.output and "Motivo: No completó el módulo m04" in result.output
    assert "Publique el sitio" in result.output and verification_hash(programme) not in published_hashes(proyecto)
    again = run("revocar", programme, "--motivo", "otra vez")
    assert again.exit_code == 0 and "ya estaba anulado desde el " + db.today() in again.output
    verify = run("verificar", programme)
    assert verify.exit_code == 1 and "fue anulado el" in verify.output and "No completó el módulo m04" in verify.output
    assert run("verificar", module).exit_code == 0
    person = run("persona", certs.find_certificate(conn, programme)["person_code"])
    assert "(anulado el " + db.today() + ": No completó el módulo m04)" in person.output
    unknown = run("revocar", "ZZZZ-ZZZZ-ZZZZ", "--motivo", "x")
    assert unknown.exit_code == 1 and "Error: no existe ningún certificado con el código de verificación ZZZZ-ZZZZ-ZZZZ" in unknown.output
    missing = run("revocar", module)
    assert missing.exit_code == 2 and "--motivo" in missing.output


def test_a_certificate_issued_before_schema_4_can_be_revoked(proyecto, tmp_path):  # noqa: F811
    path = tmp_path / "v3.sqlite"
    old = sqlite3.connect(path, isolation_level=None)
    with db.transaction(old):
        for migration in db.MIGRATIONS[:3]:
            migration(old)
        old.execute("PRAGMA user_version = 3")
    old.execute("INSERT INTO councils VALUES (1, 'D', 'C', 'X', 'Cusco', 'd')")
    old.execute("INSERT INTO people (id, code, council_id, created_on) VALUES (1, 'P-00001-3', 1, '2026-01-01')")
    old.execute("INSERT INTO certificates (person_id, kind, subject, issued_on, verification_code) VALUES (1, 'modulo', 'm01', '2026-02-01', '7KQ2-M9PX-4TRB')")
    old.close()
    conn = db.connect(path)
    assert certs.find_certificate(conn, "7KQ2-M9PX-4TRB")["revoked_reason"] is None  # upgraded, kept
    row, changed = certs.revoke_certificate(conn, "7kq2 m9px 4trb", "Duplicado", tmp_path / "certificados.json")
    assert changed and row["revoked_reason"] == "Duplicado"
    assert json.loads((tmp_path / "certificados.json").read_text(encoding="utf-8"))["certificados"] == []
    conn.close()
