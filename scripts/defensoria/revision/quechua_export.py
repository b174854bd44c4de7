"""What Quechua reviewers receive: PO (Poedit, OmegaT, Weblate), XLIFF 1.2 (CAT tools)
and a paper packet (A4 landscape, two columns, numbered, large type, a box per segment).

PO: `msgctxt` is the segment id, `#:` the Spanish and Quechua file:line, `fuzzy` on
every segment not reviewed yet (a reviewer removes it to approve). XLIFF: the same, with
approved="yes" and state="signed-off" for reviewed segments. Written with polib and
translate-toolkit, not by hand.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from html import escape
from pathlib import Path

from defensoria import outputs, paths
from defensoria.files import write_atomic
from defensoria.revision.claims import EMPHASIS
from defensoria.revision.records import Records, load_records, normalise
from defensoria.revision.segments import Segment, all_segments

PO_NAME = "revision-quechua.po"
XLIFF_NAME = "revision-quechua.xlf"
PDF_NAME = "revision-quechua.pdf"
CSV_NAME = "revision-quechua-marcas.csv"
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
STALE_NOTE = "El castellano cambió después de la última revisión: revise de nuevo."


@dataclass(frozen=True)
class QuechuaExport:
    path: Path
    segments: int
    reviewed: int


def reviewed(segment: Segment, records: Records) -> bool:
    decision = records.segmentos.get(segment.id)
    return bool(decision and decision.huella_es == segment.es_hash and decision.huella_qu == segment.qu_hash)


def stale(segment: Segment, records: Records) -> bool:
    decision = records.segmentos.get(segment.id)
    return bool(decision and decision.huella_es != segment.es_hash)


def _where(path: Path, line: int, root: Path) -> str:
    return f"{_relative_file(Path(path), root)}:{line}"


@lru_cache(maxsize=512)
def _relative_file(path: Path, root: Path) -> str:
    """A file relative to the project (program files: relative to the package's project)."""
    path = path.resolve()
    for base in (root.resolve(), Path(__file__).resolve().parents[3]):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return path.name


def po_file(segments: list[Segment], root: Path, records: Records):
    import polib

    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "defensorias-cusco",
        "POT-Creation-Date": f"{date.today():%Y-%m-%d} 00:00+0000",
        "PO-Revision-Date": f"{date.today():%Y-%m-%d} 00:00+0000",
        "Last-Translator": "",
        "Language-Team": "Quechua (Qusqu-Qullaw)",
        "Language": "qu",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for segment in segments:
        es, qu = normalise(segment.es), normalise(segment.qu)
        if not es:
            continue
        entry = polib.POEntry(
            msgctxt=segment.id, msgid=es, msgstr=qu,
            occurrences=list(dict.fromkeys([tuple(_where(segment.es_file, segment.es_line, root).rsplit(":", 1)),
                                             tuple(_where(segment.qu_file, segment.qu_line, root).rsplit(":", 1))])),
        )
        if stale(segment, records):
            entry.comment = STALE_NOTE
        if not reviewed(segment, records):
            entry.flags.append("fuzzy")
        po.append(entry)
    return po


def xliff_bytes(segments: list[Segment], root: Path, records: Records) -> bytes:
    from translate.storage import xliff

    class Xliff12(xliff.xlifffile):
        namespace = XLIFF_NS
        XMLskeleton = (xliff.xlifffile.XMLskeleton.replace("document:1.1", "document:1.2")
                       .replace("version='1.1'", "version='1.2'"))

    store = Xliff12(sourcelanguage="es", targetlanguage="qu")
    for index, segment in enumerate(segments, start=1):
        es, qu = normalise(segment.es), normalise(segment.qu)
        if not es:
            continue
        unit = store.addsourceunit(es)
        unit.settarget(qu)
        unit.setid(segment.id)
        # Context-group names must be unique in the file (the schema says so; addlocation leaves them empty)
        where, line = _where(segment.qu_file, segment.qu_line, root).rsplit(":", 1)
        unit.createcontextgroup(f"ubicacion-{index}", [("sourcefile", where), ("linenumber", line)], purpose="location")
        if reviewed(segment, records):
            unit.markapproved(True)
            unit.set_state_n(unit.S_SIGNED_OFF)
        else:
            unit.markapproved(False)
            unit.set_state_n(unit.S_NEEDS_REVIEW)
        if stale(segment, records):
            unit.addnote(STALE_NOTE, origin="developer")
    return bytes(store)


PAPER_CSS = """
@page { size: A4 landscape; margin: 12mm 12mm 14mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-family: "DejaVu Sans", sans-serif; font-size: 11pt; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 14pt; line-height: 1.35; color: #000; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 16pt; margin: 5mm 0 2mm; border-bottom: 2pt solid #000; break-after: avoid; }
p.intro { font-size: 12pt; margin: 0 0 3mm; }
table { width: 100%; border-collapse: collapse; }
thead th { font-size: 12pt; text-align: left; border-bottom: 1.5pt solid #000; padding: 1mm 2mm; }
td { border-bottom: .8pt solid #000; padding: 2mm; vertical-align: top; }
tr { break-inside: avoid; }
td.n { width: 14mm; font-weight: bold; }
td.es, td.qu { width: 46%; }
td.qu { border-left: .8pt solid #000; }
td.box { width: 14mm; text-align: center; }
.box { display: inline-block; width: 8mm; height: 8mm; border: 1.5pt solid #000; }
.done { font-size: 10pt; }
"""


def _plain(text: str) -> str:
    """Text to read aloud: no Markdown emphasis or link targets."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", normalise(text))
    return EMPHASIS.sub("", text)


def paper_html(segments: list[Segment], records: Records) -> str:
    parts = [
        "<!doctype html><html lang='qu'><head><meta charset='utf-8'><title>Runasimi qhawana</title>",
        f"<style>{PAPER_CSS}</style></head><body>",
        "<h1>Runasimi t'ikrasqata qhawana · Revisión del quechua</h1>",
        "<p class='intro' lang='es'>Lean en voz alta cada par. Si el quechua está bien, marquen el recuadro. "
        "Si hay que cambiarlo, escriban el cambio al lado. Después, quien coordina escribe una x en la columna "
        f"«revisado» de {CSV_NAME}, en la fila de cada número marcado, y ejecuta "
        "<b>defensoria revision importar</b>.</p>",
    ]
    page = None
    for number, segment in enumerate(segments, start=1):
        if segment.page != page:
            if page is not None:
                parts.append("</tbody></table>")
            page = segment.page
            parts.append(f"<h2>{escape(page)}</h2><table><thead><tr><th>N.º</th><th>Castellano</th>"
                         "<th>Runasimi</th><th>Allin</th></tr></thead><tbody>")
        mark = "<span class='done'>✓</span>" if reviewed(segment, records) else "<span class='box'></span>"
        parts.append(f"<tr><td class='n'>{number}</td><td class='es' lang='es'>{escape(_plain(segment.es))}</td>"
                     f"<td class='qu' lang='qu'>{escape(_plain(segment.qu))}</td><td class='box'>{mark}</td></tr>")
    if page is not None:
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "".join(parts)


MARKS_COLUMNS = ["numero", "id", "huella_es", "huella_qu", "castellano", "revisado"]


def marks_rows(segments: list[Segment], records: Records) -> list[list]:
    """The sheet a coordinator fills from the paper packet: an x in `revisado` per ticked box."""
    return [[number, segment.id, segment.es_hash, segment.qu_hash, normalise(segment.es)[:60], "x" if reviewed(segment, records) else ""]
            for number, segment in enumerate(segments, start=1)]


def export_quechua(out_dir: Path, formato: str, root: Path | None = None, pagina: str | None = None) -> QuechuaExport:
    """Write the segments (all, or one page's) as PO, XLIFF or the paper packet."""
    root = root or paths.find_root()
    segments = all_segments(root, only=pagina)
    records = load_records(root)
    done = sum(reviewed(s, records) for s in segments)
    out_dir = Path(out_dir)
    if formato == "po":
        target = write_atomic(out_dir / PO_NAME, str(po_file(segments, root, records)))
    elif formato == "xliff":
        target = write_atomic(out_dir / XLIFF_NAME, xliff_bytes(segments, root, records))
    else:
        from defensoria.printing.pdf import html_to_pdf

        pdf = html_to_pdf(paper_html(segments, records), out_dir, title="Revisión del quechua", language="qu")
        outputs.write_csv(out_dir / CSV_NAME, MARKS_COLUMNS, marks_rows(segments, records))
        target = write_atomic(out_dir / PDF_NAME, pdf)
    return QuechuaExport(target, len(segments), done)
