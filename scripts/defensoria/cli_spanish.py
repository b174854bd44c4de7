"""Click prints a few words of its own; users read Spanish, so translate them.

Click looks up `_` and `ngettext` (gettext) at call time in each of its modules, so
replacing those names is enough.
"""

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types

SPANISH = {
    "Show this message and exit.": "Muestra esta ayuda y sale.",
    "Show the version and exit.": "Muestra la versión y sale.",
    "%(prog)s, version %(version)s": "%(prog)s, versión %(version)s",
    "Usage:": "Uso:",
    "Options": "Opciones",
    "Commands": "Comandos",
    "Error: {message}": "Error: {message}",
    "Try '{command} {option}' for help.": "Pruebe '{command} {option}' para ver la ayuda.",
    "No such command {name!r}.": "No existe el comando {name!r}.",
    "No such option: {name}": "No existe la opción: {name}",
    "Did you mean {possibility}?": "¿Quiso decir {possibility}?",
    "Missing argument": "Falta el argumento",
    "Missing option": "Falta la opción",
    "Missing parameter": "Falta el parámetro",
    "Missing {param_type}": "Falta {param_type}",
    "Missing {param_type} {param_hint}.": "Falta {param_type} {param_hint}.",
    "Invalid value for {param_hint}: {message}": "Valor no válido para {param_hint}: {message}",
    "Invalid value: {message}": "Valor no válido: {message}",
    "Option {name!r} requires an argument.": "La opción {name!r} necesita un valor.",
    "Option {name!r} requires {nargs} arguments.": "La opción {name!r} necesita {nargs} valores.",
    "Got unexpected extra argument ({args})": "Sobra un argumento ({args})",
    "Got unexpected extra arguments ({args})": "Sobran argumentos ({args})",
    "{value!r} is not a valid integer.": "{value!r} no es un número entero.",
    "{value!r} is not a valid float.": "{value!r} no es un número.",
    "{value!r} is not a valid boolean.": "{value!r} no es sí/no.",
    "{value!r} is not one of {choices}.": "{value!r} no es una de estas opciones: {choices}.",
    "{value!r} is not {choice}.": "{value!r} no es {choice}.",
    "{value!r} does not match the format {format}.": "{value!r} no tiene el formato {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} no tiene ninguno de los formatos {formats}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} no existe.",
    "{name} {filename!r} is a file.": "{name} {filename!r} es un archivo.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} es una carpeta.",
    "file": "El archivo",
    "directory": "La carpeta",
    "path": "La ruta",
    "default": "por defecto",
    "required": "obligatorio",
    "env var": "variable de entorno",
    "Aborted!": "Cancelado.",
}


def _translate(message: str) -> str:
    return SPANISH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


def install() -> None:
    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.termui, click.types):
        if hasattr(module, "_"):
            module._ = _translate
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext


class SpanishCommand(click.Command):
    """A command whose usage line reads '[OPCIONES]'."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        super().__init__(*args, **kwargs)


class SpanishGroup(click.Group):
    """A group whose subcommands and subgroups speak Spanish in their usage lines."""

    command_class = SpanishCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        kwargs.setdefault("subcommand_metavar", "COMANDO [ARGUMENTOS]...")
        super().__init__(*args, **kwargs)


SpanishGroup.group_class = SpanishGroup
