"""Coverage of the Quechua edition: which pages exist in which language, and how long."""

from dataclasses import dataclass
from pathlib import Path

from defensoria import paths
from defensoria.errors import SourceError
from defensoria.pages import iter_pages, language_of, read_page, spanish_source, translation_path
from defensoria.translation.state import translation_state
from defensoria.content.prose import word_count

BOTH, SPANISH_ONLY, QUECHUA_ONLY = "ambos", "solo castellano", "solo quechua"


@dataclass(frozen=True)
class PageCoverage:
    page: str                   # path of the Spanish page relative to docs/ (or the Quechua one)
    languages: str              # BOTH, SPANISH_ONLY or QUECHUA_ONLY
    words_es: int | None
    words_qu: int | None
    estado: str | None          # traduccion.estado of the Quechua page
    stale: bool | None          # None when the Quechua page records no hash
    spanish_only_reason: str | None = None


def _words(path: Path) -> int | None:
    try:
        return word_count(read_page(path))
    except SourceError:
        return None


def coverage(root: Path) -> list[PageCoverage]:
    docs = paths.docs_dir(root)
    rows = []
    for path in iter_pages(docs):
        relative = path.relative_to(docs).as_posix()
        if language_of(path) == "es":
            quechua = translation_path(path, "qu")
            reason = None
            try:
                reason = read_page(path).meta.get("solo_castellano")
            except SourceError:
                pass
            if quechua.is_file():
                try:
                    state = translation_state(quechua)
                    estado, stale = state.estado, (state.stale if state.recorded else None)
                except SourceError:
                    estado, stale = None, None
                rows.append(PageCoverage(relative, BOTH, _words(path), _words(quechua), estado, stale))
            else:
                rows.append(PageCoverage(relative, SPANISH_ONLY, _words(path), None, None, None, reason))
        elif not spanish_source(path).is_file():
            rows.append(PageCoverage(relative, QUECHUA_ONLY, None, _words(path), None, None))
    return rows


def summary(rows: list[PageCoverage]) -> dict[str, int]:
    counts = {BOTH: 0, SPANISH_ONLY: 0, QUECHUA_ONLY: 0}
    for row in rows:
        counts[row.languages] += 1
    counts["palabras_es"] = sum(r.words_es or 0 for r in rows)
    counts["palabras_qu"] = sum(r.words_qu or 0 for r in rows)
    return counts
