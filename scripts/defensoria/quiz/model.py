"""The item model of the quiz banks: one bilingual item, validated by pydantic.

Every driver (site, paper, Moodle XML, GIFT, QTI) reads items through `Item.choices()`
and `Item.pairs`, so a type is parsed once, here (R/exams' read_metainfo).

Example item (quizzes/m04.yml):

    - id: m04-quien-denuncia
      tipo: unica
      objetivo: 1
      dificultad: facil
      cita: Ley 30364, art. 15
      escenario: true
      enunciado: {es: "Una vecina…", qu: "Huk wasimasi…"}
      opciones:
        - es: Cualquier persona puede denunciar en su favor.
          qu: Pipas paypa rantinpi willakuyta churanman.
          correcta: true
          retro: {es: "Sí: …", qu: "Arí: …"}
"""

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator, model_validator

LANGUAGES = ("es", "qu")
ITEM_TYPES = ("unica", "multiple", "verdadero_falso", "relacionar")
ITEM_ID = re.compile(r"^m\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")
# "Todas las anteriores" lets a learner guess without reading; the issue forbids it
LAZY_OPTION = re.compile(r"\b(todas|ninguna) (las|de las) anteriores\b|\btodas son correctas\b", re.IGNORECASE)
# Labels of true/false options, in the order drivers show them
TRUE_FALSE = {"es": ("Verdadero", "Falso"), "qu": ("Chiqaq", "Mana chiqaqchu")}

ItemType = Literal["unica", "multiple", "verdadero_falso", "relacionar"]
Difficulty = Literal["facil", "media", "dificil"]


class Text(BaseModel):
    """The same text in Spanish and Quechua; both are required."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    es: str = Field(min_length=1)
    qu: str = Field(min_length=1)

    @model_validator(mode="after")
    def quechua_is_not_spanish(self):
        if len(self.es) > 12 and self.es == self.qu:
            raise ValueError("el texto en quechua es una copia del castellano")
        return self

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


class Option(Text):
    """One answer option of a single- or multiple-choice item, with its feedback."""

    correcta: bool = False
    retro: Text

    @field_validator("es")
    @classmethod
    def no_lazy_options(cls, text: str) -> str:
        if LAZY_OPTION.search(text):
            raise ValueError("no use opciones como «todas las anteriores»: escriba un error que la gente comete de verdad")
        return text


class TrueFalseFeedback(BaseModel):
    model_config = ConfigDict(extra="forbid")

    verdadero: Text
    falso: Text


class Pair(BaseModel):
    """One row of a matching item: the left prompt and the answer it goes with."""

    model_config = ConfigDict(extra="forbid")

    izquierda: Text
    derecha: Text


def _feedback_kind(value: Any) -> str:
    """True/false feedback has 'verdadero'/'falso' keys; matching feedback is one text."""
    if isinstance(value, dict) and ({"verdadero", "falso"} & set(value)):
        return "vf"
    if isinstance(value, TrueFalseFeedback):
        return "vf"
    return "texto"


Feedback = Annotated[
    Annotated[TrueFalseFeedback, Tag("vf")] | Annotated[Text, Tag("texto")],
    Discriminator(_feedback_kind),
]


@dataclass(frozen=True)
class Choice:
    """An option as drivers see it: a stable key, texts, whether it is right, feedback."""

    key: str  # "o1", "o2"… in bank order; "v"/"f" for true/false
    text: Text
    correct: bool
    feedback: Text


class Item(BaseModel):
    """One question of a bank. Which fields apply depends on `tipo`."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ITEM_ID.pattern)
    tipo: ItemType
    objetivo: int = Field(ge=1)
    dificultad: Difficulty
    cita: str = Field(min_length=3)
    escenario: bool = False
    enunciado: Text
    opciones: list[Option] | None = None
    respuesta: Literal["verdadero", "falso"] | None = None
    pares: list[Pair] | None = None
    # Feedback for true/false (per answer) or matching (one text)
    retro: Feedback | None = None

    @model_validator(mode="after")
    def fields_match_type(self):
        needs = {
            "unica": {"opciones"},
            "multiple": {"opciones"},
            "verdadero_falso": {"respuesta", "retro"},
            "relacionar": {"pares", "retro"},
        }[self.tipo]
        for name in ("opciones", "respuesta", "pares", "retro"):
            present = getattr(self, name) is not None
            if name in needs and not present:
                raise ValueError(f"una pregunta de tipo '{self.tipo}' necesita '{name}'")
            if name not in needs and present:
                raise ValueError(f"una pregunta de tipo '{self.tipo}' no lleva '{name}'")
        if self.opciones is not None:
            self._check_options()
        if self.tipo == "verdadero_falso" and not isinstance(self.retro, TrueFalseFeedback):
            raise ValueError("'retro' de verdadero_falso lleva 'verdadero' y 'falso', cada uno con es y qu")
        if self.tipo == "relacionar":
            if not isinstance(self.retro, Text):
                raise ValueError("'retro' de relacionar es un solo texto con es y qu")
            if not 3 <= len(self.pares) <= 6:
                raise ValueError("relacionar lleva de 3 a 6 pares")
            for language in LANGUAGES:
                rights = [pair.derecha[language] for pair in self.pares]
                if len(set(rights)) != len(rights):
                    raise ValueError(f"dos pares tienen la misma respuesta ({language})")
        return self

    def _check_options(self) -> None:
        options = self.opciones
        n_correct = sum(option.correcta for option in options)
        if not 2 <= len(options) <= 6:
            raise ValueError("una pregunta lleva de 2 a 6 opciones")
        if n_correct == 0:
            raise ValueError("ninguna opción está marcada como correcta (correcta: true)")
        if self.tipo == "unica" and n_correct != 1:
            raise ValueError(f"una pregunta de respuesta única lleva una sola opción correcta, no {n_correct}")
        if self.tipo == "multiple" and n_correct == len(options):
            raise ValueError("en una pregunta de respuesta múltiple al menos una opción debe ser incorrecta")
        for language in LANGUAGES:
            texts = [option[language] for option in options]
            if len(set(texts)) != len(texts):
                raise ValueError(f"hay dos opciones con el mismo texto ({language})")

    @property
    def module(self) -> str:
        return self.id[:3]

    def choices(self) -> list[Choice]:
        """Options in bank order (true/false: 'verdadero' then 'falso'); empty for matching."""
        if self.tipo == "verdadero_falso":
            labels = [Text(es=TRUE_FALSE["es"][i], qu=TRUE_FALSE["qu"][i]) for i in (0, 1)]
            return [
                Choice("v", labels[0], self.respuesta == "verdadero", self.retro.verdadero),
                Choice("f", labels[1], self.respuesta == "falso", self.retro.falso),
            ]
        if self.opciones is None:
            return []
        return [Choice(f"o{i}", Text(es=o.es, qu=o.qu), o.correcta, o.retro) for i, o in enumerate(self.opciones, start=1)]

    @property
    def shuffles(self) -> bool:
        """True/false keeps its order (A = true) so learners are not confused."""
        return self.tipo in ("unica", "multiple", "relacionar")


class Bank(BaseModel):
    """A module's question bank: the file quizzes/mNN.yml."""

    model_config = ConfigDict(extra="forbid")

    preguntas: list[Item] = Field(min_length=1)

    # Filled in by the loader
    module: str = Field(default="", exclude=True)

    def item(self, item_id: str) -> Item:
        return next(item for item in self.preguntas if item.id == item_id)
