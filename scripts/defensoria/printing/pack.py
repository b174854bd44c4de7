"""Driver: the trainer's pack for a workshop.

Into one folder: the facilitator guide of each module when it exists
docs/formadores/guias/mNN-guia.md), the assembly handouts of the workshop in one PDF,
the sign-in sheet from the tracker (with its CSV/XLSX to type in), and the quiz
versions with their keys from the quiz tool. Each piece is a step the build runs.

Example:

    steps = pack_steps(root, PackOptions(modules=[get_module("m04")], seed="ccatca"), Path("salida/taller"))
    for step in steps: step.run()
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from defensoria import paths
from defensoria.catalog import Module
from defensoria.errors import DefensoriaError
from defensoria.printing.handouts import handout_pdf
from defensoria.printing.model import load_handout
from defensoria.files import write_atomic
from defensoria.printing.guide import guide_pdf, guide_source
from defensoria.printing.pdf import merge_pdfs
from defensoria.taller.guides import GUIDES_FOLDER

@dataclass
class Step:
    """One thing to produce; `run` returns the files written and notes for the user."""

    label: str
    run: Callable[[], tuple[list[Path], list[str]]]


@dataclass
class PackOptions:
    modules: list[Module]
    # Quiz versions: how many, and the seed that makes them reproducible
    seed: str = "taller"
    versions: int = 2
    quiz_language: str = "bilingue"
    # The tracker: a registered workshop and the council whose people fill the sheet
    workshop: str | None = None
    council: str | None = None
    database: Path | None = None
    languages: tuple[str, ...] = ("es", "qu")
    notes: list[str] = field(default_factory=list)


def pack_steps(root: Path, options: PackOptions, folder: Path) -> list[Step]:
    """Every step of the pack, in the order a trainer prints them; the cover first."""
    steps = [Step("Portada", lambda: _cover(root, options, folder / "00-portada.pdf"))]
    for module in options.modules:
        source = guide_source(root, module)
        if source is None:
            options.notes.append(f"{module.modulo}: aún no tiene guía del taller (docs/{GUIDES_FOLDER}/{module.modulo}-guia.md).")
            continue
        for language in options.languages:
            steps.append(Step(f"Guía {module.modulo} ({language})", _guide_step(root, source, language, folder / f"guia-{module.modulo}-{language}.pdf")))
    steps.append(Step("Hojas para la asamblea", lambda: _handouts_bundle(root, options.modules, folder / "hojas-asamblea.pdf")))
    steps.append(Step("Hoja de asistencia", lambda: _signin_sheet(root, options, folder)))
    steps.append(Step("Cuestionarios y claves", lambda: _quizzes(root, options, folder / "cuestionario")))
    return steps


def _cover(root: Path, options: PackOptions, target: Path):
    """The first page: the modules, what the folder holds in print order, the Línea 100."""
    from defensoria.printing.cover import cover_pdf

    codes = ",".join(m.modulo for m in options.modules)
    contents = [("00-portada.pdf", "esta portada")]
    contents += [(f"guia-{m.modulo}-{language}.pdf", "la guía del taller, para usted (no se reparte)")
                 for m in options.modules if guide_source(root, m) for language in options.languages]
    contents += [("hojas-asamblea.pdf", "las hojas de los módulos para la asamblea, una por persona"),
                 ("asistencia-….pdf / .csv / .xlsx", "la hoja de asistencia de la defensoría (tiene datos personales)"),
                 ("cuestionario/cuestionario.pdf", f"{options.versions} versiones del cuestionario para repartir"),
                 ("cuestionario/claves.pdf", "las claves: solo para usted, no las reparta")]
    note = (f"Cuestionario con la semilla «{options.seed}»: anótela. Para volver a imprimir las mismas versiones y sus claves: "
            f"defensoria cuestionario imprimir --modulos {codes} --versiones {options.versions} "
            f"--idioma {options.quiz_language} --semilla {options.seed}")
    return [write_atomic(target, cover_pdf(root, options.modules, contents, note))], []


def _guide_step(root: Path, source: str, language: str, target: Path):
    def run():
        translated = paths.docs_dir(root) / (source if language == "es" else source[: -len(".md")] + f".{language}.md")
        if not translated.is_file():
            return [], [f"{source}: la guía aún no está en quechua; se imprime solo en castellano."]
        return [write_atomic(target, guide_pdf(root, source, language))], []
    return run


def _handouts_bundle(root: Path, modules: list[Module], target: Path):
    """The workshop's handouts in one file: bilingual where the Quechua page exists."""
    parts, notes = [], []
    for module in modules:
        handout = load_handout(module, root)
        mode = "bilingue" if "qu" in handout.sides else "es"
        if mode == "es":
            notes.append(f"{module.modulo}: sin página en quechua; su hoja va solo en castellano.")
        parts.append(handout_pdf(handout, mode, "a4", root))
    return [write_atomic(target, merge_pdfs(parts))], notes


def _signin_sheet(root: Path, options: PackOptions, folder: Path):
    """The tracker's sign-in sheet; without a council there is nothing to list."""
    if not options.council:
        return [], ["hoja de asistencia: indique --defensoria \"Nombre\" (y --taller CÓDIGO si el taller ya está registrado)."]
    from defensoria.registro import db
    from defensoria.registro.signin import build_sheet, write_sheet

    conn = db.connect(options.database or db.default_path(root), create=False)
    try:
        sheet = build_sheet(conn, options.council, workshop=options.workshop, modules=None if options.workshop else options.modules)
        written = write_sheet(sheet, folder, ("pdf", "csv", "xlsx"))
    finally:
        conn.close()
    return written, ["la hoja de asistencia tiene datos personales: no la publique ni la comparta."]


def _quizzes(root: Path, options: PackOptions, folder: Path):
    """Quiz versions and keys for the modules that have a question bank."""
    from defensoria.quiz.bank import bank_paths, load_banks
    from defensoria.quiz.printing import PrintOptions, print_quiz

    available = {path.stem for path in bank_paths(root)}
    codes = [m.modulo for m in options.modules if m.modulo in available]
    notes = [f"{m.modulo}: sin banco de preguntas (quizzes/{m.modulo}.yml)." for m in options.modules if m.modulo not in available]
    if not codes:
        return [], notes or ["no hay bancos de preguntas para estos módulos."]
    titles = {m.modulo: m.title for m in options.modules}
    print_options = PrintOptions(seed=options.seed, versions=options.versions, language=options.quiz_language)
    try:
        written = print_quiz(load_banks(root, codes), print_options, folder, titles)
    except DefensoriaError:
        raise
    return written, notes
