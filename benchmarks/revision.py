"""How long the review workflow takes on the whole content: export and import of every
legal claim and every Quechua segment, in a throwaway copy of the project (the test
reviewers' records never reach the repository). Goal: export + import under 10 s.

The baseline, measured in the same run, is reading the content alone (claims and
segments): the ratio says what writing and reading the files costs on top of it. The
PDFs (the lawyer's paper version and the Quechua paper packet) are timed apart.

    .venv/bin/python benchmarks/revision.py [--sin-pdf]
"""

import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import polib
from openpyxl import load_workbook

from defensoria import paths
from defensoria.revision.claims import all_claims
from defensoria.revision.importer import import_file
from defensoria.revision.legal_export import export_legal
from defensoria.revision.quechua_export import export_quechua
from defensoria.revision.segments import all_segments


CPU: dict[str, float] = {}


def timed(label: str, function, results: dict):
    """Wall time into `results`; CPU time of this process into CPU (what a shared, busy
    machine does not inflate)."""
    started, cpu = time.perf_counter(), time.process_time()
    value = function()
    results[label] = time.perf_counter() - started
    CPU[label] = time.process_time() - cpu
    return value


def main() -> None:
    with_pdf = "--sin-pdf" not in sys.argv
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        copy = base / "proyecto"
        copy.mkdir()
        for name in ("docs", "quizzes"):
            shutil.copytree(paths.find_root() / name, copy / name)
        shutil.copy(paths.find_root() / "mkdocs.yml", copy / "mkdocs.yml")
        out = base / "salida"
        t: dict[str, float] = {}
        claims = timed("leer afirmaciones (base)", lambda: all_claims(copy), t)
        segments = timed("leer segmentos (base)", lambda: all_segments(copy), t)
        timed("exportar XLSX", lambda: export_legal(out, copy, paper=False), t)
        timed("exportar PO", lambda: export_quechua(out, "po", copy), t)
        timed("exportar XLIFF", lambda: export_quechua(out, "xliff", copy), t)
        # A reviewer approves everything (what the slowest import looks like)
        book = load_workbook(out / "revision-legal.xlsx")
        for row in book["afirmaciones"].iter_rows(min_row=2):
            row[7].value = "ok"
        book.save(out / "hecha.xlsx")
        po = polib.pofile(str(out / "revision-quechua.po"))
        for entry in po:
            if entry.msgstr:  # untranslated strings cannot be approved
                entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        po.save(str(out / "hecho.po"))
        timed("importar XLSX", lambda: import_file(out / "hecha.xlsx", "Prueba", date(2026, 12, 3), copy), t)
        timed("importar PO", lambda: import_file(out / "hecho.po", "Prueba", date(2026, 12, 3), copy), t)
        if with_pdf:
            timed("PDF legal (papel)", lambda: export_legal(base / "pdf", copy), t)
            timed("PDF quechua (papel)", lambda: export_quechua(base / "pdf", "pdf", copy), t)
    baseline = t["leer afirmaciones (base)"] + t["leer segmentos (base)"]
    work = sum(v for k, v in t.items() if k.startswith(("exportar", "importar")))
    print(f"{len(claims)} afirmaciones, {len(segments)} segmentos")
    work_cpu = sum(v for k, v in CPU.items() if k.startswith(("exportar", "importar")))
    print(f"{'':<28}{'reloj':>9}{'CPU':>9}")
    for label, seconds in t.items():
        print(f"{label:<28}{seconds:>8.2f}s{CPU[label]:>8.2f}s")
    print(f"{'exportar + importar':<28}{work:>8.2f}s{work_cpu:>8.2f}s  (meta < 10 s: {'sí' if work < 10 else 'NO'})")
    print(f"{'proporción frente a la base':<28}{work / baseline:>8.2f} ×")


if __name__ == "__main__":
    main()
