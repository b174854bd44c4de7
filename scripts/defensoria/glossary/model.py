"""The termbase: docs/_datos/glosario.yml, validated into one model.

Every entry pairs a Spanish legal term with its Southern Quechua (Cusco) term, gives a
plain definition in both languages, the article it comes from (citation shorthand, only
articles present in docs/_datos/normas.yml) and where the Quechua term comes from: a
source declared under `fuentes`, or `propuesta` when the team proposes it.

Example:

    fuentes:
      ardito-cordova-2013:
        referencia: Ardito, W. y Córdova, G. (2013). El quechua en la función policial. PUCP.
        url: https://…
        leido: Títulos de las secciones (índice).
    terminos:
      - id: violencia-familiar
        es: violencia familiar
        qu: ayllu maqasqa kaptin
        definicion_es: …
        definicion_qu: …
        cita: Ley 30364, art. 6
        fuente_quechua: ardito-cordova-2013
"""

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from defensoria import paths
from defensoria.content.citations import parse_citation
from defensoria.content.validation import source_error
from defensoria.content.yamlfile import parse_yaml
from defensoria.errors import SourceError

GLOSSARY_FILE = Path("_datos") / "glosario.yml"
PROPOSAL = "propuesta"
TERM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Source(BaseModel):
    """A published source of Quechua terms, and what of it was actually read."""

    model_config = ConfigDict(extra="forbid")

    referencia: str = Field(min_length=10)
    # Short name shown on the glossary pages: "Ardito y Córdova 2013"
    corto: str = Field(min_length=3)
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    leido: str = Field(min_length=5)
    # diccionario, lexico, corpus, norma, manual, campaña…: how much weight a pair has
    tipo: str | None = None
    licencia: str | None = None


# What a source shows for a term: the whole term with this meaning, only one of its
# words (the term itself is the team's proposal), or the Spanish word kept as a loan
# in Quechua text (juez, denuncia, comisaría).
SCOPES = ("termino", "raiz", "prestamo")


class Evidence(BaseModel):
    """Where, in a declared source, a term or one of its words was read."""

    model_config = ConfigDict(extra="forbid")

    fuente: str = Field(min_length=3)
    # The form as printed or listed there ('t'aqwi', 'Hatun Kamachinan', 'juez')
    forma: str = Field(min_length=2)
    # Entry, page or sentence: enough for a reviewer to find it again
    donde: str = Field(min_length=5)
    alcance: str = Field(default="termino", pattern="^(" + "|".join(SCOPES) + ")$")


class Term(BaseModel):
    """One termbase entry."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=TERM_ID.pattern)
    es: str = Field(min_length=2)
    qu: str = Field(min_length=2)
    definicion_es: str = Field(min_length=20)
    definicion_qu: str = Field(min_length=20)
    # Citation shorthand(s) without brackets; empty when no article supports the term
    cita: list[str] = Field(default_factory=list)
    fuente_quechua: str = Field(min_length=3)
    # The term exactly as printed in the source, when we respelled it (three vowels, i for y)
    forma_en_fuente: str | None = None
    # Other forms that count as the term in the terminology check (plurals are automatic)
    variantes_es: list[str] = Field(default_factory=list)
    variantes_qu: list[str] = Field(default_factory=list)
    # False for terms too general to require in every translation (e.g. 'ley')
    comprobar_uso: bool = True
    # What was read in the sources; required for a sourced term, optional for a proposal
    evidencia: list[Evidence] = Field(default_factory=list)
    # The entry's line in glosario.yml, set by the loader (never read from the file)
    _line: int = PrivateAttr(default=1)

    @property
    def line(self) -> int:
        return self._line

    @property
    def sourced(self) -> bool:
        return self.fuente_quechua != PROPOSAL

    @field_validator("cita", mode="before")
    @classmethod
    def one_or_many(cls, value):
        if value is None:
            return []
        return [value] if isinstance(value, str) else value

    @field_validator("cita")
    @classmethod
    def citation_syntax(cls, value: list[str]):
        for citation in value:
            if citation.startswith("[["):
                raise ValueError(f"escriba la cita sin corchetes: «{citation.strip('[]')}»")
            if parse_citation(citation) is None:
                raise ValueError(f"«{citation}» no es una cita válida (ejemplos: «Ley 30364, art. 15», «CP, art. 122-B», «Ley 30403»)")
        return value

    @property
    def citations(self) -> list[tuple[str, str | None, str]]:
        """(norm code, article or None, unit) of each citation."""
        return [(c.norma, c.articulo, c.unidad) for c in map(parse_citation, self.cita)]


class Glossary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fuentes: dict[str, Source] = Field(default_factory=dict)
    terminos: list[Term] = Field(min_length=1)

    @model_validator(mode="after")
    def consistent(self):
        seen_ids: dict[str, int] = {}
        seen_es: dict[str, int] = {}
        for index, term in enumerate(self.terminos):
            if term.id in seen_ids:
                raise _EntryError(index, "id", f"el id «{term.id}» se repite (ya está en el término {seen_ids[term.id] + 1}).")
            seen_ids[term.id] = index
            key = term.es.casefold()
            if key in seen_es:
                raise _EntryError(index, "es", f"el término «{term.es}» se repite (ya está en el término {seen_es[key] + 1}).")
            seen_es[key] = index
            if term.fuente_quechua != PROPOSAL and term.fuente_quechua not in self.fuentes:
                known = ", ".join([PROPOSAL, *self.fuentes])
                raise _EntryError(index, "fuente_quechua", f"fuente desconocida «{term.fuente_quechua}»; use una de: {known}.")
            for number, evidence in enumerate(term.evidencia):
                if evidence.fuente not in self.fuentes:
                    known = ", ".join(self.fuentes)
                    raise _EntryError(index, "evidencia", f"evidencia {number + 1}: fuente desconocida «{evidence.fuente}»; use una de: {known}.")
            if term.sourced and not any(e.fuente == term.fuente_quechua and e.alcance != "raiz" for e in term.evidencia):
                raise _EntryError(index, "evidencia", (
                    f"el término cita la fuente «{term.fuente_quechua}» pero no dice qué se leyó allí: agregue en "
                    "«evidencia» la forma y el lugar (alcance «termino» o «prestamo»), o deje «propuesta»."))
        return self

    def by_id(self) -> dict[str, Term]:
        return {term.id: term for term in self.terminos}


class _EntryError(ValueError):
    """A cross-entry problem, located at one entry's field."""

    def __init__(self, index: int, field: str, message: str):
        super().__init__(message)
        self.loc = ("terminos", index, field)
        self.message = message


