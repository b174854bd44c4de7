"""Review workflow: exports, imports (all or nothing), stable ids, computed status.

Every test works in a temporary copy of the project and makes its own reviewer records
there: nobody on the team vouches for the real content.
"""

import csv
import subprocess
from datetime import date
from pathlib import Path

import polib
import pytest
from openpyxl import load_workbook

from defensoria.revision.claims import all_claims
from defensoria.revision.importer import ImportRejected, import_file
from defensoria.revision.legal_export import export_legal
from defensoria.revision.quechua_export import export_quechua
from defensoria.revision.records import load_records
from defensoria.revision.segments import all_segments
from defensoria.revision.status import snapshot

from conftest import M04_QU, M05_QU, ROOT, approve_po, in_ci

M05 = "modulos/m05-medidas-de-proteccion.md"
DAY = date(2026, 12, 2)
SCHEMAS = Path("usr/share/php/Symfony/Component/Translation/Resources/schemas")


def test_real_content_has_no_review_records():
    # Only real reviewers vouch: the repository holds no decision, so the site says pending
    assert not (ROOT / "docs" / "_datos" / "revision" / "legal.yml").exists()
    assert not (ROOT / "docs" / "_datos" / "revision" / "quechua.yml").exists()
    state = snapshot(ROOT)
    assert state.legal("m05").estado == "pendiente" and state.legal("m05").total > 20
    assert state.quechua(M05_QU).estado == "sin-revisar"


def test_po_round_trip_marks_the_page_reviewed_and_writes_the_corrected_text(project_copy, tmp_path):
    out = tmp_path / "salida"
    export = export_quechua(out, "po", project_copy, pagina=M05_QU)
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(export.path)], capture_output=True, text=True)
    assert check.returncode == 0 and check.stderr == "", check.stderr
    po = polib.pofile(str(export.path))
    assert len(po) == export.segments > 50 and all("fuzzy" in e.flags for e in po)
    first = po[0]
    assert first.msgctxt.startswith("modulos/m05-medidas-de-proteccion/")
    assert [name for name, _ in first.occurrences] == ["docs/" + M05, "docs/" + M05_QU]
    new_text = po[2].msgstr + " Kayqa musuqmi."
    approve_po(export.path, tmp_path / "hecho.po", edit={2: new_text})

    result = import_file(tmp_path / "hecho.po", "Defensora de Ccapi", DAY, project_copy)
    assert result.decisions == export.segments and result.edited == 1
    assert new_text in (project_copy / "docs" / M05_QU).read_text(encoding="utf-8")
    status = snapshot(project_copy).quechua(M05_QU)
    assert (status.estado, status.reviewed, status.por, status.fecha) == ("revisado", export.segments, "Defensora de Ccapi", DAY)
    # Exported again, nothing is fuzzy and msgfmt still accepts it
    again = export_quechua(tmp_path / "otra", "po", project_copy, pagina=M05_QU)
    assert not any("fuzzy" in e.flags for e in polib.pofile(str(again.path)))


def test_xliff_validates_against_the_oasis_schema_and_round_trips(project_copy, tmp_path):
    from lxml import etree
    from translate.storage import xliff

    folder = next((base / SCHEMAS for base in (ROOT / ".cache" / "xliff-schema", Path("/"))
                   if (base / SCHEMAS / "xliff-core-1.2-strict.xsd").is_file()), None)
    if folder is None:
        if in_ci():
            pytest.fail(".ci/run must unpack the XLIFF 1.2 schema into .cache/xliff-schema")
        pytest.skip("the XLIFF 1.2 schema is not unpacked (see .ci/run)")
    xsd = (folder / "xliff-core-1.2-strict.xsd").read_text(encoding="utf-8").replace(
        'schemaLocation="http://www.w3.org/2001/xml.xsd"', f'schemaLocation="{(folder / "xml.xsd").as_uri()}"')
    schema = etree.XMLSchema(etree.fromstring(xsd.encode("utf-8"), base_url=folder.as_uri() + "/"))
    export = export_quechua(tmp_path, "xliff", project_copy, pagina=M05_QU)
    document = etree.parse(str(export.path))
    assert schema.validate(document), schema.error_log
    # A CAT tool approves the first five units
    store = xliff.xlifffile.parsefile(str(export.path))
    units = [u for u in store.units if not u.isheader()]
    for unit in units[:5]:
        unit.markapproved(True)
    edited = tmp_path / "hecho.xlf"
    edited.write_bytes(bytes(store))
    assert schema.validate(etree.parse(str(edited))), schema.error_log
    result = import_file(edited, "RQ", DAY, project_copy)
    status = snapshot(project_copy).quechua(M05_QU)
    assert result.decisions == 5 and status.estado == "parcial" and status.reviewed == 5


