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
from defensoria.registro.progress import prepare
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
# Hours and rates are not counts of people: "<5" would read as "under 5 hours" or "under 5 %"
# (100 % and 9.0 h once printed as "<5"), so a hidden one shows "—", explained in a footnote
RESERVED = "—"


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
    chosen = rules.programme(programme)
    dates, date_values = _date_filter(since, until)
    # Completion is each person's state over all records; hours and people follow the filters
    _person_status(conn, rules, programme, dates, date_values, root)
    people_filter, people_values = ("c.name_key = ?", [fold(council)]) if council else ("", [])
    if dimension == "modulo":
        rows = _by_module(conn, people_filter, people_values, dates, date_values)
    elif dimension == "periodo":
        rows = _by_period(conn, PERIODS[period], people_filter, people_values, dates, date_values)
    else:
        rows = _by_person_attribute(conn, group, dimension, people_filter, people_values, dates, date_values)
    total = _by_person_attribute(conn, "'Total'", "total", people_filter, people_values, dates, date_values)
    total = total[0] if total else _finish_row({"grupo": "Total", "talleres": 0, "horas_dictadas": 0})
    if dimension == "modulo":
        titles = {code: m.title for code, m in catalog(root).items()}
        for row in rows:
            row["grupo"] = f"{row['grupo']} {titles.get(row['grupo'], '')}".strip()
    for row in rows:
        row["grupo"] = row["grupo"] if row["grupo"] is not None else "Sin dato"
    what = "el módulo de la fila" if dimension == "modulo" else f"{chosen.nombre} ({len(chosen.modulos)} módulos)"
    return Report(dimension, label if dimension != "periodo" else f"Periodo ({period})", rows, total, chosen, rules, what,
                  {"desde": since, "hasta": until, "defensoria": council}, missing_modules=rules.missing_modules(root))


def _date_filter(since: str | None, until: str | None) -> tuple[str, list]:
    clauses, values = [], []
    if since:
        clauses.append("w.date >= ?")
        values.append(since)
    if until:
        clauses.append("w.date <= ?")
        values.append(until)
    return " AND ".join(clauses), values


def _where(*clauses: str) -> str:
    kept = [c for c in clauses if c]
    return ("WHERE " + " AND ".join(kept)) if kept else ""


_STATUS_TABLE = """CREATE TEMP TABLE {name} (person_id INTEGER, module TEXT, hours REAL, done INTEGER, in_programme INTEGER,
                   PRIMARY KEY (person_id, module)) WITHOUT ROWID"""


def _person_status(conn, rules: Rules, programme: str | None, dates: str, values: list, root: Path | None) -> None:
    """temp.module_status (person, module, hours, done) and temp.person_status (person, hours, done).

    One pass over attendance_modules in key order (person, module), so nothing is sorted.
    Hours follow the date filter; completion ('done') is each person's state over all records.
    """
    params = prepare(conn, rules, programme, root)
    all_time = "module_status_all" if dates else "module_status"
    for name in ("module_status", "module_status_all", "person_status"):
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
    conn.execute(_STATUS_TABLE.format(name=all_time))
    # The quiz score is looked up only where the hours are enough
    conn.execute(f"""INSERT INTO temp.{all_time}
        SELECT am.person_id, am.module, SUM(am.hours),
               COALESCE(SUM(am.hours) >= rm.hours_required - 1e-6 AND (:quiz_optional OR COALESCE(
                   (SELECT MAX(q.score) FROM quiz_results q WHERE q.person_id = am.person_id AND q.module = am.module), -1)
                   >= :pass_mark), 0),
               COALESCE(rm.in_programme, 0)
        FROM attendance_modules am LEFT JOIN temp.rule_modules rm ON rm.module = am.module
        GROUP BY am.person_id, am.module""", params)
    if dates:
        conn.execute(_STATUS_TABLE.format(name="module_status"))
        conn.execute(f"""INSERT INTO temp.module_status
            SELECT am.person_id, am.module, SUM(am.hours), COALESCE(s.done, 0), COALESCE(s.in_programme, 0)
            FROM attendance_modules am JOIN workshops w ON w.id = am.workshop_id
            LEFT JOIN temp.module_status_all s ON s.person_id = am.person_id AND s.module = am.module
            {_where(dates)} GROUP BY am.person_id, am.module""", values)
        conn.execute("""CREATE TEMP TABLE person_status AS
            SELECT ms.person_id, SUM(ms.hours) AS hours, MAX(pd.done) AS done FROM temp.module_status ms
            JOIN (SELECT person_id, SUM(done AND in_programme) = :programme_size AS done
                  FROM temp.module_status_all GROUP BY person_id) pd ON pd.person_id = ms.person_id
            GROUP BY ms.person_id""", params)
    else:
        conn.execute("""CREATE TEMP TABLE person_status AS
            SELECT person_id, SUM(hours) AS hours, SUM(done AND in_programme) = :programme_size AS done
            FROM temp.module_status GROUP BY person_id""", params)
    conn.execute("CREATE UNIQUE INDEX temp.person_status_id ON person_status(person_id)")


