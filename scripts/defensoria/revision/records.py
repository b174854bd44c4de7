"""Review decisions stored as data: docs/_datos/revision/legal.yml and quechua.yml.

Only the review workflow writes these files, from files real reviewers filled
(`defensoria revision importar`). Nobody types them by hand and no test writes them in
the repository. A missing file means "nothing reviewed yet".

    # legal.yml
    afirmaciones:
      L-3f2a9c0d41:
        decision: ok            # ok | corregir
        por: Abogada del consejo
        fecha: 2026-12-03
        huella: 9a8b7c6d5e4f    # claim text + citation + cited article text, when approved
        comentario: ""

    # quechua.yml
    segmentos:
      modulos/m05-medidas-de-proteccion/una-historia/3:
        por: Defensora de Ccapi
        fecha: 2026-12-03
        huella_es: 1a2b3c4d5e6f  # the Spanish text the reviewer read
        huella_qu: 6f5e4d3c2b1a  # the Quechua text the reviewer approved
        comentario: ""

Names are what reviewers choose to be called; contact data (e-mail, phone) is refused.
"""

import hashlib
import re
import unicodedata
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from defensoria import paths
from defensoria.errors import SourceError
from defensoria.files import write_atomic

FOLDER = Path("_datos") / "revision"
LEGAL_FILE = "legal.yml"
QUECHUA_FILE = "quechua.yml"
HASH_LENGTH = 12
EMAIL = re.compile(r"\S+@\S+")
PHONE = re.compile(r"\d[\d\s\-]{6,}\d")

# libyaml when present: the question banks are large and read on every build
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def normalise(text: str) -> str:
    """Text as compared for hashing: NFC, one space between words, no edge spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_hash(*parts: str) -> str:
    """Short content hash of normalised parts (joined with a separator no text contains)."""
    joined = "\x1f".join(normalise(part or "") for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:HASH_LENGTH]


class _Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    por: str = Field(min_length=2, max_length=80)
    fecha: date
    comentario: str = ""

    @field_validator("por")
    @classmethod
    def no_contact_data(cls, value: str) -> str:
        value = value.strip()
        if EMAIL.search(value) or PHONE.search(value):
            raise ValueError("el nombre del revisor no puede llevar correo ni teléfono; use iniciales o un nombre como «Defensora de Ccapi»")
        return value

    @field_validator("comentario", mode="before")
    @classmethod
    def empty_comment(cls, value):
        return "" if value is None else value


class LegalDecision(_Decision):
    decision: Literal["ok", "corregir"]
    huella: str = Field(pattern=r"^[0-9a-f]{12}$")


class SegmentDecision(_Decision):
    huella_es: str = Field(pattern=r"^[0-9a-f]{12}$")
    huella_qu: str = Field(pattern=r"^[0-9a-f]{12}$")


class Records(BaseModel):
    """All decisions of a project, by claim id and by segment id."""

    model_config = ConfigDict(extra="forbid")

    afirmaciones: dict[str, LegalDecision] = Field(default_factory=dict)
    segmentos: dict[str, SegmentDecision] = Field(default_factory=dict)


def folder(root: Path | None = None) -> Path:
    return paths.docs_dir(root) / FOLDER


SPANISH = {
    "missing": "falta este campo",
    "extra_forbidden": "campo desconocido",
    "literal_error": "valor no permitido (use «ok» o «corregir»)",
    "date_from_datetime_parsing": "fecha no válida (AAAA-MM-DD)",
    "date_parsing": "fecha no válida (AAAA-MM-DD)",
    "date_type": "fecha no válida (AAAA-MM-DD)",
    "string_pattern_mismatch": "huella no válida (12 caracteres hexadecimales)",
    "string_too_short": "texto vacío o demasiado corto",
    "string_too_long": "texto demasiado largo",
    "string_type": "debe ser un texto",
    "dict_type": "debe ser una lista de claves «clave: valor»",
}


def _read(path: Path, key: str, model) -> dict:
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    try:
        raw = yaml.load(text, Loader=LOADER) or {}
        node = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SourceError(path, mark.line + 1 if mark else None, "el archivo de revisiones no es YAML válido.") from None
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key and isinstance(v, yaml.MappingNode):
                lines = {str(item_key.value): item_key.start_mark.line + 1 for item_key, _ in v.value}
    if not isinstance(raw, dict) or set(raw) - {key}:
        raise SourceError(path, 1, f"el archivo de revisiones debe tener solo la clave «{key}».")
    result = {}
    for item_id, data in (raw.get(key) or {}).items():
        try:
            result[str(item_id)] = model.model_validate(data)
        except ValidationError as error:
            first = error.errors()[0]
            field = " → ".join(str(part) for part in first["loc"]) or str(item_id)
            message = SPANISH.get(first["type"], first["msg"].removeprefix("Value error, "))
            raise SourceError(path, lines.get(str(item_id)), f"«{item_id}», campo «{field}»: {message}.") from None
    return result


def _mtime(path: Path) -> float:
    return path.stat().st_mtime_ns if path.is_file() else 0


@lru_cache(maxsize=8)
def _load(base: Path, legal_mtime: float, quechua_mtime: float) -> Records:
    return Records(
        afirmaciones=_read(base / LEGAL_FILE, "afirmaciones", LegalDecision),
        segmentos=_read(base / QUECHUA_FILE, "segmentos", SegmentDecision),
    )


def load_records(root: Path | None = None) -> Records:
    """The project's review decisions (empty when nobody has reviewed anything yet)."""
    base = folder(root).resolve()
    return _load(base, _mtime(base / LEGAL_FILE), _mtime(base / QUECHUA_FILE)).model_copy(deep=True)


HEADER = """\
# Decisiones de {who}, escritas por `defensoria revision importar`.
# No edite este archivo a mano: solo cuenta lo que una persona revisora decidió.
"""


def _dump(key: str, items: dict[str, BaseModel], who: str) -> str:
    data = {key: {item_id: item.model_dump(mode="json") for item_id, item in sorted(items.items())}}
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: thousands of decisions in well under a second
    return HEADER.format(who=who) + yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


def save_records(records: Records, root: Path | None = None) -> list[Path]:
    """Write both files atomically (only those with decisions); return the paths written."""
    base = folder(root)
    written = []
    if records.afirmaciones:
        written.append(write_atomic(base / LEGAL_FILE, _dump("afirmaciones", records.afirmaciones, "la revisión legal")))
    if records.segmentos:
        written.append(write_atomic(base / QUECHUA_FILE, _dump("segmentos", records.segmentos, "la revisión del quechua")))
    return written
