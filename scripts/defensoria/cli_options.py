"""What every command group of `defensoria` shares: options, the console, Spanish groups.

Feature CLIs import from here, never from `defensoria.cli` (which imports them all to
assemble the command), so no import cycle forms.
"""

from pathlib import Path

import click
from rich.console import Console

from defensoria import paths
from defensoria.cli_spanish import SpanishCommand, SpanishGroup  # noqa: F401  (features use them)
from defensoria.cli_spanish import install as install_spanish

# Before any group or option is declared: click's own texts in Spanish
install_spanish()

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
console = Console(highlight=False, soft_wrap=True, emoji=False)


def root_option(function):
    """--raiz: the project folder (the one with mkdocs.yml)."""
    return click.option(
        "--raiz",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        metavar="CARPETA",
        help="Carpeta del proyecto (la que tiene mkdocs.yml). Por defecto se busca desde la carpeta actual.",
    )(function)


def project_root(raiz: Path | None) -> Path:
    return raiz.resolve() if raiz else paths.find_root()
