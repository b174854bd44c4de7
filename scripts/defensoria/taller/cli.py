"""`defensoria taller`: plan a workshop from the facilitator guides."""

from pathlib import Path

import click

from defensoria.catalog import parse_module_list
from defensoria.cli_options import SpanishGroup, console, project_root, root_option
from defensoria.errors import DefensoriaError
from defensoria.taller.duration import parse_duration
from defensoria.printing.build import print_workshop_pack
from defensoria.taller.planner import BREAK_MINUTES, WORK_LIMIT, plan_workshop
from defensoria.taller.render import print_plan, write_plan


@click.group(name="taller", cls=SpanishGroup)
def workshop():
    """Talleres: planificar un día de taller con las guías de los módulos.

    \b
    Ejemplo:
        defensoria taller planificar --modulos m02,m04 --duracion 4h
    """


def hours_text(text: str) -> str:
    """'3,5' or '3.5' or '4' (hours) as a duration parse_duration reads ('3,5h')."""
    text = str(text).strip()
    return text if text.lower().endswith(("h", "hora", "horas")) or text.startswith("-") else f"{text}h"


def parse_start(text: str | None) -> int | None:
    """'9:00' or '14h30' → minutes since midnight."""
    if text is None:
        return None
    try:
        minutes = parse_duration(text.replace(".", ":"))
    except DefensoriaError:
        raise click.BadParameter(f"'{text}' no es una hora; escríbala como 9:00 o 14:30.", param_hint="--inicio") from None
    if ":" not in text and "h" not in text.lower():
        raise click.BadParameter(f"'{text}' no es una hora; escríbala como 9:00 o 14:30.", param_hint="--inicio")
    return minutes


@workshop.command(name="planificar")
@root_option
@click.option("--modulos", "--modulo", "modules", required=True, metavar="MÓDULOS",
              help="Módulos en el orden en que se darán, separados por comas: m02,m04.")
@click.option("--duracion", "duration", default=None, metavar="TIEMPO",
              help="Tiempo disponible: 4h, 3h30, 3,5h, 210m o 210 (minutos).")
@click.option("--horas", "hours", default=None, metavar="HORAS",
              help="El tiempo disponible en horas, en lugar de --duracion: 4, 3,5 o 3.5.")
@click.option("--inicio", "start", default=None, metavar="HORA",
              help="Hora de inicio (9:00); sin ella el plan cuenta desde 0:00.")
@click.option("--pausa", "break_minutes", type=click.IntRange(5, 60), default=BREAK_MINUTES, show_default=True,
              help="Minutos de cada pausa.")
@click.option("--cada", "work_limit", type=click.IntRange(30, 240), default=WORK_LIMIT, show_default=True,
              help="Minutos de trabajo, como máximo, entre dos pausas.")
@click.option("--unir", "join", is_flag=True,
              help="Un solo día con una apertura, un cuestionario de entrada, uno de salida y un cierre para todos los módulos.")
@click.option("--idioma", "language", type=click.Choice(["es", "qu"]), default="es", show_default=True,
              help="Nombres de actividades y materiales en castellano o en quechua (si la guía en quechua existe).")
@click.option("--imprimir", "pack_folder", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="CARPETA",
              help="Imprime también el paquete del taller en esta carpeta (con defensoria imprimir).")
@click.option("--defensoria", "council", default=None, metavar="NOMBRE",
              help="Con --imprimir: defensoría cuyas personas van en la hoja de asistencia.")
@click.option("--salida", "target", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="ARCHIVO",
              help="Guarda también el plan: .html (para imprimir en A4, blanco y negro) o .md (Markdown).")
def plan(raiz, modules, duration, hours, start, break_minutes, work_limit, join, language, pack_folder, council, target):
    """Arma el horario de un taller con los minutos de las guías, las pausas, los
    materiales y lo que hay que imprimir.

    Regla de las pausas: antes de una actividad que haría pasar el trabajo sin pausa
    de 90 minutos (--cada), se pone una pausa de 15 minutos (--pausa), salvo que
    el taller termine 20 minutos después o antes. Las actividades no se cortan y
    el día no termina con una pausa. Si no cabe todo,
    el plan dice qué actividades no caben, cuánto tiempo falta y propone una
    segunda sesión.

    \b
    Ejemplo:
        defensoria taller planificar --modulos m02,m04 --duracion 4h
        defensoria taller planificar --modulos m01,m02,m03 --duracion 3h30 --inicio 9:00 --salida plan.html
        defensoria taller planificar --modulos m04 --duracion 2h --imprimir salida/taller-ccorca
    """
    root = project_root(raiz)
    if (duration is None) == (hours is None):
        raise click.UsageError("indique el tiempo disponible con --duracion (4h, 3h30) o con --horas (3,5), uno de los dos.")
    available = parse_duration(duration if duration is not None else hours_text(hours))
    starting = parse_start(start)
    codes = [m.modulo for m in parse_module_list(modules, root)]
    result = plan_workshop(codes, available, root, language, break_minutes, work_limit, join)
    print_plan(result, console, starting)
    if target is not None:
        written = write_plan(result, target, starting)
        console.print(f"\nPlan guardado en {written}")
    if pack_folder is not None:
        with console.status("Imprimiendo el paquete del taller…") as status:
            report = print_workshop_pack(result.modules, root, pack_folder, council, start=lambda label: status.update(label))
        for path in report.written:
            console.print(f"  ✅ {path}")
        for note in report.notes:
            console.print(f"  ℹ️ {note}")
        for error in report.errors:
            console.print(f"  [red]Error[/red] {error}")
        if report.errors:
            raise SystemExit(1)
