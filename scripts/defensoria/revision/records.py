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

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from defensoria import paths
from defensoria.content.validation import source_error
from defensoria.content.yamlfile import dump_yaml, read_yaml
from defensoria.errors import SourceError
from defensoria.files import write_atomic

FOLDER = Path("_datos") / "revision"
LEGAL_FILE = "legal.yml"
QUECHUA_FILE = "quechua.yml"
HASH_LENGTH = 12
EMAIL = re.compile(r"\S+@\S+")
PHONE = re.compile(r"\d[\d\s\-]{6,}\d")


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


# What the generic Spanish messages cannot know about these fields
MESSAGES = {
    "literal_error": "valor no permitido (use «ok» o «corregir»).",
    "string_pattern_mismatch": "huella no válida (12 caracteres hexadecimales).",
}


def _read(path: Path, key: str, model) -> dict:
    if not path.is_file():
        return {}
    document = read_yaml(path, "el archivo de revisiones")
    raw = document.data or {}
    if not isinstance(raw, dict) or set(raw) - {key}:
        raise SourceError(path, 1, f"el archivo de revisiones debe tener solo la clave «{key}».")
    result = {}
    for item_id, data in (raw.get(key) or {}).items():
        try:
            result[str(item_id)] = model.model_validate(data)
        except ValidationError as error:
            raise source_error(error, document, prefix=(key, item_id), messages=MESSAGES,
                               describe=lambda location: f"«{item_id}», campo «{' → '.join(map(str, location[2:])) or item_id}»") from None
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
    return HEADER.format(who=who) + dump_yaml(data)


def save_records(records: Records, root: Path | None = None) -> list[Path]:
    """Write both files atomically (only those with decisions); return the paths written."""
    base = folder(root)
    written = []
    if records.afirmaciones:
        written.append(write_atomic(base / LEGAL_FILE, _dump("afirmaciones", records.afirmaciones, "la revisión legal")))
    if records.segmentos:
        written.append(write_atomic(base / QUECHUA_FILE, _dump("segmentos", records.segmentos, "la revisión del quechua")))
    return written
