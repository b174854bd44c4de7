"""GIFT driver (Moodle's text format): one category per module, special characters escaped.

Single and multiple choice with per-answer feedback (`#`), true/false with feedback for
a wrong and a right answer (`{TRUE#…#…}`), matching (`=a -> b`, no per-answer feedback);
the citation goes in the general feedback (`####`).
"""

import re

from defensoria.quiz.export_common import category, dispatch, multiple_fractions
from defensoria.quiz.model import Bank, Item
from defensoria.quiz.strings import UI

SPECIAL = re.compile(r"([\\~=#{}:])")


def escape(text: str) -> str:
    """Backslash before ~ = # { } : and the backslash itself; line breaks become spaces."""
    return SPECIAL.sub(r"\\\1", " ".join(text.split()))


def make_writer(language: str, titles: dict[str, str]):
    t = UI[language]

    def head(item: Item) -> str:
        return f"::{escape(item.id)}::{escape(item.enunciado[language])} {{"

    def general(item: Item, before: str = "") -> str:
        return f"\t####{escape((before + ' ' if before else '') + t['law'] + ' ' + item.cita)}"

    def choices(item: Item) -> list[str]:
        lines = [head(item)]
        fractions = multiple_fractions(item)
        for choice in item.choices():
            if item.tipo == "unica":
                mark = "=" if choice.correct else "~"
            else:
                mark = f"~%{fractions[choice.key]}%"
            lines.append(f"\t{mark}{escape(choice.text[language])}#{escape(choice.feedback[language])}")
        return [*lines, general(item), "}"]

    def truefalse(item: Item) -> list[str]:
        right = next(c for c in item.choices() if c.correct)
        wrong = next(c for c in item.choices() if not c.correct)
        word = "TRUE" if item.respuesta == "verdadero" else "FALSE"
        # Moodle shows the first feedback after a wrong answer, the second after a right one
        return [f"{head(item)}{word}#{escape(wrong.feedback[language])}#{escape(right.feedback[language])}", general(item), "}"]

    def matching(item: Item) -> list[str]:
        lines = [head(item)]
        for pair in item.pares:
            lines.append(f"\t={escape(pair.izquierda[language])} -> {escape(pair.derecha[language])}")
        return [*lines, general(item, item.retro[language]), "}"]

    handlers = {"unica": choices, "multiple": choices, "verdadero_falso": truefalse, "relacionar": matching}

    def write(banks: list[Bank]) -> bytes:
        blocks = [f"// Defensorías Comunitarias de Cusco: bancos de preguntas ({language})"]
        for bank in banks:
            blocks.append(f"$CATEGORY: $course$/top/{category(bank, titles)}")
            for item in bank.preguntas:
                blocks.append("\n".join(dispatch(handlers, "GIFT", item)(item)))
        return ("\n\n".join(blocks) + "\n").encode("utf-8")

    return write
