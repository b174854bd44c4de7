"""The `registro` command group and what its commands share (options, console, database)."""

from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from defensoria.cli_options import CONTEXT_SETTINGS, SpanishGroup, project_root, root_option
from defensoria.errors import DefensoriaError
from defensoria.registro import db
from defensoria.registro.values import parse_date, parse_yes_no

console = Console(highlight=False, soft_wrap=True, emoji=False)


def db_options(function):
    """--base (the SQLite file) and --raiz (the project, for the module catalogue)."""
    function = click.option("--base", type=click.Path(dir_okay=False, path_type=Path), default=None,
                            help=f"Archivo de la base de datos. Por defecto ${db.ENV_VAR} o data/registro.sqlite del proyecto.")(function)
    return root_option(function)


@contextmanager
def opened(base: Path | None, raiz: Path | None, create: bool = True):
    root = project_root(raiz)
    conn = db.connect(base or db.default_path(root), create=create)
    try:
        yield conn, root
    finally:
        conn.close()


def progress_bar() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=console, transient=True)


def confirm(yes: bool, question: str) -> None:
    """Ask sí/no in Spanish: s, si, sí, x, 1 say yes; anything else (or Enter) cancels."""
    if yes:
        return
    answer = click.prompt(f"{question} [s/N]", default="", show_default=False, prompt_suffix=" ")
    try:
        agreed = parse_yes_no(answer, default=False)
    except ValueError:
        agreed = False
    if not agreed:
        raise DefensoriaError("cancelado; no se cambió nada.")


def date_option(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@click.group(name="registro", cls=SpanishGroup, context_settings=CONTEXT_SETTINGS)
def registro():
    """Registro de capacitaciones: asistencia, cuestionarios, avance, reportes y certificados.

    Los datos personales se guardan solo en la base de datos (data/registro.sqlite), nunca en git ni en el sitio.

    \b
    Ejemplo:
        defensoria registro importar asistencia.csv
        defensoria registro reporte --por distrito --publico --salida reporte.html
    """
