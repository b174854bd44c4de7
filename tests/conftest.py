"""Shared fixtures. Each feature has its own test file; data lives in tests/<feature>/data/."""

import os
import shutil
import subprocess
import sys
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


@pytest.fixture
def buildable_copy(project_copy) -> Path:
    """project_copy that mkdocs can build: the theme and plugins live under scripts/."""
    (project_copy / "scripts").symlink_to(ROOT / "scripts")
    return project_copy


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def build_site(root: Path, target: Path) -> subprocess.CompletedProcess:
    """Strict build of the site at `root` into `target`."""
    # Copies share the checkout's print cache: its keys hash every source, so a changed copy
    # renders what changed and nothing else
    env = {"DEFENSORIA_CACHE_IMPRESION": str(ROOT / ".cache" / "impresion"), **os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(root / "mkdocs.yml"), "-d", str(target)],
        cwd=root, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session (strict); fails loudly with the log."""
    target = tmp_path_factory.mktemp("sitio") / "site"
    result = build_site(ROOT, target)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return target


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright, one per test session (Playwright's sync API
    allows a single running instance). Skips only off CI when chromium is missing."""
    if not Path(CHROMIUM).exists():
        if in_ci():
            pytest.fail("chromium is missing in CI: .ci/run must install Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()
