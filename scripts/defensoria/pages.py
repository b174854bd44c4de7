"""Reading Markdown pages: front matter with line numbers, language, Spanish source.

Pages use the suffix layout of mkdocs-static-i18n: `tema.md` is Spanish, `tema.qu.md`
is its Quechua translation.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from defensoria.errors import SourceError

LANGUAGES = ("es", "qu")
DEFAULT_LANGUAGE = "es"
FENCE = "---"


@dataclass
class Page:
    path: Path
    meta: dict[str, Any]
    body: str
    # Line number (1-based) of the first body line, to report body problems by file:line
    body_line: int = 1
    # Line of each top-level front matter key, to report meta problems by file:line
    key_lines: dict[str, int] = field(default_factory=dict)

    @property
    def language(self) -> str:
        return language_of(self.path)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


def language_of(path: Path) -> str:
    """'qu' for `x.qu.md`, 'es' otherwise."""
    suffixes = Path(path).suffixes
    if len(suffixes) >= 2 and suffixes[-2].lstrip(".") in LANGUAGES:
        return suffixes[-2].lstrip(".")
    return DEFAULT_LANGUAGE


def spanish_source(path: Path) -> Path:
    """`x.qu.md` → `x.md`; a Spanish page is its own source."""
    path = Path(path)
    if language_of(path) == DEFAULT_LANGUAGE:
        return path
    return path.with_name(path.name[: -len(".qu.md")] + ".md")


def translation_path(path: Path, language: str) -> Path:
    """`x.md` → `x.qu.md` for language 'qu'."""
    source = spanish_source(path)
    if language == DEFAULT_LANGUAGE:
        return source
    return source.with_name(source.name[: -len(".md")] + f".{language}.md")


def read_page(path: Path) -> Page:
    """Read a Markdown page. A malformed front matter raises SourceError with its line."""
    text = Path(path).read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        return Page(path=Path(path), meta={}, body=text, body_line=1)
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == FENCE)
    except StopIteration:
        raise SourceError(path, 1, "el encabezado (front matter) abre con '---' pero no se cierra con otra línea '---'.")
    raw = "\n".join(lines[1:end])
    try:
        meta = yaml.safe_load(raw) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or "YAML no válido"
        raise SourceError(path, line, f"el encabezado no es YAML válido ({problem}).") from None
    if not isinstance(meta, dict):
        raise SourceError(path, 2, "el encabezado debe ser una lista de claves 'clave: valor'.")
    key_lines = {}
    for number, line in enumerate(lines[1:end], start=2):
        if line and not line[0].isspace() and ":" in line and not line.startswith("#"):
            key_lines.setdefault(line.split(":", 1)[0].strip(), number)
    body = "\n".join(lines[end + 1 :])
    return Page(path=Path(path), meta=meta, body=body, body_line=end + 2, key_lines=key_lines)


def iter_pages(docs: Path):
    """Every Markdown page under docs/, sorted, both languages."""
    yield from sorted(p for p in Path(docs).rglob("*.md") if p.is_file())
