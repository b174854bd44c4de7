"""Shared fixtures of the tracker tests: a small project with modules m01-m11 and a database.

The real catalogue grows while the team writes modules, so these tests use their own.
"""

import sqlite3
from pathlib import Path

import pytest

from defensoria.registro import db as registro_db
from defensoria.registro.model import add_council

# Module hours of the fixture catalogue (m04 is 3 h, the rest 2 h)
HOURS = {f"m{n:02d}": 2 for n in range(1, 12)} | {"m04": 3}
DATA = Path(__file__).parent / "registro" / "data"


def write_module(root: Path, code: str, hours: float) -> None:
    page = root / "docs" / "modulos" / f"{code}-tema-{code[1:]}.md"
    page.write_text(
        f"---\nmodulo: {code}\ntitle: Tema {code}\nhoras: {hours}\nobjetivos:\n  - Aprender {code}.\n"
        "fuentes:\n  - Ley 30364, art. 15\nrevision_legal:\n  estado: pendiente\n"
        "version_ley: Ley 30364 con las modificaciones de la Ley 31715 (2023)\n---\n\n# Tema\n",
        encoding="utf-8",
    )


@pytest.fixture
def proyecto(tmp_path, monkeypatch) -> Path:
    """A project root with mkdocs.yml and eleven modules; DEFENSORIA_RAIZ points at it."""
    root = tmp_path / "proyecto"
    (root / "docs" / "modulos").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: prueba\n", encoding="utf-8")
    for code, hours in HOURS.items():
        write_module(root, code, hours)
    monkeypatch.setenv("DEFENSORIA_RAIZ", str(root))
    monkeypatch.delenv(registro_db.ENV_VAR, raising=False)
    return root


@pytest.fixture
def conn(proyecto) -> sqlite3.Connection:
    """An open database in the fixture project, with two councils."""
    connection = registro_db.connect(proyecto / "data" / "registro.sqlite")
    add_council(connection, "Defensoría de Chinchaypujio", "Chinchaypujio", "Chinchaypujio", "Anta")
    add_council(connection, "Defensoría de Ccorca", "Ccorca", "Ccorca", "Cusco")
    yield connection
    connection.close()
