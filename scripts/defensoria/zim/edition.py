"""What goes into the Kiwix edition, read from the built site (site/): pure Python, no libzim.

Every file of site/ becomes one ZIM entry at the same path, except what Kiwix replaces:

- Search. Kiwix has its own full-text search (from the index in the ZIM) and the site's
  search runs in a Web Worker that Kiwix readers do not all serve. So the edition drops the
  site's search box: it is no longer a Material component and its form loses its name
  (Material then starts no worker and fetches no index), a style hides it, and the
  indexes, lunr and the worker are left out. Readers search with Kiwix: the app's
  toolbar, or the bar kiwix-serve adds to each page.
- Quick exit. The site's exit leads to a neutral site on the internet, which a phone
  without signal cannot open (and Kiwix asks before opening outside links). In the
  edition the exit goes to a neutral page inside the file, shown at once.
- The "Usar sin internet" page shows the date of the file in place of its marker.
"""

import html
import mimetypes
import posixpath
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

# A neutral page inside the file, where quick exit leads: nothing on it hints at the site
NEUTRAL_PATH = "nota.html"
NEUTRAL_PAGE = """<!doctype html>
<html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Notas</title>
<style>body{margin:0;font:18px/1.5 sans-serif;color:#555;background:#fff}p{margin:2rem 1.2rem}</style>
</head><body><p>Sin notas.</p></body></html>
"""

# Left out: the site's search (replaced by Kiwix's), and files only a web host uses (the
# 404 page links its styles from the web root, and Kiwix shows its own "not found")
SKIPPED = re.compile(
    r"(^|/)search/search_index\.(json|js)$"
    r"|^404\.html$"
    r"|^assets/javascripts/lunr/"
    r"|^assets/javascripts/workers/search\."
    r"|^sitemap\.xml(\.gz)?$"
    r"|\.gz$"
)
PREFETCH = re.compile(r'\s*<link rel="prefetch" href="([^"]+)"[^>]*>')
EXIT_TAG = re.compile(r"<a\b[^>]*\bdata-dc-salida-boton\b[^>]*>")
HREF = re.compile(r'\bhref="[^"]*"')
SEARCH_FORM = '<form class="md-search__form" name="search">'
NO_SEARCH_FORM = '<form class="md-search__form" name="dc-busqueda-kiwix">'
SEARCH_COMPONENT = 'data-md-component="search"'
# The search box hidden; the language menu, now last in the header, kept inside a 360 px
# screen; and room under the toolbar that Debian's kiwix-serve (3.x) puts on top of each
# page (38 px, fixed), so the quick exit bar is never under it. The Kiwix apps add no bar.
EDITION_STYLE = (
    "<style>"
    '.md-search,.md-header__button[for="__search"]{display:none!important}'
    ".md-header .md-select__inner{right:0}"
    "body>.kiwix .height_separator{height:38px}"
    "body>.kiwix~.dc-barra{top:38px}"
    "body>.kiwix~.md-header{top:calc(var(--dc-barra) + 38px)}"
    "</style>"
)
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
HTML_LANG = re.compile(r'<html\s+lang="([a-z]{2})"')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
SITEMAP_HOME = re.compile(r"<loc>\s*(https?://[^<\s]+?)(?:index\.html)?\s*</loc>")
DATE_MARKER = "<!-- edicion-zim -->"
# The notice the theme puts on a Spanish page served on the Quechua site
FALLBACK_NOTICE = 'data-dc-aviso="sin-traduccion"'
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")
EXTRA_TYPES = {
    ".js": "application/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".pdf": "application/pdf",
}


@dataclass(frozen=True)
class Entry:
    """One file of the edition: its path in the ZIM, type, and for pages title and text."""

    path: str
    mimetype: str
    content: bytes
    title: str = ""
    # Listed in Kiwix's search and suggestions (real pages only)
    front: bool = False
    # Plain text of the page body for the full-text index (not menus or footers)
    text: str = ""


