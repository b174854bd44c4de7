"""Time to build every PDF of `defensoria imprimir`, against one handout measured in the same run.

    .venv/bin/python benchmarks/print.py [--raiz CARPETA]

Baseline: one Spanish A4 handout (m04), rendered after a warm-up. Then every handout
(es, qu, bilingue × A4, A5 booklet) of every module, both manuals, and the whole run
through the library as the command does it. Prints seconds, PDFs per second and the
ratio of each part to the baseline; writes into a temporary folder; never fails a test.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raiz", type=Path, default=Path(__file__).resolve().parents[1])
    root = parser.parse_args().raiz.resolve()

    from defensoria.catalog import get_module, load_modules
    from defensoria.printing.build import PrintPlan, handout_steps, manual_steps, run_steps
    from defensoria.printing.handouts import handout_pdf
    from defensoria.printing.model import load_handout

    module = get_module("m04", root)
    handout = load_handout(module, root)
    handout_pdf(handout, "es", "a4", root)  # warm-up: imports, fonts, templates
    baseline, _ = timed(lambda: handout_pdf(load_handout(module, root), "es", "a4", root))

    modules = load_modules(root)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        notes: list[str] = []
        steps = handout_steps(root, PrintPlan(modules=modules), out / "hojas", notes)
        handouts_time, handouts = timed(lambda: run_steps(steps))
        manual_time, manuals = timed(lambda: run_steps(manual_steps(root, ["es", "qu"], out / "manual")))
    failures = handouts.errors + manuals.errors
    total = handouts_time + manual_time
    count = len(handouts.written) + len(manuals.written)
    rows = [
        ("one handout (m04 es A4), baseline", baseline, 1),
        (f"all handouts ({len(handouts.written)} PDFs, {len(modules)} modules)", handouts_time, len(handouts.written)),
        ("both manuals (es, qu)", manual_time, len(manuals.written)),
        (f"all PDFs ({count})", total, count),
    ]
    print(f"{'part':<44} {'seconds':>8} {'PDF/s':>7} {'× baseline':>11}")
    for label, seconds, pdfs in rows:
        print(f"{label:<44} {seconds:>8.2f} {pdfs / seconds:>7.2f} {seconds / baseline:>11.1f}")
    for note in notes + failures:
        print(f"  note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
