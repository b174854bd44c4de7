"""Learner pages read easily: Szigriszt-Pazos at least "bastante fácil" (INFLESZ ≥ 65)."""

from pathlib import Path

from defensoria.checks import WARNING, Problem, check
from defensoria.errors import SourceError
from defensoria.readability import THRESHOLD, learner_pages, score_page


@check("legibilidad")
def check_readability(root: Path):
    for path in learner_pages(root):
        try:
            result = score_page(path)
        except SourceError:
            continue  # a broken front matter is reported by the `encabezados` check
        if result.words and not result.easy_enough:
            yield Problem(
                path, 1,
                f"lectura {result.inflesz} (Szigriszt-Pazos {result.szigriszt_pazos:.1f}; la meta es {THRESHOLD:.0f} o más, "
                f"«bastante fácil»). Use frases más cortas ({result.words / result.sentences:.1f} palabras por frase) "
                f"y palabras más sencillas ({result.syllables / result.words:.2f} sílabas por palabra).",
                WARNING,
            )
