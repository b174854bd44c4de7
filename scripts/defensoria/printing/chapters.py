"""Site pages as chapters of a printed document (the manual, a facilitator guide).

A page renders with the site's Markdown extensions; generated blocks (norms, glossary,
a guide's module objectives and key points) are filled in as the site's plugins do;
then ids are made unique per chapter and links are rewritten: to the chapter when the
target page is in the document, else to the page on the site (absolute URL).
"""

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from defensoria import paths
from defensoria.address import is_placeholder
from defensoria.catalog import Module, get_module
from defensoria.errors import SourceError
from defensoria.pages import Page, language_of, read_page
from defensoria.glossary.model import glossary_path, load_glossary
from defensoria.glossary.render import render_glossary
from defensoria.legal.norms import load_norms
from defensoria.legal.page import render_norms_page
from defensoria.printing.render import render_markdown, site_settings
from defensoria.taller.markers import KEY_POINTS_MARKER, OBJECTIVES_MARKER, expand_guide_markers

ID_ATTRIBUTE = re.compile(r'\bid="([^"]+)"')
HREF_ATTRIBUTE = re.compile(r'\bhref="([^"]+)"')
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
FIRST_HEADING = re.compile(r"^# +(.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)
NORMS_MARKER = "<!-- normas -->"
GLOSSARY_MARKER = "<!-- glosario -->"


@dataclass
class Chapter:
    """One page of the site inside a printed document."""

    anchor: str
    # Path under docs/ of the Spanish page (links between pages use it)
    source: str
    page: Page
    language: str
    title: str
    html: str = ""
    # Spanish shown in a Quechua document because the page has no translation yet
    fallback: bool = False
    # The module a chapter teaches (None for the glossary, directory, norms, guides)
    module: Module | None = None
    # The legal review stamp printed at the end of a module chapter
    review: str = ""

    @property
    def draft(self) -> bool:
        from defensoria.revision.status import translation_reviewed

        return self.language != "es" and not self.fallback and not translation_reviewed(self.page.path)


def spanish_source(relative: str) -> str:
    """'modulos/m04-x.qu.md' → 'modulos/m04-x.md'."""
    return relative[: -len(".qu.md")] + ".md" if relative.endswith(".qu.md") else relative


def chapter_for(root: Path, relative: str, language: str, anchor: str) -> Chapter:
    """The page `relative` (Spanish path under docs/) in `language`, or Spanish as fallback."""
    docs = paths.docs_dir(root)
    wanted = docs / (relative if language == "es" else relative[: -len(".md")] + f".{language}.md")
    fallback = not wanted.is_file()
    path = docs / relative if fallback else wanted
    if not path.is_file():
        raise SourceError(path, None, "no existe esta página; el documento impreso la necesita.")
    page = read_page(path)
    heading = FIRST_HEADING.search(page.body)
    title = str(page.meta.get("title") or (heading.group(1) if heading else relative))
    return Chapter(anchor, relative, page, language_of(path), title, fallback=fallback)


def expand_markers(markdown: str, chapter: Chapter, root: Path) -> str:
    """Fill the blocks the site's plugins generate, in the chapter's language."""
    if NORMS_MARKER in markdown:
        markdown = markdown.replace(NORMS_MARKER, render_norms_page(load_norms(root), chapter.language))
    if GLOSSARY_MARKER in markdown:
        if glossary_path(root).is_file():
            markdown = markdown.replace(GLOSSARY_MARKER, render_glossary(load_glossary(root), chapter.language))
    return _expand_guide_markers(markdown, chapter, root)


def _expand_guide_markers(markdown: str, chapter: Chapter, root: Path) -> str:
    """A facilitator guide shows its module's objectives and key points."""
    code = chapter.page.meta.get("guia_de")
    if not code or not (OBJECTIVES_MARKER in markdown or KEY_POINTS_MARKER in markdown):
        return markdown
    module = get_module(str(code), root)
    source = Path(chapter.source if chapter.language == "es" else chapter.source[: -len(".md")] + f".{chapter.language}.md")
    return expand_guide_markers(markdown, module, chapter.language, source)


def render_chapter(chapter: Chapter, root: Path, anchors: dict[str, str]) -> str:
    """The chapter's HTML with ids scoped and links rewritten; `anchors`: Spanish path → anchor."""
    relative = chapter.page.path.resolve().relative_to(paths.docs_dir(root).resolve()).as_posix()
    html = render_markdown(expand_markers(chapter.page.body, chapter, root), root, relative)
    return scope_html(html, chapter, anchors, root)


def scope_html(html: str, chapter: Chapter, anchors: dict[str, str], root: Path) -> str:
    """Prefix every id with the chapter's anchor; point links inside or to the site."""
    settings = site_settings(root)
    prefix = chapter.anchor

    def link(match: re.Match) -> str:
        url = match.group(1)
        if url.startswith("#"):
            return f'href="#{prefix}--{url[1:]}"'
        if SCHEME.match(url) or url.startswith("//"):
            return match.group(0)
        path, _, fragment = url.partition("#")
        target = spanish_source(posixpath.normpath(posixpath.join(posixpath.dirname(chapter.source), path)))
        if target in anchors:
            return f'href="#{anchors[target]}--{fragment}"' if fragment else f'href="#{anchors[target]}"'
        site_path = target[: -len(".md")] + ".html" if target.endswith(".md") else target
        if chapter.language != "es":
            site_path = f"{chapter.language}/{site_path}"
        if is_placeholder(settings.site_url):
            return ""  # an example address leads nowhere: the text stays, the link goes
        return f'href="{settings.absolute(site_path)}{"#" + fragment if fragment else ""}"'

    html = ID_ATTRIBUTE.sub(lambda m: f'id="{prefix}--{m.group(1)}"', html)
    return HREF_ATTRIBUTE.sub(link, html)
