"""The one Markdown page model: front matter, fences, headings, sections, admonitions,
blocks and prose lines, each with its line number in the file.

Pages use the suffix layout of mkdocs-static-i18n: `tema.md` is Spanish, `tema.qu.md` its
Quechua translation. Everything that reads a page's source (checks, print, plugins,
the review workflow) reads it through `read_page`, so that "outside code" and "the line
of this" mean the same everywhere.

Example:

    page = read_page(Path("docs/modulos/m04-la-denuncia.qu.md"))
    page.meta["title"], page.line_of("title")       # front matter and its line
    page.language, page.source                      # 'qu', …/m04-la-denuncia.md
    [h.text for h in page.headings if h.level == 2]
    page.admonition("puntos-clave").body             # dedented Markdown of the block
    for block in page.blocks():                      # review segments / legal claims
        block.kind, block.line, block.text, block.citations()
    for number, text in page.prose_lines():          # outside code, inline code removed
        ...
    edit_front_matter(path, {"traduccion": {"estado": "revisado"}})   # round trip

Line numbers are 1-based lines of the file, front matter included.
"""

import re
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from defensoria.content.citations import Cited, citations_in_text
from defensoria.content.yamlfile import Positions, dump_yaml, parse_yaml
from defensoria.errors import SourceError
from defensoria.files import write_atomic

