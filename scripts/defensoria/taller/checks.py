"""`defensoria revisar` check `guias`: facilitator guides are complete and consistent.

Per guide (both languages): valid front matter; guia_de is a module of the catalogue;
activity minutes add up to `duracion`; each activity has its `### … (N min)` section,
in order; the required sections are there, the safety-and-ethics one with the places
to refer to; the evaluation gives the `defensoria cuestionario imprimir` command. A
Quechua guide has the same module, duration and activity minutes as its Spanish one.
Learner pages never link to guides (the site adds a discreet trainers' note instead).
"""

import re
from pathlib import Path

from defensoria import paths
from defensoria.catalog import catalog
from defensoria.checks import Problem, check
from defensoria.errors import SourceError
from defensoria.pages import Page, iter_pages, language_of, read_page, translation_path
from defensoria.taller.guides import GUIDES_FOLDER, Guide, activity_headings, guide_files, guide_from_page

# Required H2 sections, in order, per language; the key names the section for messages
SECTIONS = {
    "es": {
        "objetivos": "Objetivos",
        "duracion": "Duración",
        "materiales": "Materiales",
        "preparacion": "Preparación",
        "actividades": "Actividades",
        "mensajes": "Mensajes clave",
        "seguridad": "Seguridad y ética",
        "evaluacion": "Evaluación",
        "adaptaciones": "Adaptaciones",
    },
    "qu": {
        "objetivos": "Imakunatam yachanqaku",
        "duracion": "Hayk'a pacha",
        "materiales": "Materialkuna",
        "preparacion": "Wakichikuy",
        "actividades": "Ruwanakuna",
        "mensajes": "Yuyarinapaq",
        "seguridad": "Amachakuy, allin ruwaypas",
        "evaluacion": "Yachasqankuta qhawariy",
        "adaptaciones": "Tupachiy",
    },
}
# Where to refer someone who discloses violence: each must be named in the safety block
REFERRALS = ("Línea 100", "CEM", "comisar", "DEMUNA")
H2 = re.compile(r"^##\s+(.+?)\s*$")
GUIDE_LINK = re.compile(r"\]\([^)]*formadores/guias/[^)]*\)")


def sections_of(page: Page) -> dict[str, tuple[int, str]]:
    """H2 title → (line, text of the section), outside code fences."""
    sections: dict[str, tuple[int, list[str]]] = {}
    current = None
    for number, line in page.body_lines:
        if not page.in_fence(number) and (match := H2.match(line)):
            current = match.group(1)
            sections.setdefault(current, (number, []))
            continue
        if current is not None:
            sections[current][1].append(line)
    return {title: (line, "\n".join(text)) for title, (line, text) in sections.items()}


def guide_problems(page: Page, guide: Guide, modules: dict) -> list[Problem]:
    """Problems of one valid guide (front matter already validated)."""
    path, problems = page.path, []
    if guide.guia_de not in modules:
        known = ", ".join(modules) or "ninguno"
        problems.append(Problem(path, page.line_of("guia_de"), f"guia_de: no existe el módulo {guide.guia_de}. Módulos: {known}."))
    total = guide.activity_minutes
    if total != guide.duracion:
        parts = " + ".join(str(a.minutos) for a in guide.actividades)
        problems.append(Problem(path, page.line_of("duracion"), f"duracion es {guide.duracion} minutos, pero las actividades suman {total} ({parts})."))
    headings = list(activity_headings(page))
    for index, activity in enumerate(guide.actividades):
        wanted = (activity.nombre.casefold(), activity.minutos)
        found = [h for h in headings if (h[1].casefold(), h[2]) == wanted]
        if not found:
            same_name = [h for h in headings if h[1].casefold() == wanted[0]]
            hint = (f" La sección dice {same_name[0][2]} min (línea {same_name[0][0]})." if same_name else "")
            problems.append(Problem(path, page.line_of("actividades"), f"la actividad {index + 1} «{activity.nombre}» ({activity.minutos} min) no tiene su sección '### {index + 1}. {activity.nombre} ({activity.minutos} min)'.{hint}"))
    order = [(h[1].casefold(), h[2]) for h in headings]
    declared = [(a.nombre.casefold(), a.minutos) for a in guide.actividades]
    if not problems and order != declared and sorted(order) == sorted(declared):
        problems.append(Problem(path, headings[0][0], "las secciones de las actividades no siguen el orden del encabezado (actividades)."))
    problems.extend(section_problems(page, guide))
    return problems


