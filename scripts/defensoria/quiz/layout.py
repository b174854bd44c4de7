"""How an item is shown: options in a (seeded) order, lettered A, B, C… in that order.

Site and paper share this step so that "answer B" means the same option wherever the
letters are printed. Randomness always comes from a `random.Random` passed in.

Example:

    >>> shown = present(item, random.Random("v1"))
    >>> shown.answer          # letters of the right options, in shown order
    'B'
"""

import random
from dataclasses import dataclass

from defensoria.quiz.model import Choice, Item, Text

LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class Row:
    """One left-hand line of a matching item and the key of the answer it goes with."""

    text: Text
    right_key: str


@dataclass(frozen=True)
class Shown:
    item: Item
    choices: list[Choice]  # choice items, in shown order (letter = position)
    rows: list[Row]  # matching: left lines in shown order
    rights: list[tuple[str, Text]]  # matching: (key "r1"…, text) in shown order

    def letter(self, key: str) -> str:
        """Letter under which an option (or a matching answer) is shown."""
        keys = [c.key for c in self.choices] or [k for k, _ in self.rights]
        return LETTERS[keys.index(key)]

    def key_of(self, letter: str) -> str | None:
        keys = [c.key for c in self.choices] or [k for k, _ in self.rights]
        index = LETTERS.find(letter)
        return keys[index] if 0 <= index < len(keys) else None

    @property
    def answer(self) -> str:
        """The right letters: 'B' (single, true/false), 'AC' (multiple), 'CAB' (matching, per line)."""
        if self.rows:
            return "".join(self.letter(row.right_key) for row in self.rows)
        return "".join(self.letter(c.key) for c in self.choices if c.correct)

    @property
    def n_letters(self) -> int:
        return len(self.choices) or len(self.rights)


def present(item: Item, rng: random.Random | None = None) -> Shown:
    """Show an item, shuffling options (and matching lines) with `rng` when the type allows."""
    choices = item.choices()
    rows: list[Row] = []
    rights: list[tuple[str, Text]] = []
    if item.tipo == "relacionar":
        rows = [Row(pair.izquierda, f"r{i}") for i, pair in enumerate(item.pares, start=1)]
        rights = [(f"r{i}", pair.derecha) for i, pair in enumerate(item.pares, start=1)]
    if rng is not None and item.shuffles:
        rng.shuffle(choices)
        rng.shuffle(rows)
        rng.shuffle(rights)
    return Shown(item, choices, rows, rights)
