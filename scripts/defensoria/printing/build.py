"""`defensoria imprimir`, the core: plan every PDF, then run the steps one by one.

Planning is cheap and checks everything first (modules exist, options make sense), so a
typo fails before any file is written. Running catches each step's error, keeps going,
and reports every failure at the end (the command then exits with 1).

Output folder:

    hojas/m04-la-denuncia-bilingue-a4.pdf   handouts: es, qu, bilingue × a4, a5
    manual/manual-es.pdf, manual-qu.pdf      the full manual per language
    taller/<taller o módulos>/               the trainer's pack
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from defensoria.catalog import Module
from defensoria.errors import DefensoriaError
from defensoria.printing.handouts import LAYOUTS, MODES, handout_filename, handout_pdf, needs_quechua
from defensoria.printing.manual import manual_pdf
from defensoria.printing.model import Handout, load_handout
from defensoria.printing.pack import PackOptions, Step, pack_steps
from defensoria.files import write_atomic

PARTS = ("hojas", "manual", "taller")


@dataclass
class PrintPlan:
    modules: list[Module]
    modes: tuple[str, ...] = MODES
    layouts: tuple[str, ...] = LAYOUTS
    parts: tuple[str, ...] = PARTS
    pack: PackOptions | None = None


@dataclass
class PrintReport:
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def handout_steps(root: Path, plan: PrintPlan, folder: Path, notes: list[str]) -> list[Step]:
    """One step per handout; Quechua and bilingual ones only where the Quechua page exists."""
    steps, cache = [], {}

    def handout(module: Module) -> Handout:
        if module.modulo not in cache:
            cache[module.modulo] = load_handout(module, root)
        return cache[module.modulo]

    for module in plan.modules:
        has_quechua = module.page_path("qu").is_file()
        if not has_quechua and any(needs_quechua(mode) for mode in plan.modes):
            notes.append(f"{module.modulo}: sin página en quechua ({module.page_path('qu').name}); se omiten sus hojas qu y bilingüe.")
        for mode in plan.modes:
            if needs_quechua(mode) and not has_quechua:
                continue
            for layout in plan.layouts:
                target = folder / handout_filename(module, mode, layout)
                steps.append(Step(f"Hoja {module.modulo} {mode} {layout.upper()}", _handout_run(handout, module, mode, layout, root, target)))
    return steps


def _handout_run(handout: Callable, module: Module, mode: str, layout: str, root: Path, target: Path):
    return lambda: ([write_atomic(target, handout_pdf(handout(module), mode, layout, root))], [])


def manual_steps(root: Path, languages: list[str], folder: Path) -> list[Step]:
    def run(language: str):
        def go():
            pdf, notes = manual_pdf(root, language)
            return [write_atomic(folder / f"manual-{language}.pdf", pdf)], notes
        return go

    return [Step(f"Manual ({language})", run(language)) for language in languages]


def document_languages(modes: tuple[str, ...]) -> list[str]:
    """Manuals and guides come in es and qu; asking only for 'bilingue' gives both."""
    languages = [language for language in ("es", "qu") if language in modes]
    return languages or ["es", "qu"]


def plan_steps(root: Path, plan: PrintPlan, out: Path) -> tuple[list[Step], list[str]]:
    """Every step of the plan and the notes known before running (skipped pieces)."""
    notes: list[str] = []
    steps: list[Step] = []
    if "hojas" in plan.parts:
        steps += handout_steps(root, plan, out / "hojas", notes)
    if "manual" in plan.parts:
        steps += manual_steps(root, document_languages(plan.modes), out / "manual")
    if "taller" in plan.parts and plan.pack is not None:
        name = (plan.pack.workshop or "taller-" + "-".join(m.modulo for m in plan.modules)).lower()
        steps += pack_steps(root, plan.pack, out / "taller" / name)
        notes += plan.pack.notes
    return steps, notes


def run_steps(steps: list[Step], start: Callable[[str], None] = lambda label: None,
              done: Callable[[], None] = lambda: None) -> PrintReport:
    """Run each step; an error in one is recorded and the others still run."""
    report = PrintReport()
    for step in steps:
        start(step.label)
        try:
            written, notes = step.run()
            report.written += written
            report.notes += notes
        except DefensoriaError as error:
            report.errors.append(f"{step.label}: {error.format_message()}")
        finally:
            done()
    return report


def print_workshop_pack(modules: list[Module], root: Path, folder: Path, council: str | None = None,
                        start=lambda label: None, done=lambda: None):
    """The trainer's pack of a planned workshop (its modules) into `folder`."""
    codes = "-".join(m.modulo for m in modules)
    options = PackOptions(modules=modules, seed=f"taller-{codes}", council=council)
    report = run_steps(pack_steps(root, options, folder), start=start, done=done)
    report.notes = options.notes + report.notes
    return report
