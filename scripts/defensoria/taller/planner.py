"""The workshop planner: the chosen modules' guides, in order, with breaks, in a time.

Break rule: a break (15 minutes by default) goes before any activity that would take
the work since the last break past the limit (90 minutes by default). Activities are
never split, no break closes the day, and none comes when the day ends within 20
minutes anyway. If the schedule is longer than the time
available, the plan keeps what fits (whole activities, in order), lists what does not,
and proposes a second session for the modules that did not fit whole.
"""

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from defensoria.catalog import Module, catalog, get_module
from defensoria.errors import DefensoriaError
from defensoria.taller.guides import Activity, Guide, guide_path, load_guide

BREAK_MINUTES = 15
WORK_LIMIT = 90
# No break when the day would end this many minutes after the limit or sooner
END_GRACE = 20
# Questions of a one-module entry or exit quiz (the guides' evaluation sections say the same)
QUESTIONS_PER_MODULE = 8


class NoGuide(DefensoriaError):
    """A module that exists but has no facilitator guide yet."""


@dataclass(frozen=True)
class Slot:
    start: int  # minutes from the start of the session
    minutes: int
    name: str
    kind: str  # an activity type, or "pausa"
    module: str | None = None

    @property
    def end(self) -> int:
        return self.start + self.minutes

    @property
    def is_break(self) -> bool:
        return self.kind == "pausa"


@dataclass
class Plan:
    modules: list[Module]
    guides: list[Guide]
    available: int
    slots: list[Slot]  # what fits, breaks included
    left_out: list[Slot] = field(default_factory=list)  # activities that do not fit
    needed: int = 0  # minutes the whole programme takes, breaks included
    second_session: list[str] = field(default_factory=list)  # module codes left for later sessions
    second_session_minutes: int = 0  # the next session (the first of `next_sessions`)
    # Later sessions, each no longer than this one (a module longer than that alone)
    next_sessions: list[tuple[list[str], int]] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)
    printing: list[tuple[str, str]] = field(default_factory=list)  # (what, command)
    break_minutes: int = BREAK_MINUTES
    work_limit: int = WORK_LIMIT
    joined: bool = False  # one opening, entry quiz, exit quiz and closing for the day
    first_module_minutes: int = 0  # the first module alone, breaks included
    joined_minutes: int = 0  # the whole day if joined (only computed when it did not fit)

    @property
    def fits(self) -> bool:
        return not self.left_out

    @property
    def used(self) -> int:
        return self.slots[-1].end if self.slots else 0


def guides_for(codes: list[str], root: Path | None = None, language: str = "es") -> list[Guide]:
    """The guides of these modules (Quechua ones when asked and available)."""
    guides = []
    for code in codes:
        module = get_module(code, root)
        spanish = guide_path(module.modulo, root)
        if not spanish.is_file():
            with_guides = [c for c in catalog(root) if guide_path(c, root).is_file()]
            raise NoGuide(f"el módulo {module.modulo} aún no tiene guía de taller. Módulos con guía: {', '.join(with_guides) or 'ninguno'}.")
        translated = guide_path(module.modulo, root, language)
        guides.append(load_guide(translated if translated.is_file() else spanish))
    return guides


def schedule(items: list[tuple[str, Activity]], break_minutes: int = BREAK_MINUTES, work_limit: int = WORK_LIMIT) -> list[Slot]:
    """Activities (module, activity) in order, with a break whenever the next activity
    would take the work since the last break past `work_limit` minutes, unless the
    day ends within END_GRACE minutes of the limit (no break just before the end)."""
    slots, clock, worked = [], 0, 0
    remaining = sum(activity.minutos for _, activity in items)
    for module, activity in items:
        near_end = worked + remaining <= work_limit + END_GRACE
        remaining -= activity.minutos
        if worked and worked + activity.minutos > work_limit and not near_end:
            slots.append(Slot(clock, break_minutes, "Pausa", "pausa"))
            clock, worked = clock + break_minutes, 0
        slots.append(Slot(clock, activity.minutos, activity.nombre, activity.tipo, module))
        clock, worked = clock + activity.minutos, worked + activity.minutos
    return slots


def programme(guides: list[Guide], join: bool = False) -> list[tuple[str, Activity]]:
    """(module, activity) in order. With `join`, the day has one opening, one entry
    quiz, one exit quiz and one closing: later modules drop their opening and entry
    quiz, earlier ones their exit quiz and closing."""
    items = []
    for index, guide in enumerate(guides):
        activities = list(guide.actividades)
        if join and index > 0:
            while activities and activities[0].tipo in ("apertura", "evaluacion"):
                activities.pop(0)
        if join and index < len(guides) - 1:
            while activities and activities[-1].tipo in ("cierre", "evaluacion"):
                activities.pop()
        items.extend((guide.guia_de, a) for a in activities)
    return items


