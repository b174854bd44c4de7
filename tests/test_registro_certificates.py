"""`certificados`: bilingual PDF with verification code and QR; the site gets only hashes."""

import json
import shutil
import subprocess

import pytest
import segno
from print_fixtures import decode_qr_codes
from registro_fixtures import HOURS, conn, proyecto  # noqa: F401

from defensoria.registro import QuizResult, model, record_quiz_results
from defensoria.registro import certificates as certs
from defensoria.registro.attendance import add_attendance
from defensoria.registro.codes import verification_hash
from defensoria.registro.db import transaction
from defensoria.registro.rules import load_rules

# A real-looking address: with an example one (example.org) certificates carry no QR
BASE_URL = "https://defensorias-cusco.org.pe/"


@pytest.fixture
def graduate(conn) -> str:
    code = model.add_person(conn, given_names="Rosa Ñusta", surnames="Quispe Huamán", council="Defensoría de Ccorca", sex="F")
    model.add_person(conn, given_names="Juan", surnames="Mamani", council="Defensoría de Ccorca", sex="M")  # did not finish
    workshop = model.add_workshop(conn, on="2026-04-20", place="Local", modules=list(HOURS), council="Defensoría de Ccorca")
    with transaction(conn):
        add_attendance(conn, [(model.get_workshop(conn, workshop)["id"], model.get_person(conn, code)["id"], 23.0)])
    record_quiz_results([QuizResult(code, m, 90, "2026-04-21") for m in HOURS], conn=conn)
    return code


def pdf_text(path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pypdf = pytest.importorskip("pypdf")
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_only_people_who_completed_get_a_certificate_and_codes_are_stable(conn, graduate):
    issued, new = certs.issue_certificates(conn, load_rules(), "programa", "basico", on="2026-05-02")
    assert [c.person_code for c in issued] == [graduate] and new == 1
    again, new_again = certs.issue_certificates(conn, load_rules(), "programa", "basico")
    assert new_again == 0 and again[0].verification_code == issued[0].verification_code
    module, _ = certs.issue_certificates(conn, load_rules(), "modulo", "m04")
    assert module[0].subject_title == "Tema m04" and module[0].hours == 3


def test_certificate_pdf_is_bilingual_with_code_and_readable_text(conn, graduate, tmp_path):
    issued, _ = certs.issue_certificates(conn, load_rules(), "programa", "basico", on="2026-05-02")
    [pdf] = certs.write_certificates(issued, tmp_path, BASE_URL)
    assert pdf.name == f"certificado-{graduate}-basico.pdf"  # no names in file names
    text = pdf_text(pdf)
    for expected in ("Certificado", "Se certifica que", "Kay qillqawanmi riqsichiyku", "Rosa Ñusta Quispe Huamán",
                     "Programa básico de defensoras y defensores comunitarios", "tukurqan", "2 de mayo de 2026",
                     issued[0].verification_code, "Chiqaqchanapaq"):
        assert expected in " ".join(text.split()), expected


def test_qr_code_points_to_the_verification_page_with_the_code(conn, graduate, tmp_path):
    issued, _ = certs.issue_certificates(conn, load_rules(), "programa", "basico")
    code = issued[0].verification_code
    payload = certs.verify_url(code, BASE_URL)
    assert payload == f"{BASE_URL}verificar.html#c={code}"  # after '#': never sent to a server
    html = certs.certificate_html(issued[0], BASE_URL)
    assert segno.make(payload, error="m").svg_data_uri(scale=4, border=2) in html
    [pdf] = certs.write_certificates(issued, tmp_path, BASE_URL)
    # pdftoppm (poppler-utils) renders the page; zxing-cpp, a test dependency, reads the code
    assert decode_qr_codes(pdf, tmp_path) == {payload}


def test_an_example_address_prints_the_code_without_qr_or_address(conn, graduate):
    issued, _ = certs.issue_certificates(conn, load_rules(), "programa", "basico")
    html = certs.certificate_html(issued[0], "https://defensorias-cusco.example.org/")
    assert issued[0].verification_code in html
    assert "example.org" not in html and "data:image/svg" not in html


def test_public_hash_list_has_no_names_or_codes_and_verifies(conn, graduate, tmp_path):
    issued, _ = certs.issue_certificates(conn, load_rules(), "programa", "basico")
    target = tmp_path / "certificados.json"
    assert certs.publish_hashes(conn, target) == 1
    text = target.read_text(encoding="utf-8")
    for secret in (graduate, "Rosa", "Quispe", issued[0].verification_code, issued[0].verification_code.replace("-", "")):
        assert secret not in text
    data = json.loads(text)
    assert data["certificados"] == [{"hash": verification_hash(issued[0].verification_code), "tipo": "programa",
                                     "tema": "basico", "fecha": issued[0].issued_on}]
    assert certs.verify(conn, issued[0].verification_code.lower().replace("-", " "))["subject"] == "basico"
    assert certs.verify(conn, "AAAA-BBBB-CCCC") is None


def test_site_url_comes_from_mkdocs_yml(proyecto):
    (proyecto / "mkdocs.yml").write_text("site_name: x\nsite_url: https://ejemplo.org/defensorias\n", encoding="utf-8")
    assert certs.site_url(proyecto) == "https://ejemplo.org/defensorias/"
