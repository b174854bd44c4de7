"""Every Quechua page has its Spanish source; Spanish pages without Quechua are reported.

A Spanish page that is meant to stay in Spanish only says so in its front matter:
`solo_castellano: <why>`; the Quechua site then serves it with a notice (fallback).
"""

from pathlib import Path

from defensoria import paths
from defensoria.checks import WARNING, Problem, check
from defensoria.errors import SourceError
from defensoria.pages import iter_pages, language_of, read_page, spanish_source, translation_path


def untranslated_pages(root: Path) -> list[tuple[Path, str | None]]:
    """Spanish pages with no Quechua page, each with its declared reason (or None)."""
    result = []
    for path in iter_pages(paths.docs_dir(root)):
        if language_of(path) != "es" or translation_path(path, "qu").is_file():
            continue
        try:
            reason = read_page(path).meta.get("solo_castellano")
        except SourceError:
            reason = None
        result.append((path, reason))
    return result


@check("traducciones")
def check_translations(root: Path):
    for path in iter_pages(paths.docs_dir(root)):
        if language_of(path) != "es" and not spanish_source(path).is_file():
            yield Problem(path, 1, f"página en quechua sin su página en castellano ({spanish_source(path).name}). Toda traducción parte de una página en castellano.")
    for path, reason in untranslated_pages(root):
        if not reason:
            yield Problem(path, 1, "falta la página en quechua (.qu.md). Tradúzcala o declare 'solo_castellano: <motivo>' en el encabezado.", WARNING)