# Elements without an end tag: they never open a level inside an excluded element
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class ArticleText(HTMLParser):
    """Text inside <article>, the page body; menus, header and footer are outside it, and
    so is what the site keeps out of its own search (`data-search-exclude`: the citation
    notes' Spanish article texts on Quechua pages, the glossary's per-term footers)."""

    def __init__(self, quoted_language: str | None = None):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.excluded = 0  # open elements inside a data-search-exclude element
        # On a Quechua page, text marked lang="es" (the literal Spanish text of a norm)
        # is quoted Spanish: a Spanish search must not return the Quechua page for it
        self.quoted_language = quoted_language
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.excluded:
            self.excluded += tag not in VOID
        elif tag not in VOID and any(name == "data-search-exclude" or (name == "lang" and value == self.quoted_language)
                                     for name, value in attrs):
            self.excluded = 1
        elif tag == "article":
            self.depth += 1
        elif tag in ("script", "style", "template"):
            self.skip += 1

    def handle_endtag(self, tag):
        if self.excluded:
            self.excluded -= tag not in VOID
        elif tag == "article" and self.depth:
            self.depth -= 1
        elif tag in ("script", "style", "template") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip and not self.excluded:
            self.parts.append(data)

    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def page_text(markup: str) -> str:
    language = page_language(markup)
    parser = ArticleText(quoted_language="es" if language != "es" else None)
    parser.feed(markup)
    parser.close()
    return parser.text()


def page_title(markup: str) -> str:
    """The page's own title: Material writes '<page> - <site name>'."""
    found = TITLE.search(markup)
    if not found:
        return ""
    title = " ".join(html.unescape(found.group(1)).split())
    return title.rsplit(" - ", 1)[0] if " - " in title else title


def page_language(markup: str) -> str:
    found = HTML_LANG.search(markup)
    return found.group(1) if found else "es"


def source_url(site: Path) -> str:
    """The public address of the site: the home page's canonical link, or else the first
    address of the sitemap (pages may carry no canonical link)."""
    found = CANONICAL.search((site / "index.html").read_text(encoding="utf-8"))
    if found:
        return found.group(1)
    sitemap = site / "sitemap.xml"
    found = SITEMAP_HOME.search(sitemap.read_text(encoding="utf-8")) if sitemap.is_file() else None
    return found.group(1) if found else ""


def date_text(language: str, day: date) -> str:
    # U+2011 (a hyphen that does not break the line): "2026-12" stays in one piece on a phone
    stamp = f"{day:%Y}\u2011{day:%m}"
    if language == "qu":
        return f"Kay archivoqa {stamp} (wata, killa) ruwasqam."
    return f"Este archivo es de {MONTHS_ES[day.month - 1]} de {day.year} ({stamp})."


def adapt_page(markup: str, path: str, day: date) -> str:
    """A built page as the Kiwix edition shows it (see the module docstring)."""
    folder = posixpath.dirname(path) or "."
    # Prefetch hints for files the edition leaves out (the search scripts) would only fail
    markup = PREFETCH.sub(lambda link: "" if SKIPPED.search(posixpath.normpath(posixpath.join(folder, link.group(1)))) else link.group(0), markup)
    neutral = posixpath.relpath(NEUTRAL_PATH, folder)
    markup = EXIT_TAG.sub(lambda tag: HREF.sub(f'href="{neutral}"', tag.group(0), count=1), markup)
    if SEARCH_FORM in markup:
        markup = markup.replace(SEARCH_FORM, NO_SEARCH_FORM, 1).replace("</head>", EDITION_STYLE + "</head>", 1)
        markup = markup.replace(SEARCH_COMPONENT, "data-dc-busqueda-kiwix", 1)
    if DATE_MARKER in markup:
        stamp = f'<p class="dc-edicion-zim"><strong>{html.escape(date_text(page_language(markup), day))}</strong></p>'
        markup = markup.replace(DATE_MARKER, stamp)
    return markup


def mimetype_of(path: str) -> str:
    suffix = posixpath.splitext(path)[1].lower()
    return EXTRA_TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


def read_site(site: Path, day: date) -> list[Entry]:
    """Every entry of the edition, sorted by path; the neutral exit page included."""
    site = Path(site)
    entries = []
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        path = file.relative_to(site).as_posix()
        if SKIPPED.search(path):
            continue
        mimetype = mimetype_of(path)
        if mimetype != "text/html":
            entries.append(Entry(path, mimetype, file.read_bytes()))
            continue
        markup = adapt_page(file.read_text(encoding="utf-8"), path, day)
        # Not in search: Spanish pages shown on the Quechua site (a Quechua search must
        # not return Spanish pages, and a Spanish one must not return them twice)
        front = FALLBACK_NOTICE not in markup
        entries.append(Entry(path, mimetype, markup.encode("utf-8"), page_title(markup), front,
                             page_text(markup) if front else ""))
    entries.append(Entry(NEUTRAL_PATH, "text/html", NEUTRAL_PAGE.encode("utf-8"), "Notas"))
    return entries
