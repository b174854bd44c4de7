"""HTML → PDF with WeasyPrint, offline; atomic writes; A5 booklets imposed on A4 sheets.

- Only data: and file: URLs are fetched; any other URL is refused and recorded, so a
  stray remote image or stylesheet cannot slip into a PDF.
- Metadata dates are fixed (SOURCE_DATE_EPOCH when set), so the same sources give the
  same bytes.
- Files are written to a temporary file in the target folder, then renamed.
"""

import io
import os
from datetime import datetime, timezone
from pathlib import Path

from defensoria.errors import DefensoriaError
from defensoria.files import write_atomic  # noqa: F401  (printing modules import it from here)

# A4 and A5 in PostScript points
A4 = (595.28, 841.89)
A5 = (419.53, 595.28)
FIXED_DATE = "2000-01-01T00:00:00Z"


def build_date() -> str:
    """ISO date of the metadata: SOURCE_DATE_EPOCH (reproducible builds) or a fixed date."""
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


def html_to_pdf(html: str, base: Path, *, title: str = "", language: str = "es", refused: list[str] | None = None) -> bytes:
    """Render HTML to PDF bytes; relative URLs resolve against the folder `base`."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(Path(base).resolve()) + "/", url_fetcher=offline_fetcher(refused)).render()
    document.metadata.created = build_date()
    document.metadata.modified = build_date()
    if title:
        document.metadata.title = title
    document.metadata.lang = language
    return document.write_pdf(pdf_identifier=b"defensoria-impresos")


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