def _describe(loc: tuple, raw) -> str:
    """'término 12 (denuncia), campo «qu»' for a pydantic location."""
    parts = [str(p) for p in loc]
    if len(parts) >= 2 and parts[0] == "terminos" and parts[1].isdigit():
        index = int(parts[1])
        entry = raw["terminos"][index] if isinstance(raw.get("terminos"), list) and index < len(raw["terminos"]) else None
        name = f" ({entry.get('id')})" if isinstance(entry, dict) and entry.get("id") else ""
        field = " → ".join(parts[2:])
        return f"término {index + 1}{name}" + (f", campo «{field}»" if field else "")
    return "campo «" + " → ".join(parts) + "»"


# What the generic Spanish messages cannot know about these fields
MESSAGES = {
    "extra_forbidden": "campo desconocido (¿error de escritura?). Campos: id, es, qu, definicion_es, definicion_qu, cita, fuente_quechua, forma_en_fuente, variantes_es, variantes_qu, comprobar_uso, evidencia (fuente, forma, donde, alcance).",
    "list_type": "debe ser una lista.",
}
PATTERN_MESSAGES = {
    "id": "el id solo lleva minúsculas sin tildes, números y guiones (ejemplo: medida-de-proteccion).",
    "alcance": "el alcance es «termino», «raiz» o «prestamo».",
}


def parse_glossary(text: str, path: Path) -> Glossary:
    """Validate the YAML text; the first problem raises SourceError with file:line."""
    document = parse_yaml(text, path, "el glosario")
    raw = document.data
    if not isinstance(raw, dict):
        raise SourceError(path, 1, "el glosario debe tener las claves «fuentes:» y «terminos:».")
    try:
        glossary = Glossary.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        context_error = (first.get("ctx") or {}).get("error")
        if isinstance(context_error, _EntryError):
            loc = context_error.loc
            raise SourceError(path, document.line(loc), f"{_describe(loc, raw)}: {context_error.message}") from None
        messages = MESSAGES
        field = first["loc"][-1] if first["loc"] else None
        if first["type"] == "string_pattern_mismatch" and field in PATTERN_MESSAGES:
            messages = {**MESSAGES, "string_pattern_mismatch": PATTERN_MESSAGES[field]}
        raise source_error(error, document, describe=lambda loc: _describe(loc, raw), messages=messages) from None
    for index, term in enumerate(glossary.terminos):
        term._line = document.line(("terminos", index)) or 1
    return glossary


def glossary_path(root: Path | None = None) -> Path:
    return paths.docs_dir(root) / GLOSSARY_FILE


@lru_cache(maxsize=8)
def _load_cached(path: Path, mtime: float) -> Glossary:
    return parse_glossary(path.read_text(encoding="utf-8"), path)


def load_glossary(root: Path | None = None, path: Path | None = None) -> Glossary:
    """The termbase of a project; re-read when the file changes."""
    path = Path(path) if path else glossary_path(root)
    if not path.is_file():
        raise SourceError(path, None, "no existe el glosario (docs/_datos/glosario.yml).")
    return _load_cached(path.resolve(), path.stat().st_mtime)
