"""Fixtures for the quiz tests: a small project (one module page, one bank of every type)."""

import shutil
from pathlib import Path

import pytest

from defensoria.catalog import _cached

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "quiz" / "data"


@pytest.fixture
def quiz_project(tmp_path) -> Path:
    """tests/quiz/data/proyecto plus the real norms data, in a temporary folder."""
    target = tmp_path / "proyecto"
    shutil.copytree(DATA / "proyecto", target)
    (target / "docs" / "_datos").mkdir()
    shutil.copy(ROOT / "docs" / "_datos" / "normas.yml", target / "docs" / "_datos" / "normas.yml")
    _cached.cache_clear()
    return target


def break_bank(project: Path, old: str, new: str, count: int = 1) -> Path:
    path = project / "quizzes" / "m04.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str, start: int = 1) -> int:
    """1-based line of the first occurrence of `fragment` at or after line `start`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if number >= start and fragment in line:
            return number
    raise AssertionError(fragment)
