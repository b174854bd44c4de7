"""`defensoria imprimir`: handouts, manuals and the trainer's pack as PDF (thin CLI)."""

import re
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from defensoria import paths
from defensoria.address import configured_site_url, is_placeholder, placeholder_notice
from defensoria.catalog import parse_module_list
from defensoria.printing.build import PARTS, PrintPlan, document_languages, plan_steps, run_steps
from defensoria.printing.handouts import LAYOUTS, MODES
from defensoria.printing.pack import PackOptions

console = Console(highlight=False, soft_wrap=True, emoji=False)


def _choices(value: str, allowed: tuple[str, ...], option: str) -> tuple[str, ...]:
    """'es,qu' → ('es', 'qu'), checked; 'todos' → every allowed value."""
    items = [item.strip().lower() for item in re.split(r"[,\s]+", value or "") if item.strip()]
    if not items or items == ["todos"]:
        return allowed
    unknown = [item for item in items if item not in allowed]
    if unknown:
        raise click.BadParameter(f"valor desconocido: {', '.join(unknown)}. Use {', '.join(allowed)} (separados por comas).", param_hint=option)
    return tuple(item for item in allowed if item in items)


@click.command(name="imprimir", options_metavar="[OPCIONES]")
@click.option("--raiz", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="CARPETA",
              help="Carpeta del proyecto (la que tiene mkdocs.yml). Por defecto se busca desde la carpeta actual.")
@click.option("--salida", type=click.Path(file_okay=False, path_type=Path), default=Path("salida/impresos"), show_default=True,
              metavar="CARPETA", help="Carpeta donde se escriben los PDF.")
@click.option("--modulos", "--modulo", "modulos", default="todos", show_default=True, metavar="MÓDULOS",
              help="Módulos separados por comas (m02,m04) o 'todos'.")
@click.option("--idioma", default="todos", show_default=True, metavar="IDIOMAS",
              help="Hojas en es, qu y/o bilingue (separados por comas). Los manuales y guías salen en es y qu.")
@click.option("--formato", default="todos", show_default=True, metavar="FORMATOS",
              help="a4 (una hoja) y/o a5 (folleto para doblar: dos páginas por hoja A4).")
@click.option("--solo", default="todos", show_default=True, metavar="PARTES",
              help="hojas, manual y/o taller (separados por comas).")
@click.option("--taller", default=None, metavar="CÓDIGO", help="Taller registrado (T-2026-0001): sus módulos y su hoja de asistencia.")
@click.option("--defensoria", "council", default=None, metavar="NOMBRE", help="Defensoría cuyas personas van en la hoja de asistencia.")
@click.option("--base", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="ARCHIVO",
              help="Base de datos del registro (por defecto data/registro.sqlite).")
@click.option("--versiones", default=2, show_default=True, type=click.IntRange(1, 26), help="Versiones del cuestionario del taller.")
@click.option("--semilla", default="taller", show_default=True, help="La misma semilla da los mismos cuestionarios.")
def print_materials(raiz, salida, modulos, idioma, formato, solo, taller, council, base, versiones, semilla):
    """Imprime en PDF las hojas para la asamblea, el manual completo y el paquete del taller.

    \b
    - Hojas: una por módulo, en castellano, en quechua y bilingüe (castellano y quechua
      lado a lado en una sola hoja A4), y en folleto A5 para doblar.
    - Manual: portada, índice, todos los módulos, glosario, directorio y normas.
    - Taller: guía de la formadora o del formador (si existe), hojas de la asamblea,
      hoja de asistencia del registro y cuestionarios con sus claves.

    Las hojas bilingües llevan 'bilingue' en el nombre del archivo. Un módulo sin
    página en quechua se informa y se omiten sus hojas qu y bilingüe.

    \b
    Ejemplo:
        defensoria imprimir
        defensoria imprimir --modulos m04 --idioma bilingue --formato a4
        defensoria imprimir --solo taller --taller T-2026-0001 --defensoria "Defensoría de Ccorca"
    """
    root = raiz.resolve() if raiz else paths.find_root()
    modes = _choices(idioma, MODES, "--idioma")
    layouts = _choices(formato, LAYOUTS, "--formato")
    parts = _choices(solo, PARTS, "--solo")
    modules = parse_module_list(modulos, root)
    if taller and not modulos_given(modulos):
        modules = _workshop_modules(root, base, taller) or modules
    pack = PackOptions(modules=modules, seed=semilla, versions=versiones, workshop=taller, council=council, database=base,
                       languages=tuple(document_languages(modes)))
    plan = PrintPlan(modules=modules, modes=modes, layouts=layouts, parts=parts, pack=pack)
    steps, notes = plan_steps(root, plan, salida)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("Preparando", total=len(steps))

        report = run_steps(steps, start=lambda label: bar.update(task, description=label), done=lambda: bar.advance(task))
    for path in report.written:
        console.print(f"  {path}")
    site_url = configured_site_url(root)
    if is_placeholder(site_url):
        notes = [placeholder_notice(site_url), *notes]
    for note in notes + report.notes:
        console.print(f"[yellow]Aviso:[/yellow] {note}")
    console.print(f"✅ {len(report.written)} archivo(s) en {salida}.")
    if report.errors:
        for error in report.errors:
            console.print(f"[red]Error:[/red] {error}")
        raise SystemExit(1)


def modulos_given(modulos: str) -> bool:
    return modulos.strip().lower() not in {"todos", "todo"}


def _workshop_modules(root: Path, base: Path | None, code: str):
    """The modules of a registered workshop, from the tracker."""
    from defensoria.registro import db
    from defensoria.registro.model import get_workshop

    conn = db.connect(base or db.default_path(root), create=False)
    try:
        row = get_workshop(conn, code)
        codes = [r[0] for r in conn.execute("SELECT module FROM workshop_modules WHERE workshop_id = ? ORDER BY module", (row["id"],))]
    finally:
        conn.close()
    return parse_module_list(",".join(codes), root) if codes else None
