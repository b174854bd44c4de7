"""After a site build with a populated tracker, no name or code of a person is in the site."""

import re

import pytest
from conftest import build_site

from defensoria.catalog import catalog
from defensoria.registro import QuizResult, db, model, record_quiz_results
from defensoria.registro import certificates as certs
from defensoria.registro.importer import import_file
from defensoria.registro.report_files import write_report
from defensoria.registro.reports import build_report
from defensoria.registro.rules import load_rules
from defensoria.registro.signin import build_sheet, write_sheet

pytestmark = pytest.mark.build
PERSON_CODE = re.compile(r"P-?\d{5,}-?\d")


def test_no_personal_data_reaches_the_built_site(buildable_copy, tmp_path, monkeypatch):
    project = buildable_copy
    monkeypatch.setenv("DEFENSORIA_RAIZ", str(project))
    monkeypatch.delenv(db.ENV_VAR, raising=False)
    first = next(iter(catalog(project)))

    # A populated tracker inside the project, as a coordinator would have it
    conn = db.connect(project / "data" / "registro.sqlite")
    model.add_council(conn, "Defensoría de Ccorca", "Ccorca", "Ccorca")
    sheet = tmp_path / "asistencia.csv"
    names = [("Wilfreda", "Ccahuana Quispe"), ("Zenobia", "Huillcahuaman Puma"), ("Eusebio", "Mamanisqa Condori")]
    sheet.write_text("fecha;lugar;defensoria;modulos;nombres;apellidos;sexo\n" + "".join(
        f"02/04/2026;Local;Defensoría de Ccorca;{first};{given};{surnames};F\n" for given, surnames in names), encoding="utf-8")
    codes = import_file(conn, sheet).people_added
    record_quiz_results([QuizResult(code, first, 90, "2026-04-03") for code in codes], conn=conn)
    issued, _ = certs.issue_certificates(conn, load_rules(), "modulo", first)
    assert len(issued) == 3
    # Everything the tracker writes by default: hashes into docs/_datos, documents into salida/
    certs.publish_hashes(conn, project / "docs" / "_datos" / "certificados.json")
    certs.write_certificates(issued, project / "salida" / "registro" / "certificados", certs.site_url(project))
    write_sheet(build_sheet(conn, "Defensoría de Ccorca"), project / "salida" / "registro", ("html", "csv"))
    write_report(build_report(conn, load_rules(), "defensoria"), project / "salida" / "registro" / "reporte.html")
    conn.close()

    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    secrets = [code for code in codes] + [c.verification_code for c in issued] + [w for pair in names for w in pair]
    for path in site.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="ignore")
            found = [s for s in secrets if s in text]
            assert not found, f"{path.relative_to(site)} contiene {found}"
            assert path.suffix not in {".html", ".json"} or not PERSON_CODE.search(text), path
    leaked = [p.name for p in site.rglob("*") if p.suffix == ".sqlite" or p.name.startswith(("certificado-", "asistencia-", "reporte"))]
    assert not leaked
