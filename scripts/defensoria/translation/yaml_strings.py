"""Quechua strings kept in YAML files, line by line, for the spelling lint.

- quiz banks (quizzes/mNN.yml): every `qu:` value is Quechua: the question, each option,
  each feedback, the two sides of a matching pair;
- mkdocs.yml: what the i18n plugin shows on Quechua pages (the `locale: qu` entry's
  site_name, site_description, copyright and nav_translations).

The files are composed (not constructed), so each string keeps its YAML node marks and
mkdocs.yml's !!python/name tags stay mere tags; a string that spans several lines of the file (a long plain scalar, a
folded `>` block) is read from its source slice, so every finding names its physical line.
"""

from collections.abc import Iterator
from pathlib import Path

from defensoria.content.yamlfile import MappingNode, ScalarNode, SequenceNode, read_yaml_nodes
from defensoria.content.prose import clean

QUECHUA_KEY = "qu"
QUOTES = "\"'"
SITE_TEXT_KEYS = ("site_name", "site_description", "copyright")


def _qu_scalars(node) -> Iterator[ScalarNode]:
    """Every scalar under a `qu:` key, at any depth, in file order."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == QUECHUA_KEY and isinstance(value, ScalarNode):
                yield value
            else:
                yield from _qu_scalars(value)
    elif isinstance(node, SequenceNode):
        for child in node.value:
            yield from _qu_scalars(child)


def _source_lines(text: str, node: ScalarNode) -> Iterator[tuple[int, str]]:
    """(1-based line, raw text) of the slice of `text` that holds one scalar."""
    first = node.start_mark.line + 1
    raw = text[node.start_mark.index : node.end_mark.index]
    pieces = raw.split("\n")
    if node.style in ("|", ">"):
        # The first piece is the block indicator ('>', '|-'): the text starts on the next line
        pieces, first = pieces[1:], first + 1
    elif node.style and node.style in QUOTES:
        # Quotes (and a doubled '' inside single quotes) are not part of any word
        pieces = [piece.replace("''", "'") if node.style == "'" else piece for piece in pieces]
        pieces[0] = pieces[0][1:]
        pieces[-1] = pieces[-1][:-1] if pieces[-1].endswith(node.style) else pieces[-1]
    for offset, piece in enumerate(pieces):
        if piece.strip():
            yield first + offset, piece


def bank_strings(path: Path) -> Iterator[list[tuple[int, str]]]:
    """Each Quechua string of one bank as its (line, cleaned text) pieces.

    Raises SourceError on a broken file (the 'cuestionarios' check reports it).
    """
    text, root = read_yaml_nodes(path, "el cuestionario")
    for node in _qu_scalars(root):
        yield [(number, clean(raw)) for number, raw in _source_lines(text, node)]


def _quechua_locales(node) -> Iterator[MappingNode]:
    """Every mapping with `locale: qu`, at any depth (plugins → i18n → languages)."""
    if isinstance(node, MappingNode):
        if any(key.value == "locale" and getattr(value, "value", None) == "qu" for key, value in node.value):
            yield node
        for _, value in node.value:
            yield from _quechua_locales(value)
    elif isinstance(node, SequenceNode):
        for child in node.value:
            yield from _quechua_locales(child)


def site_config_strings(path: Path) -> Iterator[list[tuple[int, str]]]:
    """The Quechua site name, description, copyright and menu labels of mkdocs.yml."""
    text, root = read_yaml_nodes(path, "mkdocs.yml")
    for locale in _quechua_locales(root):
        for key, value in locale.value:
            if key.value in SITE_TEXT_KEYS and isinstance(value, ScalarNode):
                nodes = [value]
            elif key.value == "nav_translations" and isinstance(value, MappingNode):
                nodes = [label for _, label in value.value if isinstance(label, ScalarNode)]
            else:
                continue
            for node in nodes:
                yield [(number, clean(raw)) for number, raw in _source_lines(text, node)]
