"""Bringing decisions back: the lawyer's spreadsheet, an edited PO or XLIFF, or a CSV of
the segments ticked on paper. All or nothing per file: every problem is reported (in
Spanish, by line or row) and nothing is written unless the whole file is right.

- XLSX: a row with `decision` ok/corregir records it for that claim (`corregir` needs a
  comment). Rows left blank are skipped.
- PO: an entry without `fuzzy` is reviewed; a changed `msgstr` also updates the
  Quechua text (page, question bank or glossary) in place. An entry that was reviewed
  and comes back `fuzzy` withdraws the review.
- XLIFF: the same with approved="yes" / state.
- CSV (`numero;id;huella_es;huella_qu;castellano;revisado`): rows marked in `revisado`
  (x, sí, si, ok) are reviewed as they were printed.
"""

import csv
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from defensoria import paths
from defensoria.content.markdown import DEFINITION, HEADING, LIST_ITEM
from defensoria.errors import DefensoriaError
from defensoria.revision.claims import all_claims
from defensoria.revision.legal_export import COLUMNS, SHEET
from defensoria.revision.records import LegalDecision, SegmentDecision, load_records, normalise, save_records
from defensoria.revision.segments import Segment, all_segments

MARKS = {"x", "sí", "si", "ok", "✓", "1"}


class ImportRejected(DefensoriaError):
    """The file has problems; nothing was applied."""


@dataclass
class ImportResult:
    kind: str
    decisions: int = 0
    withdrawn: int = 0
    edited: int = 0
    files: list[Path] = field(default_factory=list)


def _reviewer(revisor: str, fecha: date) -> None:
    try:
        SegmentDecision(por=revisor, fecha=fecha, huella_es="0" * 12, huella_qu="0" * 12)
    except ValidationError as error:
        first = error.errors()[0]
        message = {"string_too_short": "el nombre es demasiado corto (al menos 2 letras)",
                   "string_too_long": "el nombre es demasiado largo (80 letras como máximo)"}.get(first["type"], first["msg"].removeprefix("Value error, "))
        raise DefensoriaError(f"--revisor: {message}.") from None


def _reject(path: Path, problems: list[str]) -> None:
    shown = problems[:30]
    more = f"\n… y {len(problems) - 30} problema(s) más." if len(problems) > 30 else ""
    raise ImportRejected(f"{path}: no se importó nada ({len(problems)} problema(s)):\n" + "\n".join(shown) + more)


def import_file(path: Path, revisor: str, fecha: date | None = None, root: Path | None = None) -> ImportResult:
    """Apply one filled file; raise ImportRejected (nothing written) on any problem."""
    root = root or paths.find_root()
    path = Path(path)
    fecha = fecha or date.today()
    _reviewer(revisor, fecha)
    if not path.is_file():
        raise DefensoriaError(f"no existe el archivo {path}.")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _import_xlsx(path, revisor, fecha, root)
    if suffix == ".po":
        return _import_segments(path, _read_po(path), revisor, fecha, root, "po")
    if suffix in (".xlf", ".xliff"):
        return _import_segments(path, _read_xliff(path), revisor, fecha, root, "xliff")
    if suffix == ".csv":
        return _import_segments(path, _read_csv(path, root), revisor, fecha, root, "csv")
    raise DefensoriaError(f"{path}: formato no reconocido; use .xlsx, .po, .xlf o .csv.")


# Legal claims --------------------------------------------------------------------------

def _import_xlsx(path: Path, revisor: str, fecha: date, root: Path) -> ImportResult:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise DefensoriaError(f"{path}: no se puede abrir como hoja de cálculo ({error}).") from None
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    book.close()
    if not rows or [str(c or "").strip() for c in rows[0][: len(COLUMNS)]] != list(COLUMNS):
        raise ImportRejected(f"{path}: fila 1: las columnas deben ser {', '.join(COLUMNS)} (use la hoja que exportó `defensoria revision legal`).")
    claims = {claim.id: claim for claim in all_claims(root)}
    records = load_records(root)
    problems: list[str] = []
    decisions: dict[str, LegalDecision] = {}
    for number, row in enumerate(rows[1:], start=2):
        values = dict(zip(COLUMNS, [("" if v is None else str(v)).strip() for v in row]))
        decision = values.get("decision", "").lower()
        if not any(values.values()) or not decision:
            continue
        ident = values["id"]
        claim = claims.get(ident)
        if claim is None:
            problems.append(f"fila {number}: la afirmación {ident or '(sin id)'} ya no existe: su texto o su cita cambió después de exportar. Exporte de nuevo.")
            continue
        if decision not in ("ok", "corregir"):
            problems.append(f"fila {number}: decisión «{values['decision']}» no válida; escriba ok o corregir.")
            continue
        if normalise(values.get("texto_de_la_norma", "")) != normalise(claim.texto_norma):
            problems.append(f"fila {number}: el texto de la norma cambió en normas.yml después de exportar. Exporte de nuevo.")
            continue
        if decision == "corregir" and not values.get("comentario"):
            problems.append(f"fila {number}: «corregir» necesita un comentario que diga qué cambiar.")
            continue
        if ident in decisions:
            problems.append(f"fila {number}: la afirmación {ident} aparece dos veces.")
            continue
        decisions[ident] = LegalDecision(decision=decision, por=revisor, fecha=fecha, huella=claim.huella,
                                         comentario=values.get("comentario", ""))
    if problems:
        _reject(path, problems)
    records.afirmaciones.update(decisions)
    files = save_records(records, root) if decisions else []
    return ImportResult("legal", decisions=len(decisions), files=files)


