"""`cuestionario exportar`: one driver per format, chosen by name (R/exams' exams2<fmt>).

Each driver module (helpers in export_common) has `make_writer(language, titles) -> writer(banks) -> bytes` and
dispatches items on `tipo` with a dict; a type the format cannot hold raises
UnsupportedType naming the item.
"""

from collections.abc import Callable

from defensoria.errors import DefensoriaError
from defensoria.quiz import gift, moodle_xml, qti
from defensoria.quiz.export_common import UnsupportedType  # noqa: F401 (the error callers catch)
from defensoria.quiz.model import Bank

FORMATS = ("moodle-xml", "gift", "qti")
SUFFIXES = {"moodle-xml": ".xml", "gift": ".gift.txt", "qti": ".zip"}


def make_writer(format_name: str, language: str, titles: dict[str, str]) -> Callable[[list[Bank]], bytes]:
    if format_name not in FORMATS:
        raise DefensoriaError(f"formato '{format_name}' desconocido; use {', '.join(FORMATS)}.")
    if language not in ("es", "qu"):
        raise DefensoriaError(f"idioma '{language}' desconocido; use es o qu.")
    module = {"moodle-xml": moodle_xml, "gift": gift, "qti": qti}[format_name]
    return module.make_writer(language, titles)
