"""One way to write PDFs, zips, CSV and XLSX: offline, fonts embedded, the same bytes
every time, safe to open in a spreadsheet."""

import ast
import io
import os
import time
import zipfile
from pathlib import Path

from pypdf import PdfReader

from defensoria.outputs import ZIP_DATE, csv_bytes, html_to_pdf, reproducible_zip, table_workbook, write_csv, write_xlsx, xlsx_bytes, zip_bytes
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


def test_csv_opens_in_spanish_excel_and_runs_no_formula(tmp_path):
    data = csv_bytes(["nombre", "nota"], [["Ñusta Huamán", 12.5], ["=HYPERLINK(\"x\")", "-3"]])
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel keeps the accents
    assert data.decode("utf-8-sig") == 'nombre;nota\r\nÑusta Huamán;12.5\r\n"\'=HYPERLINK(""x"")";\'-3\r\n'
    target = write_csv(tmp_path / "a" / "tabla.csv", ["x"], [["1"]], delimiter=",")
    assert target.read_bytes() == "\ufeffx\r\n1\r\n".encode("utf-8")
    assert os.stat(target).st_mode & 0o777 == 0o600  # may hold personal data
    assert [p.name for p in target.parent.iterdir()] == ["tabla.csv"]  # nothing half-written left


def test_xlsx_bytes_do_not_follow_the_clock(tmp_path):
    from openpyxl import load_workbook

    first = xlsx_bytes(table_workbook(["a", "b"], [["=1+1", 2]], title="Hoja", notes=["nota"]))
    time.sleep(1.1)
    assert xlsx_bytes(table_workbook(["a", "b"], [["=1+1", 2]], title="Hoja", notes=["nota"])) == first
    target = write_xlsx(tmp_path / "t.xlsx", table_workbook(["a"], [["+51 984"]], freeze="B2"))
    sheet = load_workbook(target).active
    assert sheet["A2"].value == "'+51 984" and sheet["A2"].data_type == "s" and sheet.freeze_panes == "B2"


def test_csv_and_xlsx_are_written_only_by_outputs():
    """One place owns the format (delimiter, BOM, formula guard, fixed dates, atomic write)."""
    package = Path(__file__).resolve().parents[1] / "scripts" / "defensoria"
    for path in package.rglob("*.py"):
        if path.name == "outputs.py" and path.parent == package:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                assert not (node.attr in {"writer", "DictWriter"} and isinstance(node.value, ast.Name) and node.value.id == "csv"), path
                assert node.attr != "save", (path, node.lineno)  # openpyxl's Workbook.save
