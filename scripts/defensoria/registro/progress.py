"""Completion computed from the records with the rules (rules.py), in SQL.

`prepare()` loads the rules into a temporary table; the CTEs below then tell, for each
person and module, the hours attended, the best quiz score and whether it is complete.
"""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from defensoria.catalog import catalog
from defensoria.registro.rules import Programme, Rules

# {where} filters attendance (for one person, or a period); :pass_mark etc. come from prepare()
STATUS_CTES = """
module_hours AS (
    SELECT a.person_id, a.module, SUM(a.hours) AS hours FROM attendance_modules a
    {where}
    GROUP BY a.person_id, a.module
),
best_scores AS (
    SELECT person_id, module, MAX(score) AS best FROM quiz_results GROUP BY person_id, module
),
module_status AS (
    SELECT mh.person_id, mh.module, mh.hours, bs.best, rm.hours_required, rm.in_programme,
           (mh.hours >= rm.hours_required - 1e-6
            AND (:quiz_optional OR COALESCE(bs.best, -1) >= :pass_mark)) AS complete
    FROM module_hours mh
    JOIN temp.rule_modules rm ON rm.module = mh.module
    LEFT JOIN best_scores bs ON bs.person_id = mh.person_id AND bs.module = mh.module
),
programme_done AS (
    SELECT person_id FROM module_status WHERE complete AND in_programme
    GROUP BY person_id HAVING COUNT(*) = :programme_size
)
"""


def prepare(conn: sqlite3.Connection, rules: Rules, programme: str | None = None, root: Path | None = None) -> dict:
    """Load the rules into temp.rule_modules; returns the SQL parameters of STATUS_CTES."""
    chosen: Programme = rules.programme(programme)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS rule_modules (module TEXT PRIMARY KEY, hours_required REAL, in_programme INTEGER)")
    conn.execute("DELETE FROM temp.rule_modules")
    conn.executemany("INSERT INTO temp.rule_modules VALUES (?, ?, ?)",
                     [(code, hours, code in chosen.modulos) for code, hours in rules.required_hours(root).items()])
    return {
        "pass_mark": rules.modulo.nota_minima,
        "quiz_optional": int(not rules.modulo.requiere_cuestionario),
        "programme_size": len(chosen.modulos),
    }


@dataclass
class ModuleProgress:
    module: str
    title: str
    hours: float
    hours_required: float
    best_score: float | None
    complete: bool


def person_progress(conn, person_id: int, rules: Rules, root: Path | None = None) -> tuple[list[ModuleProgress], bool]:
    """Each catalogue module for one person, and whether the (first) programme is complete."""
    params = prepare(conn, rules, root=root) | {"person": person_id}
    sql = "WITH " + STATUS_CTES.format(where="WHERE a.person_id = :person") + " SELECT * FROM module_status"
    found = {row["module"]: row for row in conn.execute(sql, params)}
    best = dict(conn.execute("SELECT module, MAX(score) FROM quiz_results WHERE person_id = ? GROUP BY module", (person_id,)).fetchall())
    progress = []
    for code, module in catalog(root).items():
        row = found.get(code)
        required = module.horas * rules.modulo.asistencia_minima
        progress.append(ModuleProgress(code, module.title, row["hours"] if row else 0.0, required, best.get(code),
                                       bool(row and row["complete"])))
    programme = rules.programme()
    done = {p.module for p in progress if p.complete}
    return progress, all(code in done for code in programme.modulos)


def completed(conn, rules: Rules, kind: str, subject: str, root: Path | None = None) -> list[int]:
    """Ids of active people who completed a module ('modulo', 'm04') or a programme ('programa', 'basico')."""
    params = prepare(conn, rules, programme=subject if kind == "programa" else None, root=root)
    ctes = "WITH " + STATUS_CTES.format(where="")
    if kind == "programa":
        sql = ctes + " SELECT person_id FROM programme_done"
    else:
        sql = ctes + " SELECT person_id FROM module_status WHERE complete AND module = :module"
        params["module"] = subject
    sql = f"SELECT id FROM people WHERE status = 'activa' AND id IN ({sql}) ORDER BY id"
    return [row[0] for row in conn.execute(sql, params)]
