"""The one YAML loader: data plus the line of every key and list item.

Every YAML the project reads (norms, glossary, question banks, completion rules,
front matter of pages) goes through `parse_yaml`, so that any later problem can be
reported as `file:line` (see `defensoria.content.validation`).

Example:

    >>> doc = parse_yaml("a:\\n  b:\\n    - 1\\n    - x: 2\\n", "f.yml")
    >>> doc.data
    {'a': {'b': [1, {'x': 2}]}}
    >>> doc.line(("a", "b", 1, "x")), doc.line(("a", "b", 0)), doc.line(("a", "zz"))
    (4, 3, 1)
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from defensoria.errors import SourceError


@dataclass
class Positions:
    """Line (1-based, in the file) of each key and list item, by its path of keys/indices."""

    lines: dict[tuple[str, ...], int] = field(default_factory=dict)

    def line(self, location: tuple | list = (), ignore: tuple = ()) -> int | None:
        """The line of the deepest known part of `location` (a pydantic `loc` works as is).

        Parts in `ignore` are skipped: a discriminated union's tag is in pydantic's
        location but not in the file.
        """
        keys = tuple(str(part) for part in location if part not in ignore)
        for end in range(len(keys), -1, -1):
            if keys[:end] in self.lines:
                return self.lines[keys[:end]]
        return None


@dataclass
class YamlDocument:
    path: Path
    data: Any
    positions: Positions

    def line(self, location: tuple | list = (), ignore: tuple = ()) -> int | None:
        return self.positions.line(location, ignore)


def _walk(node: yaml.Node, prefix: tuple, lines: dict, offset: int) -> None:
    lines.setdefault(prefix, node.start_mark.line + offset)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            here = prefix + (str(key.value),)
            _walk(value, here, lines, offset)
            # The key's own line, not its value's (a block value starts below it)
            lines[here] = key.start_mark.line + offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, prefix + (str(index),), lines, offset)


def parse_yaml(text: str, path: Path | str, what: str = "el archivo", first_line: int = 1) -> YamlDocument:
    """Parse YAML text once into data and positions.

    `what` names the file in the Spanish error ("el glosario"); `first_line` is the file
    line of the text's first line (2 for a front matter after its opening `---`).
    Bad YAML raises SourceError with the line of the problem.
    """
    # libyaml when present: the same nodes and marks, several times faster on the banks
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "YAML no válido"
        line = mark.line + first_line if mark else None
        raise SourceError(path, line, f"{what} no es YAML válido ({problem}).") from None
    finally:
        loader.dispose()
    lines: dict = {}
    if node is not None:
        _walk(node, (), lines, first_line)
    return YamlDocument(Path(path), data, Positions(lines))


def read_yaml(path: Path | str, what: str = "el archivo") -> YamlDocument:
    """Read and parse a YAML file (UTF-8); see parse_yaml."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(path, None, f"no existe {what}.") from None
    except UnicodeDecodeError:
        raise SourceError(path, None, f"{what} no está guardado como UTF-8.") from None
    return parse_yaml(text, path, what)