PEOPLE_SUMS = "COUNT(*) AS personas, SUM(p.sex = 'F') AS mujeres, SUM(p.sex = 'M') AS hombres"


def _by_person_attribute(conn, group: str, dimension: str, people_filter: str, people_values: list,
                         dates: str, date_values: list) -> list[dict]:
    rows = conn.execute(f"""
        SELECT {group} AS grupo, {PEOPLE_SUMS}, SUM(ps.hours) AS horas_persona, SUM(ps.done) AS completaron
        FROM temp.person_status ps JOIN people p ON p.id = ps.person_id LEFT JOIN councils c ON c.id = p.council_id
        {_where(people_filter)} GROUP BY 1 ORDER BY 1""", people_values).fetchall()
    # Workshops count where they were held (the workshop's council): places have them, sexes do not
    workshops = {}
    if dimension != "sexo":
        workshops = {r[0]: r[1:] for r in conn.execute(f"""
            SELECT {group}, COUNT(*), SUM(w.hours) FROM workshops w LEFT JOIN councils c ON c.id = w.council_id
            {_where(dates, people_filter)} GROUP BY 1""", date_values + people_values)}
    return [_finish_row(dict(r) | _workshop_cells(workshops, r["grupo"], dimension)) for r in rows]


def _by_module(conn, people_filter: str, people_values: list, dates: str, date_values: list) -> list[dict]:
    rows = [dict(r) for r in conn.execute(f"""
        SELECT ms.module AS grupo, {PEOPLE_SUMS}, SUM(ms.hours) AS horas_persona, SUM(ms.done) AS completaron
        FROM temp.module_status ms JOIN people p ON p.id = ms.person_id LEFT JOIN councils c ON c.id = p.council_id
        {_where(people_filter)} GROUP BY 1 ORDER BY 1""", people_values)]
    workshops = {r[0]: r[1:] for r in conn.execute(f"""
        SELECT wm.module, COUNT(*), SUM(wm.hours) FROM workshop_modules wm JOIN workshops w ON w.id = wm.workshop_id
        {_where(dates)} GROUP BY 1""", date_values)}
    return [_finish_row(r | _workshop_cells(workshops, r["grupo"], "modulo")) for r in rows]


def _by_period(conn, period: str, people_filter: str, people_values: list, dates: str, date_values: list) -> list[dict]:
    # A second pass: a person counts once in every period they attended
    rows = conn.execute(f"""
        WITH per_person AS (
            SELECT {period} AS grupo, a.person_id, SUM(a.hours) AS hours FROM attendance a
            JOIN workshops w ON w.id = a.workshop_id
            {"JOIN people p ON p.id = a.person_id LEFT JOIN councils c ON c.id = p.council_id" if people_filter else ""}
            {_where(dates, people_filter)} GROUP BY 1, 2)
        SELECT pp.grupo, {PEOPLE_SUMS}, SUM(pp.hours) AS horas_persona, SUM(ps.done) AS completaron
        FROM per_person pp JOIN people p ON p.id = pp.person_id JOIN temp.person_status ps ON ps.person_id = pp.person_id
        GROUP BY 1 ORDER BY 1""", date_values + people_values).fetchall()
    workshops = {r[0]: r[1:] for r in conn.execute(f"""
        SELECT {period}, COUNT(*), SUM(w.hours) FROM workshops w {_where(dates)} GROUP BY 1""", date_values)}
    return [_finish_row(dict(r) | _workshop_cells(workshops, r["grupo"], "periodo")) for r in rows]


def _workshop_cells(workshops: dict, group, dimension: str) -> dict:
    if dimension == "sexo":
        return {"talleres": None, "horas_dictadas": None}
    count, hours = workshops.get(group, (0, 0))
    return {"talleres": count, "horas_dictadas": hours}


def _finish_row(row: dict) -> dict:
    for key in ("personas", "mujeres", "hombres", "completaron"):
        row[key] = int(row.get(key) or 0)
    row["horas_persona"] = round(float(row.get("horas_persona") or 0), 1)
    # Workshops are counted where they were held; for sex they do not apply ("—")
    row["talleres"] = int(row["talleres"] or 0) if row.get("talleres", 0) is not None else "—"
    row["horas_dictadas"] = round(float(row["horas_dictadas"] or 0), 1) if row.get("horas_dictadas", 0) is not None else "—"
    row["tasa"] = round(100 * row["completaron"] / row["personas"], 1) if row["personas"] else 0.0
    return row


def masked(row: dict, threshold: int = 5) -> dict:
    """A public copy of a row: counts of 1-4 people show '<5'; the hours and rate of a small
    group, and a rate that would give a small count back, show '—' (never '<5')."""
    shown = dict(row)
    small = 0 < row["personas"] < threshold
    for key in PEOPLE_COLUMNS:
        if small or 0 < row[key] < threshold:
            shown[key] = f"<{threshold}"
    if small:
        shown["horas_persona"] = RESERVED
        shown["tasa"] = RESERVED
    elif isinstance(shown["completaron"], str):
        shown["tasa"] = RESERVED  # the rate would give the small count back
    return shown
