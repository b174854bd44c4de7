"""Shared fixtures. Each feature has its own test file; data lives in tests/<feature>/data/."""

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The real project (docs/, quizzes/, mkdocs.yml)."""
    return ROOT


@pytest.fixture
def runner(tmp_path, monkeypatch):
    """A CliRunner whose working directory is a fresh temporary folder."""
    monkeypatch.chdir(tmp_path)
    return CliRunner()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the content (docs/, quizzes/, mkdocs.yml) to break on purpose."""
    target = tmp_path / "proyecto"
    target.mkdir()
    for name in ("docs", "quizzes"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}