def test_xlsx_round_trip_and_one_changed_word_makes_the_module_pending(project_copy, tmp_path):
    export = export_legal(tmp_path, project_copy, paper=False)
    book = load_workbook(export.xlsx)
    sheet = book["afirmaciones"]
    header = [cell.value for cell in sheet[1]]
    assert header == ["id", "modulo", "archivo", "linea", "afirmacion", "cita", "texto_de_la_norma", "decision", "comentario"]
    rows = [row for row in sheet.iter_rows(min_row=2) if row[1].value == "m05"]
    for row in rows:
        row[7].value = "ok"
    book.save(tmp_path / "hecha.xlsx")
    assert import_file(tmp_path / "hecha.xlsx", "Abogada del consejo", DAY, project_copy).decisions == len(rows)
    legal = snapshot(project_copy).legal("m05")
    assert legal.estado == "revisado"
    assert legal.text("es") == "Revisión legal: revisado por Abogada del consejo el 02/12/2026"
    assert snapshot(project_copy).legal("m04").text("es").startswith("Revisión legal: pendiente (0 de ")

    # Change one word of one approved claim on the page: pending again
    page = project_copy / "docs" / M05
    text = page.read_text(encoding="utf-8")
    lines = text.split("\n")
    claim = next(c for c in all_claims(project_copy) if c.modulo == "m05" and c.origen == "pagina"
                 and c.texto.split()[0] in lines[c.linea - 1])
    first_word = claim.texto.split()[0]
    line = lines[claim.linea - 1]
    lines[claim.linea - 1] = line.replace(first_word, first_word + " también", 1)
    page.write_text("\n".join(lines), encoding="utf-8")
    legal = snapshot(project_copy).legal("m05")
    assert legal.estado == "pendiente" and legal.ok == legal.total - 1
    assert legal.text("es") == f"Revisión legal: pendiente ({legal.total - 1} de {legal.total} afirmaciones revisadas)"


def test_corregir_needs_a_comment_and_is_listed_until_fixed(project_copy, tmp_path):
    export = export_legal(tmp_path, project_copy, paper=False)
    book = load_workbook(export.xlsx)
    sheet = book["afirmaciones"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "m04")
    row[7].value = "corregir"
    book.save(tmp_path / "sin-comentario.xlsx")
    with pytest.raises(ImportRejected, match=r"fila \d+: «corregir» necesita un comentario"):
        import_file(tmp_path / "sin-comentario.xlsx", "AB", DAY, project_copy)
    row[8].value = "El plazo cambió con la Ley 31715."
    book.save(tmp_path / "con-comentario.xlsx")
    import_file(tmp_path / "con-comentario.xlsx", "AB", DAY, project_copy)
    to_fix = snapshot(project_copy).legal("m04").to_fix
    assert [(claim.id, comment) for claim, comment in to_fix] == [(row[0].value, "El plazo cambió con la Ley 31715.")]


def test_ids_survive_unrelated_edits(project_copy):
    claims_before = {c.id for c in all_claims(project_copy) if c.modulo == "m05"}
    segments_before = {s.id: s.es_hash for s in all_segments(project_copy, only=M05_QU)}
    page = project_copy / "docs" / M05
    text = page.read_text(encoding="utf-8")
    # A new sentence in the story (no citation), far from every claim
    page.write_text(text.replace("Rosa tenía miedo de volver a casa.", "Rosa tenía miedo de volver a casa. Lloraba mucho."), encoding="utf-8")
    assert {c.id for c in all_claims(project_copy) if c.modulo == "m05"} == claims_before
    after = {s.id: s.es_hash for s in all_segments(project_copy, only=M05_QU)}
    assert after.keys() == segments_before.keys()
    changed = [ident for ident in after if after[ident] != segments_before[ident]]
    assert len(changed) == 1 and "/una-historia/" in changed[0]


def test_segment_goes_stale_when_its_spanish_changes(project_copy, tmp_path):
    export = export_quechua(tmp_path, "po", project_copy, pagina=M05_QU)
    approve_po(export.path, tmp_path / "hecho.po")
    import_file(tmp_path / "hecho.po", "DC", DAY, project_copy)
    page = project_copy / "docs" / M05
    page.write_text(page.read_text(encoding="utf-8").replace("Rosa tenía miedo de volver a casa.", "Rosa tenía mucho miedo."), encoding="utf-8")
    status = snapshot(project_copy).quechua(M05_QU)
    assert (status.estado, status.stale, status.reviewed) == ("parcial", 1, status.total - 1)
    assert status.text("es") == f"Traducción revisada en parte ({(100 * (status.total - 1)) // status.total} %)."
    again = polib.pofile(str(export_quechua(tmp_path / "otra", "po", project_copy, pagina=M05_QU).path))
    stale = [e for e in again if "fuzzy" in e.flags]
    assert len(stale) == 1 and "cambió" in stale[0].comment


