"""The one model every print driver reads: a module's handout, in one or two languages.

The key points are taken from the module page's `!!! puntos-clave "…"` block (Spanish
page and, when it exists, the Quechua page), never copied anywhere. Missing pieces are
reported by file and line in Spanish.

Example:

    handout = load_handout(get_module("m04"), root)
    handout.sides["es"].key_points.html   # <ul><li>La víctima o cualquier otra…</li>…
    handout.sides["qu"]                   # KeyError when there is no m04-….qu.md yet
"""

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from defensoria import paths
from defensoria.catalog import Module
from defensoria.errors import DefensoriaError, SourceError
from defensoria.pages import Page, read_page
from defensoria.address import is_placeholder
from defensoria.printing.qr import QRCode, qr_code
from defensoria.printing.render import plain_citations, render_markdown, site_settings
from defensoria.printing.strings import LABELS

KEY_POINTS = re.compile(r'^!!!\s+puntos-clave(?:\s+"(?P<title>[^"]*)")?\s*$')
AFTER_KEY_POINTS = re.compile(r"^## +(Para pensar|Yuyaymanaspa)\s*$")
SOURCE = re.compile(r"^(?P<code>[^,]+?)(?:\s*,\s*(?P<unit>art\.|fj\.)\s*(?P<article>.+?))?\s*$")


class MissingTranslation(DefensoriaError):
    """A handout asked for in Quechua when the module has no Quechua page yet."""


@dataclass(frozen=True)
class KeyPoints:
    title: str
    markdown: str
    html: str
    path: Path
    line: int


@dataclass(frozen=True)
class Side:
    """A module in one language: what a handout prints in that language."""

    language: str
    number: int
    title: str
    key_points: KeyPoints
    # None while site_url is an example address: a QR code that leads nowhere is worse than none
    url: str | None
    qr: QRCode | None
    # A Quechua page not yet reviewed by a native speaker
    draft: bool
    review: str


@dataclass
class Handout:
    module: Module
    sides: dict[str, Side] = field(default_factory=dict)
    citations: list[str] = field(default_factory=list)

    @property
    def languages(self) -> list[str]:
        return list(self.sides)

    def side(self, language: str) -> Side:
        if language not in self.sides:
            page = self.module.page_path(language)
            raise MissingTranslation(f"el módulo {self.module.modulo} aún no tiene página en quechua ({page.name}).")
        return self.sides[language]


def extract_key_points(page: Page, root: Path) -> KeyPoints:
    """The `!!! puntos-clave` block of a page: its title, its Markdown and its HTML."""
    lines = page.body.splitlines()
    starts = [i for i, line in enumerate(lines) if KEY_POINTS.match(line)]
    if not starts:
        # Point at where the block belongs: just before "Para pensar" (or "Yuyaymanaspa")
        where = next((i for i, line in enumerate(lines) if AFTER_KEY_POINTS.match(line)), 0)
        raise SourceError(page.path, page.body_line + where, 'falta el bloque de puntos clave (!!! puntos-clave "…"); las hojas para imprimir lo usan.')
    if len(starts) > 1:
        raise SourceError(page.path, page.body_line + starts[1], "hay dos bloques de puntos clave; deje uno solo.")
    start = starts[0]
    block = []
    for line in lines[start + 1 :]:
        if line.strip() and not line.startswith(("    ", "\t")):
            break
        block.append(line)
    text = textwrap.dedent("\n".join(block)).strip()
    line_number = page.body_line + start
    if not text:
        raise SourceError(page.path, line_number, "el bloque de puntos clave está vacío.")
    title = KEY_POINTS.match(lines[start]).group("title") or LABELS[page.language].key_points
    relative = page.path.resolve().relative_to(paths.docs_dir(root).resolve()).as_posix()
    html = plain_citations(render_markdown(text, root, relative))
    return KeyPoints(title, text, html, page.path, line_number)


def review_stamp(module: Module, language: str) -> str:
    """Legal review in words, like the site's stamp (partials/revision.html)."""
    review = module.revision_legal
    when = review.fecha.strftime("%d/%m/%Y") if review.fecha else ""
    labels = LABELS[language]
    if review.estado == "revisado":
        by = f", {review.por}" if review.por and language == "es" else ""
        return labels.reviewed.format(fecha=when) + by
    return labels.pending.format(fecha=when) if when else labels.pending_undated


def group_citations(sources: list[str]) -> list[str]:
    """['Ley 30364, art. 2', 'Ley 30364, art. 15', 'CNA, art. 45'] → ['Ley 30364, arts. 2, 15', 'CNA, art. 45']."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for source in sources:
        match = SOURCE.match(str(source))
        if not match:
            continue
        unit = match.group("unit") or "art."
        code, articles = groups.setdefault(match.group("code").strip(), (unit, []))
        if match.group("article"):
            articles.append(match.group("article"))
    result = []
    for code, (unit, articles) in groups.items():
        if not articles:
            result.append(code)
        else:
            label = "arts." if unit == "art." and len(articles) > 1 else unit
            result.append(f"{code}, {label} {', '.join(articles)}")
    return result


def _side(module: Module, page: Page, language: str, root: Path) -> Side:
    settings = site_settings(root)
    title = str(page.meta.get("title") or module.title)
    url = None if is_placeholder(settings.site_url) else settings.absolute(module.url(language))
    translation = page.meta.get("traduccion") if isinstance(page.meta.get("traduccion"), dict) else {}
    draft = language != "es" and translation.get("estado") != "revisado"
    return Side(language, int(module.modulo[1:]), title, extract_key_points(page, root), url,
                qr_code(url, title=title) if url else None, draft, review_stamp(module, language))


def load_handout(module: Module, root: Path | None = None) -> Handout:
    """The module's handout sides: Spanish always, Quechua when its page exists."""
    root = root or paths.find_root()
    handout = Handout(module, citations=group_citations(module.fuentes))
    handout.sides["es"] = _side(module, read_page(module.page_path("es")), "es", root)
    quechua = module.page_path("qu")
    if quechua.is_file():
        handout.sides["qu"] = _side(module, read_page(quechua), "qu", root)
    return handout
