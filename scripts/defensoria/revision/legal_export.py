"""What the lawyer receives: revision-legal.xlsx (one row per claim) and
revision-legal.pdf (the same by module, A4, a box to tick and room to write).

The claim number printed on paper is its row in the spreadsheet minus one (row 1 holds
the headers), and links to that row.
"""

from collections import defaultdict
from dataclasses import dataclass
from html import escape
from pathlib import Path

from defensoria import outputs, paths
from defensoria.files import write_atomic
from defensoria.revision.claims import Claim, all_claims
from defensoria.revision.records import load_records

XLSX_NAME = "revision-legal.xlsx"
PDF_NAME = "revision-legal.pdf"
SHEET = "afirmaciones"
COLUMNS = ("id", "modulo", "archivo", "linea", "afirmacion", "cita", "texto_de_la_norma", "decision", "comentario")
NO_TEXT = "(normas.yml no tiene el texto literal: compárelo con la norma oficial)"
DECISIONS = ("ok", "corregir")


@dataclass(frozen=True)
class LegalExport:
    xlsx: Path
    pdf: Path | None
    claims: int


def _relative(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def write_xlsx(claims: list[Claim], target: Path, root: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    records = load_records(root)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(COLUMNS)
    missing = PatternFill("solid", start_color="FFF2CC")
    for claim in claims:
        decision = records.afirmaciones.get(claim.id)
        current = decision if decision and decision.huella == claim.huella else None
        sheet.append([
            claim.id, claim.modulo, _relative(claim.archivo, root), claim.linea, claim.afirmacion, claim.cita,
            claim.texto_norma, current.decision if current else "", current.comentario if current else "",
        ])
        if not claim.texto_norma:
            cell = sheet.cell(row=sheet.max_row, column=COLUMNS.index("texto_de_la_norma") + 1)
            cell.fill = missing
            cell.comment = Comment(NO_TEXT, "defensoria")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = {"id": 14, "modulo": 9, "archivo": 30, "linea": 7, "afirmacion": 70, "cita": 22, "texto_de_la_norma": 60, "decision": 11, "comentario": 40}
    for index, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = widths[name]
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    rule = DataValidation(type="list", formula1='"ok,corregir"', allow_blank=True,
                          errorTitle="Decisión", error="Escriba ok o corregir.")
    letter = sheet.cell(row=1, column=COLUMNS.index("decision") + 1).column_letter
    rule.add(f"{letter}2:{letter}{max(sheet.max_row, 2)}")
    sheet.add_data_validation(rule)
    sheet.freeze_panes = "B2"
    return outputs.write_xlsx(target, book)


CSS = """
@page { size: A4; margin: 14mm 14mm 16mm;
  @bottom-center { content: "Revisión legal · página " counter(page) " de " counter(pages); font-family: "DejaVu Sans", sans-serif; font-size: 9pt; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.35; color: #000; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13.5pt; margin: 6mm 0 2mm; border-bottom: 1.5pt solid #000; break-after: avoid; }
p.intro { margin: 0 0 3mm; }
.claim { border: 1pt solid #000; padding: 2.5mm 3mm; margin: 0 0 3mm; break-inside: avoid; }
/* a float, not flex: WeasyPrint lays out the 200-page document twice as fast */
.claim .head { font-size: 9pt; }
.claim .head span { float: right; }
.claim .number { font-weight: bold; font-size: 11pt; text-decoration: none; color: #000; }
.claim .text { margin: 1.5mm 0; font-size: 11pt; }
.claim .law { margin: 1mm 0; padding-left: 3mm; border-left: 2pt solid #666; font-size: 9.5pt; }
.claim .law.missing { font-style: italic; }
.boxes { margin-top: 2mm; font-size: 10.5pt; }
.box { display: inline-block; width: 4.5mm; height: 4.5mm; border: 1.2pt solid #000; vertical-align: -1mm; margin: 0 1.5mm 0 0; }
.write { border-bottom: .8pt dotted #000; height: 7mm; }
"""


def render_html(claims: list[Claim], root: Path) -> str:
    by_module: dict[str, list[tuple[int, Claim]]] = defaultdict(list)
    for number, claim in enumerate(claims, start=1):
        by_module[claim.modulo].append((number, claim))
    parts = [
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Revisión legal</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>Revisión legal de las afirmaciones</h1>",
        "<p class='intro'>Cada recuadro es una afirmación del sitio con la norma que cita. Marque <b>ok</b> si es "
        "correcta o <b>corregir</b> y escriba qué cambiar. El número es la fila de la hoja de cálculo "
        f"<b>{XLSX_NAME}</b> (número + 1).</p>",
    ]
    for modulo, items in by_module.items():
        title = f"Módulo {int(modulo[1:])} ({modulo})" if modulo.startswith("m") and modulo[1:].isdigit() else modulo.capitalize()
        parts.append(f"<h2>{escape(title)}</h2>")
        for number, claim in items:
            law = (f"<p class='law'>{escape(claim.texto_norma)}</p>" if claim.texto_norma
                   else f"<p class='law missing'>{escape(NO_TEXT)}</p>")
            parts.append(
                "<div class='claim'>"
                f"<div class='head'><span>{escape(claim.id)} · {escape(_relative(claim.archivo, root))}:{claim.linea}</span>"
                f"<a class='number' href='{XLSX_NAME}#{SHEET}!A{number + 1}'>N.º {number}</a></div>"
                f"<p class='text'>{escape(claim.afirmacion)}</p>"
                f"<p class='law'><b>{escape(claim.cita)}</b></p>{law}"
                "<div class='boxes'><span class='box'></span>ok &nbsp;&nbsp; <span class='box'></span>corregir: </div>"
                "<div class='write'></div><div class='write'></div>"
                "</div>"
            )
    parts.append("</body></html>")
    return "".join(parts)


def write_pdf(claims: list[Claim], target: Path, root: Path) -> Path:
    from defensoria.printing.pdf import html_to_pdf

    refused: list[str] = []
    pdf = html_to_pdf(render_html(claims, root), target.parent, title="Revisión legal", language="es", refused=refused)
    pdf = _relative_links(pdf, target.parent)
    return write_atomic(target, pdf)


def _relative_links(pdf: bytes, folder: Path) -> bytes:
    """WeasyPrint makes links absolute (file:///…/revision-legal.xlsx); keep them relative,
    so they work wherever the lawyer opens both files side by side."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    prefix = Path(folder).resolve().as_uri() + "/"
    for page in writer.pages:
        for annotation in page.get("/Annots", []) or []:
            action = annotation.get_object().get("/A")
            if action is not None and str(action.get("/URI", "")).startswith(prefix):
                action[NameObject("/URI")] = TextStringObject(str(action["/URI"])[len(prefix):])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def export_legal(out_dir: Path, root: Path | None = None, paper: bool = True) -> LegalExport:
    """Write the spreadsheet and (unless `paper` is False) the paper version of every
    legal claim into `out_dir`."""
    root = root or paths.find_root()
    claims = all_claims(root)
    out_dir = Path(out_dir)
    xlsx = write_xlsx(claims, out_dir / XLSX_NAME, root)
    pdf = write_pdf(claims, out_dir / PDF_NAME, root) if paper else None
    return LegalExport(xlsx, pdf, len(claims))
