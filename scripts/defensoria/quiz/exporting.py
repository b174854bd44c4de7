"""`cuestionario exportar`: one driver per format, chosen by name (R/exams' exams2<fmt>).

Each driver module has `make_writer(language, titles) -> writer(banks) -> bytes` and
dispatches items on `tipo` with a dict; a type the format cannot hold raises
UnsupportedType naming the item.
"""

from collections.abc import Callable
from html import escape

from defensoria.errors import DefensoriaError
from defensoria.quiz.model import Bank, Item

FORMATS = ("moodle-xml", "gift", "qti")
SUFFIXES = {"moodle-xml": ".xml", "gift": ".gift.txt", "qti": ".zip"}
TOP_CATEGORY = "Defensorías Comunitarias"


class UnsupportedType(DefensoriaError):
    """A question type the chosen format cannot represent."""


def reject(format_name: str, item: Item) -> None:
    raise UnsupportedType(f"el formato {format_name} no puede representar preguntas de tipo '{item.tipo}' (pregunta '{item.id}'). Quite esa pregunta con --modulo o use otro formato.")


def dispatch(handlers: dict[str, Callable], format_name: str, item: Item):
    handler = handlers.get(item.tipo)
    if handler is None:
        reject(format_name, item)
    return handler


def category(bank: Bank, titles: dict[str, str]) -> str:
    """'Defensorías Comunitarias/m04 La denuncia' (Moodle adds $course$/top/)."""
    title = titles.get(bank.module, "").replace("/", "-")
    return f"{TOP_CATEGORY}/{bank.module} {title}".rstrip()


def paragraph(text: str) -> str:
    return f"<p>{escape(text, quote=False)}</p>"


def fraction(value: float) -> str:
    """Moodle's grade fractions with 5 decimals ('33.33333'), no trailing zeros."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def multiple_fractions(item: Item) -> dict[str, str]:
    """Right options share 100 %, wrong ones share −100 %, so guessing everything scores 0."""
    choices = item.choices()
    right = sum(c.correct for c in choices)
    wrong = len(choices) - right
    return {c.key: fraction(100 / right) if c.correct else fraction(-100 / wrong) for c in choices}


def make_writer(format_name: str, language: str, titles: dict[str, str]) -> Callable[[list[Bank]], bytes]:
    if format_name not in FORMATS:
        raise DefensoriaError(f"formato '{format_name}' desconocido; use {', '.join(FORMATS)}.")
    if language not in ("es", "qu"):
        raise DefensoriaError(f"idioma '{language}' desconocido; use es o qu.")
    from defensoria.quiz import gift, moodle_xml, qti

    module = {"moodle-xml": moodle_xml, "gift": gift, "qti": qti}[format_name]
    return module.make_writer(language, titles)