LANGUAGES = ("es", "qu")
DEFAULT_LANGUAGE = "es"
FRONT_MATTER_FENCE = "---"

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})(?P<info>.*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{[^}]*#(?P<id>[\w-]+)[^}]*\})?\s*#*\s*$")
# The title may hold escaped quotes: !!! warning "\"Así me criaron\" no es una excusa"
ADMONITION = re.compile(r'^(?P<indent>[ ]*)(?P<marker>!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+"(?P<title>(?:[^"\\]|\\.)*)")?\s*$')
LIST_ITEM = re.compile(r"^(?P<indent>[ ]*)(?P<marker>[-*+]|\d+[.)])\s+(?P<text>.*)$")
# The definition of a term in a definition list (Python-Markdown's def_list): ":   text"
DEFINITION = re.compile(r"^(?P<indent>[ ]{0,3}):[ ]{1,3}(?P<text>\S.*)$")
INLINE_CODE = re.compile(r"`[^`]*`")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
HTML_ONLY = re.compile(r"^\s*<[^>]*>\s*$|^\s*<!--.*-->\s*$")


def language_of(path: Path | str) -> str:
    """'qu' for `x.qu.md`, 'es' otherwise."""
    suffixes = Path(path).suffixes
    if len(suffixes) >= 2 and suffixes[-2].lstrip(".") in LANGUAGES:
        return suffixes[-2].lstrip(".")
    return DEFAULT_LANGUAGE


def spanish_source(path: Path | str) -> Path:
    """`x.qu.md` → `x.md`; a Spanish page is its own source."""
    path = Path(path)
    if language_of(path) == DEFAULT_LANGUAGE:
        return path
    return path.with_name(path.name[: -len(f".{language_of(path)}.md")] + ".md")


def translation_path(path: Path | str, language: str) -> Path:
    """`x.md` → `x.qu.md` for language 'qu'."""
    source = spanish_source(path)
    if language == DEFAULT_LANGUAGE:
        return source
    return source.with_name(source.name[: -len(".md")] + f".{language}.md")


@dataclass(frozen=True)
class Fence:
    """A fenced code block (``` or ~~~), from its opening to its closing line."""

    start: int
    end: int
    info: str


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str
    # Explicit id written as `{ #id }`, else None (the slug is the toc extension's business)
    id: str | None = None


@dataclass(frozen=True)
class Section:
    """The lines under a heading, up to the next heading of the same or a higher level."""

    heading: Heading
    start: int  # the heading's line
    end: int  # last line of the section


@dataclass(frozen=True)
class Admonition:
    """A `!!! kind "title"` (or collapsible `???`) block and its indented body."""

    line: int
    end: int  # last non-blank line of the body (== line when empty)
    kind: str
    title: str | None
    marker: str
    indent: int
    # The body dedented, as Markdown
    body: str


@dataclass(frozen=True)
class Block:
    """One unit of text a reader (or reviewer) sees: a heading, a paragraph, a list
    item, a table row or an admonition title. `text` is its source joined on one line
    per source line, without the list marker and without the admonition indent."""

    kind: str  # 'heading' | 'paragraph' | 'item' | 'definition' | 'table-row' | 'admonition-title'
    line: int
    end: int
    text: str
    # Kind of the innermost admonition holding the block ('puntos-clave'), else None
    admonition: str | None = None

    def citations(self) -> list[Cited]:
        """The `[[…]]` citations in this block (outside inline code), with their lines."""
        return list(citations_in_text(INLINE_CODE.sub("", self.text), self.line))


@dataclass
class MarkdownPage:
    """A page's source and everything found in it, with file line numbers."""

    path: Path
    meta: dict[str, Any]
    body: str
    # File line of the first body line
    body_line: int = 1
    # Line of every front matter key and list item by its path (("traduccion", "estado"))
    positions: Positions = field(default_factory=Positions)
    text: str = ""

    @property
    def language(self) -> str:
        return language_of(self.path)

    @property
    def source(self) -> Path:
        """The Spanish page this one translates (itself when Spanish)."""
        return spanish_source(self.path)

    @property
    def key_lines(self) -> dict[str, int]:
        """Line of each top-level front matter key."""
        return {key[0]: line for key, line in self.positions.lines.items() if len(key) == 1}

    def line_of(self, key: str | tuple = ()) -> int:
        """Line of a front matter key (or path of keys); 1 when unknown."""
        location = (key,) if isinstance(key, str) else tuple(key)
        line = self.positions.line(location) if location else None
        return line if line and location[:1] in self.positions.lines else 1

    @cached_property
    def body_lines(self) -> list[tuple[int, str]]:
        """(file line, text) of every body line."""
        return list(enumerate(self.body.splitlines(), start=self.body_line))

    @cached_property
    def fences(self) -> list[Fence]:
        fences: list[Fence] = []
        opened: tuple[int, str, str] | None = None  # line, mark, info
        for number, line in self.body_lines:
            match = FENCE_OPEN.match(line)
            if opened is None:
                if match:
                    opened = (number, match.group("mark"), match.group("info").strip())
            elif match and match.group("mark")[0] == opened[1][0] and len(match.group("mark")) >= len(opened[1]) \
                    and not match.group("info").strip():
                fences.append(Fence(opened[0], number, opened[2]))
                opened = None
        if opened is not None:  # unclosed: Markdown treats the rest as code
            fences.append(Fence(opened[0], self.body_line + len(self.body_lines) - 1, opened[2]))
        return fences

    def in_fence(self, line: int) -> bool:
        return any(fence.start <= line <= fence.end for fence in self.fences)

    @cached_property
    def _fenced_lines(self) -> frozenset[int]:
        return frozenset(n for fence in self.fences for n in range(fence.start, fence.end + 1))

    def text_lines(self) -> Iterator[tuple[int, str]]:
        """(line, text) of body lines outside fenced code, as written."""
        fenced = self._fenced_lines
        for number, line in self.body_lines:
            if number not in fenced:
                yield number, line

    def prose_lines(self) -> Iterator[tuple[int, str]]:
        """(line, text) of body lines outside fenced code, with inline code removed."""
        for number, line in self.text_lines():
            yield number, INLINE_CODE.sub("", line)

    @cached_property
    def headings(self) -> list[Heading]:
        found = []
        for number, line in self.text_lines():
            if match := HEADING.match(line):
                found.append(Heading(number, len(match.group("hashes")), match.group("text"), match.group("id")))
        return found

    @cached_property
    def sections(self) -> list[Section]:
        last = self.body_line + max(len(self.body_lines) - 1, 0)
        result = []
        for index, heading in enumerate(self.headings):
            end = next((h.line - 1 for h in self.headings[index + 1 :] if h.level <= heading.level), last)
            result.append(Section(heading, heading.line, end))
        return result

    def section(self, title: str | re.Pattern) -> Section | None:
        """The first section whose heading text equals `title` (or matches the pattern)."""
        for section in self.sections:
            text = section.heading.text
            if (title.fullmatch(text) if isinstance(title, re.Pattern) else text == title):
                return section
        return None

    def lines_between(self, start: int, end: int) -> list[str]:
        """File lines start..end (inclusive) of the body, as written."""
        return [line for number, line in self.body_lines if start <= number <= end]

    @cached_property
    def admonitions(self) -> list[Admonition]:
        found = []
        lines = self.body_lines
        fenced = self._fenced_lines
        for index, (number, line) in enumerate(lines):
            if number in fenced or not (match := ADMONITION.match(line)):
                continue
            indent = len(match.group("indent"))
            body: list[str] = []
            end = number
            for following_number, following in lines[index + 1 :]:
                if following.strip() and not (following.startswith(" " * (indent + 4)) or following.startswith(" " * indent + "\t")):
                    break
                body.append(following)
                if following.strip():
                    end = following_number
            body = body[: end - number]
            title = match.group("title").replace('\\"', '"') if match.group("title") is not None else None
            found.append(Admonition(number, end, match.group("kind"), title, match.group("marker"),
                                    indent, textwrap.dedent("\n".join(body)).strip()))
        return found

    def admonition(self, kind: str) -> Admonition | None:
        """The first admonition of this kind, or None."""
        return next((a for a in self.admonitions if a.kind == kind), None)

    def blocks(self) -> list[Block]:
        """Headings, paragraphs, list items, definitions, table rows and admonition titles, in order.

        Fenced code, HTML-only lines and table separators are not blocks. A list item or
        a definition (`:   text` under its term) keeps its continuation lines; a paragraph
        ends at a blank line or where another kind of block starts.
        """
        blocks: list[Block] = []
        current: dict | None = None

        def close():
            nonlocal current
            if current:
                blocks.append(Block(current["kind"], current["line"], current["end"], "\n".join(current["parts"]), current["admonition"]))
            current = None

        for number, line in self.text_lines():
            if not line.strip():
                close()
                continue
            admonition = self._admonition_at(number)
            inner_indent = admonition.indent + 4 if admonition else 0
            stripped = line[inner_indent:] if line[:inner_indent].strip() == "" else line.lstrip()
            kind_here = admonition.kind if admonition else None
            if match := ADMONITION.match(line):
                close()
                if match.group("title"):
                    blocks.append(Block("admonition-title", number, number, match.group("title").replace('\\"', '"'), match.group("kind")))
                continue
            if HTML_ONLY.match(stripped) or TABLE_SEPARATOR.match(stripped):
                close()
                continue
            if heading := HEADING.match(stripped):
                close()
                blocks.append(Block("heading", number, number, heading.group("text"), kind_here))
                continue
            if stripped.lstrip().startswith("|"):
                close()
                blocks.append(Block("table-row", number, number, stripped.strip(), kind_here))
                continue
            if marked := LIST_ITEM.match(stripped) or DEFINITION.match(stripped):
                close()
                kind = "item" if marked.re is LIST_ITEM else "definition"
                current = {"kind": kind, "line": number, "end": number, "parts": [marked.group("text").strip()], "admonition": kind_here}
                continue
            if current is None:
                current = {"kind": "paragraph", "line": number, "end": number, "parts": [], "admonition": kind_here}
            current["parts"].append(stripped.strip())
            current["end"] = number
        close()
        return blocks

    def _admonition_at(self, line: int) -> Admonition | None:
        inside = [a for a in self.admonitions if a.line < line <= a.end]
        return max(inside, key=lambda a: a.indent) if inside else None

    def citations(self) -> list[Cited]:
        """Every `[[…]]` in the body outside code (well formed or not), with its line."""
        found: list[Cited] = []
        for number, line in self.prose_lines():
            found.extend(citations_in_text(line, number))
        return found


def parse_page(text: str, path: Path | str) -> MarkdownPage:
    """Parse a page's text. A malformed front matter raises SourceError with its line."""
    path = Path(path)
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return MarkdownPage(path=path, meta={}, body=text, body_line=1, text=text)
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == FRONT_MATTER_FENCE)
    except StopIteration:
        raise SourceError(path, 1, "el encabezado (front matter) abre con '---' pero no se cierra con otra línea '---'.") from None
    document = parse_yaml("\n".join(lines[1:end]), path, "el encabezado", first_line=2)
    meta = document.data or {}
    if not isinstance(meta, dict):
        raise SourceError(path, 2, "el encabezado debe ser una lista de claves 'clave: valor'.")
    body = "\n".join(lines[end + 1 :])
    return MarkdownPage(path=path, meta=meta, body=body, body_line=end + 2, positions=document.positions, text=text)


