"""Writing attendance, and keeping `attendance_modules` (the same hours split by module,
in person order) in step with it. Only these functions write attendance, so the two never
disagree. Both run inside the caller's transaction.
"""

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import itemgetter

_KEY = itemgetter(0, 1, 2)
_CHUNK = 500  # ids per IN (…) query, well under SQLite's limit on parameters


def _by_workshop(conn: sqlite3.Connection, sql: str, workshop_ids: list[int]) -> list[tuple]:
    found = []
    for start in range(0, len(workshop_ids), _CHUNK):
        chunk = workshop_ids[start:start + _CHUNK]
        found += [tuple(row) for row in conn.execute(sql.format(ids=",".join("?" * len(chunk))), chunk)]
    return found


def add_attendance(conn: sqlite3.Connection, rows: Iterable[tuple[int, int, float]]) -> int:
    """Insert (workshop_id, person_id, hours) rows that are not there yet; returns how many were new.

    A row already recorded (or repeated in `rows`) keeps its first value in both tables:
    the split rows are keyed by person, module and workshop, so they are ignored exactly
    when the attendance row is. Importing the same sheet twice adds nothing.
    """
    rows = rows if isinstance(rows, list) else list(rows)
    workshop_ids = sorted({row[0] for row in rows})
    shares: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for workshop_id, module, share in _by_workshop(conn, "SELECT workshop_id, module, share FROM workshop_modules WHERE workshop_id IN ({ids})", workshop_ids):
        shares[workshop_id].append((module, share))
    before = conn.total_changes
    conn.executemany("INSERT OR IGNORE INTO attendance (workshop_id, person_id, hours) VALUES (?, ?, ?)", rows)
    added = conn.total_changes - before
    split = [(person_id, module, workshop_id, hours * share) for workshop_id, person_id, hours in rows for module, share in shares[workshop_id]]
    split.sort(key=_KEY)  # key order keeps B-tree writes sequential; stable, so a repeated row keeps its first value
    conn.executemany("INSERT OR IGNORE INTO attendance_modules (person_id, module, workshop_id, hours) VALUES (?, ?, ?, ?)", split)
    return added


def refresh_person_modules(conn: sqlite3.Connection, person_ids: Sequence[int]) -> None:
    """Rebuild the split rows of these people from their attendance (after a merge)."""
    for person_id in person_ids:
        conn.execute("DELETE FROM attendance_modules WHERE person_id = ?", (person_id,))
        conn.execute("""INSERT INTO attendance_modules SELECT a.person_id, wm.module, a.workshop_id, a.hours * wm.share
                        FROM attendance a JOIN workshop_modules wm ON wm.workshop_id = a.workshop_id
                        WHERE a.person_id = ?""", (person_id,))
