"""`defensoria legibilidad`: the readability of each learner page, for writers and the lead."""

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from defensoria import paths
from defensoria.readability import THRESHOLD, learner_pages, score_page


@click.command(name="legibilidad")
@click.option("--raiz", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="CARPETA",
              help="Carpeta del proyecto (la que tiene mkdocs.yml).")
def readability(raiz):
    """Muestra la legibilidad de cada página para quien aprende (Szigriszt-Pazos, escala INFLESZ).

    La meta es «bastante fácil»: 65 o más.

    \b
    Ejemplo:
        defensoria legibilidad
    """
    root = raiz.resolve() if raiz else paths.find_root()
    table = Table("Página", "Índice", "Escala INFLESZ", "Palabras", "Palabras/frase", "Sílabas/palabra")
    for path in learner_pages(root):
        result = score_page(path)
        style = "" if result.szigriszt_pazos >= THRESHOLD else "yellow"
        table.add_row(str(path.relative_to(root)), f"{result.szigriszt_pazos:.1f}", result.inflesz, str(result.words),
                      f"{result.words / max(result.sentences, 1):.1f}", f"{result.syllables / max(result.words, 1):.2f}",
                      style=style)
    Console(emoji=False).print(table)
