"""Quechua edition checks for `defensoria revisar` (same library as `defensoria traducciones`).

Errors (the build must not ship them): a Quechua page without a valid review state, a
spelling slip in Quechua text, a broken termbase or a termbase citation missing from the
norms data. Warnings (normal while translating): a translation older than its Spanish
page, a page that does not record which Spanish version it translates, a termbase term
missing from a translation, a probable name not yet in the allow-list.
"""

from pathlib import Path

from defensoria.checks import ERROR, WARNING, Problem, check
from defensoria.errors import SourceError
from defensoria.glossary.model import glossary_path, load_glossary
from defensoria.pages import read_page
from defensoria.translation.lint import lint_project, quechua_pages
from defensoria.translation.orthography import load_rules
from defensoria.translation.state import HASH_LENGTH, STATES, translation_state
from defensoria.translation.terminology import terminology_misses


@check("traduccion-estado")
def check_translation_state(root: Path):
    for path in quechua_pages(root):
        try:
            page = read_page(path)
            state = translation_state(path)
        except SourceError:
            continue  # reported by the 'encabezados' check
        info = page.meta.get("traduccion")
        line = page.line_of("traduccion")
        if not isinstance(info, dict) or state.estado not in STATES:
            yield Problem(path, line, "falta el estado de la traducción: escriba en el encabezado «traduccion: {estado: borrador}» (o revisado, con por y fecha).")
            continue
        if state.estado == "revisado" and not (info.get("por") and info.get("fecha")):
            yield Problem(path, line, "una traducción «revisado» indica quién la revisó y cuándo: traduccion: {estado: revisado, por: …, fecha: AAAA-MM-DD}.")
        if not state.recorded:
            yield Problem(path, line, f"la traducción no dice qué versión de {state.spanish.name} traduce: ejecute «defensoria traducciones --fijar {path.name}».", WARNING)
        elif len(state.recorded) != HASH_LENGTH:
            yield Problem(path, line, f"traduccion.fuente «{state.recorded}» no es una huella válida; vuelva a fijarla con «defensoria traducciones --fijar {path.name}».")
        elif state.stale:
            yield Problem(path, line, f"traducción desactualizada: {state.spanish.name} cambió después de traducirla. Actualice la traducción y luego ejecute «defensoria traducciones --fijar {path.name}».", WARNING)


@check("ortografia-qu")
def check_quechua_spelling(root: Path):
    for path, finding in lint_project(root, load_rules(root)):
        yield Problem(path, finding.line, finding.message, ERROR if finding.level == "error" else WARNING)


@check("glosario")
def check_glossary(root: Path):
    path = glossary_path(root)
    if not path.is_file():
        return
    yield from _unknown_citations(root, load_glossary(root), path)


def _unknown_citations(root: Path, glossary, path: Path):
    try:
        from defensoria.legal.norms import load_norms
        norms = load_norms(root)
    except (ImportError, SourceError):
        return  # no norms data: the citation check of the norms reports that
    for term in glossary.terminos:
        for code, article, _unit in term.citations:
            if norms.find(code, article) is None:
                what = f"«{code}, art. {article}»" if article else f"«{code}»"
                yield Problem(path, term.line, f"término «{term.id}»: la cita {what} no está en docs/_datos/normas.yml.")


@check("terminologia")
def check_terminology(root: Path):
    if not glossary_path(root).is_file():
        return
    try:
        glossary = load_glossary(root)
    except SourceError:
        return  # reported by the 'glosario' check
    for miss in terminology_misses(root, glossary):
        yield Problem(miss.quechua, miss.line,
                      f"«{miss.term.es}» aparece en {miss.spanish.name}:{miss.spanish_line}, pero el término quechua «{miss.term.qu}» "
                      f"no aparece en esta traducción (glosario: {miss.term.id}).", WARNING)