def section_problems(page: Page, guide: Guide) -> list[Problem]:
    language = language_of(page.path)
    required = SECTIONS.get(language, SECTIONS["es"])
    sections = sections_of(page)
    problems = []
    for key, title in required.items():
        if title not in sections:
            problems.append(Problem(page.path, page.body_line, f"falta la sección '## {title}'."))
    safety = sections.get(required["seguridad"])
    if safety:
        missing = [name for name in REFERRALS if name.casefold() not in safety[1].casefold()]
        if missing:
            names = ", ".join("comisaría" if m == "comisar" else m for m in missing)
            problems.append(Problem(page.path, safety[0], f"la sección de seguridad y ética debe decir a dónde derivar; falta: {names}."))
    evaluation = sections.get(required["evaluacion"])
    if evaluation and not re.search(rf"defensoria cuestionario imprimir\b[^\n]*--modulos\s+\S*{guide.guia_de}", evaluation[1]):
        problems.append(Problem(page.path, evaluation[0], f"la evaluación debe dar la orden para imprimir las pruebas: 'defensoria cuestionario imprimir --modulos {guide.guia_de} …'."))
    return problems


def translation_problems(page: Page, guide: Guide, spanish: Guide) -> list[Problem]:
    """A Quechua guide keeps the Spanish guide's module, duration and activity minutes."""
    path = page.path
    if guide.guia_de != spanish.guia_de or guide.duracion != spanish.duracion:
        return [Problem(path, page.line_of("duracion"), f"la guía en quechua debe tener el mismo módulo y la misma duración que {spanish.path.name} ({spanish.guia_de}, {spanish.duracion} min).")]
    ours = [(a.minutos, a.tipo) for a in guide.actividades]
    theirs = [(a.minutos, a.tipo) for a in spanish.actividades]
    if ours != theirs:
        return [Problem(path, page.line_of("actividades"), f"las actividades deben tener los mismos minutos y tipos que en {spanish.path.name}: {', '.join(f'{m} min {t}' for m, t in theirs)}.")]
    return []


@check("guias")
def check_guides(root: Path):
    try:
        modules = catalog(root)
    except SourceError:
        modules = {}  # a broken module page is reported by the `encabezados` check
    for path in guide_files(root, "es"):
        spanish = yield from _check_one(path, modules)
        quechua = translation_path(path, "qu")
        if quechua.is_file():
            guide = yield from _check_one(quechua, modules)
            if guide and spanish:
                yield from translation_problems(read_page(quechua), guide, spanish)
    for path in guide_files(root, "qu"):
        if not translation_path(path, "es").is_file():
            yield Problem(path, 1, "guía en quechua sin su guía en castellano.")
    yield from learner_links(root)


def _check_one(path: Path, modules: dict):
    """Yield the problems of one guide file; return the guide (or None if unreadable)."""
    try:
        page = read_page(path)
        guide = guide_from_page(page)
    except SourceError as error:
        yield Problem.from_error(error)
        return None
    yield from guide_problems(page, guide, modules)
    return guide


def learner_links(root: Path):
    """Pages outside docs/formadores/ must not link to a guide."""
    docs = paths.docs_dir(root)
    trainers = docs / GUIDES_FOLDER.parts[0]
    for path in iter_pages(docs):
        if trainers in path.parents:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if GUIDE_LINK.search(line):
                yield Problem(path, number, "una página para participantes enlaza una guía de formadores; las guías se enlazan solo desde docs/formadores/ (el sitio ya pone una nota discreta en cada módulo).")
