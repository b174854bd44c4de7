"""The Quechua strings of the quiz banks (quizzes/mNN.yml), line by line, for the spelling lint.

Every `qu:` value of a bank is Quechua: the question, each option, each feedback, the two
sides of a matching pair. The bank is composed (not constructed) with the same loader
as quiz/bank.py, so each string keeps its YAML node marks; a string that spans several
lines of the file (a long plain scalar, a folded `>` block) is read from its source
slice, so every finding names the physical line it is on.
"""

from collections.abc import Iterator
from pathlib import Path

import yaml

from defensoria.translation.text import clean

QUECHUA_KEY = "qu"
QUOTES = "\"'"


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


def bank_strings(path: Path) -> Iterator[list[tuple[int, str]]]:
    """Each Quechua string of one bank as its (line, cleaned text) pieces.

    Raises yaml.YAMLError on a broken file (the 'cuestionarios' check reports it).
    """
    text = path.read_text(encoding="utf-8")
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    for node in _qu_scalars(root):
        yield [(number, clean(raw)) for number, raw in _source_lines(text, node)]
