"""Citations `[[norma, art. N]]`: each one is in the norms data; modules cite enough.

- `citas` (default): an unknown norm or article, or a malformed citation, is an error
  with file:line; a module page citing fewer than MIN_ARTICLES distinct articles is a
  warning; a broken normas.yml is an error with its line.
- `legal` (optional, `defensoria revisar --legal`): every citation whose norm or article
  is still `verificado: false` — the to-do list of the lawyer who reviews the content.
"""

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from defensoria import paths
from defensoria.catalog import MODULE_FILE
from defensoria.checks import WARNING, Problem, check
from defensoria.content.citations import Citation
from defensoria.content.markdown import iter_pages, language_of, read_page
from defensoria.errors import SourceError
from defensoria.legal.norms import QUECHUA_FILE, Norms, load_norms

MIN_ARTICLES = 5


@dataclass(frozen=True)
class Cited:
    """A citation found in a page source, with its place."""

    path: Path
    line: int
    text: str
    citation: Citation | None  # None when the text is not a citation the syntax allows


def find_citations(path: Path) -> Iterator[Cited]:
    """Every [[…]] in a page body, outside code, with its line."""
    for found in read_page(path).citations():
        yield Cited(path, found.line, found.text, found.citation)


def site_citations(root: Path) -> Iterator[Cited]:
    """Citations of every page of the site, both languages."""
    for path in iter_pages(paths.docs_dir(root)):
        try:
            yield from find_citations(path)
        except SourceError:
            continue  # a broken front matter is reported by the `encabezados` check


def is_module_page(path: Path, root: Path) -> bool:
    return path.parent == paths.modules_dir(root) and bool(MODULE_FILE.match(path.name)) and language_of(path) == "es"


def explain_unknown(cited: Cited, norms: Norms) -> str | None:
    """Why a citation does not resolve, in Spanish, or None when it does."""
    citation = cited.citation
    if citation is None:
        return f"cita «{cited.text}» con formato no válido. Escriba [[Ley 30364, art. 15]], [[CP, art. 122-B]] o [[D.S. 007-2023-MIMP]]."
    norm = norms.get(citation.norma)
    if norm is None:
        close = difflib.get_close_matches(citation.norma, list(norms), n=1, cutoff=0.6)
        hint = f" ¿Quiso decir «{close[0]}»?" if close else f" Normas conocidas: {', '.join(norms)}."
        return f"la norma «{citation.norma}» de la cita {cited.text} no está en docs/_datos/normas.yml.{hint}"
    if citation.articulo is None:
        return None
    if citation.unidad != norm.unidad:
        return f"en la cita {cited.text}, «{citation.norma}» se cita con «{norm.unidad}», no con «{citation.unidad}»."
    if citation.articulo not in norm.articulos:
        known = ", ".join(norm.articulos) or "ninguno"
        return (f"el {citation.unidad} {citation.articulo} de «{citation.norma}» ({cited.text}) no está en "
                f"docs/_datos/normas.yml. Agréguelo con su fuente, o corrija la cita (artículos: {known}).")
    return None


@check("citas")
def check_citations(root: Path):
    try:
        norms = load_norms(root)
    except SourceError as error:
        yield Problem.from_error(error)
        return
    yield from missing_quechua(norms)
    articles_per_module: dict[Path, set[tuple[str, str]]] = {}
    for cited in site_citations(root):
        if problem := explain_unknown(cited, norms):
            yield Problem(cited.path, cited.line, problem)
        elif cited.citation.articulo and is_module_page(cited.path, root):
            articles_per_module.setdefault(cited.path, set()).add((cited.citation.norma, cited.citation.articulo))
    for path in sorted(paths.modules_dir(root).glob("m*.md")):
        if is_module_page(path, root):
            count = len(articles_per_module.get(path, ()))
            if count < MIN_ARTICLES:
                yield Problem(path, 1, f"el módulo cita {count} artículo(s) distinto(s) con [[…]]; debe citar al menos {MIN_ARTICLES}.", WARNING)


def missing_quechua(norms: Norms) -> Iterator[Problem]:
    """Norms and articles with no Quechua summary yet (normas.qu.md shows the Spanish)."""
    quechua = norms.path.with_name(QUECHUA_FILE.name)
    for code, norm in norms.items():
        missing = [number for number, article in norm.articulos.items() if not article.qu]
        if not norm.qu:
            missing.insert(0, "(resumen de la norma)")
        if missing:
            yield Problem(quechua, None, f"falta el texto en quechua de «{code}»: {', '.join(missing)}.", WARNING)


@check("legal", optional=True)
def check_unverified(root: Path):
    try:
        norms = load_norms(root)
    except SourceError:
        return  # reported by `citas`
    for cited in site_citations(root):
        if cited.citation is None or explain_unknown(cited, norms):
            continue
        norm, article = norms.find(cited.citation.norma, cited.citation.articulo)
        entry = article or norm
        if not entry.verificado:
            yield Problem(cited.path, cited.line, f"{cited.citation} sin verificar: {entry.texto} Fuente usada: {entry.fuente}", WARNING)
