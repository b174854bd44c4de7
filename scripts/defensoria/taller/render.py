"""The plan for people: a rich table in the terminal, Markdown, or printable HTML (A4, B/W)."""

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from rich.console import Console
from rich.table import Table

from defensoria.errors import DefensoriaError
from defensoria.files import write_atomic
from defensoria.taller.duration import format_clock, format_minutes
from defensoria.taller.planner import Plan

KIND_LABELS = {
    "apertura": "Apertura",
    "historia": "Historia",
    "juego_de_roles": "Juego de roles",
    "grupos": "Grupos",
    "plenaria": "Plenaria",
    "cierre": "Cierre",
    "evaluacion": "Evaluación",
    "pausa": "Pausa",
}
# Activities a trainer can shorten without losing the module's thread
SHORTENABLE = ("historia", "juego_de_roles", "grupos", "plenaria")


def clock(plan_start: int | None, minutes: int) -> str:
    """'9:40' when the session has a start time, else the time since the start '0:40'."""
    return format_clock((plan_start or 0) + minutes)


def summary(plan: Plan) -> list[str]:
    """Plain sentences: total, break rule, what does not fit and what to do."""
    codes = ", ".join(g.guia_de for g in plan.guides)
    lines = [f"Módulos: {codes}. Tiempo disponible: {format_minutes(plan.available)}."]
    breaks = sum(s.is_break for s in plan.slots)
    lines.append(f"Pausas: {plan.break_minutes} min cuando el trabajo sin pausa pasaría de {plan.work_limit} min ({breaks} en el plan).")
    if plan.joined:
        lines.append("Día unido: una sola apertura, un cuestionario de entrada, uno de salida y un cierre.")
    if plan.fits:
        spare = plan.available - plan.used
        lines.append(f"Todo cabe: {format_minutes(plan.used)} de {format_minutes(plan.available)} (sobran {format_minutes(spare)})."
                     if spare else f"Todo cabe: {format_minutes(plan.used)}, justo el tiempo disponible.")
        return lines
    missing = plan.needed - plan.available
    lines.append(f"No cabe todo: el programa completo dura {format_minutes(plan.needed)} con pausas; faltan {format_minutes(missing)}.")
    names = "; ".join(f"{s.module} «{s.name}» ({s.minutes} min)" for s in plan.left_out)
    lines.append(f"No caben: {names}.")
    return lines


def suggestions(plan: Plan) -> list[str]:
    """What to do when it does not fit: join the day, a second session, shorten, more time."""
    if plan.fits:
        return []
    result = []
    codes = ",".join(g.guia_de for g in plan.guides)
    if plan.joined_minutes and plan.joined_minutes <= plan.available:
        result.append(f"Con una sola apertura, un cuestionario de entrada, uno de salida y un cierre para todo el día, "
                      f"todo cabe en {format_minutes(plan.joined_minutes)}: agregue --unir.")
    whole = [g.guia_de for g in plan.guides if g.guia_de not in plan.second_session]
    second = ", ".join(plan.second_session)
    if whole and len(plan.next_sessions) <= 1:
        result.append(f"Dé {', '.join(whole)} en esta sesión y {second} en una segunda sesión de {format_minutes(plan.second_session_minutes)}.")
    elif whole:
        later = "; ".join(f"{number}.ª sesión: {', '.join(codes)} ({format_minutes(minutes)})"
                          for number, (codes, minutes) in enumerate(plan.next_sessions, start=2))
        result.append(f"Dé {', '.join(whole)} en esta sesión y el resto en {len(plan.next_sessions)} sesiones más, "
                      f"juntando módulos mientras quepan en {format_minutes(plan.available)}: {later}.")
    else:
        # Not even the first module fits: shorten its longest teaching activities
        first = plan.guides[0]
        missing = plan.first_module_minutes - plan.available
        longest = sorted((a for a in first.actividades if a.tipo in SHORTENABLE), key=lambda a: -a.minutos)[:2]
        examples = " o ".join(f"«{a.nombre}» ({a.minutos} min)" for a in longest)
        result.append(f"El módulo {first.guia_de} no cabe entero en {format_minutes(plan.available)}: acorte {format_minutes(missing)}"
                      + (f", por ejemplo en {examples}" if examples else "") + ", o divídalo en dos sesiones.")
        if len(plan.guides) > 1:
            result.append(f"Dé cada módulo en su propia sesión ({codes}).")
    result.append(f"O pida {format_minutes(plan.needed)} para hacerlo todo en una sola sesión.")
    return result


