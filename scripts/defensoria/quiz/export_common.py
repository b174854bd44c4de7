"""What the export drivers (gift, moodle_xml, qti) share: dispatch on item type, categories, grades."""

from collections.abc import Callable
from html import escape

from defensoria.errors import DefensoriaError
from defensoria.quiz.model import Bank, Item

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
