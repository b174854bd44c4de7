"""Citations of quiz items ("Ley 30364, art. 15"): existence in normas.yml, link.

The shape is the one grammar of defensoria.content.citations.

The norms data (docs/_datos/normas.yml) belongs to the norms feature; when it is absent
only the shape is checked, so banks can be written before the data exists.
"""

from pathlib import Path

from defensoria.content.citations import parse_citation
from defensoria.errors import SourceError
from defensoria.legal import norms as legal
from defensoria.legal.norms import norms_path

# "Ley 30364, art. 15", "AP 1-2009/CJ-116, fj. 13", "D.S. 007-2023-MIMP" (whole norm)
# The Normas page (docs/normas.md), built as normas.html (offline build, no directory URLs)
NORMS_PAGE = "normas.html"


def load_norms(root: Path | None = None):
    """The norms data (defensoria.legal), or None while docs/_datos/normas.yml does not exist."""
    if not norms_path(root).is_file():
        return None
    try:
        return legal.load_norms(root)
    except SourceError:
        return None  # the norms check reports a broken file; quizzes only check shapes then


def citation_problem(text: str, root: Path | None = None) -> str | None:
    """A Spanish message if the citation is malformed or names an unknown norm/article."""
    citation = parse_citation(text)
    if citation is None or text.strip().startswith("[["):
        return f"la cita '{text}' no tiene la forma 'Ley 30364, art. 15' (norma, coma, 'art.' o 'fj.' y número)."
    norm, article = citation.norma, citation.articulo
    norms = load_norms(root)
    if norms is None:
        return None
    if norm not in norms:
        return f"cita desconocida: la norma '{norm}' no está en docs/_datos/normas.yml (normas: {', '.join(norms)})."
    if norms.find(norm, article) is None:
        known = ", ".join(norms[norm].articulos) or "ningún artículo"
        return f"cita desconocida: '{text}' no está en docs/_datos/normas.yml (la norma '{norm}' tiene: {known})."
    return None


def citation_link(text: str) -> str:
    """URL of the citation on the Normas page, relative to the language's site root."""
    citation = parse_citation(text)
    return f"{NORMS_PAGE}#{citation.anchor}" if citation else NORMS_PAGE
