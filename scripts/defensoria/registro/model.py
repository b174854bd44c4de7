"""Councils, people and workshops: the library behind `defensoria registro`.

Functions named `insert_*` write without opening a transaction (the importer wraps many
in one); the public ones (`add_*`, `merge_people`, `archive_person`) each run in their own.
"""

import sqlite3
from collections.abc import Sequence
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

from defensoria.catalog import Module, get_module
from defensoria.errors import DefensoriaError
from defensoria.registro.attendance import refresh_person_modules
from defensoria.registro.codes import format_person_code, parse_person_code
from defensoria.registro.db import today, transaction
from defensoria.registro.values import clean_name, fold


class NotFound(DefensoriaError):
    """A council, person or workshop that is not in the database."""


# Councils -----------------------------------------------------------------------------

def find_council(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM councils WHERE name_key = ?", (fold(name),)).fetchone()


def get_council(conn: sqlite3.Connection, name: str) -> sqlite3.Row:
    row = find_council(conn, name)
    if row is None:
        known = ", ".join(r[0] for r in conn.execute("SELECT name FROM councils ORDER BY name")) or "ninguna todavía"
        raise NotFound(f"no existe la defensoría '{name}'. Defensorías registradas: {known}.")
    return row


def insert_council(conn, name: str, community: str, district: str, province: str = "Cusco") -> int:
    if not fold(name) or not fold(community) or not fold(district):
        raise ValueError("una defensoría necesita nombre, comunidad y distrito")
    cursor = conn.execute(
        "INSERT INTO councils (name, community, district, province, name_key) VALUES (?, ?, ?, ?, ?)",
        (clean_name(name), clean_name(community), clean_name(district), clean_name(province), fold(name)),
    )
    return cursor.lastrowid


def add_council(conn, name: str, community: str, district: str, province: str = "Cusco") -> int:
    """Register a council (defensoría comunitaria); its name must be new."""
    if find_council(conn, name):
        raise DefensoriaError(f"la defensoría '{name}' ya está registrada.")
    with transaction(conn):
        return insert_council(conn, name, community, district, province)


# People -------------------------------------------------------------------------------

def name_key(given_names: str, surnames: str) -> str:
    """Names compared without accents, case or order of words: finds possible duplicates."""
    return " ".join(sorted(fold(f"{given_names} {surnames}").split()))


class PersonCodes:
    """Issues new codes inside one transaction (the next sequence number)."""

    def __init__(self, conn: sqlite3.Connection):
        last = conn.execute("SELECT code FROM people ORDER BY id DESC LIMIT 1").fetchone()
        self.next_number = (int(last[0].split("-")[1]) + 1) if last else 1

    def issue(self) -> str:
        code = format_person_code(self.next_number)
        self.next_number += 1
        return code


def insert_person(conn, codes: PersonCodes, *, given_names: str, surnames: str, sex: str | None, council_id: int | None,
                  languages: str = "", may_contact: bool = False, on: str | None = None) -> tuple[int, str]:
    code = codes.issue()
    cursor = conn.execute(
        "INSERT INTO people (code, given_names, surnames, sex, languages, council_id, may_contact, name_key, created_on)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (code, clean_name(given_names), clean_name(surnames), sex, languages, council_id, int(may_contact),
         name_key(given_names, surnames), on or today()),
    )
    return cursor.lastrowid, code


def add_person(conn, *, given_names: str, surnames: str, council: str, sex: str | None = None,
               languages: str = "", may_contact: bool = False) -> str:
    """Register a person and return the new code (e.g. 'P-00012-3')."""
    council_row = get_council(conn, council)
    with transaction(conn):
        return insert_person(conn, PersonCodes(conn), given_names=given_names, surnames=surnames, sex=sex,
                             council_id=council_row["id"], languages=languages, may_contact=may_contact)[1]


def get_person(conn, code: str) -> sqlite3.Row:
    """The person with this code, following merges to the code that was kept."""
    canonical = parse_person_code(code)
    row = conn.execute("SELECT * FROM people WHERE code = ?", (canonical,)).fetchone()
    if row is None:
        raise NotFound(f"no existe la persona con código {canonical}.")
    seen = {row["id"]}
    while row["merged_into"] is not None:
        row = conn.execute("SELECT * FROM people WHERE id = ?", (row["merged_into"],)).fetchone()
        if row["id"] in seen:  # a cycle can only come from hand edits; stop rather than loop
            break
        seen.add(row["id"])
    return row