def test_a_bad_po_is_rejected_whole_with_spanish_errors_by_line(project_copy, tmp_path):
    export = export_quechua(tmp_path, "po", project_copy, pagina=M05_QU)
    page_before = (project_copy / "docs" / M05_QU).read_text(encoding="utf-8")
    po = approve_po(export.path, tmp_path / "malo.po", edit={1: "Musuq qillqa."})
    po[3].msgctxt = "modulos/m05-medidas-de-proteccion/no-existe/9"
    po[4].msgstr = ""
    po.save(str(tmp_path / "malo.po"))
    with pytest.raises(ImportRejected) as error:
        import_file(tmp_path / "malo.po", "DC", DAY, project_copy)
    message = error.value.message
    assert "no se importó nada (2 problema(s))" in message
    assert "no-existe/9» ya no existe" in message and "está vacía" in message
    assert message.count("línea ") == 2
    # Nothing applied: the page text and the records are as before
    assert (project_copy / "docs" / M05_QU).read_text(encoding="utf-8") == page_before
    assert load_records(project_copy).segmentos == {}


def test_contact_data_is_refused_as_a_reviewer_name(project_copy, tmp_path):
    export = export_quechua(tmp_path, "po", project_copy, pagina=M05_QU)
    with pytest.raises(Exception, match="sin correo|correo ni teléfono"):
        import_file(export.path, "rosa@example.org", DAY, project_copy)


def test_paper_packet_and_its_csv_round_trip(project_copy, tmp_path):
    export = export_quechua(tmp_path, "pdf", project_copy, pagina=M05_QU)
    assert export.path.read_bytes().startswith(b"%PDF")
    marks = tmp_path / "revision-quechua-marcas.csv"
    assert marks.read_bytes().startswith(b"\xef\xbb\xbfnumero;id;")  # opens in Excel with its accents
    rows = list(csv.DictReader(marks.open(encoding="utf-8-sig"), delimiter=";"))
    assert len(rows) == export.segments
    for row in rows[:10]:
        row["revisado"] = "x"
    with marks.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    assert import_file(marks, "Grupo de Ccapi", DAY, project_copy).decisions == 10
    assert snapshot(project_copy).quechua(M05_QU).reviewed == 10


@pytest.fixture(scope="module")
def reviewed_site(session_site):
    """The session's site, where test reviewers approved m05 (legal and Quechua) and the
    first ten segments of m04 in Quechua (conftest.populate_reviews)."""
    return session_site.site, session_site.m04_reviewed_percent


@pytest.mark.build
def test_built_pages_show_reviewed_partial_and_pending(reviewed_site):
    site, percent = reviewed_site
    text = lambda path: " ".join((site / path).read_text(encoding="utf-8").split())  # noqa: E731
    assert "Revisión legal: revisado por Abogada del consejo el 02/12/2026." in text("modulos/m05-medidas-de-proteccion.html")
    assert "Revisión legal: pendiente (0 de " in text("modulos/m04-la-denuncia.html")
    m05_qu = text("qu/modulos/m05-medidas-de-proteccion.html")
    assert "Traducción revisada por Defensora de Ccapi el 02/12/2026." in m05_qu and 'data-dc-aviso="revisado"' in m05_qu
    assert "Kamachiy yachaqwan qhawasqa: Abogada del consejo, 02/12/2026" in m05_qu
    assert f"Traducción revisada en parte ({percent} %)." in text("qu/modulos/m04-la-denuncia.html")
    assert "Traducción sin revisar." in text("qu/modulos/m06-los-delitos.html")


@pytest.mark.build
@pytest.mark.browser
def test_review_banner_fits_a_360px_phone(reviewed_site, browser, tmp_path):
    site, percent = reviewed_site
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        tab = context.new_page()
        for page, kind, words in (("m04-la-denuncia", "parcial", f"({percent} %)"), ("m05-medidas-de-proteccion", "revisado", "Defensora de Ccapi")):
            tab.goto((site / "qu" / "modulos" / f"{page}.html").as_uri())
            banner = tab.locator(f'[data-dc-aviso="{kind}"]')
            assert banner.is_visible() and words in banner.inner_text()
            box = banner.bounding_box()
            # Near the top and inside the screen: no sideways scrolling to read it
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["y"] < 400
            wide = tab.evaluate("""Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > 361 && !e.closest('nav'))
                .slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40))""")
            assert tab.evaluate("document.documentElement.scrollWidth") <= 360, wide
        tab.screenshot(path=str(tmp_path / "banner-360.png"))
    finally:
        context.close()


