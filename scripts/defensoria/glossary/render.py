"""The glossary pages: Markdown for glosario.md (Spanish) and glosario.qu.md (Quechua).

Each term is an anchored heading (its id, the same in both languages, so a module links
`glosario.md#denuncia` on either site), the term in the other language beside it, the
plain definition, and a footer with the article as citation shorthand `[[Ley 30364,
art. 15]]` (rendered by the citation extension) and the source of the Quechua term.
Terms are alphabetical in the page's language, grouped by letter, with a letter index.
"""

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from defensoria.errors import SourceError
from defensoria.glossary.model import GLOSSARY_FILE, PROPOSAL, Glossary, Term, load_glossary
from defensoria.pages import language_of

MARKER = "<!-- glosario -->"

# Quechua collation (official alphabet, RM 1218-85-ED): digraphs and trigraphs are letters.
# Aspirated and glottalised consonants sort after their plain one and share its letter in
# the index (dictionary practice). Letters of loanwords and names (b, c, d, e, f, g, j,
# o, v, x, z) keep their Latin place, so "CEM" comes before "ch".
QU_GRAPHEMES = [
    "a", "b", "c", "ch", "chh", "ch'", "d", "e", "f", "g", "h", "i", "j", "k", "kh", "k'",
    "l", "ll", "m", "n", "ñ", "o", "p", "ph", "p'", "q", "qh", "q'", "r", "s", "t", "th",
    "t'", "u", "v", "w", "x", "y", "z",
]
QU_LETTER = {"ch": "CH", "chh": "CH", "ch'": "CH", "kh": "K", "k'": "K", "ll": "LL",
             "ph": "P", "p'": "P", "qh": "Q", "q'": "Q", "th": "T", "t'": "T"}
_QU_ORDER = {g: i for i, g in enumerate(QU_GRAPHEMES)}


@dataclass(frozen=True)
class Labels:
    title_other: str
    law: str
    source: str
    proposal: str
    letters: str
    count: str
    words_in: str


LABELS = {
    "es": Labels("En quechua:", "Ley", "Término quechua", "propuesta del equipo, por revisar",
                 "Índice alfabético", "{n} palabras.", "palabras en"),
    "qu": Labels("Kastilla simipi:", "Kamachiy", "Runasimi simip pukyun",
                 "ñuqaykuq yuyaychasqayku, manaraq qhawasqa", "Qillqakunaq sutin",
                 "{n} simikuna.", "simikuna kaypi"),
}


def _fold(text: str) -> str:
    """Lowercase without accents, keeping ñ."""
    text = text.casefold().replace("ñ", "\0")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.replace("\0", "ñ").replace("’", "'")


def qu_graphemes(word: str) -> list[str]:
    """Split a Quechua word into letters of the alphabet: "ch'aki" → ch', a, k, i."""
    text, result, i = _fold(word), [], 0
    while i < len(text):
        for size in (3, 2, 1):
            piece = text[i : i + size]
            if len(piece) == size and (size == 1 or piece in _QU_ORDER):
                result.append(piece)
                i += size
                break
    return result


def sort_key(term: str, language: str) -> tuple:
    if language == "qu":
        return tuple((_QU_ORDER.get(g, 100 + ord(g[0])), g) for g in qu_graphemes(term))
    folded = _fold(term)
    return tuple((ord("n") + 0.5, c) if c == "ñ" else (ord(c), c) for c in folded)


def letter_of(term: str, language: str) -> str:
    """Index letter: 'ch'aki' → 'CH', 'ñawi' → 'Ñ', 'Ámbito' → 'A'."""
    if language == "qu":
        graphemes = qu_graphemes(term)
        first = graphemes[0] if graphemes else "?"
        return QU_LETTER.get(first, first.upper())
    folded = _fold(term)
    return folded[:1].upper() or "?"


def letter_anchor(letter: str) -> str:
    return "letra-" + letter.lower().replace("ñ", "ny")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def render_term(term: Term, language: str, glossary: Glossary) -> str:
    labels = LABELS[language]
    other_language = "qu" if language == "es" else "es"
    name = term.es if language == "es" else term.qu
    other = term.qu if language == "es" else term.es
    definition = term.definicion_es if language == "es" else term.definicion_qu
    source = glossary.fuentes.get(term.fuente_quechua)
    source_text = labels.proposal if term.fuente_quechua == PROPOSAL else source.corto
    # A proposal whose words were read somewhere says where, for the reviewers
    read_in = list(dict.fromkeys(glossary.fuentes[e.fuente].corto for e in term.evidencia
                                 if e.fuente != term.fuente_quechua))
    if read_in and term.sourced:
        source_text = "; ".join([source_text, *read_in])
    elif read_in:
        source_text += f" ({labels.words_in}: {', '.join(read_in)})"
    footer = []
    if term.cita:
        footer.append(f"{labels.law}: " + "; ".join(f"[[{c}]]" for c in term.cita))
    footer.append(f"{labels.source}: {source_text}")
    # The footer (law, source of the term) is not searched: repeated on every term, it
    # weighed a tenth of the search index and answered no reader's question
    return "\n".join([
        f"### {_capital(name)} {{#{term.id}}}",
        "",
        f"{labels.title_other} **{other}**{{lang={other_language}}}",
        "{: .dc-termino__otro }",
        "",
        " ".join(definition.split()),
        "",
        " · ".join(footer),
        "{: .dc-termino__pie data-search-exclude }",
        "",
    ])


def render_glossary(glossary: Glossary, language: str) -> str:
    """Markdown of the whole glossary in `language` ('es' or 'qu')."""
    labels = LABELS[language]
    name = (lambda t: t.es) if language == "es" else (lambda t: t.qu)
    terms = sorted(glossary.terminos, key=lambda t: sort_key(name(t), language))
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(letter_of(name(term), language), []).append(term)
    index = " ".join(f"[{letter}](#{letter_anchor(letter)})" for letter in groups)
    parts = [
        labels.count.format(n=len(terms)),
        "",
        f'<nav class="dc-glosario-letras" aria-label="{labels.letters}" markdown>',
        index,
        "</nav>",
        "",
    ]
    for letter, members in groups.items():
        parts += [f"## {letter} {{#{letter_anchor(letter)} .dc-glosario-letra}}", ""]
        parts += [render_term(term, language, glossary) for term in members]
    return "\n".join(parts)


def term_anchors(glossary: Glossary, language: str) -> set[str]:
    """Every id the rendered page defines: terms and letters."""
    name = (lambda t: t.es) if language == "es" else (lambda t: t.qu)
    letters = {letter_anchor(letter_of(name(t), language)) for t in glossary.terminos}
    return {t.id for t in glossary.terminos} | letters


def page_anchors(page_path: Path) -> set[str]:
    """Anchors that the glossary marker adds to a page (used by the link check)."""
    for folder in Path(page_path).resolve().parents:
        data = folder / GLOSSARY_FILE
        if data.is_file():
            try:
                return term_anchors(load_glossary(path=data), language_of(Path(page_path)))
            except SourceError:
                return set()  # reported by the 'glosario' check
    return set()