def print_plan(plan: Plan, console: Console, start: int | None = None) -> None:
    table = Table(title="Plan del taller", title_justify="left")
    for column, justify in (("Hora", "right"), ("Min", "right"), ("Módulo", "left"), ("Actividad", "left"), ("Tipo", "left")):
        table.add_column(column, justify=justify)
    for slot in plan.slots:
        style = "italic" if slot.is_break else None
        table.add_row(clock(start, slot.start), str(slot.minutes), slot.module or "", slot.name, KIND_LABELS[slot.kind], style=style)
    table.add_row(clock(start, plan.used), "", "", "Fin", "", style="bold")
    console.print(table)
    for line in summary(plan):
        # Marks only in the terminal: printed plans use no emoji (no font for them)
        mark = "✅ " if line.startswith("Todo cabe") else "⚠️ " if line.startswith("No cabe") else ""
        console.print(mark + line)
    for line in suggestions(plan):
        console.print(f"👉 {line}")
    console.print("\n[bold]Materiales[/bold] (de todas las guías, sin repetir):")
    for item in plan.materials:
        console.print(f"  • {item}")
    console.print("\n[bold]Para imprimir antes del taller[/bold] (A4, blanco y negro):")
    for what, command in plan.printing:
        console.print(f"  • {what}:\n      {command}")


def plan_markdown(plan: Plan, start: int | None = None) -> str:
    lines = ["# Plan del taller", "", "| Hora | Min | Módulo | Actividad | Tipo |", "|---:|---:|---|---|---|"]
    for slot in plan.slots:
        name = f"*{slot.name}*" if slot.is_break else slot.name
        lines.append(f"| {clock(start, slot.start)} | {slot.minutes} | {slot.module or ''} | {name} | {KIND_LABELS[slot.kind]} |")
    lines.append(f"| {clock(start, plan.used)} | | | **Fin** | |")
    lines += ["", *[f"{line}  " for line in summary(plan)], ""]
    lines += [f"- {line}" for line in suggestions(plan)]
    lines += ["", "## Materiales", "", *[f"- {item}" for item in plan.materials]]
    lines += ["", "## Para imprimir antes del taller", ""]
    for what, command in plan.printing:
        lines.append(f"- {what}: `{command}`")
    return "\n".join(lines) + "\n"


_ENV = Environment(
    loader=PackageLoader("defensoria.taller", "templates"),
    autoescape=select_autoescape(["j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def plan_html(plan: Plan, start: int | None = None) -> str:
    rows = [(clock(start, s.start), s, KIND_LABELS[s.kind]) for s in plan.slots]
    return _ENV.get_template("plan.html.j2").render(
        plan=plan, rows=rows, end=clock(start, plan.used), summary=summary(plan),
        suggestions=suggestions(plan), format_minutes=format_minutes,
    )


def write_plan(plan: Plan, target: Path, start: int | None = None) -> Path:
    """Write .html or .md by extension; atomically (temp file, then rename)."""
    suffix = target.suffix.lower()
    if suffix in (".html", ".htm"):
        text = plan_html(plan, start)
    elif suffix in (".md", ".markdown"):
        text = plan_markdown(plan, start)
    else:
        raise DefensoriaError(f"--salida debe terminar en .html o .md (no '{target.name}').")
    write_atomic(target, text)
    return target
