"""Print's PDFs: HTML → PDF through defensoria.outputs; A5 booklets imposed on A4 sheets."""

import io
from pathlib import Path

from defensoria import outputs
from defensoria.errors import DefensoriaError

# A4 and A5 in PostScript points
A4 = (595.28, 841.89)
A5 = (419.53, 595.28)


def html_to_pdf(html: str, base: Path, *, title: str = "", language: str = "es", refused: list[str] | None = None) -> bytes:
    """Render HTML to PDF bytes (defensoria.outputs: offline, fonts embedded, fixed dates)."""
    return outputs.html_to_pdf(html, base, title=title, language=language, refused=refused, identifier=b"defensoria-impresos", fonts=False)


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def impose_booklet(pdf: bytes) -> bytes:
    """A5 pages → A4 landscape sheets in booklet order: print both sides, fold in half.

    Pages are padded to a multiple of four with blank pages before the last one (the back
    cover stays at the back). Sheet k holds pages (n-2k, 2k+1) on its front and
    (2k+2, n-2k-1) on its back, 1-based, so the folded stack reads 1, 2, … n.
    """
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    pages = list(PdfReader(io.BytesIO(pdf)).pages)
    # A5 is 148 mm wide, half an A4 sheet 148.5 mm: centre each page in its half
    sheet_width, height = A4[1], A4[0]
    half = sheet_width / 2
    margin = (half - A5[0]) / 2
    if not pages:
        raise DefensoriaError("el folleto A5 no tiene páginas.")
    blanks = (-len(pages)) % 4
    ordered: list = pages[:-1] + [None] * blanks + pages[-1:] if len(pages) > 1 else pages + [None] * blanks
    n = len(ordered)
    writer = PdfWriter()
    for sheet in range(n // 4):
        for left, right in ((n - 2 * sheet, 2 * sheet + 1), (2 * sheet + 2, n - 2 * sheet - 1)):
            side = PageObject.create_blank_page(width=sheet_width, height=height)
            for position, number in enumerate((left, right)):
                page = ordered[number - 1]
                if page is not None:
                    side.merge_transformed_page(page, Transformation().translate(position * half + margin, 0))
            writer.add_page(side)
    writer.add_metadata({"/Producer": "defensoria (WeasyPrint, pypdf)", "/CreationDate": "D:20000101000000Z"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def merge_pdfs(parts: list[bytes]) -> bytes:
    """One PDF from several, in order (the trainer's pack bundles the handouts)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


