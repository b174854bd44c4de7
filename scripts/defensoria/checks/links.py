"""Internal links and anchors resolve, as mkdocs-static-i18n will resolve them."""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from markdown.extensions.toc import slugify

from defensoria import paths
from defensoria.checks import Problem, check
from defensoria.glossary.render import MARKER as GLOSSARY_MARKER
from defensoria.glossary.render import page_anchors as glossary_anchors
from defensoria.errors import SourceError
from defensoria.pages import iter_pages, language_of, read_page, translation_path

# [text](target "title") and ![alt](target); reference-style links are not used here
LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*#*\s*$")
EXPLICIT_ID = re.compile(r"""(?:\bid=["']([\w-]+)["']|\{[^}]*#([\w-]+)[^}]*\})""")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def body_lines(path: Path):
    """(line number, text) of body lines outside code fences, inline code removed."""
    return read_page(path).prose_lines()


@lru_cache(maxsize=None)
def anchors_of(path: Path) -> frozenset[str]:
    """Heading slugs (Material's default toc slugify) and explicit ids of a page."""
    found: set[str] = set()
    counts: dict[str, int] = {}
    for _, line in body_lines(path):
        if match := HEADING.match(line):
            if match.group(3):
                found.add(match.group(3))
            else:
                text = re.sub(r"\[\[[^\]]*\]\]|[*_`]", "", match.group(2))
                slug = slugify(text, "-")
                # Python-Markdown numbers repeated headings: slug, slug_1, slug_2 …
                if slug in counts:
                    counts[slug] += 1
                    slug = f"{slug}_{counts[slug]}"
                else:
                    counts[slug] = 0
                found.add(slug)
        for match in EXPLICIT_ID.finditer(line):
            found.add(match.group(1) or match.group(2))
        # Generated glossary (defensoria-glosario): one anchor per term and per letter
        if GLOSSARY_MARKER in line:
            found |= glossary_anchors(path)
    return frozenset(found)


def served_page(target: Path, language: str) -> Path:
    """The file the site serves for a link: the translation if it exists, else Spanish."""
    translated = translation_path(target, language)
    return translated if translated.is_file() else target


@check("enlaces")
def check_links(root: Path):
    docs = paths.docs_dir(root).resolve()
    anchors_of.cache_clear()
    for path in iter_pages(docs):
        language = language_of(path)
        try:
            lines = list(body_lines(path))
        except SourceError:
            continue  # reported by the front matter check
        for number, line in lines:
            for match in LINK.finditer(line):
                target = unquote(match.group(1))
                if EXTERNAL.match(target):
                    continue
                yield from _check_target(docs, path, number, target, language)


def _check_target(docs: Path, path: Path, number: int, target: str, language: str):
    file_part, _, anchor = target.partition("#")
    if not file_part:
        if anchor and anchor not in anchors_of(path):
            yield Problem(path, number, f"el ancla '#{anchor}' no existe en esta página.")
        return
    if file_part.startswith("/"):
        yield Problem(path, number, f"el enlace '{target}' es absoluto: use una ruta relativa al archivo .md para que funcione sin conexión.")
        return
    resolved = (path.parent / file_part).resolve()
    if file_part.endswith("/"):
        resolved = resolved / "index.md"
    try:
        resolved.relative_to(docs)
    except ValueError:
        yield Problem(path, number, f"el enlace '{target}' sale de la carpeta docs/.")
        return
    if resolved.suffix == ".md":
        spanish = Path(re.sub(r"\.qu\.md$", ".md", str(resolved)))
        if not spanish.is_file():
            yield Problem(path, number, f"el enlace apunta a una página que no existe: '{file_part}'.")
            return
        if anchor:
            served = served_page(spanish, language)
            if anchor not in anchors_of(served):
                yield Problem(path, number, f"el ancla '#{anchor}' no existe en {served.relative_to(docs)}.")
    elif resolved.suffix == ".html":
        yield Problem(path, number, f"enlace a '{file_part}': enlace al archivo .md, no al .html (MkDocs lo convierte).")
    elif not resolved.exists():
        yield Problem(path, number, f"el enlace apunta a un archivo que no existe: '{file_part}'.")


def normalize(text: str) -> str:
    """Lowercase without accents; used by checks that compare words."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
