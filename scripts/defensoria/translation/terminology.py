"""Terminology: a Quechua page uses the termbase's Quechua term where its Spanish page
uses the Spanish one.

Matching ignores case and accents. A Spanish term also matches its plural (denuncia →
denuncias); a Quechua term matches with any suffixes on each word (maqaq → maqaqkuna,
maqaqta), because Quechua adds case and plural suffixes to the word itself.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from defensoria import paths
from defensoria.errors import SourceError
from defensoria.glossary.model import Glossary, Term
from defensoria.glossary.render import MARKER
from defensoria.pages import iter_pages, language_of, read_page, translation_path
from defensoria.translation.orthography import fold
from defensoria.content.prose import prose_lines


@dataclass(frozen=True)
class Miss:
    quechua: Path
    line: int
    term: Term
    spanish: Path
    spanish_line: int


def _pattern(forms: list[str], language: str) -> re.Pattern:
    ending = r"(?:s|es)?" if language == "es" else r"[\w']*"
    alternatives = []
    for form in forms:
        words = [re.escape(word) for word in re.findall(r"[\w']+", fold(form))]
        if not words:
            alternatives.append(r"(?<![\w'])(?![\w'])")
            continue
        # The first word, then the check that no letter comes before it (a look behind
        # over that word): a pattern that starts with a literal is searched for by its
        # first letter, many times faster than trying the look behind at every position
        first = words[0] + rf"(?<![\w']{words[0]})" + ending
        alternatives.append(first + "".join(r"[\s,;]+" + word + ending for word in words[1:]) + r"(?![\w'])")
    return re.compile("|".join(alternatives))


def spanish_pattern(term: Term) -> re.Pattern:
    return _pattern([term.es, *term.variantes_es], "es")


def quechua_pattern(term: Term) -> re.Pattern:
    return _pattern([term.qu, *term.variantes_qu], "qu")


def _folded_lines(path: Path) -> list[tuple[int, str]]:
    # Institution names kept in Spanish ({lang=es}) count: they are listed as variants
    return [(number, fold(text)) for number, text in prose_lines(read_page(path), keep_spanish=True)]


def _first_match(pattern: re.Pattern, lines: list[tuple[int, str]]) -> int | None:
    # Join consecutive lines so a term broken across two lines still matches
    joined, starts = "", []
    for number, text in lines:
        starts.append((len(joined), number))
        joined += text + "\n"
    match = pattern.search(joined.replace("\n", " "))
    if not match:
        return None
    return max((n for offset, n in starts if offset <= match.start()), default=lines[0][0] if lines else 1)


def translated_pages(root: Path):
    """(Spanish page, its Quechua twin) for every translated page but the glossary's,
    which is generated from the termbase itself (an unreadable page is skipped here and
    reported by the checks that read pages)."""
    for spanish in iter_pages(paths.docs_dir(root)):
        quechua = translation_path(spanish, "qu")
        if language_of(spanish) != "es" or not quechua.is_file():
            continue
        try:
            if MARKER in read_page(spanish).body:
                continue
        except SourceError:
            continue
        yield spanish, quechua


def terminology_misses(root: Path, glossary: Glossary) -> list[Miss]:
    """Terms used in a Spanish page whose Quechua term is missing from its translation."""
    misses = []
    checked = [t for t in glossary.terminos if t.comprobar_uso]
    patterns = {t.id: (spanish_pattern(t), quechua_pattern(t)) for t in checked}
    for spanish, quechua in translated_pages(root):
        try:
            es_lines, qu_lines = _folded_lines(spanish), _folded_lines(quechua)
            qu_body_line = read_page(quechua).body_line
        except SourceError:
            continue
        for term in checked:
            es_pattern, qu_pattern = patterns[term.id]
            found = _first_match(es_pattern, es_lines)
            if found is not None and _first_match(qu_pattern, qu_lines) is None:
                misses.append(Miss(quechua, qu_body_line, term, spanish, found))
    return misses