@lru_cache(maxsize=512)
def _parse_cached(text: str, path: Path) -> MarkdownPage:
    return parse_page(text, path)


def read_page(path: Path | str) -> MarkdownPage:
    """Read a page; parsed once per distinct text (cheap to call again). Do not mutate it."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(path, None, "no existe esta página.") from None
    return _parse_cached(text, path)


def iter_pages(docs: Path | str) -> Iterator[Path]:
    """Every Markdown page under docs/, sorted, both languages."""
    yield from sorted(p for p in Path(docs).rglob("*.md") if p.is_file())


# Front matter editing --------------------------------------------------------

DELETE = object()  # value for edit_front_matter: remove the key


def _dump(key: str, value: Any) -> list[str]:
    return dump_yaml({key: value}).rstrip("\n").split("\n")


def with_front_matter(text: str, updates: Mapping[str, Any], path: Path | str = "página") -> str:
    """The page text with top-level front matter keys set (or removed with DELETE).

    Everything else stays byte for byte: other keys, their comments and order, the body.
    A changed key is rewritten in place (its comment lines above it are kept); a new key
    goes at the end of the front matter; a page without front matter gets one.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        lines = [FRONT_MATTER_FENCE, FRONT_MATTER_FENCE, *lines]
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == FRONT_MATTER_FENCE), None)
    if end is None:
        raise SourceError(path, 1, "el encabezado (front matter) abre con '---' pero no se cierra con otra línea '---'.")
    header = lines[1:end]
    for key, value in updates.items():
        starts = [i for i, line in enumerate(header) if re.match(rf"^{re.escape(key)}\s*:", line)]
        if starts:
            start = starts[0]
            stop = start + 1
            # The key's value: indented, blank or list lines up to the next top-level line
            while stop < len(header) and (not header[stop].strip() or header[stop][0] in " \t-"):
                stop += 1
            while stop > start + 1 and not header[stop - 1].strip():
                stop -= 1
            replacement = [] if value is DELETE else _dump(key, value)
            header[start:stop] = replacement
        elif value is not DELETE:
            header.extend(_dump(key, value))
    result = newline.join([lines[0], *header, *lines[end:]])
    # Never write what would not read back as intended
    meta = parse_page(result.replace(newline, "\n"), path).meta
    for key, value in updates.items():
        if (key in meta) if value is DELETE else meta.get(key) != value:
            raise SourceError(path, 1, f"no se pudo escribir la clave «{key}» del encabezado sin cambiar su valor.")
    return result


def edit_front_matter(path: Path | str, updates: Mapping[str, Any]) -> MarkdownPage:
    """Set (or remove with DELETE) top-level front matter keys of a page file, atomically.

    See `with_front_matter` for what is kept. Returns the page as now written.
    """
    path = Path(path)
    raw = path.read_bytes().decode("utf-8")
    updated = with_front_matter(raw, updates, path)
    if updated != raw:
        write_atomic(path, updated)
    return read_page(path)
