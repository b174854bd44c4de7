"""The one YAML loader: data plus the line of every key and list item.

Every YAML the project reads (norms, glossary, question banks, completion rules,
review records, front matter of pages) goes through `parse_yaml`, so that any later
problem can be reported as `file:line` (see `defensoria.content.validation`). Readers
that need the nodes themselves (the exact span of a Quechua string, to lint it line by
line or write an edit back) use `compose_yaml`; writers use `dump_yaml`. Bad YAML is
reported the same way everywhere: a Spanish SourceError with the file and line.
Only mkdocs.yml's values are built elsewhere, by MkDocs' own loader that knows its tags
(content.settings); its nodes are composed here like any other file's.

Example:

    >>> doc = parse_yaml("a:\\n  b:\\n    - 1\\n    - x: 2\\n", "f.yml")
    >>> doc.data
    {'a': {'b': [1, {'x': 2}]}}
    >>> doc.line(("a", "b", 1, "x")), doc.line(("a", "b", 0)), doc.line(("a", "zz"))
    (4, 3, 1)
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import MappingNode, Node, ScalarNode, SequenceNode

from defensoria.errors import SourceError

# The node classes are here for readers of compose_yaml, so that nobody imports yaml
__all__ = ["MappingNode", "Node", "Positions", "ScalarNode", "SequenceNode", "YamlDocument",
           "compose_yaml", "dump_yaml", "parse_yaml", "read_yaml", "read_yaml_nodes"]


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


def _walk(node: Node, prefix: tuple, lines: dict, offset: int) -> None:
    lines.setdefault(prefix, node.start_mark.line + offset)
    if isinstance(node, MappingNode):
        for key, value in node.value:
            here = prefix + (str(key.value),)
            _walk(value, here, lines, offset)
            # The key's own line, not its value's (a block value starts below it)
            lines[here] = key.start_mark.line + offset
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, prefix + (str(index),), lines, offset)


# libyaml when present: the same nodes and marks, several times faster on the banks
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@contextmanager
def _loader(text: str, path: Path | str, what: str, first_line: int) -> Iterator[Any]:
    """A safe loader over `text` whose YAML errors become SourceError with the file line."""
    loader = LOADER(text)
    try:
        yield loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "YAML no válido"
        line = mark.line + first_line if mark else None
        raise SourceError(path, line, f"{what} no es YAML válido ({problem}).") from None
    finally:
        loader.dispose()


def compose_yaml(text: str, path: Path | str, what: str = "el archivo", first_line: int = 1) -> Node | None:
    """The node tree of YAML text (None when empty), each node with its start and end marks.

    Composing constructs no value, so unknown tags (mkdocs.yml's !!python/name) are kept
    as tags. Marks are 0-based in `text`; `first_line` only places error messages.
    """
    with _loader(text, path, what, first_line) as loader:
        return loader.get_single_node()


def parse_yaml(text: str, path: Path | str, what: str = "el archivo", first_line: int = 1) -> YamlDocument:
    """Parse YAML text once into data and positions.

    `what` names the file in the Spanish error ("el glosario"); `first_line` is the file
    line of the text's first line (2 for a front matter after its opening `---`).
    Bad YAML raises SourceError with the line of the problem.
    """
    with _loader(text, path, what, first_line) as loader:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    lines: dict = {}
    if node is not None:
        _walk(node, (), lines, first_line)
    return YamlDocument(Path(path), data, Positions(lines))


def _read_text(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(path, None, f"no existe {what}.") from None
    except UnicodeDecodeError:
        raise SourceError(path, None, f"{what} no está guardado como UTF-8.") from None


def read_yaml(path: Path | str, what: str = "el archivo") -> YamlDocument:
    """Read and parse a YAML file (UTF-8); see parse_yaml."""
    path = Path(path)
    return parse_yaml(_read_text(path, what), path, what)


def read_yaml_nodes(path: Path | str, what: str = "el archivo") -> tuple[str, Node | None]:
    """Read a YAML file (UTF-8) and compose it; the text comes back too, as marks index it."""
    path = Path(path)
    text = _read_text(path, what)
    return text, compose_yaml(text, path, what)


def dump_yaml(data: Any) -> str:
    """Block-style YAML of plain data: keys in the given order, accents as written."""
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
