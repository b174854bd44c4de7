"""The one citation grammar of the project: how a norm and its article are written.

Every part of `defensoria` that reads a citation uses this module: the Markdown
extension that links `[[Ley 30364, art. 15]]` to the Normas page, the checks, the
glossary's `cita:`, the quiz items' `cita:`, the module front matter's `fuentes:` and
the handouts. Change the syntax here and nowhere else.

Syntax (the shorthand; in page text it is wrapped in `[[ ]]`):

    Ley 30364, art. 15          an article
    CP, art. 122-B              an article with a letter suffix
    AP 1-2009/CJ-116, fj. 13    a fundamento jurídico of an acuerdo plenario
    D.S. 007-2023-MIMP          a whole norm

Example:

    >>> parse_citation("Ley 30364, art. 15")
    Citation(norma='Ley 30364', articulo='15', unidad='art.')
    >>> [(c.line, str(c.citation)) for c in citations_in_text("Lo dice el [[CP, art. 122-B]].", first_line=7)]
    [(7, 'CP, art. 122-B')]
    >>> parse_citation("Ley 30364, art. 15").anchor       # id on the Normas page
    'ley-30364-art-15'

To show an article's text (a popover, the review spreadsheet), resolve the citation
against the norms data: `resolve(citation, project.norms())` gives `(norm, article)`,
and `article.texto`, `article.titulo`, `article.qu` hold what the data says.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

UNITS = ("art.", "fj.")
# Norm code: anything but a comma, brackets or a newline ("Ley 30364", "D.S. 007-2023-MIMP")
_NORM = r"[^\[\],\n]+?"
# Article (or fundamento) number: digits and an optional capital-letter suffix ("122-B")
ARTICLE_PATTERN = r"\d+(?:-[A-Z])?"
_SHORTHAND = rf"(?P<norma>{_NORM})(?:\s*,\s*(?P<unidad>art\.|fj\.)\s*(?P<articulo>{ARTICLE_PATTERN}))?"

# The shorthand alone, as written in YAML (`cita: Ley 30364, art. 15`); use fullmatch
SHORTHAND = re.compile(rf"\s*{_SHORTHAND}\s*")
# A citation in page text; also the inline pattern of the Markdown extension
BRACKETED_PATTERN = rf"\[\[\s*{_SHORTHAND}\s*\]\]"
BRACKETED = re.compile(BRACKETED_PATTERN)
# Anything between [[ and ]] on one line: what a writer meant as a citation, well formed or not
ANY_BRACKETS = re.compile(r"\[\[([^\[\]\n]*)\]\]")
ARTICLE_ID = re.compile(rf"^{ARTICLE_PATTERN}$")


def slug(text: str) -> str:
    """Stable anchor part: 'Ley 30364' → 'ley-30364', 'D.S. 007-2023-MIMP' → 'ds-007-2023-mimp'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace(".", "").replace("°", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def anchor(code: str, article: str | None = None, unit: str = "art.") -> str:
    """Anchor of a norm or article on the Normas page: 'ley-30364-art-15', 'cp-art-122-b'."""
    if article is None:
        return slug(code)
    return f"{slug(code)}-{slug(unit)}-{slug(article)}"


@dataclass(frozen=True)
class Citation:
    """One citation: a norm code, and an article (or fundamento) number when given."""

    norma: str
    articulo: str | None = None
    unidad: str = "art."

    @property
    def anchor(self) -> str:
        """Its id on the Normas page."""
        return anchor(self.norma, self.articulo, self.unidad)

    def __str__(self) -> str:
        return f"{self.norma}, {self.unidad} {self.articulo}" if self.articulo else self.norma


def from_match(match: re.Match) -> Citation:
    """The Citation a SHORTHAND or BRACKETED match stands for (the unit defaults to 'art.')."""
    return Citation(match.group("norma").strip(), match.group("articulo"), match.group("unidad") or "art.")


def parse_citation(text: str) -> Citation | None:
    """'Ley 30364, art. 15' (brackets optional) → Citation; None when the shape is wrong."""
    text = str(text).strip()
    match = BRACKETED.fullmatch(text) if text.startswith("[[") else SHORTHAND.fullmatch(text)
    return from_match(match) if match else None


@dataclass(frozen=True)
class Cited:
    """A `[[…]]` found in text, with its line; `citation` is None when it is malformed."""

    line: int
    text: str
    citation: Citation | None
    column: int = 0


def citations_in_text(text: str, first_line: int = 1) -> Iterator[Cited]:
    """Every `[[…]]` of a text (well formed or not), numbering lines from `first_line`.

    The text is taken as is: pass prose (e.g. `MarkdownPage.prose_lines()`) when code
    must not count.
    """
    for number, line in enumerate(text.splitlines(), start=first_line):
        for match in ANY_BRACKETS.finditer(line):
            yield Cited(number, match.group(0), parse_citation(match.group(0)), match.start())


def resolve(citation: Citation, norms) -> tuple | None:
    """(norm, article or None) the citation points at in the norms data, or None.

    None also when the unit does not fit the norm (an acuerdo plenario is cited by `fj.`).
    `norms` is a `defensoria.legal.norms.Norms` (e.g. `Project.norms()`).
    """
    found = norms.find(citation.norma, citation.articulo)
    if found is None or (citation.articulo and found[0].unidad != citation.unidad):
        return None
    return found


def group_citations(citations: Iterable[str | Citation]) -> list[str]:
    """['Ley 30364, art. 2', 'Ley 30364, art. 15', 'CNA, art. 45'] → ['Ley 30364, arts. 2, 15', 'CNA, art. 45'].

    Malformed entries are left out (the front matter check reports them).
    """
    groups: dict[str, tuple[str, list[str]]] = {}
    for item in citations:
        citation = item if isinstance(item, Citation) else parse_citation(str(item))
        if citation is None:
            continue
        unit, articles = groups.setdefault(citation.norma, (citation.unidad, []))
        if citation.articulo:
            articles.append(citation.articulo)
    result = []
    for code, (unit, articles) in groups.items():
        if not articles:
            result.append(code)
        else:
            label = "arts." if unit == "art." and len(articles) > 1 else unit
            result.append(f"{code}, {label} {', '.join(articles)}")
    return result
