"""Citations of quiz items ("Ley 30364, art. 15"): shape, existence in normas.yml, link.

The norms data (docs/_datos/normas.yml) belongs to the norms feature; when it is absent
only the shape is checked, so banks can be written before the data exists.
"""

import re
from functools import lru_cache
from pathlib import Path

import yaml

from defensoria import paths

# "Ley 30364, art. 15", "AP 1-2009/CJ-116, fj. 13", "D.S. 007-2023-MIMP" (whole norm)
CITATION = re.compile(r"^(?P<norm>[^,\[\]]+?)(?:, (?P<unit>art\.|fj\.) (?P<article>[0-9]+(?:-[A-Z])?(?:\.[0-9]+)?))?$")


def parse_citation(text: str) -> tuple[str, str | None, str | None] | None:
    """'Ley 30364, art. 15' → ('Ley 30364', 'art.', '15'); None if the shape is wrong."""
    match = CITATION.match(text.strip())
    if not match:
        return None
    return match.group("norm").strip(), match.group("unit"), match.group("article")


def norms_path(root: Path | None = None) -> Path:
    return paths.docs_dir(root) / "_datos" / "normas.yml"


@lru_cache(maxsize=8)
def _norms(path: Path, mtime: float) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data if isinstance(data, dict) else {}


def load_norms(root: Path | None = None) -> dict | None:
    """The norms data by code, or None while docs/_datos/normas.yml does not exist."""
    path = norms_path(root)
    if not path.is_file():
        return None
    try:
        return _norms(path, path.stat().st_mtime)
    except yaml.YAMLError:
        return None  # the norms check reports a broken file; quizzes only check shapes then


def citation_problem(text: str, root: Path | None = None) -> str | None:
    """A Spanish message if the citation is malformed or names an unknown norm/article."""
    parsed = parse_citation(text)
    if parsed is None:
        return f"la cita '{text}' no tiene la forma 'Ley 30364, art. 15' (norma, coma, 'art.' o 'fj.' y número)."
    norm, unit, article = parsed
    norms = load_norms(root)
    if norms is None:
        return None
    if norm not in norms:
        return f"cita desconocida: la norma '{norm}' no está en docs/_datos/normas.yml (normas: {', '.join(norms)})."
    articles = (norms[norm] or {}).get("articulos") or {}
    if article is not None and str(article) not in {str(key) for key in articles}:
        return f"cita desconocida: '{text}' no está en docs/_datos/normas.yml (la norma '{norm}' tiene: {', '.join(map(str, articles)) or 'ningún artículo'})."
    return None


def anchor(text: str) -> str:
    """Anchor of a norm or article on the Normas page: 'ley-30364-art-15'."""
    slug = text.lower()
    for accented, plain in zip("áéíóúñ", "aeioun"):
        slug = slug.replace(accented, plain)
    return re.sub(r"[^a-z0-9]+", "-", slug).strip("-")


def citation_link(text: str, language: str = "es") -> str:
    """Site-relative URL (from the site root of `language`) of the citation on the Normas page."""
    parsed = parse_citation(text)
    target = text if parsed is None else (parsed[0] if parsed[2] is None else f"{parsed[0]} {parsed[1]} {parsed[2]}")
    return f"normas.html#{anchor(target)}"
