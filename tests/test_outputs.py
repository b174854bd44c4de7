"""One way to write PDFs and zips: offline, fonts embedded, the same bytes every time."""

import io
import zipfile

from pypdf import PdfReader

from defensoria.outputs import ZIP_DATE, html_to_pdf, reproducible_zip, zip_bytes
from defensoria.quiz.printing import html_to_pdf as quiz_pdf

HTML = ('<html><body style="font-family: \'DejaVu Sans\'"><p>Ñawpaq willakuy: ch\'aki, q\'ala.</p>'
        '<img src="https://example.org/rastreo.png"></body></html>')


def embedded_fonts(pdf: bytes) -> set[str]:
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            # A Type0 font keeps its descriptor in its descendant font
            for part in [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]:
                descriptor = part.get("/FontDescriptor")
                if descriptor and any(key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    fonts.add(str(font["/BaseFont"]))
    return fonts


def test_pdf_refuses_the_network_embeds_its_fonts_and_is_reproducible(tmp_path):
    refused = []
    first = html_to_pdf(HTML, tmp_path, refused=refused)
    assert refused == ["https://example.org/rastreo.png"]
    assert any("DejaVu" in name for name in embedded_fonts(first))
    assert html_to_pdf(HTML, tmp_path) == first


def test_quiz_pdfs_go_through_the_same_guard(tmp_path):
    pdf = quiz_pdf(HTML, tmp_path)
    assert b"example.org" not in pdf and any("DejaVu" in name for name in embedded_fonts(pdf))


def test_zips_carry_one_fixed_date():
    data = zip_bytes([("b.txt", b"2"), ("a.txt", b"1")])
    assert data == zip_bytes([("b.txt", b"2"), ("a.txt", b"1")])
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist() == ["b.txt", "a.txt"]
    assert {info.date_time for info in archive.infolist()} == {ZIP_DATE}
    repacked = zipfile.ZipFile(io.BytesIO(reproducible_zip(data)))
    assert {info.date_time for info in repacked.infolist()} == {ZIP_DATE} and repacked.read("a.txt") == b"1"