def test_revisar_lists_claims_to_fix_and_refuses_a_hand_typed_review(project_copy, tmp_path):
    from defensoria.checks import run_checks

    export = export_legal(tmp_path, project_copy, paper=False)
    book = load_workbook(export.xlsx)
    row = next(r for r in book["afirmaciones"].iter_rows(min_row=2) if r[1].value == "m03")
    row[7].value, row[8].value = "corregir", "Falta decir desde qué edad."
    book.save(tmp_path / "hecha.xlsx")
    import_file(tmp_path / "hecha.xlsx", "AB", DAY, project_copy)
    page = project_copy / "docs" / "modulos" / "m05-medidas-de-proteccion.md"
    page.write_text(page.read_text(encoding="utf-8").replace("  estado: pendiente", "  estado: revisado", 1), encoding="utf-8")
    problems = run_checks(project_copy, only=["revision"])
    messages = [(p.level, p.message) for p in problems]
    assert ("aviso", f"la abogada pidió corregir esta afirmación ({row[0].value}): Falta decir desde qué edad.") in messages
    assert any(level == "error" and p.path.name == page.name and "a mano" in message for (level, message), p in zip(messages, problems))


def test_revisar_names_the_file_and_line_of_a_broken_review_record(project_copy):
    from defensoria.checks import run_checks

    records = project_copy / "docs" / "_datos" / "revision"
    records.mkdir(parents=True, exist_ok=True)
    legal = records / "legal.yml"
    legal.write_text("afirmaciones:\n  L-0123456789:\n    decision: tal vez\n    por: AB\n    fecha: 2026-12-02\n"
                     "    huella: 0123456789ab\n", encoding="utf-8")
    [problem] = run_checks(project_copy, only=["revision"])
    assert (problem.path, problem.line, problem.level) == (legal, 3, "error")
    assert problem.message == "«L-0123456789», campo «decision»: valor no permitido (use «ok» o «corregir»)."
    legal.write_text("afirmaciones:\n  L-0123456789: [\n", encoding="utf-8")
    [problem] = run_checks(project_copy, only=["revision"])
    assert problem.line == 3 and problem.message.startswith("el archivo de revisiones no es YAML válido")


def test_a_corrected_quiz_string_is_written_back_into_the_bank(project_copy, tmp_path):
    import yaml

    bank = project_copy / "quizzes" / "m05.yml"
    before = yaml.safe_load(bank.read_text(encoding="utf-8"))
    export = export_quechua(tmp_path, "po", project_copy, pagina="quizzes/m05")
    po = polib.pofile(str(export.path))
    index = next(i for i, e in enumerate(po) if e.msgctxt == "quizzes/m05/preguntas/m05-que-es-medida/enunciado")
    approve_po(export.path, tmp_path / "hecho.po", edit={index: "¿Imataq amachana kamachiy? (medida de protección)"},
               keep_fuzzy=set(range(len(po))) - {index})
    result = import_file(tmp_path / "hecho.po", "DC", DAY, project_copy)
    assert (result.decisions, result.edited) == (1, 1)
    after = yaml.safe_load(bank.read_text(encoding="utf-8"))
    assert after["preguntas"][0]["enunciado"]["qu"] == "¿Imataq amachana kamachiy? (medida de protección)"
    before["preguntas"][0]["enunciado"]["qu"] = after["preguntas"][0]["enunciado"]["qu"]
    assert after == before


def test_program_strings_can_be_approved_but_not_edited_from_a_po(project_copy, tmp_path):
    export = export_quechua(tmp_path, "po", project_copy, pagina="programa")
    po = polib.pofile(str(export.path))
    assert export.segments > 50 and po[0].occurrences[0][0] == "scripts/defensoria/printing/strings.py"
    approve_po(export.path, tmp_path / "editado.po", edit={0: "Runasimi simi"}, keep_fuzzy=set(range(1, len(po))))
    with pytest.raises(ImportRejected, match="es un texto del programa; corríjalo a mano en strings.py"):
        import_file(tmp_path / "editado.po", "DC", DAY, project_copy)
    approve_po(export.path, tmp_path / "aprobado.po", keep_fuzzy=set(range(1, len(po))))
    assert import_file(tmp_path / "aprobado.po", "DC", DAY, project_copy).decisions == 1
    assert snapshot(project_copy).quechua("programa").reviewed == 1


def test_lawyer_pdf_is_a4_and_numbers_link_to_their_spreadsheet_rows(tmp_path):
    from pypdf import PdfReader

    from defensoria.revision.legal_export import write_pdf

    claims = all_claims(ROOT)[:6]
    pdf = write_pdf(claims, tmp_path / "revision-legal.pdf", ROOT)
    reader = PdfReader(pdf)
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "N.º 1" in text and claims[0].id in text and "corregir" in text
    links = [a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots", [])]
    assert links[:2] == ["revision-legal.xlsx#afirmaciones!A2", "revision-legal.xlsx#afirmaciones!A3"]