def length(items: list[tuple[str, Activity]], break_minutes: int, work_limit: int) -> int:
    slots = schedule(items, break_minutes, work_limit)
    return slots[-1].end if slots else 0


def split_sessions(guides: list[Guide], available: int, join: bool, break_minutes: int, work_limit: int) -> list[tuple[list[str], int]]:
    """Modules in order, packed into sessions that last no more than `available`."""
    sessions: list[tuple[list[str], int]] = []
    current: list[Guide] = []
    for guide in guides:
        trial = current + [guide]
        minutes = length(programme(trial, join), break_minutes, work_limit)
        if current and minutes > available:
            sessions.append(([g.guia_de for g in current], length(programme(current, join), break_minutes, work_limit)))
            current = [guide]
        else:
            current = trial
    if current:
        sessions.append(([g.guia_de for g in current], length(programme(current, join), break_minutes, work_limit)))
    return sessions


def plan_workshop(codes: list[str], available: int, root: Path | None = None, language: str = "es",
                  break_minutes: int = BREAK_MINUTES, work_limit: int = WORK_LIMIT, join: bool = False) -> Plan:
    """Plan a session of `available` minutes for these modules, in this order."""
    if len(set(codes)) != len(codes):
        raise DefensoriaError("un módulo aparece dos veces en --modulos.")
    guides = guides_for(codes, root, language)
    modules = [get_module(g.guia_de, root) for g in guides]
    full = schedule(programme(guides, join), break_minutes, work_limit)
    # Activities run in order: once one does not fit, the rest do not either
    fitting = 0
    while fitting < len(full) and full[fitting].end <= available:
        fitting += 1
    kept = full[:fitting]
    if fitting < len(full):
        # A module cut in half moves whole to the next session, if a whole one fits before it
        cut_module = full[fitting].module if not full[fitting].is_break else full[fitting + 1].module
        whole = [s for s in kept if s.module is not None and s.module != cut_module]
        if whole:
            kept = kept[: kept.index(whole[-1]) + 1]
    while kept and kept[-1].is_break:
        kept.pop()
    left_out = [s for s in full[len(kept):] if not s.is_break]
    plan = Plan(modules, guides, available, kept, left_out, full[-1].end if full else 0,
                break_minutes=break_minutes, work_limit=work_limit, joined=join)
    if left_out:
        plan.second_session = list(dict.fromkeys(s.module for s in left_out))
        rest = [g for g in guides if g.guia_de in plan.second_session]
        plan.next_sessions = split_sessions(rest, available, join, break_minutes, work_limit)
        plan.second_session_minutes = plan.next_sessions[0][1]
        plan.first_module_minutes = length(programme(guides[:1]), break_minutes, work_limit)
        if not join and len(guides) > 1:
            plan.joined_minutes = length(programme(guides, True), break_minutes, work_limit)
    plan.materials = merge_materials(guides)
    plan.printing = printed_pack(guides, root, join)
    return plan


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def merge_materials(guides: list[Guide]) -> list[str]:
    """Every guide's materials once, in first-seen order (case and accents ignored)."""
    seen: dict[str, str] = {}
    for guide in guides:
        for item in guide.materiales:
            seen.setdefault(_fold(item), item.strip())
    return list(seen.values())


def quiz_command(codes: str, seed: str, questions: int) -> str:
    """The `cuestionario imprimir` order of an entry or exit quiz (two versions, bilingual)."""
    return (f"defensoria cuestionario imprimir --modulos {codes} --versiones 2 --preguntas {questions} "
            f"--idioma bilingue --semilla {seed} --salida salida/{seed}")


def printed_pack(guides: list[Guide], root: Path | None = None, join: bool = False) -> list[tuple[str, str]]:
    """What to print before the workshop, as (what, command).

    With the print tool, its trainer's pack (guides, handouts, sign-in sheet, quizzes);
    the entry and exit quizzes are the commands each guide gives in its evaluation
    section (one source), so that the two quizzes differ.
    """
    codes = ",".join(g.guia_de for g in guides)
    items = [("Paquete del taller: guías, hojas para la asamblea, hoja de asistencia, cuestionarios y claves",
              f'defensoria imprimir --solo taller --modulos {codes} --defensoria "NOMBRE DE LA DEFENSORÍA"'
              " (o agregue --imprimir CARPETA a este plan)")]
    stages = (("Cuestionario de entrada", "entrada"), ("Cuestionario de salida", "salida"))
    if join and len(guides) > 1:
        # One entry and one exit quiz drawn from every module's bank
        for what, stage in stages:
            items.append((f"{what}, {codes}", quiz_command(codes, f"taller-{stage}", 4 * len(guides))))
    else:
        for guide in guides:
            for what, stage in stages:
                items.append((f"{what}, {guide.guia_de}", quiz_command(guide.guia_de, f"{guide.guia_de}-{stage}", QUESTIONS_PER_MODULE)))
    return items
