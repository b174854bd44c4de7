"""`defensoria`: the command line of the Defensorías Comunitarias (help in Spanish).

The CLI is thin, in the sqlite-utils style: each command validates its options, calls
one library function and formats the result. Library errors (DefensoriaError, a
ClickException) print 'Error: …' and exit 1.

Features define their groups in their own cli modules (shared options in cli_options)
and are added here.
"""

import click
from rich.table import Table

from defensoria import __version__
from defensoria.catalog import load_modules
from defensoria.cli_options import CONTEXT_SETTINGS, SpanishGroup, console, project_root, root_option
from defensoria.printing.cli import print_materials
from defensoria.quiz.cli import quiz
from defensoria.readability_cli import readability
from defensoria.registro.cli import registro
from defensoria.revision.cli import revision
from defensoria.taller.cli import workshop
from defensoria.translation.cli import translations
from defensoria.zim.cli import zim

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
    from defensoria.revision.status import snapshot

    reviews = snapshot(root)
    for module in modules:
        # Computed from the review records, like the site (never the hand-typed front matter)
        legal = reviews.legal(module.modulo)
        state = f"{legal.estado} ({legal.ok}/{legal.total})"
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


# Feature groups: quizzes, Quechua edition, tracker, readability, workshops, print, Kiwix, review
for group in (quiz, translations, registro, readability, workshop, print_materials, zim, revision):
    cli.add_command(group)


def main() -> None:
    """Entry point of the console command."""
    cli()
