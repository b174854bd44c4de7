"""Where the project's content lives. Everything is found from the repository root."""

import os
from pathlib import Path


def find_root(start: Path | None = None) -> Path:
    """The folder that holds mkdocs.yml, searched upwards from `start` (or the cwd).

    DEFENSORIA_RAIZ overrides the search, which tests use to point at fixtures.
    """
    if env := os.environ.get("DEFENSORIA_RAIZ"):
        return Path(env).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    # Installed in editable mode: the package sits in <root>/scripts/defensoria
    return Path(__file__).resolve().parents[2]


def docs_dir(root: Path | None = None) -> Path:
    return (root or find_root()) / "docs"


def modules_dir(root: Path | None = None) -> Path:
    return docs_dir(root) / "modulos"


def quizzes_dir(root: Path | None = None) -> Path:
    return (root or find_root()) / "quizzes"
