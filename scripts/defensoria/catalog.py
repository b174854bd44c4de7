"""The module catalogue: the front matter of docs/modulos/mNN-*.md, read once.

Quizzes, print, tracker and the site all read modules from here; nothing repeats it.

Example front matter:

    ---
    modulo: m04
    title: La denuncia
    horas: 3
    objetivos:
      - Explicar quién puede denunciar y dónde.
    fuentes:
      - Ley 30364, art. 15
    revision_legal:
      estado: pendiente
      fecha: 2026-11-26
    version_ley: Ley 30364 con las modificaciones de la Ley 31715 (2023)
    ---
"""

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from defensoria import paths
from defensoria.content.validation import source_error
from defensoria.errors import DefensoriaError, SourceError
from defensoria.pages import Page, read_page, translation_path

MODULE_ID = re.compile(r"^m\d{2}$")
MODULE_FILE = re.compile(r"^(m\d{2})-[a-z0-9-]+\.md$")


def _not_blank(text: str) -> str:
    if not str(text).strip():
        raise ValueError("hay un elemento vacío")
    return text


# A list item written in front matter (an objective, a source, a material): never blank
NonBlankText = Annotated[str, AfterValidator(_not_blank)]


class LegalReview(BaseModel):
    model_config = ConfigDict(extra="forbid")

    estado: Literal["pendiente", "revisado"]
    fecha: date | None = None
    por: str | None = None


class Module(BaseModel):
    """One training module, as its Spanish page declares it."""

    model_config = ConfigDict(extra="allow")

    modulo: str = Field(pattern=MODULE_ID.pattern)
    title: str = Field(min_length=3)
    horas: float = Field(gt=0, le=40)
    objetivos: list[NonBlankText] = Field(min_length=1)
    fuentes: list[NonBlankText] = Field(min_length=1)
    revision_legal: LegalReview
    version_ley: str = Field(min_length=3)

    # Filled in by the loader, not written in front matter
    path: Path = Field(default=Path(), exclude=True)

    @property
    def id(self) -> str:
        return self.modulo

    @property
    def slug(self) -> str:
        """File stem, e.g. 'm04-la-denuncia'; the page URL is modulos/<slug>.html."""
        return self.path.stem

    def page_path(self, language: str = "es") -> Path:
        return translation_path(self.path, language)

    def url(self, language: str = "es") -> str:
        """Site-relative URL of the module page (the offline build uses .html files)."""
        prefix = "" if language == "es" else f"{language}/"
        return f"{prefix}modulos/{self.slug}.html"


class UnknownModule(DefensoriaError):
    """A module code that is not in the catalogue."""


def module_from_page(page: Page) -> Module:
    """Validate a page's front matter as a module; errors name file:line in Spanish."""
    match = MODULE_FILE.match(page.path.name)
    if not match:
        raise SourceError(page.path, 1, "el nombre del archivo de un módulo debe ser 'mNN-tema.md' (por ejemplo m04-la-denuncia.md).")
    try:
        module = Module.model_validate(page.meta)
    except ValidationError as error:
        raise source_error(error, (page.path, page.line_of), messages=MESSAGES,
                           describe=lambda loc: f"encabezado del módulo: '{'.'.join(map(str, loc)) or 'modulo'}'") from None
    if module.modulo != match.group(1):
        raise SourceError(page.path, page.line_of("modulo"), f"el código '{module.modulo}' no coincide con el nombre del archivo ({match.group(1)}).")
    module.path = page.path
    return module


# What the generic Spanish messages cannot know about these fields
MESSAGES = {
    "string_pattern_mismatch": "el código debe ser 'm' y dos cifras, por ejemplo m04.",
    "float_parsing": "debe ser un número (horas).",
    "model_type": "debe ser un grupo de claves (estado, fecha, por).",
}


def load_modules(root: Path | None = None) -> list[Module]:
    """Every module of docs/modulos/, sorted by code. Raises SourceError on the first bad page."""
    folder = paths.modules_dir(root)
    modules = []
    for path in sorted(folder.glob("m[0-9][0-9]-*.md")):
        if path.name.count(".") > 1:  # translations (m04-x.qu.md) are not catalogue entries
            continue
        modules.append(module_from_page(read_page(path)))
    seen: dict[str, Path] = {}
    for module in modules:
        if module.modulo in seen:
            raise SourceError(module.path, module.path and 1, f"el código {module.modulo} ya lo usa {seen[module.modulo].name}.")
        seen[module.modulo] = module.path
    return modules


@lru_cache(maxsize=8)
def _cached(root: Path) -> tuple[Module, ...]:
    return tuple(load_modules(root))


def catalog(root: Path | None = None) -> dict[str, Module]:
    """Modules by code, cached per root for the life of the process."""
    return {m.modulo: m for m in _cached((root or paths.find_root()).resolve())}


def get_module(code: str, root: Path | None = None) -> Module:
    """The module with this code, or UnknownModule naming the codes that exist."""
    modules = catalog(root)
    normalized = code.strip().lower()
    if re.fullmatch(r"m?\d{1,2}", normalized):
        normalized = "m" + normalized.lstrip("m").zfill(2)
    if normalized not in modules:
        known = ", ".join(modules) or "ninguno"
        raise UnknownModule(f"no existe el módulo '{code}'. Módulos disponibles: {known}.")
    return modules[normalized]


def parse_module_list(text: str, root: Path | None = None) -> list[Module]:
    """'m02,m04' or 'm02 m04' or 'todos' → modules, each checked."""
    if text.strip().lower() in {"todos", "todo", "all"}:
        return list(catalog(root).values())
    codes = [c for c in re.split(r"[,\s]+", text) if c]
    if not codes:
        raise UnknownModule("indique al menos un módulo, por ejemplo --modulos m02,m04.")
    return [get_module(code, root) for code in codes]
