"""How long printing takes: 4 versions × every bank × 3 language modes, HTML and PDF apart.

    .venv/bin/python benchmarks/quizzes.py
"""

import tempfile
import time
from pathlib import Path

from defensoria import paths
from defensoria.catalog import catalog
from defensoria.quiz.bank import load_banks
from defensoria.quiz.printing import LANGUAGE_MODES, PrintOptions, html_to_pdf, print_quiz

VERSIONS = 4


def main() -> None:
    root = paths.find_root()
    banks = load_banks(root)
    titles = {code: module.title for code, module in catalog(root).items()}
    n_items = sum(len(bank.preguntas) for bank in banks)
    print(f"{len(banks)} banco(s), {n_items} preguntas, {VERSIONS} versiones por banco")
    print(f"{'idioma':<10}{'HTML (s)':>10}{'PDF (s)':>10}{'PDF (KiB)':>14}")
    totals = [0.0, 0.0]
    for language in LANGUAGE_MODES:
        html_time = pdf_time = 0.0
        kib = 0.0
        for bank in banks:
            with tempfile.TemporaryDirectory() as folder:
                started = time.perf_counter()
                print_quiz([bank], PrintOptions(seed="bench", versions=VERSIONS, language=language, pdf=False), Path(folder), titles)
                html_time += time.perf_counter() - started
                html = (Path(folder) / "cuestionario.html").read_text(encoding="utf-8")
                started = time.perf_counter()
                pdf = html_to_pdf(html, Path(folder))
                pdf += html_to_pdf((Path(folder) / "claves.html").read_text(encoding="utf-8"), Path(folder))
                pdf_time += time.perf_counter() - started
                kib += len(pdf) / 1024
        totals[0] += html_time
        totals[1] += pdf_time
        print(f"{language:<10}{html_time:>10.2f}{pdf_time:>10.2f}{kib:>14.0f}")
    print(f"{'total':<10}{totals[0]:>10.2f}{totals[1]:>10.2f}")


if __name__ == "__main__":
    main()
