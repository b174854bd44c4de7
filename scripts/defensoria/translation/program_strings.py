"""Spanish/Quechua pairs kept in the program itself: print, quiz, glossary, workshop,
verification and citation labels (dicts keyed "es"/"qu", values str, dict, tuple or
dataclass). The spelling lint reads their Quechua side; the terminology count reads
each pair as one segment.
"""

import dataclasses
import importlib
import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# module, name of its {"es": …, "qu": …} table
TABLES = (
    ("defensoria.printing.strings", "LABELS"),
    ("defensoria.quiz.strings", "UI"),
    ("defensoria.quiz.strings", "PRINT"),
    ("defensoria.glossary.render", "LABELS"),
    ("defensoria.taller.markers", "TEXT"),
    ("defensoria.printing.plugin", "FOOTER"),
    ("defensoria.site.verification", "STRINGS"),
    ("defensoria.legal.page", "LABELS"),
)


@dataclass(frozen=True)
class StringPair:
    path: Path      # the Python file
    line: int       # the line of the table
    key: str        # printing.strings.LABELS → places → 0 → name
    es: str
    qu: str


def _leaves(value, key: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, child in value.items():
            yield from _leaves(child, f"{key} → {name}")
    elif isinstance(value, (tuple, list)):
        for index, child in enumerate(value):
            yield from _leaves(child, f"{key} → {index}")
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _leaves(getattr(value, field.name), f"{key} → {field.name}")


def string_pairs(tables=TABLES) -> Iterator[StringPair]:
    """Every (Spanish, Quechua) pair of the tables, matched by key."""
    for module_name, name in tables:
        module = importlib.import_module(module_name)
        table = getattr(module, name, None)
        if not isinstance(table, dict) or "es" not in table or "qu" not in table:
            continue
        path = Path(inspect.getsourcefile(module))
        source = path.read_text(encoding="utf-8").splitlines()
        line = next((n for n, text in enumerate(source, start=1) if text.startswith(f"{name} =")), 1)
        label = f"{module_name.removeprefix('defensoria.')}.{name}"
        spanish = dict(_leaves(table["es"], label))
        for key, quechua in _leaves(table["qu"], label):
            if key in spanish and quechua != spanish[key]:
                yield StringPair(path, line, key, spanish[key], quechua)
