"""The tracker's SQLite database: where it lives, opening it, migrations, transactions.

Personal data lives only here (default `data/registro.sqlite`, ignored by git).
Foreign keys are on for every connection; every write goes through `transaction()`;
the schema is upgraded step by step with `PRAGMA user_version`.
"""

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from defensoria import paths
from defensoria.errors import DefensoriaError

ENV_VAR = "DEFENSORIA_REGISTRO"
# How long a write waits for another command (an import, a merge) to finish with the file
BUSY_SECONDS = 10.0


class DatabaseError(DefensoriaError):
    """The database cannot be opened or is newer than this tool."""


def default_path(root: Path | None = None) -> Path:
    """$DEFENSORIA_REGISTRO, else <project>/data/registro.sqlite."""
    if env := os.environ.get(ENV_VAR):
        return Path(env)
    return (root or paths.find_root()) / "data" / "registro.sqlite"


# Each migration moves the schema one version up; never edit one that has shipped.
def _v1_initial(conn: sqlite3.Connection) -> None:
    _run_script(conn, 
        """
        CREATE TABLE councils (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            community TEXT NOT NULL,
            district TEXT NOT NULL,
            province TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE
        );
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            given_names TEXT,
            surnames TEXT,
            sex TEXT CHECK (sex IN ('F', 'M', 'X')),
            languages TEXT,
            council_id INTEGER REFERENCES councils(id),
            may_contact INTEGER NOT NULL DEFAULT 0 CHECK (may_contact IN (0, 1)),
            status TEXT NOT NULL DEFAULT 'activa' CHECK (status IN ('activa', 'archivada', 'fusionada')),
            merged_into INTEGER REFERENCES people(id),
            name_key TEXT,
            created_on TEXT NOT NULL
        );
        CREATE INDEX people_by_name ON people(name_key);
        CREATE TABLE workshops (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            date TEXT NOT NULL,
            place TEXT NOT NULL,
            trainers TEXT NOT NULL DEFAULT '',
            hours REAL NOT NULL CHECK (hours > 0),
            council_id INTEGER REFERENCES councils(id),
            natural_key TEXT NOT NULL UNIQUE
        );
        -- Hours of each module inside a workshop (a workshop may teach several)
        CREATE TABLE workshop_modules (
            workshop_id INTEGER NOT NULL REFERENCES workshops(id),
            module TEXT NOT NULL,
            hours REAL NOT NULL CHECK (hours > 0),
            share REAL NOT NULL CHECK (share > 0 AND share <= 1),
            PRIMARY KEY (workshop_id, module)
        ) WITHOUT ROWID;
        -- The primary key makes re-importing the same sheet add nothing
        CREATE TABLE attendance (
            workshop_id INTEGER NOT NULL REFERENCES workshops(id),
            person_id INTEGER NOT NULL REFERENCES people(id),
            hours REAL NOT NULL CHECK (hours >= 0),
            PRIMARY KEY (workshop_id, person_id)
        ) WITHOUT ROWID;
        CREATE TABLE quiz_results (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id),
            module TEXT NOT NULL,
            taken_on TEXT NOT NULL,
            score REAL NOT NULL CHECK (score >= 0 AND score <= 100),
            source TEXT NOT NULL DEFAULT '',
            UNIQUE (person_id, module, taken_on, score, source)
        );
        CREATE TABLE certificates (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id),
            kind TEXT NOT NULL CHECK (kind IN ('programa', 'modulo')),
            subject TEXT NOT NULL,
            issued_on TEXT NOT NULL,
            verification_code TEXT NOT NULL UNIQUE,
            revoked INTEGER NOT NULL DEFAULT 0,
            UNIQUE (person_id, kind, subject)
        );
        -- Rows already imported for people without a code (newcomers), by a stable key
        CREATE TABLE imported_rows (
            row_key TEXT PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id)
        ) WITHOUT ROWID;
        """
    )


