"""Quiz results, recorded by the quiz tool (`defensoria cuestionario … --registrar`).

    from defensoria.registro import QuizResult, record_quiz_results
    summary = record_quiz_results([QuizResult("P-00012-5", "m04", 85.0, "2026-03-14")])
    summary.added, summary.already_recorded

All results are checked first (code with check digit, person exists, module in the
catalogue, score 0-100, date); if any is wrong nothing is written and QuizResultsError
lists every problem. Recording the same results again adds nothing.
"""

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from defensoria.catalog import get_module
from defensoria.errors import DefensoriaError
from defensoria.registro.db import connect, default_path, transaction
from defensoria.registro.model import get_person
from defensoria.registro.values import parse_date


@dataclass(frozen=True)
class QuizResult:
    person_code: str  # 'P-00012-5' (hyphens and case do not matter)
    module: str  # 'm04'
    score: float  # percent of points, 0-100
    taken_on: date | str  # date or 'dd/mm/aaaa' or 'aaaa-mm-dd'


@dataclass
class QuizSummary:
    added: int = 0
    already_recorded: int = 0


class QuizResultsError(DefensoriaError):
    """Some results could not be recorded; nothing was written."""


def record_quiz_results(
    results: Iterable[QuizResult | Mapping],
    *,
    base: Path | str | None = None,
    conn: sqlite3.Connection | None = None,
    source: str = "cuestionario",
    root: Path | None = None,
) -> QuizSummary:
    """Store quiz scores in the tracker (all or nothing) and return what was added.

    `base` is the SQLite file (default: $DEFENSORIA_REGISTRO or data/registro.sqlite);
    pass `conn` instead to reuse an open connection. `source` tells where the scores came
    from (e.g. 'cuestionario-impreso'); `root` is the project root for the catalogue.
    Mappings may use the keys of QuizResult or codigo/modulo/puntaje/fecha.
    """
    own = conn is None
    conn = conn or connect(base or default_path(root))
    try:
        rows, problems = [], []
        for number, item in enumerate(results, start=1):
            result = _as_result(item)
            try:
                person = get_person(conn, result.person_code)
                module = get_module(result.module, root).modulo
                score = float(result.score)
                if not 0 <= score <= 100:
                    raise ValueError(f"el puntaje {score:g} debe estar entre 0 y 100 (porcentaje)")
                rows.append((person["id"], module, parse_date(result.taken_on), score, source))
            except (DefensoriaError, ValueError, TypeError) as error:
                message = error.message if isinstance(error, DefensoriaError) else str(error)
                problems.append(f"resultado {number} ({result.person_code}, {result.module}): {message}")
        if problems:
            raise QuizResultsError("no se registró ningún resultado:\n  " + "\n  ".join(problems))
        summary = QuizSummary()
        with transaction(conn):
            for row in rows:
                inserted = conn.execute(
                    "INSERT OR IGNORE INTO quiz_results (person_id, module, taken_on, score, source) VALUES (?, ?, ?, ?, ?)", row
                ).rowcount
                summary.added += inserted
                summary.already_recorded += 1 - inserted
        return summary
    finally:
        if own:
            conn.close()


def _as_result(item: QuizResult | Mapping) -> QuizResult:
    if isinstance(item, QuizResult):
        return item
    get = lambda *keys: next((item[k] for k in keys if k in item), "")  # noqa: E731
    return QuizResult(str(get("person_code", "codigo")), str(get("module", "modulo")),
                      get("score", "puntaje"), get("taken_on", "fecha"))
