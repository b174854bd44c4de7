"""The one model every print driver reads: a module's handout, in one or two languages.

The key points are taken from the module page's `!!! puntos-clave "…"` block (Spanish
page and, when it exists, the Quechua page), never copied anywhere. Missing pieces are
reported by file and line in Spanish.

Example:

    handout = load_handout(get_module("m04"), root)
    handout.sides["es"].key_points.html   # <ul><li>La víctima o cualquier otra…</li>…
    handout.sides["qu"]                   # KeyError when there is no m04-….qu.md yet
"""

from dataclasses import dataclass, field
from pathlib import Path

from defensoria import paths
from defensoria.catalog import Module
from defensoria.content.citations import group_citations
from defensoria.content.project import key_points_of, module_title
from defensoria.errors import DefensoriaError
from defensoria.pages import Page, read_page
from defensoria.address import is_placeholder
from defensoria.printing.qr import QRCode, qr_code
from defensoria.printing.render import plain_citations, render_markdown, site_settings
from defensoria.printing.strings import LABELS
from defensoria.revision.status import translation_reviewed



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
    points = key_points_of(page)
    title = points.title or LABELS[page.language].key_points
    relative = page.path.resolve().relative_to(paths.docs_dir(root).resolve()).as_posix()
    html = plain_citations(render_markdown(points.markdown, root, relative))
    return KeyPoints(title, points.markdown, html, page.path, points.line)


def review_stamp(module: Module, language: str) -> str:
    """Legal review in words, like the site's stamp: computed from the review records."""
    from defensoria.revision.status import module_legal_text

    return module_legal_text(module.path, module.modulo, language)


def _side(module: Module, page: Page, language: str, root: Path) -> Side:
    settings = site_settings(root)
    title = module_title(module, language)
    url = None if is_placeholder(settings.site_url) else settings.absolute(module.url(language))
    draft = language != "es" and not translation_reviewed(page.path)
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
