"""Quechua strings kept in YAML files, line by line, for the spelling lint.

- quiz banks (quizzes/mNN.yml): every `qu:` value is Quechua: the question, each option,
  each feedback, the two sides of a matching pair;
- mkdocs.yml: what the i18n plugin shows on Quechua pages (the `locale: qu` entry's
  site_name, site_description, copyright and nav_translations).

The files are composed (not constructed), as quiz/bank.py does, so each string keeps its
YAML node marks; a string that spans several lines of the file (a long plain scalar, a
folded `>` block) is read from its source slice, so every finding names its physical line.
"""

from collections.abc import Iterator
from pathlib import Path

import yaml

from defensoria.translation.text import clean

QUECHUA_KEY = "qu"
QUOTES = "\"'"
SITE_TEXT_KEYS = ("site_name", "site_description", "copyright")


def _qu_scalars(node) -> Iterator[yaml.ScalarNode]:
    """Every scalar under a `qu:` key, at any depth, in file order."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == QUECHUA_KEY and isinstance(value, yaml.ScalarNode):
                yield value
            else:
                yield from _qu_scalars(value)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _qu_scalars(child)


def _source_lines(text: str, node: yaml.ScalarNode) -> Iterator[tuple[int, str]]:
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


def _compose(text: str):
    # Composing only: tags such as mkdocs.yml's !!python/name are kept, never constructed
    loader = yaml.SafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def bank_strings(path: Path) -> Iterator[list[tuple[int, str]]]:
    """Each Quechua string of one bank as its (line, cleaned text) pieces.

    Raises yaml.YAMLError on a broken file (the 'cuestionarios' check reports it).
    """
    text = path.read_text(encoding="utf-8")
    for node in _qu_scalars(_compose(text)):
        yield [(number, clean(raw)) for number, raw in _source_lines(text, node)]


def _quechua_locales(node) -> Iterator[yaml.MappingNode]:
    """Every mapping with `locale: qu`, at any depth (plugins → i18n → languages)."""
    if isinstance(node, yaml.MappingNode):
        if any(key.value == "locale" and getattr(value, "value", None) == "qu" for key, value in node.value):
            yield node
        for _, value in node.value:
            yield from _quechua_locales(value)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _quechua_locales(child)


def site_config_strings(path: Path) -> Iterator[list[tuple[int, str]]]:
    """The Quechua site name, description, copyright and menu labels of mkdocs.yml."""
    text = path.read_text(encoding="utf-8")
    for locale in _quechua_locales(_compose(text)):
        for key, value in locale.value:
            if key.value in SITE_TEXT_KEYS and isinstance(value, yaml.ScalarNode):
                nodes = [value]
            elif key.value == "nav_translations" and isinstance(value, yaml.MappingNode):
                nodes = [label for _, label in value.value if isinstance(label, yaml.ScalarNode)]
            else:
                continue
            for node in nodes:
                yield [(number, clean(raw)) for number, raw in _source_lines(text, node)]
