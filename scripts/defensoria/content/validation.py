"""The one translator from pydantic validation errors to Spanish `file:line: message`.

Models validate data read with `defensoria.content.yamlfile`; when validation fails,
`source_error` turns the first error into a SourceError at the line of the offending key,
in words a writer understands. Our own validators raise ValueError in Spanish already;
their text is kept (without pydantic's English "Value error, " prefix).

Example:

    doc = read_yaml(path, "el glosario")
    try:
        Glossary.model_validate(doc.data)
    except ValidationError as error:
        raise source_error(error, doc, where=lambda loc: "campo «" + " → ".join(map(str, loc)) + "»") from None
    # docs/_datos/glosario.yml:14: campo «terminos → 2 → qu»: falta este campo.

Callers may pass `messages` to say more for their own fields (e.g. what a pattern means).
"""

from collections.abc import Callable, Mapping
from pathlib import Path

from pydantic import ValidationError

from defensoria.content.yamlfile import Positions, YamlDocument
from defensoria.errors import SourceError

# Pydantic error type → plain Spanish (what a writer of YAML meets)
MESSAGES: dict[str, str] = {
    "missing": "falta este campo.",
    "extra_forbidden": "campo desconocido (¿error de escritura?).",
    "string_too_short": "el texto está vacío o es demasiado corto.",
    "string_type": "debe ser un texto.",
    "string_pattern_mismatch": "formato no válido.",
    "too_short": "la lista está vacía.",
    "too_long": "la lista tiene demasiados elementos.",
    "list_type": "debe ser una lista (líneas que empiezan con '- ').",
    "dict_type": "debe ser una lista de claves «clave: valor».",
    "model_type": "debe ser una lista de claves «clave: valor».",
    "model_attributes_type": "debe ser una lista de claves «clave: valor».",
    "bool_type": "debe ser true o false.",
    "bool_parsing": "debe ser true o false.",
    "int_type": "debe ser un número entero.",
    "int_parsing": "debe ser un número entero.",
    "int_from_float": "debe ser un número entero.",
    "float_type": "debe ser un número.",
    "float_parsing": "debe ser un número.",
    "greater_than": "debe ser mayor que {gt}.",
    "greater_than_equal": "debe ser al menos {ge}.",
    "less_than": "debe ser menor que {lt}.",
    "less_than_equal": "debe ser como mucho {le}.",
    "date_type": "fecha no válida; escriba AAAA-MM-DD.",
    "date_parsing": "fecha no válida; escriba AAAA-MM-DD.",
    "date_from_datetime_parsing": "fecha no válida; escriba AAAA-MM-DD.",
    "date_from_datetime_inexact": "fecha no válida; escriba AAAA-MM-DD.",
    "literal_error": "valor no permitido (use {expected}).",
    "enum": "valor no permitido (use {expected}).",
    "union_tag_invalid": "tipo no válido (use {expected_tags}).",
    "union_tag_not_found": "falta el campo que dice el tipo.",
}


def spanish(error: Mapping, messages: Mapping[str, str] | None = None) -> str:
    """One pydantic error (an item of `ValidationError.errors()`) in Spanish."""
    kind = error["type"]
    if kind in ("value_error", "assertion_error"):
        # Our validators speak Spanish already
        context = error.get("ctx") or {}
        text = str(context.get("error") or error.get("msg", "valor no válido"))
        text = text.removeprefix("Value error, ").removeprefix("Assertion failed, ")
        return text if text.endswith((".", "?", "!")) else text + "."
    template = (messages or {}).get(kind) or MESSAGES.get(kind)
    if template is None:
        return str(error.get("msg", "valor no válido"))
    context = {key: _readable(value) for key, value in (error.get("ctx") or {}).items()}
    try:
        return template.format(**context)
    except (KeyError, IndexError):
        return template


def _readable(value) -> str:
    # pydantic writes literal choices as "'a' or 'b'"; Spanish says "o"
    return str(value).replace(" or ", " o ")


def describe_location(location: tuple | list) -> str:
    """'campo «terminos → 2 → qu»' for a pydantic location."""
    return "campo «" + " → ".join(str(part) for part in location) + "»"


def first_error(error: ValidationError) -> dict:
    """The error a writer should fix first (pydantic lists them in document order)."""
    return error.errors()[0]


def source_error(
    error: ValidationError,
    where: YamlDocument | tuple[Path | str, Positions | Callable[[tuple], int | None]],
    *,
    prefix: tuple = (),
    describe: Callable[[tuple], str] | None = describe_location,
    messages: Mapping[str, str] | None = None,
    ignore: tuple = (),
    detail: Mapping | None = None,
) -> SourceError:
    """The first validation error as a SourceError at the line of its key.

    `where` is the YamlDocument the data came from, or (path, positions) where positions
    is a Positions or a function location → line. `prefix` is prepended to pydantic's
    location when the validated data was a part of the document (one entry of a mapping).
    `describe(location)` names the place in the message; None leaves it out. `ignore`
    lists location parts that are not in the file (union tags); `detail` picks another
    error of the list than the first.
    """
    first = detail or first_error(error)
    location = (*prefix, *first["loc"])
    if isinstance(where, YamlDocument):
        path, positions = where.path, where.positions
    else:
        path, positions = where
    line = positions.line(location, ignore) if isinstance(positions, Positions) else positions(location)
    message = spanish(first, messages)
    if describe is not None and (place := describe(location)):
        message = f"{place}: {message}"
    return SourceError(path, line, message)
