"""Writing attendance, and keeping `attendance_modules` (the same hours split by module,
in person order) in step with it. Only these functions write attendance, so the two never
disagree. Both run inside the caller's transaction.
"""

import sqlite3
from collections.abc import Iterable, Sequence

_CHUNK = 500  # ids per IN (…) query, well under SQLite's limit on parameters


def add_attendance(conn: sqlite3.Connection, rows: Iterable[tuple[int, int, float]]) -> int:
    """Insert (workshop_id, person_id, hours) rows that are not there yet; returns how many were new.

    A row already recorded (or repeated in `rows`) keeps its first value, and so do its
    split rows, which are keyed by person, module and workshop. Importing the same sheet
    twice adds nothing.
    """
    rows = rows if isinstance(rows, list) else list(rows)
    before = conn.total_changes
    conn.executemany("INSERT OR IGNORE INTO attendance (workshop_id, person_id, hours) VALUES (?, ?, ?)", rows)
    added = conn.total_changes - before
    if added:
        workshop_ids = sorted({row[0] for row in rows})
        for start in range(0, len(workshop_ids), _CHUNK):
            chunk = workshop_ids[start:start + _CHUNK]
            conn.execute(f"""INSERT OR IGNORE INTO attendance_modules (person_id, module, workshop_id, hours)
                             SELECT a.person_id, wm.module, a.workshop_id, a.hours * wm.share FROM attendance a
                             JOIN workshop_modules wm ON wm.workshop_id = a.workshop_id
                             WHERE a.workshop_id IN ({",".join("?" * len(chunk))})""", chunk)
    return added


def refresh_person_modules(conn: sqlite3.Connection, person_ids: Sequence[int]) -> None:
    """Rebuild the split rows of these people from their attendance (after a merge)."""
    for person_id in person_ids:
        conn.execute("DELETE FROM attendance_modules WHERE person_id = ?", (person_id,))
        conn.execute("""INSERT INTO attendance_modules SELECT a.person_id, wm.module, a.workshop_id, a.hours * wm.share
                        FROM attendance a JOIN workshop_modules wm ON wm.workshop_id = a.workshop_id
                        WHERE a.person_id = ?""", (person_id,))