def update_person(conn, code: str, *, may_contact: bool | None = None, given_names: str | None = None,
                  surnames: str | None = None) -> tuple[sqlite3.Row, dict[str, tuple]]:
    """Change consent to be contacted and/or correct names, when the person asks.

    One transaction; archived people have no personal data left to edit. Returns the
    person as now stored and the changes made ({field: (before, after)}).
    """
    person = get_person(conn, code)
    if person["status"] == "archivada":
        raise DefensoriaError(f"la persona {person['code']} está archivada: sus datos personales se borraron a su pedido "
                              "y no se pueden editar. Si vuelve a participar, regístrela como persona nueva.")
    wanted = {}
    if may_contact is not None:
        wanted["may_contact"] = int(may_contact)
    for field, value, label in (("given_names", given_names, "nombres"), ("surnames", surnames, "apellidos")):
        if value is not None:
            if not clean_name(value):
                raise DefensoriaError(f"los {label} no pueden quedar vacíos.")
            wanted[field] = clean_name(value)
    changes = {field: (person[field], value) for field, value in wanted.items() if person[field] != value}
    if changes:
        names = (wanted.get("given_names", person["given_names"]) or "", wanted.get("surnames", person["surnames"]) or "")
        with transaction(conn):
            conn.execute(f"UPDATE people SET {', '.join(f'{field} = ?' for field in changes)}, name_key = ? WHERE id = ?",
                         (*(after for _, after in changes.values()), name_key(*names), person["id"]))
    return conn.execute("SELECT * FROM people WHERE id = ?", (person["id"],)).fetchone(), changes


def near_names(a: str, b: str) -> bool:
    """Two name keys that may be one person written twice: 'luz marina quispe' and
    'huaman luz marina quispe' (a surname left out), 'guaman …' and 'huaman …' (a letter).
    """
    if a == b:
        return True
    words_a, words_b = set(a.split()), set(b.split())
    shorter = min(words_a, words_b, key=len)
    if len(shorter) >= 2 and (words_a <= words_b or words_b <= words_a):
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= NEAR and matcher.quick_ratio() >= NEAR and matcher.ratio() >= NEAR


NEAR = 0.88  # 'huaman luz marina quispe' vs 'guaman …' is 0.96; 'rosa quispe' vs 'rosa mamani' 0.55


def possible_duplicates(conn, person_ids: Sequence[int] | None = None) -> list[tuple[sqlite3.Row, sqlite3.Row]]:
    """Pairs of active people in the same community whose names are equal or near, not yet reviewed.

    Equal names in one council are already one person when imported (see importer), so
    what is left here is what only a person can decide: equal names with a different
    sex or age, the same names in two councils of one community, and near names.
    """
    people = conn.execute("""SELECT p.id, p.name_key, c.community FROM people p JOIN councils c ON c.id = p.council_id
                             WHERE p.status = 'activa' AND p.name_key <> ''""").fetchall()
    reviewed = {(a, b) for a, b in conn.execute("SELECT person_a, person_b FROM duplicate_reviews")}
    by_community: dict[str, list] = {}
    for row in people:
        by_community.setdefault(fold(row["community"]), []).append(row)
    wanted = set(person_ids) if person_ids is not None else None
    pairs = []
    for group in by_community.values():
        # Only pairs that share a word are compared: people with nothing in common are not duplicates
        by_word: dict[str, list] = {}
        for row in group:
            for word in set(row["name_key"].split()):
                by_word.setdefault(word, []).append(row)
        seen = set()
        for rows in by_word.values():
            for i, a in enumerate(rows):
                for b in rows[i + 1:]:
                    pair = (min(a["id"], b["id"]), max(a["id"], b["id"]))
                    if pair in seen or pair in reviewed:
                        continue
                    if wanted is not None and not (pair[0] in wanted or pair[1] in wanted):
                        continue
                    seen.add(pair)
                    if near_names(a["name_key"], b["name_key"]):
                        pairs.append(pair)
    fetch = lambda pid: conn.execute("SELECT p.*, c.community FROM people p LEFT JOIN councils c ON c.id = p.council_id WHERE p.id = ?", (pid,)).fetchone()  # noqa: E731
    return [(fetch(a), fetch(b)) for a, b in sorted(pairs)]


def mark_not_duplicates(conn, code_a: str, code_b: str) -> None:
    """Record that two people with the same name were reviewed and are different people."""
    a, b = sorted((get_person(conn, code_a)["id"], get_person(conn, code_b)["id"]))
    with transaction(conn):
        conn.execute("INSERT OR IGNORE INTO duplicate_reviews VALUES (?, ?, ?)", (a, b, today()))


