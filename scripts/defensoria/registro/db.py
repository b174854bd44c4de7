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
        make_private(path)
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


PRIVATE = 0o600


def make_private(path: Path) -> None:
    """Create the file owner-only (0600), or make an existing one so, with its -wal and -shm.

    SQLite gives the -wal and -shm files it creates the main file's permissions.
    """
    path = Path(path)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if file.stat().st_mode & 0o077:
                os.chmod(file, PRIVATE)
        except FileNotFoundError:
            pass
        except PermissionError:
            pass  # a file of another user: SQLite will say if it cannot be used


def database_file(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return row[2] or ":memory:"


def _copy_to_new_file(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of `conn` in a new owner-only file, checked, then named `target`.

    Uses SQLite's online backup API, so the copy includes what is still in the -wal file
    and is right even while the database is in use. `target` is never overwritten.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise DatabaseError(f"ya existe {target}: un respaldo nunca se sobrescribe. Elija otro nombre.")
    partial = target.with_name(target.name + ".parcial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
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
    try:
        os.link(partial, target)  # fails if the name was taken meanwhile: never replaces a file
    except FileExistsError:
        raise DatabaseError(f"ya existe {target}: un respaldo nunca se sobrescribe. Elija otro nombre.") from None
    finally:
        partial.unlink(missing_ok=True)
    return target


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent, checked, owner-only copy; an existing file is never overwritten."""
    return _copy_to_new_file(conn, target)


def check_backup(path: Path) -> dict[str, int]:
    """Open a backup read-only and check it whole; returns its row counts."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(f"no existe el respaldo {path}.")
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            ok = source.execute("PRAGMA integrity_check").fetchone()[0]
            version = source.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            counts = {t: source.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                      for t in ("people", "workshops", "attendance", "quiz_results", "certificates") if t in tables}
        finally:
            source.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path} no es una base de datos del registro que se pueda leer ({error}); no se restauró nada.") from None
    if ok != "ok":
        raise DatabaseError(f"el respaldo {path} está dañado ({ok}); no se restauró nada.")
    if not {"people", "workshops", "attendance"} <= tables:
        raise DatabaseError(f"{path} no es un respaldo del registro (le faltan sus tablas); no se restauró nada.")
    if version > SCHEMA_VERSION:
        raise DatabaseError(f"el respaldo {path} es de una versión más nueva de la herramienta (esquema {version}); actualice defensoria.")
    return counts


def restore(backup_path: Path, db_path: Path) -> tuple[Path | None, dict[str, int]]:
    """Make the database exactly the backup; the current one is first kept aside.

    The backup is checked before anything changes. The current database (with whatever its
    -wal file still holds) is copied aside with the backup API, then the backup is written
    into it through SQLite, inside its lock: no leftover -wal or -shm can bring back changes
    made after the backup, and a crash midway leaves either the old or the restored file.
    Returns the file kept aside (None if there was no database) and the restored counts.
    """
    counts = check_backup(backup_path)
    db_path = Path(db_path)
    if Path(backup_path).resolve() == db_path.resolve():
        raise DatabaseError("el respaldo y la base de datos son el mismo archivo.")
    aside = None
    conn = connect(db_path)
    try:
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError:
            pass
        if conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] and db_path.stat().st_size:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = _unused(db_path.with_name(f"{db_path.stem}.antes-de-restaurar-{stamp}{db_path.suffix}"))
            _copy_to_new_file(conn, aside)
        source = sqlite3.connect(f"{Path(backup_path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.backup(conn)  # page by page under the destination's write lock
        finally:
            source.close()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise DatabaseError(f"la base restaurada no pasó la revisión ({ok}); la anterior está en {aside}.")
        migrate(conn)
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise DatabaseError(f"la base de datos {db_path} está ocupada: otra orden la está usando. "
                                "Espere a que termine y vuelva a intentar; no se cambió nada.") from None
        raise
    finally:
        conn.close()
    make_private(db_path)
    return aside, counts


def _unused(path: Path) -> Path:
    """`path`, or the same name with -2, -3 … if it is taken."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def default_backup_path(db_path: Path) -> Path:
    """respaldos/registro-<date-time>.sqlite beside the database, never a name already taken."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return _unused(Path(db_path).parent / "respaldos" / f"registro-{stamp}.sqlite")


def today() -> str:
    return datetime.now().date().isoformat()