# Quechua segments ----------------------------------------------------------------------

@dataclass
class Entry:
    where: str          # "línea N" or "fila N"
    id: str
    es: str
    qu: str
    approved: bool
    printed: tuple[str, str] | None = None  # (huella_es, huella_qu) on paper


def _read_po(path: Path) -> list[Entry]:
    import polib

    try:
        po = polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError) as error:
        raise ImportRejected(f"{path}: no es un archivo PO válido ({error}).") from None
    return [Entry(f"línea {e.linenum}", e.msgctxt or "", e.msgid, e.msgstr, "fuzzy" not in e.flags)
            for e in po if not e.obsolete and e.msgid]


def _read_xliff(path: Path) -> list[Entry]:
    from translate.storage import xliff

    try:
        store = xliff.xlifffile.parsefile(str(path))
    except Exception as error:  # lxml syntax errors and the toolkit's own
        raise ImportRejected(f"{path}: no es un archivo XLIFF válido ({error}).") from None
    entries = []
    for unit in store.units:
        if unit.isheader():
            continue
        element = unit.xmlelement
        state = unit.get_state_n()
        approved = unit.isapproved() or state >= unit.S_FINAL
        entries.append(Entry(f"línea {element.sourceline}", element.get("id") or "", str(unit.source or ""),
                             str(unit.target or ""), approved))
    return entries


def _read_csv(path: Path, root: Path) -> list[Entry]:
    entries = []
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            sample = stream.read(2048)
            stream.seek(0)
            dialect = csv.Sniffer().sniff(sample, delimiters=";,\t") if sample.strip() else csv.excel
            reader = csv.DictReader(stream, dialect=dialect)
            required = {"numero", "id", "huella_es", "huella_qu", "revisado"}
            if not required <= set(reader.fieldnames or []):
                raise ImportRejected(f"{path}: fila 1: faltan columnas ({', '.join(sorted(required - set(reader.fieldnames or [])))}). Use el archivo {path.name} que exportó `defensoria revision quechua --formato pdf`.")
            for number, row in enumerate(reader, start=2):
                mark = (row.get("revisado") or "").strip().lower()
                if mark in MARKS:
                    entries.append(Entry(f"fila {number}", (row.get("id") or "").strip(), "", "", True,
                                         ((row.get("huella_es") or "").strip(), (row.get("huella_qu") or "").strip())))
                elif mark:
                    entries.append(Entry(f"fila {number}", (row.get("id") or "").strip(), "", "", False, ("?", mark)))
    except (UnicodeDecodeError, csv.Error) as error:
        raise ImportRejected(f"{path}: no se puede leer como CSV UTF-8 ({error}).") from None
    return entries


