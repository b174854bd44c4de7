"""Citations `[[norma, art. N]]`: each one is in the norms data; modules cite enough.

- `citas` (default): an unknown norm or article, or a malformed citation, is an error
  with file:line; a module page citing fewer than MIN_ARTICLES distinct articles is a
  warning; a broken normas.yml is an error with its line.
- `legal` (optional, `defensoria revisar --legal`): an error for an article marked verified
  without its literal text or on an upload site or blog; a warning for every cited article
  still `verificado: false`, with where its text was sought — the lawyer's to-do list.
  `legal_summary` counts the cited articles (pages, guides, module sources, quiz banks,
  glossary) and how many are verified with literal text.
"""

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from defensoria import paths
from defensoria.catalog import MODULE_FILE
from defensoria.checks import WARNING, Problem, check
from defensoria.content.citations import Citation, parse_citation
from defensoria.content.markdown import iter_pages, language_of, read_page
from defensoria.content.yamlfile import read_yaml
from defensoria.errors import SourceError
from defensoria.legal.norms import QUECHUA_FILE, Norms, load_norms, verification_problems

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
    norms = load_norms(root)
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


def _yaml_citations(path: Path, field: str) -> Iterator[Cited]:
    """Citations in `field` values (a string or a list) anywhere in a YAML file, with lines."""
    try:
        document = read_yaml(path)
    except SourceError:
        return  # reported by the check that owns the file

    def walk(node, where: tuple):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == field and isinstance(value, str):
                    yield where + (key,), value
                elif key == field:
                    for index, text in enumerate(value or []):
                        yield where + (key, index), str(text)
                else:
                    yield from walk(value, where + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, where + (index,))

    for location, text in walk(document.data, ()):
        yield Cited(path, document.line(location), text, parse_citation(text))


def project_citations(root: Path) -> Iterator[Cited]:
    """Every citation of the project: pages and guides, module sources, quiz banks, glossary."""
    yield from site_citations(root)
    for path in sorted(paths.modules_dir(root).glob("m*.md")):
        yield from _front_matter_citations(path, "fuentes")
    for path in sorted(paths.quizzes_dir(root).glob("*.yml")) if paths.quizzes_dir(root).is_dir() else []:
        yield from _yaml_citations(path, "cita")
    glossary = paths.docs_dir(root) / "_datos" / "glosario.yml"
    if glossary.is_file():
        yield from _yaml_citations(glossary, "cita")


def _front_matter_citations(path: Path, field: str) -> Iterator[Cited]:
    try:
        page = read_page(path)
    except SourceError:
        return  # reported by the `encabezados` check
    values = page.meta.get(field)
    for index, item in enumerate(values if isinstance(values, list) else []):
        yield Cited(path, page.line_of((field, index)), str(item), parse_citation(str(item)))


@dataclass
class LegalSummary:
    """What the site cites and how much of it rests on the literal text of the law."""

    places: dict[tuple[str, str], list[Cited]]  # (norm, article) → where it is cited
    verified: list[tuple[str, str]]
    unverified: list[tuple[str, str]]

    @property
    def percent(self) -> float:
        return 100 * len(self.verified) / len(self.places) if self.places else 100.0


def legal_summary(root: Path, norms: Norms | None = None) -> LegalSummary:
    """Cited articles (every source of citations), split by `verificado`."""
    norms = norms or load_norms(root)
    places: dict[tuple[str, str], list[Cited]] = {}
    for cited in project_citations(root):
        citation = cited.citation
        if citation is None or citation.articulo is None or norms.find(citation.norma, citation.articulo) is None:
            continue  # malformed, unknown or whole-norm citations: the `citas` check
        places.setdefault((citation.norma, citation.articulo), []).append(cited)
    # In the order of normas.yml, as the lawyer reads it
    order = {(code, number): index for index, (code, number) in
             enumerate((code, number) for code, norm in norms.items() for number in norm.articulos)}
    cited = sorted(places, key=order.__getitem__)
    verified = [key for key in cited if norms.find(*key)[1].verificado]
    unverified = [key for key in cited if key not in verified]
    return LegalSummary(places, verified, unverified)


def _article_line(path: Path, code: str, number: str) -> int | None:
    """Line of an article's key in normas.yml (after its norm's key), for messages."""
    lines = path.read_text(encoding="utf-8").splitlines()
    try:
        start = lines.index(f"{code}:")
    except ValueError:
        return None
    for index in range(start + 1, len(lines)):
        if lines[index].strip() in (f'"{number}":', f"'{number}':", f"{number}:"):
            return index + 1
    return start + 1


@check("legal", optional=True)
def check_unverified(root: Path):
    """Errors: verified entries without literal text or on a banned source. Warnings: the
    lawyer's list, one per unverified cited article, with where its text was sought."""
    try:
        norms = load_norms(root)
    except SourceError:
        return  # reported by `citas`
    for name, message in verification_problems(norms):
        code, _, number = name.partition(", ")
        yield Problem(norms.path, _article_line(norms.path, code, number.split(" ", 1)[-1]) if number else None, message)
    summary = legal_summary(root, norms)
    for code, number in summary.unverified:
        norm, article = norms.find(code, number)
        where = summary.places[(code, number)]
        first = next((c for c in where if c.line), where[0])
        place = f"{first.path.relative_to(root) if first.path.is_relative_to(root) else first.path}" + (f":{first.line}" if first.line else "")
        searched = " ".join(f"({i}) {text}" for i, text in enumerate(article.buscado, 1)) or "no se registró dónde se buscó."
        yield Problem(norms.path, _article_line(norms.path, code, number),
                      f"{code}, {norm.unidad} {number} sin verificar: citado {len(where)} vez/veces (p. ej. {place}). "
                      f"Texto usado: {article.edicion.strip()} Buscado: {searched}", WARNING)
