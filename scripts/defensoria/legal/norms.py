"""The norms data (docs/_datos/normas.yml): norms, their articles, and how to cite them.

One YAML file feeds the citation extension, the Normas page and `defensoria revisar`.
Keys are the norm codes used in citations (`Ley 30364`, `CP`, `AP 1-2009/CJ-116`);
each norm lists its articles by number (`"15"`, `"122-B"`) or, for an acuerdo plenario,
by fundamento jurídico (`unidad: fj.`).

Example:

    Ley 30364:
      nombre: Ley N.° 30364, Ley para prevenir, sancionar y erradicar …
      tipo: ley
      resumen: La ley principal contra la violencia …
      fuente: https://www.gob.pe/…
      edicion: Numeración de la propia ley con sus modificaciones.
      fecha_texto: 2023-03-22
      verificado: true
      articulos:
        "122-B":
          titulo: Agresiones en contra de las mujeres o integrantes del grupo familiar
          resumen: Golpes que necesitan menos de 10 días de descanso …
          fuente: https://github.com/lokix94/peru-ai/blob/…/legal-library/codigo_penal.txt
          edicion: Código Penal compilado por LP Derecho (actualizado 2026) …
          texto: |-
            El que de cualquier modo cause lesiones corporales …
          leido: 2026-12-03
          fecha_texto: 2018-07-13
          verificado: true
        "25":
          titulo: Prohibición de la conciliación y la confrontación
          resumen: …
          fuente: https://www.gob.pe/…
          edicion: Contenido citado por editoriales jurídicas; no se leyó el texto.
          fecha_texto: null
          verificado: false
          buscado:
            - GitHub (find_string «confrontación y la conciliación entre la víctima»): nada.

`texto` is the article's literal text, copied from the source read (`fuente`) on the date
`leido`; `parte` says which part when only some paragraphs are copied. `verificado: true`
needs that literal text from a source that is not an upload or blog copy
(`verification_problems`); an unverified entry lists in `buscado` where its text was sought.
"""

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from defensoria import paths
from defensoria.content.citations import ARTICLE_ID, anchor, slug  # noqa: F401 (re-exported)
from defensoria.content.validation import first_error, source_error
from defensoria.content.yamlfile import YamlDocument, parse_yaml
from defensoria.errors import SourceError

NORMS_FILE = Path("_datos") / "normas.yml"
# Quechua titles and summaries, kept apart so translators and law writers do not collide
QUECHUA_FILE = Path("_datos") / "normas.qu.yml"
# Upload sites and blogs: never the source of a verified text (they copy, and alter, official texts)
BANNED_HOSTS = (
    "scribd.com", "studylib", "slideshare.net", "docplayer", "fdocuments", "pdfcoke.com",
    "studocu.com", "docsity.com", "vdocuments", "dokumen.pub", "ebin.pub", "mydokument.com",
    "blogspot.", "wordpress.com", "medium.com",
)
URL = re.compile(r"^https?://\S+$")
NormType = Literal[
    "constitución", "tratado", "ley", "decreto legislativo", "código", "reglamento",
    "decreto supremo", "resolución", "acuerdo plenario",
]


class QuechuaText(BaseModel):
    """Quechua title and summary shown on normas.qu.md (norm names stay as they are)."""

    model_config = ConfigDict(extra="forbid")

    titulo: str | None = Field(default=None, min_length=3)
    resumen: str = Field(min_length=10)


class QuechuaNorm(QuechuaText):
    """One norm in normas.qu.yml: its summary and its articles' titles and summaries."""

    articulos: dict[str, QuechuaText] = Field(default_factory=dict)


class _Sourced(BaseModel):
    model_config = ConfigDict(extra="forbid")

    resumen: str = Field(min_length=10)
    extracto: str | None = None
    # Where the text was read (for a verified entry, the page or file with the literal text)
    fuente: str = Field(pattern=URL.pattern)
    # Which text was used: official edition, compiled text (named), copy, press …
    edicion: str = Field(min_length=5)
    # The literal text as read, never a paraphrase; `parte` when only some of it is copied
    texto: str | None = Field(default=None, min_length=10)
    parte: str | None = Field(default=None, min_length=3)
    leido: date | None = None
    fecha_texto: date | None
    verificado: bool
    # Where the literal text was sought and not found (unverified entries)
    buscado: list[str] = Field(default_factory=list)
    qu: QuechuaText | None = None

    @property
    def host(self) -> str:
        return urlsplit(self.fuente).netloc.lower()


class Article(_Sourced):
    """One article (or fundamento) of a norm, as the site cites it."""

    titulo: str = Field(min_length=3)


class Norm(_Sourced):
    """One norm and the articles the site cites."""

    nombre: str = Field(min_length=3)
    tipo: NormType
    unidad: Literal["art.", "fj."] = "art."
    articulos: dict[str, Article] = Field(default_factory=dict)

    @field_validator("articulos", mode="before")
    @classmethod
    def article_ids(cls, value):
        if value is None:
            return {}
        if isinstance(value, dict):
            for key in value:
                if not ARTICLE_ID.match(str(key)):
                    raise ValueError(f"«{key}» no es un número de artículo (ejemplos: 15, 122-B)")
            return {str(key): item for key, item in value.items()}
        return value


class Norms(dict[str, Norm]):
    """Norm code → Norm, with lookups the extension and the checks share."""

    path: Path

    def find(self, code: str, article: str | None = None) -> tuple[Norm, Article | None] | None:
        """(norm, article) for a citation, or None when the norm or the article is unknown."""
        norm = self.get(code)
        if norm is None:
            return None
        if article is None:
            return norm, None
        found = norm.articulos.get(article)
        return (norm, found) if found else None


