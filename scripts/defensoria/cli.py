"""`defensoria`: the command line of the Defensorías Comunitarias (help in Spanish).

The CLI is thin, in the sqlite-utils style: each command validates its options, calls
one library function and formats the result. Library errors (DefensoriaError, a
ClickException) print 'Error: …' and exit 1.

Features add their commands or groups at the end of this file (cli.add_command).
"""

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from defensoria import __version__, paths
from defensoria.catalog import load_modules
from defensoria.cli_spanish import SpanishCommand, SpanishGroup  # noqa: F401  (features use them)
from defensoria.cli_spanish import install as install_spanish

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


@click.group(cls=SpanishGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="defensoria")
def cli():
    """Herramientas de las Defensorías Comunitarias de Cusco: módulos, revisión del
    contenido, cuestionarios, registro de capacitaciones e impresos.

    Use 'defensoria COMANDO --help' para ver la ayuda de cada comando.
    """


@cli.command(name="modulos")
@root_option
def list_modules(raiz):
    """Lista los módulos: código, título, horas y revisión legal.

    \b
    Ejemplo:
        defensoria modulos
    """
    root = project_root(raiz)
    modules = load_modules(root)
    if not modules:
        console.print("No hay módulos todavía en docs/modulos/.")
        return
    table = Table(title="Módulos de capacitación")
    for column in ("Código", "Título", "Horas", "Objetivos", "Revisión legal", "Quechua"):
        table.add_column(column)
    for module in modules:
        review = module.revision_legal
        state = review.estado + (f" ({review.fecha:%d/%m/%Y})" if review.fecha else "")
        has_qu = "sí" if module.page_path("qu").is_file() else "no"
        table.add_row(module.modulo, module.title, f"{module.horas:g}", str(len(module.objetivos)), state, has_qu)
    console.print(table)


@cli.command(name="revisar")
@root_option
@click.option("--legal", is_flag=True, help="Lista además las citas legales aún no verificadas (para quien hace la revisión legal).")
@click.option("--solo", multiple=True, metavar="REVISION", help="Ejecuta solo esta revisión (puede repetirse), por ejemplo --solo enlaces.")
def check(raiz, legal, solo):
    """Revisa el contenido: encabezados, enlaces, traducciones y más.

    Muestra cada problema como archivo:línea y sale con código 1 si hay errores.

    \b
    Ejemplo:
        defensoria revisar
        defensoria revisar --legal
    """
    from defensoria.checks import ERROR, registered_checks, run_checks

    unknown = set(solo) - set(registered_checks())
    if unknown:
        raise click.BadParameter(f"no existe la revisión {', '.join(sorted(unknown))}. Revisiones: {', '.join(registered_checks())}.", param_hint="--solo")
    root = project_root(raiz)
    problems = run_checks(root, only=solo or None, include_optional=["legal"] if legal else ())
    for problem in problems:
        label = "[red]Error[/red]" if problem.level == ERROR else "[yellow]Aviso[/yellow]"
        console.print(f"{label} en {problem.location(root)}: {problem.message}")
    n_errors = sum(p.level == ERROR for p in problems)
    n_warnings = len(problems) - n_errors
    if legal:
        _print_legal_summary(root)
    if n_errors:
        console.print(f"\n{n_errors} error(es), {n_warnings} aviso(s).")
        raise SystemExit(1)
    console.print(f"✅ Contenido revisado: sin errores ({n_warnings} aviso(s)).")


def _print_legal_summary(root) -> None:
    """Cited articles, how many rest on the literal text of the law, which do not."""
    from defensoria.checks.citations import legal_summary
    from defensoria.errors import SourceError

    try:
        summary = legal_summary(root)
    except SourceError:
        return  # the broken norms file is already reported
    console.print(
        f"\nRevisión legal: {len(summary.places)} artículo(s) citado(s); {len(summary.verified)} verificado(s) "
        f"con su texto literal ({summary.percent:.0f} %); {len(summary.unverified)} sin verificar:"
    )
    for code, number in summary.unverified:
        citation = summary.places[(code, number)][0].citation
        console.print(f"  - {citation} ({len(summary.places[(code, number)])} cita(s))", markup=False)


def main() -> None:
    """Entry point of the console command."""
    cli()


# Quizzes: print, grade, export (issue 5)
from defensoria.quiz.cli import quiz  # noqa: E402

cli.add_command(quiz)

# Quechua edition: coverage, stale translations, terminology, spelling (issue 4)
from defensoria.translation.cli import translations  # noqa: E402

cli.add_command(translations)

# Capacity-building tracker: attendance, completion, reports, certificates (issue 6)
from defensoria.registro.cli import registro  # noqa: E402

cli.add_command(registro)

# Readability of learner pages (issue 3)
from defensoria.readability_cli import readability  # noqa: E402

cli.add_command(readability)

# Workshops: plan a day from the facilitator guides (issue 8)
from defensoria.taller.cli import workshop  # noqa: E402

cli.add_command(workshop)

# Print: handouts for assemblies, the full manual, the trainer's pack (issue 7)
from defensoria.printing.cli import print_materials  # noqa: E402

cli.add_command(print_materials)

# Kiwix edition: the built site as one .zim file
from defensoria.zim.cli import zim  # noqa: E402

cli.add_command(zim)
