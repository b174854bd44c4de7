"""Facilitator guides: docs/formadores/guias/mNN-guia.md (Spanish) and mNN-guia.qu.md.

The front matter is data the planner and the site read; the body is for people.

    ---
    guia_de: m04                 # the module (catalogue code)
    title: "Guía del taller: La denuncia"
    duracion: 110                # minutes, = sum of the activities' minutes
    materiales:
      - Papelógrafos
    actividades:
      - nombre: Bienvenida y acuerdos
        minutos: 10
        tipo: apertura           # apertura|historia|juego_de_roles|grupos|plenaria|cierre|evaluacion
    ---

Breaks are not activities: the planner adds them. Each activity has a section whose
heading carries its minutes: `### 1. Bienvenida y acuerdos (10 min)`.
"""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from defensoria import paths
from defensoria.catalog import NonBlankText
from defensoria.content.validation import source_error
from defensoria.errors import SourceError
from defensoria.pages import Page, read_page, translation_path

GUIDES_FOLDER = Path("formadores") / "guias"
GUIDE_FILE = re.compile(r"^(m\d{2})-guia\.md$")
GUIDE_FILE_ANY = re.compile(r"^(m\d{2})-guia(?:\.([a-z]{2}))?\.md$")
# `### 4. Juego de roles: en la comisaría (25 min)`; the number is optional
ACTIVITY_HEADING = re.compile(r"^###\s+(?:\d+\.\s+)?(?P<nombre>.+?)\s+\((?P<minutos>\d+)\s*min\)\s*$")
ActivityType = Literal["apertura", "historia", "juego_de_roles", "grupos", "plenaria", "cierre", "evaluacion"]


class Activity(BaseModel):
    model_config = ConfigDict(extra="forbid")

    nombre: str = Field(min_length=3)
    minutos: int = Field(gt=0, le=240)
    tipo: ActivityType


class Guide(BaseModel):
    """One facilitator guide, as its front matter declares it."""

    model_config = ConfigDict(extra="forbid")

    guia_de: str = Field(pattern=r"^m\d{2}$")
    title: str = Field(min_length=3)
    duracion: int = Field(gt=0, le=600)
    materiales: list[NonBlankText] = Field(min_length=1)
    actividades: list[Activity] = Field(min_length=1)
    # Page keys the site uses; not read by the planner
    description: str | None = None
    traduccion: dict | None = None
    hide: list[str] | None = None

    # Filled in by the loader
    path: Path = Field(default=Path(), exclude=True)

    @property
    def module(self) -> str:
        return self.guia_de

    @property
    def activity_minutes(self) -> int:
        return sum(a.minutos for a in self.actividades)

    def url(self, language: str = "es") -> str:
        """Site-relative URL (the offline build uses .html files)."""
        prefix = "" if language == "es" else f"{language}/"
        return f"{prefix}formadores/guias/{self.guia_de}-guia.html"


# What the generic Spanish messages cannot know about these fields
MESSAGES = {
    "string_pattern_mismatch": "el código debe ser 'm' y dos cifras, por ejemplo m04.",
    "int_parsing": "debe ser un número entero de minutos.",
    "int_from_float": "debe ser un número entero de minutos.",
    "int_type": "debe ser un número entero de minutos.",
    "literal_error": "tipo no permitido (use apertura, historia, juego_de_roles, grupos, plenaria, cierre o evaluacion; las pausas las pone el planificador).",
    "model_type": "debe ser un grupo de claves (nombre, minutos, tipo).",
}


def guides_dir(root: Path | None = None) -> Path:
    return paths.docs_dir(root) / GUIDES_FOLDER


def guide_path(module: str, root: Path | None = None, language: str = "es") -> Path:
    return translation_path(guides_dir(root) / f"{module}-guia.md", language)


def guide_from_page(page: Page) -> Guide:
    """Validate a guide's front matter; errors name file:line in Spanish."""
    if not GUIDE_FILE_ANY.match(page.path.name):
        raise SourceError(page.path, 1, "el nombre del archivo de una guía debe ser 'mNN-guia.md' (por ejemplo m04-guia.md).")
    try:
        guide = Guide.model_validate(page.meta)
    except ValidationError as error:
        raise source_error(error, (page.path, page.line_of), messages=MESSAGES,
                           describe=lambda loc: f"encabezado de la guía: '{'.'.join(map(str, loc)) or 'guia_de'}'") from None
    expected = GUIDE_FILE_ANY.match(page.path.name).group(1)
    if guide.guia_de != expected:
        raise SourceError(page.path, page.line_of("guia_de"), f"guia_de: {guide.guia_de} no coincide con el nombre del archivo ({expected}).")
    guide.path = page.path
    return guide


def load_guide(path: Path) -> Guide:
    return guide_from_page(read_page(path))


def guide_files(root: Path | None = None, language: str = "es") -> list[Path]:
    """Guide files of one language, sorted by module."""
    folder = guides_dir(root)
    if not folder.is_dir():
        return []
    pattern = "m[0-9][0-9]-guia.md" if language == "es" else f"m[0-9][0-9]-guia.{language}.md"
    return sorted(folder.glob(pattern))


def load_guides(root: Path | None = None, language: str = "es") -> dict[str, Guide]:
    """Guides by module code. Raises SourceError on the first broken guide."""
    return {guide.guia_de: guide for guide in (load_guide(p) for p in guide_files(root, language))}


def activity_headings(page: Page) -> Iterator[tuple[int, str, int]]:
    """(line, name, minutes) of each `### … (N min)` heading in the body, outside code."""
    for number, line in page.text_lines():
        if match := ACTIVITY_HEADING.match(line):
            yield number, match.group("nombre").strip(), int(match.group("minutos"))