def merge_people(conn, keep_code: str, drop_code: str) -> dict[str, int]:
    """Move everything of `drop_code` to `keep_code` after a person reviewed both.

    The dropped code keeps pointing to the kept one, so old sheets still import.
    """
    keep, drop = get_person(conn, keep_code), get_person(conn, drop_code)
    if keep["id"] == drop["id"]:
        raise DefensoriaError(f"{keep_code} y {drop_code} ya son la misma persona.")
    moved = {}
    with transaction(conn):
        moved["asistencias"] = conn.execute(
            "INSERT OR IGNORE INTO attendance SELECT workshop_id, ?, hours FROM attendance WHERE person_id = ?",
            (keep["id"], drop["id"])).rowcount
        conn.execute("DELETE FROM attendance WHERE person_id = ?", (drop["id"],))
        moved["cuestionarios"] = conn.execute(
            "INSERT OR IGNORE INTO quiz_results (person_id, module, taken_on, score, source)"
            " SELECT ?, module, taken_on, score, source FROM quiz_results WHERE person_id = ?", (keep["id"], drop["id"])).rowcount
        conn.execute("DELETE FROM quiz_results WHERE person_id = ?", (drop["id"],))
        # A certificate of the dropped code stays valid but is now the kept person's
        conn.execute("UPDATE OR IGNORE certificates SET person_id = ? WHERE person_id = ?", (keep["id"], drop["id"]))
        conn.execute("UPDATE imported_rows SET person_id = ? WHERE person_id = ?", (keep["id"], drop["id"]))
        refresh_person_modules(conn, (keep["id"], drop["id"]))
        # Codes merged earlier into the dropped one now point straight to the kept one
        conn.execute("UPDATE people SET merged_into = ? WHERE merged_into = ?", (keep["id"], drop["id"]))
        conn.execute(
            "UPDATE people SET status = 'fusionada', merged_into = ?, given_names = NULL, surnames = NULL, sex = NULL,"
            " languages = NULL, home_community = NULL, birth_year = NULL, name_key = '' WHERE id = ?", (keep["id"], drop["id"]))
    return moved


def archive_person(conn, code: str) -> str:
    """Reduce a person to a code: names, sex, languages and consent are erased.

    Attendance, results and the council stay, so the numbers of past reports still add up.
    """
    person = get_person(conn, code)
    with transaction(conn):
        conn.execute(
            "UPDATE people SET given_names = NULL, surnames = NULL, sex = NULL, languages = NULL, may_contact = 0,"
            " home_community = NULL, birth_year = NULL, name_key = '', status = 'archivada' WHERE id = ?", (person["id"],))
        # Codes merged into this person are the same person: nothing personal stays on them either
        conn.execute(
            "UPDATE people SET given_names = NULL, surnames = NULL, sex = NULL, languages = NULL, may_contact = 0,"
            " home_community = NULL, birth_year = NULL, name_key = '' WHERE merged_into = ?", (person["id"],))
    return person["code"]


# Workshops ----------------------------------------------------------------------------

def workshop_key(on: str, place: str, council_id: int | None, modules: Sequence[str]) -> str:
    return "|".join((on, fold(place), str(council_id or ""), ",".join(sorted(modules))))


def module_hours(modules: Sequence[Module], hours: float) -> list[tuple[str, float, float]]:
    """Split a workshop's hours among its modules in proportion to their catalogue hours."""
    total = sum(m.horas for m in modules)
    return [(m.modulo, hours * m.horas / total, m.horas / total) for m in modules]


def insert_workshop(conn, *, on: str, place: str, modules: Sequence[Module], hours: float | None = None,
                    trainers: str = "", council_id: int | None = None) -> tuple[int, str]:
    hours = hours or sum(m.horas for m in modules)
    year = on[:4]
    count = conn.execute("SELECT COUNT(*) FROM workshops WHERE code LIKE ?", (f"T-{year}-%",)).fetchone()[0]
    code = f"T-{year}-{count + 1:04d}"
    cursor = conn.execute(
        "INSERT INTO workshops (code, date, place, trainers, hours, council_id, natural_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (code, on, " ".join(place.split()), trainers, hours, council_id, workshop_key(on, place, council_id, [m.modulo for m in modules])))
    conn.executemany("INSERT INTO workshop_modules VALUES (?, ?, ?, ?)",
                     [(cursor.lastrowid, code_, h, share) for code_, h, share in module_hours(modules, hours)])
    return cursor.lastrowid, code


def add_workshop(conn, *, on: date | str, place: str, modules: Sequence[str], hours: float | None = None,
                 trainers: str = "", council: str | None = None, root: Path | None = None) -> str:
    """Register a workshop; module codes are checked against the catalogue. Returns 'T-2026-0001'."""
    checked = [get_module(code, root) for code in modules]
    council_id = get_council(conn, council)["id"] if council else None
    on = on.isoformat() if isinstance(on, date) else on
    key = workshop_key(on, place, council_id, [m.modulo for m in checked])
    if (row := conn.execute("SELECT code FROM workshops WHERE natural_key = ?", (key,)).fetchone()):
        raise DefensoriaError(f"ese taller ya está registrado con el código {row[0]}.")
    with transaction(conn):
        return insert_workshop(conn, on=on, place=place, modules=checked, hours=hours, trainers=trainers, council_id=council_id)[1]


def get_workshop(conn, code: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM workshops WHERE code = ?", (code.strip().upper(),)).fetchone()
    if row is None:
        raise NotFound(f"no existe el taller {code}.")
    return row
