"""Tracker speed against raw SQLite, measured in the same run.

    .venv/bin/python benchmarks/tracker.py [--filas 200000] [--filas-reporte 1000000]

Import: `importar` of a sheet with N attendance rows (codes with check digits, workshop
codes, hours) against a raw baseline: csv.reader + executemany into an equivalent table
(same primary key and index). Goal: at least 50 % of the raw throughput.
Report: `reporte --por defensoria` and `--por modulo` (with completion under the rules)
over M attendance rows against a raw GROUP BY (people and hours per council) over the
same data. Goal: at most 2x the raw time. Prints ratios; never fails a test.
"""

import argparse
import csv
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HOURS = {f"m{n:02d}": 2.0 for n in range(1, 12)} | {"m04": 3.0}


def make_project(root: Path) -> None:
    (root / "docs" / "modulos").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: banco\n", encoding="utf-8")
    for code, hours in HOURS.items():
        (root / "docs" / "modulos" / f"{code}-tema.md").write_text(
            f"---\nmodulo: {code}\ntitle: Tema {code}\nhoras: {hours}\nobjetivos: [a]\nfuentes: [Ley 30364, art. 15]\n"
            "revision_legal: {estado: pendiente}\nversion_ley: Ley 30364\n---\n# Tema\n", encoding="utf-8")


def populate(conn, *, people: int, workshops: int, per_workshop: int, attendance: bool, seed: int = 6):
    """Councils, people, workshops (and attendance, for the report run) through the library."""
    from defensoria.catalog import catalog
    from defensoria.registro.attendance import add_attendance
    from defensoria.registro.db import transaction
    from defensoria.registro.model import PersonCodes, insert_council, insert_person, insert_workshop

    rng = random.Random(seed)
    modules = list(catalog().values())
    with transaction(conn):
        councils = [insert_council(conn, f"Defensoría {n}", f"Comunidad {n}", f"Distrito {n % 12}", "Cusco") for n in range(60)]
        codes = PersonCodes(conn)
        person_ids, person_codes = [], []
        for n in range(people):
            pid, code = insert_person(conn, codes, given_names=f"Nombre{n}", surnames=f"Apellido{n % 900}", sex=rng.choice("FFM"),
                                      council_id=councils[n % len(councils)])
            person_ids.append(pid)
            person_codes.append(code)
        workshop_rows = []
        for n in range(workshops):
            chosen = [modules[n % 11]] + ([modules[(n + 1) % 11]] if n % 3 == 0 else [])
            on = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}"
            wid, code = insert_workshop(conn, on=on, place=f"Lugar {n}", modules=chosen, council_id=councils[n % len(councils)])
            workshop_rows.append((wid, code, sum(m.horas for m in chosen)))
        pairs = []
        for index, (wid, code, hours) in enumerate(workshop_rows):
            start = (index * per_workshop) % people
            for k in range(per_workshop):
                p = (start + k) % people
                pairs.append((wid, code, person_ids[p], person_codes[p], hours))
        if attendance:
            add_attendance(conn, [(w, p, h) for w, _, p, _, h in pairs])
            scores = [(pid, m.modulo, "2026-06-01", rng.choice((50, 75, 90)), "banco") for pid in person_ids[::2] for m in modules]
            conn.executemany("INSERT INTO quiz_results (person_id, module, taken_on, score, source) VALUES (?, ?, ?, ?, ?)", scores)
    return pairs


