"""`reporte`: people trained, hours and completion by council, community, district,
province, module, period or sex. Returns rows; report_output.py writes HTML/CSV/XLSX.

Completion is each person's current state under the rules (progress.py); the period and
council filters choose which attendance counts as "trained in the group".
"""

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from defensoria.catalog import catalog
from defensoria.errors import DefensoriaError
from defensoria.registro.progress import STATUS_CTES, prepare
from defensoria.registro.rules import Programme, Rules
from defensoria.registro.values import fold

PERIODS = {
    "mes": "substr(w.date, 1, 7)",
    "trimestre": "substr(w.date, 1, 4) || '-T' || ((CAST(substr(w.date, 6, 2) AS INTEGER) + 2) / 3)",
    "año": "substr(w.date, 1, 4)",
}
DIMENSIONS = {
    "defensoria": ("Defensoría", "c.name"),
    "comunidad": ("Comunidad", "c.community"),
    "distrito": ("Distrito", "c.district"),
    "provincia": ("Provincia", "c.province"),
    "sexo": ("Sexo", "CASE p.sex WHEN 'F' THEN 'Mujeres' WHEN 'M' THEN 'Hombres' ELSE 'Sin dato' END"),
    "modulo": ("Módulo", "wm.module"),
    "periodo": ("Periodo", None),
}
COLUMNS = [
    ("grupo", ""),
    ("personas", "Personas capacitadas"),
    ("mujeres", "Mujeres"),
    ("hombres", "Hombres"),
    ("talleres", "Talleres"),
    ("horas_dictadas", "Horas dictadas"),
    ("horas_persona", "Horas-persona"),
    ("completaron", "Completaron"),
    ("tasa", "% que completó"),
]
# Cells that count people: in a public report, 1-4 shows as "<5"
PEOPLE_COLUMNS = ("personas", "mujeres", "hombres", "completaron")


@dataclass
class Report:
    dimension: str
    label: str
    rows: list[dict]
    total: dict
    programme: Programme
    rules: Rules
    completion_of: str  # what 'completaron' means, in Spanish
    filters: dict = field(default_factory=dict)
    generated_on: str = field(default_factory=lambda: date.today().isoformat())
    public: bool = False
    missing_modules: list[str] = field(default_factory=list)


def build_report(conn: sqlite3.Connection, rules: Rules, dimension: str = "defensoria", *, period: str = "mes",
                 since: str | None = None, until: str | None = None, council: str | None = None,
                 programme: str | None = None, root: Path | None = None) -> Report:
    if dimension not in DIMENSIONS:
        raise DefensoriaError(f"no se puede agrupar por '{dimension}'. Use: {', '.join(DIMENSIONS)}.")
    label, group = DIMENSIONS[dimension]
    if dimension == "periodo":
        group = PERIODS[period]
    params = prepare(conn, rules, programme, root)
    chosen = rules.programme(programme)
    # Who completed what, once, into temporary tables the report joins
    conn.execute("DROP TABLE IF EXISTS temp.done_modules")
    conn.execute("DROP TABLE IF EXISTS temp.done_people")
    ctes = "WITH " + STATUS_CTES.format(where="")
    conn.execute(f"CREATE TEMP TABLE done_modules AS {ctes} SELECT person_id, module FROM module_status WHERE complete", params)
    conn.execute("CREATE UNIQUE INDEX temp.done_modules_key ON done_modules(person_id, module)")
    conn.execute("""CREATE TEMP TABLE done_people AS SELECT person_id FROM temp.done_modules d
                    JOIN temp.rule_modules rm ON rm.module = d.module AND rm.in_programme
                    GROUP BY person_id HAVING COUNT(*) = ?""", (params["programme_size"],))
    conn.execute("CREATE UNIQUE INDEX temp.done_people_key ON done_people(person_id)")

    filters, values = [], []
    if since:
        filters.append("w.date >= ?")
        values.append(since)
    if until:
        filters.append("w.date <= ?")
        values.append(until)
    if council:
        filters.append("c.name_key = ?")
        values.append(fold(council))
    where = ("WHERE " + " AND ".join(filters)) if filters else ""
    by_module = dimension == "modulo"
    rows = [_finish_row(dict(r)) for r in conn.execute(_report_sql(group, where, by_module), values)]
    # The total counts each person once; for modules it uses the programme, as a row of all modules
    total_rows = [_finish_row(dict(r)) for r in conn.execute(_report_sql("'Total'", where, False), values)]
    total = total_rows[0] if total_rows else _finish_row({"grupo": "Total"})
    if by_module:
        titles = {code: m.title for code, m in catalog(root).items()}
        for row in rows:
            row["grupo"] = f"{row['grupo']} {titles.get(row['grupo'], '')}".strip()
    for row in rows:
        row["grupo"] = row["grupo"] if row["grupo"] is not None else "Sin dato"
    what = "el módulo de la fila" if by_module else f"{chosen.nombre} ({len(chosen.modulos)} módulos)"
    return Report(dimension, label if dimension != "periodo" else f"Periodo ({period})", rows, total, chosen, rules, what,
                  {"desde": since, "hasta": until, "defensoria": council}, missing_modules=rules.missing_modules(root))


