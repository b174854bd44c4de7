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

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from defensoria import paths
from defensoria.catalog import NonBlankText
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


SPANISH_ERRORS = {
    "missing": "falta esta clave",
    "string_pattern_mismatch": "el código debe ser 'm' y dos cifras, por ejemplo m04",
    "string_too_short": "el texto es demasiado corto",
    "too_short": "la lista no puede estar vacía",
    "int_parsing": "debe ser un número entero de minutos",
    "int_from_float": "debe ser un número entero de minutos",
    "int_type": "debe ser un número entero de minutos",
    "greater_than": "debe ser mayor que cero",
    "less_than_equal": "el número es demasiado grande",
    "literal_error": "tipo no permitido (use apertura, historia, juego_de_roles, grupos, plenaria, cierre o evaluacion; las pausas las pone el planificador)",
    "extra_forbidden": "clave desconocida",
    "list_type": "debe ser una lista (líneas que empiezan con '- ')",
    "string_type": "debe ser un texto",
    "model_type": "debe ser un grupo de claves (nombre, minutos, tipo)",
    "dict_type": "debe ser un grupo de claves",
    "value_error": "hay un elemento vacío",
}


def guides_dir(root: Path | None = None) -> Path:
    return paths.docs_dir(root) / GUIDES_FOLDER


def guide_path(module: str, root: Path | None = None, language: str = "es") -> Path:
    return translation_path(guides_dir(root) / f"{module}-guia.md", language)


def front_matter_line(path: Path, location: tuple) -> int | None:
    """File line of a (possibly nested) front matter key, e.g. ('actividades', 3, 'minutos')."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
        node = yaml.compose("\n".join(lines[1:end]))
    except (StopIteration, yaml.YAMLError):
        return None
    line = None
    for part in location:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 2, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 2
        else:
            break
    return line


def guide_from_page(page: Page) -> Guide:
    """Validate a guide's front matter; errors name file:line in Spanish."""
    if not GUIDE_FILE_ANY.match(page.path.name):
        raise SourceError(page.path, 1, "el nombre del archivo de una guía debe ser 'mNN-guia.md' (por ejemplo m04-guia.md).")
    try:
        guide = Guide.model_validate(page.meta)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        where = ".".join(str(p) for p in location) or "guia_de"
        line = front_matter_line(page.path, location) or page.line_of(str(location[0]) if location else "guia_de")
        message = SPANISH_ERRORS.get(first["type"], first.get("msg", "valor no válido"))
        raise SourceError(page.path, line, f"encabezado de la guía: '{where}': {message}.") from None
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
    in_fence = False
    for number, line in enumerate(page.body.splitlines(), start=page.body_line):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if not in_fence and (match := ACTIVITY_HEADING.match(line)):
            yield number, match.group("nombre").strip(), int(match.group("minutos"))
