"""The trainers' area of the site: blank sign-in sheet (PDF A4 + XLSX), each module's quizzes
as its guide prints them but without keys, and the trainer's pack (ZIP with a cover)."""

import io
import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from defensoria.paths import find_root
from defensoria.printing import trainers

ROOT = find_root()


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(scope="module")
def offered():
    return {d.name: d for d in trainers.downloads(ROOT)}


def test_the_area_offers_a_sheet_and_every_module_with_a_bank(offered):
    assert {"hoja-asistencia.pdf", "hoja-asistencia.xlsx"} <= set(offered)
    banks = sorted(p.stem for p in (ROOT / "quizzes").glob("m*.yml"))
    for code in banks:
        assert {f"cuestionario-{code}-entrada.pdf", f"cuestionario-{code}-salida.pdf", f"paquete-{code}.zip"} <= set(offered)


def test_the_blank_sheet_is_a4_with_the_attendance_column_and_no_names(offered):
    pdf = offered["hoja-asistencia.pdf"].make()
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert sorted((round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4))) == [210, 297]
    assert "¿Asistió?" in text_of(pdf)
    sheet = load_workbook(io.BytesIO(offered["hoja-asistencia.xlsx"].make()))["Asistencia"]
    rows = list(sheet.iter_rows(values_only=True))
    assert "¿Asistió?" in rows[0] and all(not any(row[6:10]) for row in rows[1:])  # no codes, no names


def test_site_quizzes_are_the_guide_versions_without_keys(offered):
    item = offered["cuestionario-m04-entrada.pdf"]
    call = next(c for c in trainers.guide_quiz_calls(ROOT, "m04") if c.moment == "entrada")
    assert call.command in (ROOT / "docs/formadores/guias/m04-guia.md").read_text(encoding="utf-8")
    text = text_of(item.make())
    from defensoria.quiz.versions import make_versions, parse_questions_option
    from defensoria.quiz.bank import load_banks

    versions = make_versions(load_banks(ROOT, ["m04"]), call.versions, call.seed, parse_questions_option(call.questions))
    assert all(v.code in text for v in versions)  # the same versions the guide's command prints (and grades)
    assert "Clave" not in text and "claves" not in text.lower()


def test_the_pack_has_a_cover_first_and_no_keys(offered):
    archive = zipfile.ZipFile(io.BytesIO(offered["paquete-m04.zip"].make()))
    names = archive.namelist()
    assert names[0] == "00-portada.pdf"
    assert {"guia-m04-es.pdf", "hoja-asamblea-m04.pdf", "hoja-asistencia.pdf", "hoja-asistencia.xlsx",
            "cuestionario-m04-entrada.pdf", "cuestionario-m04-salida.pdf"} <= set(names)
    assert not [n for n in names if "clave" in n]
    # The same files the area offers alone (rendered once for both)
    for name in ("cuestionario-m04-entrada.pdf", "hoja-asistencia.pdf"):
        assert archive.read(name) == offered[name].make(), name
    cover = text_of(archive.read("00-portada.pdf"))
    assert "Paquete del taller" in cover and "m04" in cover and "Línea 100" in cover
    assert "castellano, quechua y aimara" in cover and "--semilla m04-entrada" in cover.replace("\n", " ")


def test_cache_keys_follow_the_sources(offered, tmp_path):
    item = offered["cuestionario-m04-entrada.pdf"]
    assert item.key() == item.key()
    bank = tmp_path / "m04.yml"
    bank.write_text("cambio", encoding="utf-8")
    moved = trainers.Download(item.name, item.label, [bank], item.make)
    before = moved.key()
    bank.write_text("otro cambio", encoding="utf-8")
    assert moved.key() != before


def test_a_quiz_is_rendered_once_until_its_bank_changes(project_copy, monkeypatch):
    rendered = []
    monkeypatch.setattr(trainers, "quiz_pdf", lambda root, call: rendered.append(call) or f"{len(rendered)}".encode())
    item = {d.name: d for d in trainers.downloads(project_copy)}["cuestionario-m04-entrada.pdf"]
    assert item.make() == item.make() == b"1"
    bank = project_copy / "quizzes" / "m04.yml"
    bank.write_text(bank.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert item.make() == b"2" and len(rendered) == 2


def test_cache_keys_follow_review_records_and_the_site_address(project_copy, monkeypatch):
    """Handouts show the module's review state and a QR code of the site's address: a new
    review decision or SITE_URL must not serve a cached PDF that says otherwise."""
    from defensoria.catalog import load_modules
    from defensoria.printing.plugin import source_key

    monkeypatch.delenv("SITE_URL", raising=False)
    module = next(m for m in load_modules(project_copy) if m.modulo == "m05")

    def keys():
        pack = {d.name: d for d in trainers.downloads(project_copy)}["paquete-m05.zip"]
        return source_key(project_copy, module, "es", "a4"), pack.key()

    before = keys()
    records = project_copy / "docs" / "_datos" / "revision"
    records.mkdir(parents=True, exist_ok=True)
    (records / "legal.yml").write_text("afirmaciones: {}\n", encoding="utf-8")
    reviewed = keys()
    assert reviewed[0] != before[0] and reviewed[1] != before[1]
    monkeypatch.setenv("SITE_URL", "https://defensorias-cusco.org.pe/")
    addressed = keys()
    assert addressed[0] != reviewed[0] and addressed[1] != reviewed[1]