def _v2_duplicate_reviews(conn: sqlite3.Connection) -> None:
    # Pairs a coordinator looked at and decided are different people (not reported again)
    _run_script(conn, 
        """
        CREATE TABLE duplicate_reviews (
            person_a INTEGER NOT NULL REFERENCES people(id),
            person_b INTEGER NOT NULL REFERENCES people(id),
            reviewed_on TEXT NOT NULL,
            PRIMARY KEY (person_a, person_b)
        ) WITHOUT ROWID;
        """
    )


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Statement by statement: executescript() would COMMIT the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def _v3_attendance_modules(conn: sqlite3.Connection) -> None:
    # Attendance split by module (hours × the module's share of the workshop), in person
    # order: completion and reports read it in one pass without sorting. Written only by
    # attendance.py, together with attendance.
    _run_script(conn, 
        """
        CREATE TABLE attendance_modules (
            person_id INTEGER NOT NULL REFERENCES people(id),
            module TEXT NOT NULL,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id),
            hours REAL NOT NULL,
            PRIMARY KEY (person_id, module, workshop_id)
        ) WITHOUT ROWID;
        INSERT INTO attendance_modules
            SELECT a.person_id, wm.module, a.workshop_id, a.hours * wm.share FROM attendance a
            JOIN workshop_modules wm ON wm.workshop_id = a.workshop_id;
        """
    )


def _v4_revocation_reason(conn: sqlite3.Connection) -> None:
    # A revoked certificate is kept, with when and why (`defensoria registro revocar`)
    _run_script(conn, 
        """
        ALTER TABLE certificates ADD COLUMN revoked_on TEXT;
        ALTER TABLE certificates ADD COLUMN revoked_reason TEXT;
        """
    )


def _v5_person_community_and_birth_year(conn: sqlite3.Connection) -> None:
    # The community a person lives in (a sheet's 'Comunidad' column, which may differ from
    # the council's) and an approximate birth year from an 'Edad' column: both help to
    # tell apart people with the same names. Archiving erases both.
    _run_script(conn,
        """
        ALTER TABLE people ADD COLUMN home_community TEXT;
        ALTER TABLE people ADD COLUMN birth_year INTEGER;
        CREATE INDEX people_by_council_name ON people(council_id, name_key);
        """
    )
    # Names stored as "Ch'Aska Q'Ori" by an earlier version are written "Ch'aska Q'ori"
    from defensoria.registro.values import clean_name

    conn.create_function("clean_name", 1, lambda text: clean_name(text) if text else text, deterministic=True)
    conn.execute("UPDATE people SET given_names = clean_name(given_names), surnames = clean_name(surnames)"
                 " WHERE given_names LIKE '%''%' OR surnames LIKE '%''%'")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1_initial, _v2_duplicate_reviews, _v3_attendance_modules, _v4_revocation_reason, _v5_person_community_and_birth_year)
SCHEMA_VERSION = len(MIGRATIONS)


def connect(path: Path | str, *, create: bool = True) -> sqlite3.Connection:
    """Open (and create or upgrade) the database. Foreign keys on, explicit transactions."""
    path = Path(path)
    if str(path) != ":memory:":
        if not path.exists() and not create:
            raise DatabaseError(f"no existe la base de datos {path}. Indique otra con --base o importe un archivo primero.")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_SECONDS)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")  # report and import scratch tables
        if str(path) != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn)
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"no se puede abrir {path} como base de datos del registro ({error}).") from None
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Run the missing migrations, each in its own transaction. Returns the final version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise DatabaseError(f"la base de datos es de una versión más nueva de la herramienta (esquema {version}, esta conoce hasta {SCHEMA_VERSION}). Actualice defensoria.")
    for number in range(version, SCHEMA_VERSION):
        with transaction(conn):
            MIGRATIONS[number](conn)
            conn.execute(f"PRAGMA user_version = {number + 1}")
    return SCHEMA_VERSION


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error: nothing is half-written.

    Only one writer at a time: when another command holds the file longer than
    BUSY_SECONDS, this one stops with a Spanish message and changes nothing.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise
        raise DatabaseError(f"la base de datos {database_file(conn)} está ocupada: otra importación u otra orden la está usando. "
                            "Espere a que termine y vuelva a intentar; no se cambió nada.") from None
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def database_file(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return row[2] or ":memory:"


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy made with SQLite's online backup API, written to a temp file first."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".parcial")
    partial.unlink(missing_ok=True)
    copy = sqlite3.connect(partial)
    try:
        conn.backup(copy)
        ok = copy.execute("PRAGMA integrity_check").fetchone()[0]
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    if ok != "ok":
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"la copia de respaldo salió dañada ({ok}); no se guardó.")
    partial.replace(target)
    return target


def default_backup_path(db_path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path(db_path).parent / "respaldos" / f"registro-{stamp}.sqlite"


def today() -> str:
    return datetime.now().date().isoformat()
