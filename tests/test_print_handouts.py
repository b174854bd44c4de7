"""Handouts: one A4 page in two languages, key points from the page, fonts, QR, offline."""

import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from defensoria.catalog import get_module
from defensoria.errors import SourceError
from defensoria.pages import read_page
from defensoria.printing.handouts import handout_pdf
from defensoria.printing.model import MissingTranslation, extract_key_points, load_handout
from defensoria.printing.pdf import A4
from print_fixtures import MODULE, REAL_URL, decode_qr_codes, font_sizes, print_project, with_real_address  # noqa: F401


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture(scope="module")
def handout(print_project):
    return load_handout(get_module(MODULE, print_project), print_project)


@pytest.fixture(scope="module")
def bilingual(print_project, handout, tmp_path_factory):
    refused: list[str] = []
    path = tmp_path_factory.mktemp("hoja") / "m04-bilingue-a4.pdf"
    path.write_bytes(handout_pdf(handout, "bilingue", "a4", print_project, refused=refused))
    return path, refused


def test_bilingual_handout_is_exactly_one_a4_page(bilingual):
    reader = PdfReader(bilingual[0])
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(A4[0]), round(A4[1]))


def test_text_is_extractable_with_hotline_and_both_languages(bilingual, handout):
    text = " ".join(PdfReader(bilingual[0]).pages[0].extract_text().split())
    assert "100" in text and "Línea" in text
    # The first key point of each language, as written on its page, is on the sheet
    for language in ("es", "qu"):
        first = plain(handout.sides[language].key_points.html).split(".")[0]
        assert " ".join(first.split()[:4]) in text, language
    # ñ and the apostrophe of ejectives survive (Quechua labels of the sheet)
    assert "huñunakuypaq" in text and "p'anqa" in text


def test_key_points_are_printed_at_12_points_or_more(bilingual, handout):
    points = " ".join(plain(handout.sides[lang].key_points.html) for lang in ("es", "qu"))
    sizes = [size for size, text in font_sizes(bilingual[0]) if len(text) > 8 and text in points]
    assert len(sizes) >= 10
    assert min(sizes) >= 12


def test_fonts_are_embedded(bilingual):
    reader = PdfReader(bilingual[0])
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        descendant = ref.get_object()["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), descriptor["/FontName"]
    if shutil.which("pdffonts"):
        rows = subprocess.run(["pdffonts", str(bilingual[0])], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), rows


def test_qr_codes_encode_the_module_pages(bilingual, handout, tmp_path):
    module = handout.module
    expected = {REAL_URL + module.url(lang) for lang in ("es", "qu")}
    assert {side.qr.payload for side in handout.sides.values()} == expected
    assert decode_qr_codes(bilingual[0], tmp_path) == expected


def test_nothing_is_fetched_and_no_link_leaves_the_pdf(bilingual):
    path, refused = bilingual
    assert refused == []
    page = PdfReader(path).pages[0]
    annotations = [a.get_object() for a in page.get("/Annots", [])]
    assert not [a for a in annotations if "/A" in a and a["/A"].get("/S") in ("/URI", "/Launch", "/JavaScript")]


def test_citations_and_legal_review_are_on_the_sheet(bilingual, handout):
    text = " ".join(PdfReader(bilingual[0]).pages[0].extract_text().split())
    assert "Ley 30364, arts." in text
    # Computed from the review records: nobody has reviewed the real content
    assert "Revisión legal: pendiente (0 de" in text


def test_a5_booklet_is_imposed_on_a4_landscape_sheets(print_project, handout, tmp_path):
    pdf = tmp_path / "folleto.pdf"
    pdf.write_bytes(handout_pdf(handout, "bilingue", "a5", print_project))
    pages = PdfReader(pdf).pages
    assert len(pages) % 2 == 0
    for page in pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (round(A4[1]), round(A4[0]))


def test_key_points_come_from_the_page_not_a_copy(print_project, tmp_path):
    page = get_module(MODULE, print_project).page_path("es")
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(original.replace("    - ", "    - Punto cambiado en la página. ", 1), encoding="utf-8")
        points = extract_key_points(read_page(page), print_project)
        assert "Punto cambiado en la página." in points.html
    finally:
        page.write_text(original, encoding="utf-8")


def test_page_without_key_points_names_file_and_line(print_project, tmp_path):
    broken = print_project / "docs" / "modulos" / "m99-sin-puntos.md"
    broken.write_text("---\ntitle: x\n---\n\n# x\n\nTexto.\n\n## Para pensar\n\nPregunta.\n", encoding="utf-8")
    try:
        with pytest.raises(SourceError) as error:
            extract_key_points(read_page(broken), print_project)
        assert "m99-sin-puntos.md:9:" in str(error.value.format_message())
        assert "puntos clave" in error.value.format_message()
    finally:
        broken.unlink()


def test_module_without_quechua_has_no_bilingual_handout(print_project):
    page = get_module(MODULE, print_project).page_path("qu")
    saved = page.read_bytes()
    page.unlink()
    try:
        handout = load_handout(get_module(MODULE, print_project), print_project)
        assert handout.languages == ["es"]
        with pytest.raises(MissingTranslation, match="aún no tiene página en quechua"):
            handout_pdf(handout, "bilingue", "a4", print_project)
    finally:
        page.write_bytes(saved)


def test_an_example_address_prints_no_qr_code_and_no_address(print_project, tmp_path):
    project = tmp_path / "proyecto"
    shutil.copytree(print_project, project)
    with_real_address(project, "https://defensorias-cusco.example.org/")
    handout = load_handout(get_module(MODULE, project), project)
    assert all(side.qr is None and side.url is None for side in handout.sides.values())
    pdf = tmp_path / "hoja.pdf"
    pdf.write_bytes(handout_pdf(handout, "bilingue", "a4", project))
    text = PdfReader(pdf).pages[0].extract_text()
    assert "example" not in text and "Línea" in text
    decoded = decode_qr_codes(pdf, tmp_path)
    assert not decoded


def test_the_print_footer_of_a_page_leaves_out_an_example_address():
    from defensoria.printing.plugin import print_footer

    footer = print_footer("https://defensorias-cusco.example.org/", "modulos/m04-la-denuncia.html", "es")
    assert "example" not in footer and "<svg" not in footer and "Línea 100" in footer
    footer = print_footer(REAL_URL, "modulos/m04-la-denuncia.html", "es")
    assert f"{REAL_URL}modulos/m04-la-denuncia.html" in footer and "<svg" in footer