def banned_source(url: str) -> bool:
    """True for an upload site or a blog (Scribd, StudyLib, SlideShare, DocPlayer, blogspot …)."""
    parts = urlsplit(url)
    host = parts.netloc.lower()
    # A proxy or cache URL that wraps a banned address counts as that address
    if any(banned in url.lower() for banned in BANNED_HOSTS):
        return True
    return host.startswith("blog.") or "/blog/" in parts.path.lower()


def verification_problems(norms: "Norms") -> Iterator[tuple[str, str]]:
    """(citation, Spanish message) for every entry marked verified without grounds.

    An article marked `verificado: true` needs its literal `texto` and the date it was read
    (`leido`); no verified entry (article or norm) may rest on an upload site or a blog.
    """
    for code, norm in norms.items():
        if norm.verificado and banned_source(norm.fuente):
            yield code, f"«{code}» está verificada con una fuente no admitida ({norm.host}): use una fuente oficial o una compilación reconocida."
        for number, article in norm.articulos.items():
            name = f"{code}, {norm.unidad} {number}"
            if not article.verificado:
                continue
            if not article.texto:
                yield name, f"«{name}» está verificado pero no tiene «texto» (el texto literal del artículo leído en la fuente)."
            if not article.leido:
                yield name, f"«{name}» está verificado pero no tiene «leido» (la fecha en que se leyó el texto)."
            if banned_source(article.fuente):
                yield name, (f"«{name}» está verificado con una fuente no admitida ({article.host}); Scribd, StudyLib, "
                             "SlideShare, DocPlayer y los blogs no sirven: use una fuente oficial o una compilación reconocida.")


# What the generic Spanish messages cannot know about these fields
MESSAGES = {
    "string_pattern_mismatch": "debe ser una dirección web que empiece con https:// o http://.",
    "date_type": "fecha no válida; escriba AAAA-MM-DD o null.",
    "date_parsing": "fecha no válida; escriba AAAA-MM-DD o null.",
    "date_from_datetime_parsing": "fecha no válida; escriba AAAA-MM-DD o null.",
}


def _read_yaml(text: str, path: Path) -> YamlDocument:
    """The YAML mapping with the line of each key; bad YAML raises SourceError with its line."""
    document = parse_yaml(text, path, "el archivo de normas")
    if document.data is None:
        document.data = {}
    if not isinstance(document.data, dict):
        raise SourceError(path, 1, "el archivo de normas debe ser una lista de normas «Código: {…}».")
    return document


def _validate(model, code: str, data, document: YamlDocument):
    try:
        return model.model_validate(data)
    except ValidationError as error:
        messages = MESSAGES
        first = first_error(error)
        if first["type"] == "missing" and first["loc"][-1] == "edicion":
            # The field was called `texto` until `texto` became the literal text
            messages = {**MESSAGES, "missing": "falta «edicion» (qué texto se usó: edición oficial, compilación, copia…). «texto» es solo el texto literal del artículo."}
        raise source_error(error, document, prefix=(code,), messages=messages,
                           describe=lambda loc: f"norma «{code}», campo «{' → '.join(map(str, loc))}»") from None


def parse_norms(text: str, path: Path) -> Norms:
    """Validate the YAML text; the first problem raises SourceError with file:line."""
    document = _read_yaml(text, path)
    norms = Norms()
    norms.path = path
    for code, data in document.data.items():
        norms[str(code)] = _validate(Norm, str(code), data, document)
    return norms


def merge_quechua(norms: Norms, text: str, path: Path) -> Norms:
    """Attach the Quechua texts of normas.qu.yml; an unknown norm or article is an error."""
    document = _read_yaml(text, path)
    for code, data in document.data.items():
        code = str(code)
        if code not in norms:
            raise SourceError(path, document.line((code,)), f"la norma «{code}» no está en normas.yml.")
        quechua = _validate(QuechuaNorm, code, data, document)
        norm = norms[code]
        norm.qu = QuechuaText(titulo=quechua.titulo, resumen=quechua.resumen)
        for number, text_qu in quechua.articulos.items():
            if number not in norm.articulos:
                line = document.line((code, "articulos", number))
                raise SourceError(path, line, f"«{code}, {norm.unidad} {number}» no está en normas.yml.")
            norm.articulos[number].qu = text_qu
    return norms


def norms_path(root: Path | None = None) -> Path:
    return paths.docs_dir(root) / NORMS_FILE


def _mtime(path: Path) -> float:
    return path.stat().st_mtime if path.is_file() else 0.0


@lru_cache(maxsize=8)
def _load_cached(path: Path, mtime: float, quechua: Path, quechua_mtime: float) -> Norms:
    norms = parse_norms(path.read_text(encoding="utf-8"), path)
    if quechua.is_file():
        merge_quechua(norms, quechua.read_text(encoding="utf-8"), quechua)
    return norms


def load_norms(root: Path | None = None, path: Path | None = None) -> Norms:
    """The norms data of a project (with normas.qu.yml beside it); re-read when changed."""
    path = Path(path) if path else norms_path(root)
    if not path.is_file():
        raise SourceError(path, None, "no existe el archivo de normas.")
    path = path.resolve()
    quechua = path.with_name(QUECHUA_FILE.name)
    return _load_cached(path, _mtime(path), quechua, _mtime(quechua))