def _import_segments(path: Path, entries: list[Entry], revisor: str, fecha: date, root: Path, kind: str) -> ImportResult:
    segments = {segment.id: segment for segment in all_segments(root)}
    records = load_records(root)
    problems: list[str] = []
    edits: dict[str, tuple[Segment, str]] = {}
    approve: list[str] = []
    withdraw: list[str] = []
    seen: set[str] = set()
    for entry in entries:
        segment = segments.get(entry.id)
        if segment is None:
            problems.append(f"{entry.where}: el segmento «{entry.id}» ya no existe (la página cambió). Exporte de nuevo.")
            continue
        if entry.id in seen:
            problems.append(f"{entry.where}: el segmento «{entry.id}» aparece dos veces.")
            continue
        seen.add(entry.id)
        if entry.printed is not None:  # paper
            if entry.printed[0] == "?":
                problems.append(f"{entry.where}: marca «{entry.printed[1]}» no válida; escriba x o sí, o deje vacío.")
            elif entry.printed != (segment.es_hash, segment.qu_hash):
                problems.append(f"{entry.where}: el texto de «{entry.id}» cambió después de imprimir. Imprima de nuevo esa página.")
            else:
                approve.append(entry.id)
            continue
        if normalise(entry.es) != segment.es:
            problems.append(f"{entry.where}: el castellano de «{entry.id}» cambió después de exportar. Exporte de nuevo.")
            continue
        new = normalise(entry.qu)
        if not new and new == segment.qu and not entry.approved:
            continue  # not translated yet, and left as it was
        if not new:
            problems.append(f"{entry.where}: la traducción de «{entry.id}» está vacía.")
            continue
        if new != segment.qu:
            if segment.kind == "programa":
                problems.append(f"{entry.where}: «{entry.id}» es un texto del programa; corríjalo a mano en {segment.qu_file.name} (línea {segment.qu_line}) y apruébelo sin cambiarlo aquí.")
                continue
            if segment.kind in ("table-row",) and not new.startswith("|"):
                problems.append(f"{entry.where}: una fila de tabla debe empezar con «|».")
                continue
            edits[entry.id] = (segment, new)
            approve.append(entry.id)
        elif entry.approved:
            approve.append(entry.id)
        elif entry.id in records.segmentos:
            withdraw.append(entry.id)
    if problems:
        _reject(path, problems)
    written = _apply_edits(list(edits.values()), root) if edits else []
    try:
        current = {segment.id: segment for segment in all_segments(root)} if edits else segments
        for ident in approve:
            segment = current[ident]
            expected = edits[ident][1] if ident in edits else segment.qu
            if segment.qu != expected:
                raise ImportRejected(f"{path}: no se pudo escribir la traducción de «{ident}» en {segment.qu_file}; no se importó nada.")
            records.segmentos[ident] = SegmentDecision(por=revisor, fecha=fecha, huella_es=segment.es_hash, huella_qu=segment.qu_hash)
        for ident in withdraw:
            records.segmentos.pop(ident, None)
        files = save_records(records, root) if (approve or withdraw) else []
    except BaseException:
        _restore(written)
        raise
    return ImportResult(kind, decisions=len(approve), withdrawn=len(withdraw), edited=len(edits),
                        files=[path for path, _ in written] + files)


def _apply_edits(edits: list[tuple[Segment, str]], root: Path) -> list[tuple[Path, str]]:
    """Write every edited translation; return (file, original text) to restore on failure."""
    by_file: dict[Path, list[tuple[Segment, str]]] = {}
    for segment, new in edits:
        by_file.setdefault(segment.qu_file, []).append((segment, new))
    originals: list[tuple[Path, str]] = []
    try:
        for path, items in by_file.items():
            text = path.read_text(encoding="utf-8")
            if items[0][0].kind == "cadena":
                new_text = _edit_yaml(text, items)
            else:
                new_text = _edit_page(text, items)
            originals.append((path, text))
            _write(path, new_text)
    except BaseException:
        _restore(originals)
        raise
    return originals


def _write(path: Path, text: str) -> None:
    from defensoria.files import write_atomic

    write_atomic(path, text)


def _restore(originals: list[tuple[Path, str]]) -> None:
    for path, text in originals:
        _write(path, text)


def _edit_yaml(text: str, items: list[tuple[Segment, str]]) -> str:
    """Replace each Quechua scalar by a double-quoted YAML string (JSON is valid YAML)."""
    for segment, new in sorted(items, key=lambda item: item[0].qu_span[0], reverse=True):
        start, end = segment.qu_span
        old = text[start:end]
        replacement = json.dumps(new, ensure_ascii=False)
        if old.endswith("\n"):
            replacement += "\n"
        text = text[:start] + replacement + text[end:]
    return text


def _edit_page(text: str, items: list[tuple[Segment, str]]) -> str:
    """Replace each Quechua block's lines, keeping its marker and indentation."""
    lines = text.split("\n")
    for segment, new in sorted(items, key=lambda item: item[0].qu_line, reverse=True):
        first = lines[segment.qu_line - 1]
        indent = first[: len(first) - len(first.lstrip())]
        if segment.kind == "heading":
            hashes = HEADING.match(first.strip()).group("hashes")
            replacement = f"{indent}{hashes} {new}"
        elif segment.kind in ("item", "definition"):
            item = (LIST_ITEM if segment.kind == "item" else DEFINITION).match(first)
            prefix = first[: item.start("text")] if item else indent
            replacement = f"{prefix}{new}"
        elif segment.kind == "admonition-title":
            head = first[: first.index('"')] if '"' in first else first.rstrip() + " "
            escaped = new.replace('"', '\\"')
            replacement = f'{head}"{escaped}"'
        else:
            replacement = f"{indent}{new}"
        lines[segment.qu_line - 1 : segment.qu_end] = [replacement]
    return "\n".join(lines)