def _report_sql(group: str, where: str, by_module: bool) -> str:
    module_join = "JOIN workshop_modules wm ON wm.workshop_id = a.workshop_id" if by_module else ""
    hours = "a.hours * wm.share" if by_module else "a.hours"
    workshop_hours = "wm.hours" if by_module else "w.hours"
    done = ("EXISTS (SELECT 1 FROM temp.done_modules d WHERE d.person_id = a.person_id AND d.module = wm.module)"
            if by_module else "a.person_id IN temp.done_people")
    facts = f"""
        SELECT {group} AS grupo, a.person_id, a.workshop_id, {hours} AS hours, {workshop_hours} AS whours,
               p.sex AS sex, {done} AS done
        FROM attendance a JOIN workshops w ON w.id = a.workshop_id JOIN people p ON p.id = a.person_id
        LEFT JOIN councils c ON c.id = p.council_id {module_join} {where}"""
    # Two levels: first per group and person (and per group and workshop), then per group
    return f"""
        WITH facts AS ({facts}),
        per_person AS (SELECT grupo, person_id, MAX(sex) AS sex, SUM(hours) AS hours, MAX(done) AS done
                       FROM facts GROUP BY grupo, person_id),
        per_workshop AS (SELECT grupo, workshop_id, MAX(whours) AS whours FROM facts GROUP BY grupo, workshop_id),
        group_people AS (SELECT grupo, COUNT(*) AS personas, SUM(sex = 'F') AS mujeres, SUM(sex = 'M') AS hombres,
                          SUM(hours) AS horas_persona, SUM(done) AS completaron FROM per_person GROUP BY grupo),
        group_workshops AS (SELECT grupo, COUNT(*) AS talleres, SUM(whours) AS horas_dictadas FROM per_workshop GROUP BY grupo)
        SELECT gp.*, gw.talleres, gw.horas_dictadas
        FROM group_people gp JOIN group_workshops gw ON gw.grupo IS gp.grupo ORDER BY gp.grupo"""


def _finish_row(row: dict) -> dict:
    for key in ("personas", "mujeres", "hombres", "completaron", "talleres"):
        row[key] = int(row.get(key) or 0)
    for key in ("horas_persona", "horas_dictadas"):
        row[key] = round(float(row.get(key) or 0), 1)
    row["tasa"] = round(100 * row["completaron"] / row["personas"], 1) if row["personas"] else 0.0
    return row


def masked(row: dict, threshold: int = 5) -> dict:
    """A public copy of a row: counts of 1-4 people, and every figure of a small group, show '<5'."""
    shown = dict(row)
    small = 0 < row["personas"] < threshold
    for key in PEOPLE_COLUMNS:
        if small or 0 < row[key] < threshold:
            shown[key] = f"<{threshold}"
    if small:
        shown["horas_persona"] = f"<{threshold}"
        shown["tasa"] = f"<{threshold}"
    elif isinstance(shown["completaron"], str):
        shown["tasa"] = f"<{threshold}"  # the rate would give the small count back
    return shown