def best_of(runs: int, function):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_import(folder: Path, rows: int) -> float:
    from defensoria.registro.db import connect
    from defensoria.registro.importer import import_file

    per_workshop = 100
    db_path = folder / "importar.sqlite"
    conn = connect(db_path)
    pairs = populate(conn, people=max(rows // 10, 1000), workshops=rows // per_workshop, per_workshop=per_workshop, attendance=False)
    sheet = folder / "asistencia.csv"
    with sheet.open("w", encoding="cp1252", newline="") as handle:  # what Excel in Spanish writes
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Taller", "Código", "Asistió", "Horas"])
        writer.writerows([code, pcode, "sí", f"{hours:g}".replace(".", ",")] for _, code, _, pcode, hours in pairs)

    def raw():
        raw_conn = sqlite3.connect(folder / "raw.sqlite", isolation_level=None)
        raw_conn.execute("DROP TABLE IF EXISTS raw_attendance")
        # Same keys and index as the tracker's attendance table
        raw_conn.execute("CREATE TABLE raw_attendance (workshop TEXT, person TEXT, present TEXT, hours TEXT, PRIMARY KEY (workshop, person)) WITHOUT ROWID")
        raw_conn.execute("CREATE INDEX raw_by_person ON raw_attendance (person, hours)")
        with sheet.open(encoding="cp1252", newline="") as handle:
            reader = csv.reader(handle, delimiter=";")
            next(reader)
            raw_conn.execute("BEGIN")
            raw_conn.executemany("INSERT OR IGNORE INTO raw_attendance VALUES (?, ?, ?, ?)", reader)
            raw_conn.execute("COMMIT")
        raw_conn.close()

    def ours():
        conn.execute("DELETE FROM attendance")
        conn.execute("DELETE FROM attendance_modules")
        result = import_file(conn, sheet)
        assert result.attendance_added == rows and not result.rejects, (result.attendance_added, result.rejects[:3])

    raw_time, our_time = best_of(3, raw), best_of(3, ours)
    start = time.perf_counter()
    again = import_file(conn, sheet)
    reimport = time.perf_counter() - start
    assert again.attendance_added == 0
    conn.close()
    ratio = raw_time / our_time
    print(f"importar  {rows:>9,} filas: raw {rows / raw_time:>10,.0f} filas/s · registro {rows / our_time:>10,.0f} filas/s"
          f" · {100 * ratio:.0f} % del raw (meta ≥ 50 %) · reimportar {reimport:.2f} s (0 filas nuevas)")
    return ratio


def bench_report(folder: Path, rows: int) -> list[float]:
    from defensoria.registro.db import connect
    from defensoria.registro.reports import build_report
    from defensoria.registro.rules import load_rules

    per_workshop = 100
    conn = connect(folder / "reporte.sqlite")
    populate(conn, people=max(rows // 20, 1000), workshops=rows // per_workshop, per_workshop=per_workshop, attendance=True)
    conn.execute("ANALYZE")
    rules = load_rules()
    raw_sql = """SELECT c.name, COUNT(DISTINCT a.person_id), SUM(a.hours) FROM attendance a
                 JOIN people p ON p.id = a.person_id JOIN councils c ON c.id = p.council_id GROUP BY c.name"""
    raw_time = best_of(3, lambda: conn.execute(raw_sql).fetchall())
    ratios = []
    for dimension in ("defensoria", "modulo", "periodo"):
        our_time = best_of(3, lambda: build_report(conn, rules, dimension))
        ratios.append(our_time / raw_time)
        print(f"reporte   {rows:>9,} filas, por {dimension:<10}: raw GROUP BY {raw_time:.2f} s · registro {our_time:.2f} s"
              f" · {our_time / raw_time:.2f}x (meta ≤ 2x)")
    conn.close()
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--filas", type=int, default=200_000)
    parser.add_argument("--filas-reporte", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="banco-registro-") as tmp:
        folder = Path(tmp)
        make_project(folder / "proyecto")
        os.environ["DEFENSORIA_RAIZ"] = str(folder / "proyecto")
        import_ratio = bench_import(folder, args.filas)
        report_ratios = bench_report(folder, args.filas_reporte)
    ok = import_ratio >= 0.5 and all(r <= 2 for r in report_ratios)
    print("✅ metas cumplidas" if ok else "⚠️ alguna meta no se cumple")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    main()
