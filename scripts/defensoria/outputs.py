"""Every PDF, zip, CSV and XLSX the tools write, made one way: offline, with embedded
fonts, byte-reproducible, safe to open in a spreadsheet.

- PDF: WeasyPrint with a URL fetcher that only reads data: and file: URLs (a stray
  remote image or stylesheet is refused and recorded, never fetched); the DejaVu fonts
  named by file in @font-face rules (also under the name "DejaVu Sans" that templates
  use), so no PDF depends on fontconfig or the network; fixed metadata dates
  (SOURCE_DATE_EPOCH when set).
- Zip (QTI packages, XLSX files, the site for a USB stick): entries sorted by the caller,
  one fixed date, fixed permissions.
- CSV for spreadsheets: what Excel in Spanish (Peru) opens right by double-click: ';'
  between cells, UTF-8 with a BOM (without it accents come out garbled), CRLF lines.
- XLSX: openpyxl workbooks saved with fixed dates; `table_workbook` makes the plain one
  sheet table (bold header, frozen first row, drop-downs, notes) most outputs are.
Text cells that a spreadsheet would run as a formula get a leading ' in both (CSV/XLSX
injection: tracker data comes from people's own spreadsheets).
Writing is atomic (a temporary file renamed when complete, owner-only: some of these
files hold personal data), through defensoria.files.write_atomic.
"""

import csv
import io
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from defensoria.files import write_atomic
from defensoria.printing.fonts import FAMILY, font_files

FIXED_DATE = "2000-01-01T00:00:00Z"
# Every zip entry carries this date (the earliest a zip can hold), so bytes never follow the clock
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# The family names our templates use; both resolve to the embedded files
FONT_FAMILIES = (FAMILY, "DejaVu Sans")
# Excel in Spanish splits CSV on ';' (',' is the decimal separator)
CSV_DELIMITER = ";"
# Characters that make spreadsheets run a formula (CSV/XLSX injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def build_date() -> str:
    """ISO date of PDF metadata: SOURCE_DATE_EPOCH (reproducible builds) or a fixed date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return FIXED_DATE


def offline_fetcher(refused: list[str] | None = None):
    """A WeasyPrint URL fetcher for data: and file: only; refused URLs go to `refused`."""

    def refuse(url: str):
        if refused is not None:
            refused.append(url)
        raise ValueError(f"recurso externo bloqueado: {url}")

    try:
        from weasyprint.urls import URLFetcher  # WeasyPrint 66 and later
    except ImportError:
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args, **kwargs):
            if not url.startswith(("data:", "file:")):
                refuse(url)
            return default_url_fetcher(url, *args, **kwargs)

        return fetch

    class OfflineFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(("data:", "file:")):
                refuse(url)
            return super().fetch(url, headers)

    return OfflineFetcher(allowed_protocols={"data", "file"})


def font_face_css() -> str:
    """@font-face rules naming the DejaVu files under every family our templates use."""
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: normal; '
        f'src: url("{path.resolve().as_uri()}"); }}'
        for family in FONT_FAMILIES for weight, path in font_files().items())


def html_to_pdf(html: str, base: Path, *, title: str = "", language: str = "es", refused: list[str] | None = None,
                identifier: bytes = b"defensoria", fonts: bool = True) -> bytes:
    """Render HTML to PDF bytes; relative URLs resolve against the folder `base`.

    fonts=False when the document's own CSS already names the font files (print's
    handouts and manuals lay out to the point with theirs).
    """
    from weasyprint import CSS, HTML

    fetcher = offline_fetcher(refused)
    stylesheets = [CSS(string=font_face_css(), url_fetcher=fetcher)] if fonts else []
    document = HTML(string=html, base_url=str(Path(base).resolve()) + "/", url_fetcher=fetcher).render(stylesheets=stylesheets)
    document.metadata.created = build_date()
    document.metadata.modified = build_date()
    if title:
        document.metadata.title = title
    document.metadata.lang = language
    return document.write_pdf(pdf_identifier=identifier)


def zip_bytes(entries: Iterable[tuple[str, bytes]], mode: int = 0o644, level: int | None = None) -> bytes:
    """A zip of (name, content) entries in the given order, each with ZIP_DATE."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in entries:
            entry = zipfile.ZipInfo(name, ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = mode << 16
            archive.writestr(entry, content, compresslevel=level)
    return buffer.getvalue()


def reproducible_zip(data: bytes, mode: int = 0o600) -> bytes:
    """Re-pack a zip another library wrote (openpyxl's XLSX) with fixed dates, also inside
    docProps/core.xml, so that its bytes do not depend on the clock."""
    source = zipfile.ZipFile(io.BytesIO(data))

    def entries():
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", FIXED_DATE.encode(), content)
            yield info.filename, content

    return zip_bytes(entries(), mode)


# Spreadsheets -----------------------------------------------------------------------

def neutralize(value):
    """A cell safe to open in a spreadsheet: text starting with = + - @ gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(header: Sequence, rows: Iterable[Sequence], delimiter: str = CSV_DELIMITER) -> bytes:
    """A CSV Excel in Spanish opens with accents intact: BOM, UTF-8, `delimiter`, CRLF."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralize(cell) for cell in header])
    writer.writerows([neutralize(cell) for cell in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_csv(target: Path | str, header: Sequence, rows: Iterable[Sequence], delimiter: str = CSV_DELIMITER) -> Path:
    """csv_bytes written atomically to `target` (owner-only)."""
    return write_atomic(target, csv_bytes(header, rows, delimiter))


def xlsx_bytes(book) -> bytes:
    """An openpyxl Workbook as XLSX bytes that do not depend on the clock."""
    buffer = io.BytesIO()
    book.save(buffer)
    return reproducible_zip(buffer.getvalue())


def write_xlsx(target: Path | str, book) -> Path:
    """xlsx_bytes written atomically to `target` (owner-only)."""
    return write_atomic(target, xlsx_bytes(book))


def table_workbook(header: Sequence, rows: Iterable[Sequence], *, title: str = "Hoja", freeze: str = "A2",
                   widths: Sequence[int] | None = None, choices: dict[int, Sequence[str]] | None = None,
                   notes: Sequence[str] = ()):
    """One sheet, bold header, panes frozen at `freeze`; numbers stay numbers, text is
    neutralised and never read as a formula. `choices` maps a column index to the
    values offered in a drop-down (other text is still allowed: importers check it);
    `notes` go to a second sheet, "Notas"."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([neutralize(cell) for cell in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralize(cell) for cell in row])
    for cell_row in sheet.iter_rows(min_row=2):
        for cell in cell_row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
    sheet.freeze_panes = freeze
    for column, values in (choices or {}).items():
        from openpyxl.worksheet.datavalidation import DataValidation

        letter = sheet.cell(row=1, column=column + 1).column_letter
        offer = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True, showErrorMessage=False)
        offer.add(f"{letter}2:{letter}{max(sheet.max_row, 2) + 200}")
        sheet.add_data_validation(offer)
    for index, width in enumerate(widths or (), start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    if notes:
        info = book.create_sheet("Notas")
        for note in notes:
            info.append([neutralize(note)])
    return book
