"""`importar`: attendance sheets (CSV/XLSX, field-form exports) into the database.

One import is one transaction: an error or an interruption leaves the database as it
was, and a second import waits for the first (or stops with a Spanish message). Importing
the same file again adds nothing (attendance is keyed by workshop and person). Rows that
cannot be taken go to a rejects file with their line and a Spanish reason; no cell, however
odd, ends the import with a traceback.

A person without a code is the active person of the same council with the same names
(accents, case and word order aside) and, when both are known, the same sex and age
(±1 year). So a newcomer keeps one code from workshop to workshop and a row typed twice
is one person. When several people fit, the row is rejected asking for the code; names
that are only close are proposed as possible duplicates, never merged.
"""

import codecs
import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from defensoria import outputs
from defensoria.catalog import UnknownModule, parse_module_list
from defensoria.errors import DefensoriaError, SourceError
from defensoria.registro.attendance import add_attendance
from defensoria.registro.codes import InvalidCode, parse_person_code
from defensoria.registro.db import transaction
from defensoria.registro.model import PersonCodes, insert_council, insert_person, insert_workshop, name_key, possible_duplicates, workshop_key
from defensoria.registro.rows import read_rows
from defensoria.registro.values import fold, header_key, parse_attendance_mark, parse_date, parse_hours, parse_sex, parse_yes_no

# Canonical column → header keys accepted (already folded: no accents, lower case, '_')
COLUMNS = {
    "codigo": ("codigo", "codigo_persona", "codigo_de_la_persona", "cod", "code"),
    "nombres": ("nombres", "nombre", "nombre_s", "first_name", "given_names"),
    "apellidos": ("apellidos", "apellido", "apellido_s", "last_name", "surnames"),
    "sexo": ("sexo", "sex", "genero"),
    "edad": ("edad", "age", "anos", "edad_anos"),
    "idiomas": ("idiomas", "idioma", "lenguas", "lengua", "languages"),
    "contacto": ("contacto", "acepta_contacto", "consentimiento_contacto", "puede_contactar", "may_contact"),
    "defensoria": ("defensoria", "defensoria_comunitaria", "consejo", "council"),
    "comunidad": ("comunidad", "community"),
    "distrito": ("distrito", "district"),
    "provincia": ("provincia", "province"),
    "taller": ("taller", "codigo_taller", "codigo_del_taller", "workshop"),
    "fecha": ("fecha", "fecha_taller", "fecha_del_taller", "date", "today"),
    "lugar": ("lugar", "lugar_taller", "lugar_del_taller", "place"),
    "formadores": ("formadores", "formador", "formadoras", "formadora", "capacitadores", "capacitador", "trainers",
                   "facilitador", "facilitadora", "facilitadores", "facilitadoras", "facilitador_a"),
    "modulos": ("modulos", "modulo", "modules"),
    "horas_taller": ("horas_taller", "horas_del_taller", "duracion", "duracion_horas"),
    "horas": ("horas", "horas_asistidas", "horas_de_asistencia", "hours"),
    "asistio": ("asistio", "asistencia", "presente"),
    "id_envio": ("uuid", "instanceid", "meta_instanceid", "key"),  # KoboToolbox, ODK (Central: KEY)
}
PROGRESS_STEP = 5000
# Marks taken by the quick path; a blank mark is never one of them (see row())
QUICK_YES = frozenset({"si", "sí", "Si", "Sí", "SI", "SÍ", "x", "X", "1", "✓"})
PERSON_FIELDS = ("codigo", "nombres", "apellidos", "sexo", "asistio", "horas")
_ALIASES = {alias: name for name, aliases in COLUMNS.items() for alias in aliases}


class RowError(ValueError):
    """A row that cannot be imported (its message is the Spanish reason)."""


class Unmarked(RowError):
    """A row whose "¿Asistió?" cell is blank: not an attendance until the trainer marks it."""


UNMARKED_REASON = "sin marcar: la casilla ¿Asistió? está vacía; escriba sí o no y vuelva a importar (no se contó como asistencia)"


@dataclass
class ImportResult:
    rows: int = 0
    attendance_added: int = 0
    attendance_already: int = 0
    absent: int = 0
    blank: int = 0
    unmarked: list[int] = field(default_factory=list)  # lines left blank in "¿Asistió?"
    people_added: list[str] = field(default_factory=list)
    workshops_added: list[str] = field(default_factory=list)
    rejects: list[tuple[int, str, list]] = field(default_factory=list)
    duplicates: list[tuple] = field(default_factory=list)
    refused: bool = False
    rejects_path: Path | None = None
    ignored_columns: list[str] = field(default_factory=list)


def map_headers(headers: list[str], path: Path) -> tuple[dict[str, int], list[str]]:
    """Canonical column → index, and the headers that were not recognised."""
    index, ignored = {}, []
    for position, header in enumerate(headers):
        name = _ALIASES.get(header_key(header))
        if name and name not in index:
            index[name] = position
        elif header.strip():
            ignored.append(header)
    has_person = "codigo" in index or "nombres" in index or "apellidos" in index
    has_workshop = "taller" in index or {"fecha", "modulos"} <= index.keys()
    if not has_person or not has_workshop:
        missing = ([] if has_person else ["codigo (o nombres y apellidos)"]) + ([] if has_workshop else ["taller (o fecha, lugar y modulos)"])
        raise SourceError(path, 1, f"faltan columnas: {'; '.join(missing)}. Columnas encontradas: {', '.join(h for h in headers if h.strip())}.")
    return index, ignored


class _Importer:
    """Per-file state: caches that keep the per-row work to dictionary look-ups."""

    def __init__(self, conn: sqlite3.Connection, index: dict[str, int], root: Path | None, result: ImportResult):
        self.conn, self.index, self.root, self.result = conn, index, root, result
        self.load()
        # Positions for the quick path of import_file(); a file without both codes never takes it
        quick = "taller" in index and "codigo" in index
        self.i_code, self.i_workshop = (index["codigo"], index["taller"]) if quick else (len(index) + 10**6, 0)
        self.i_present, self.i_hours = index.get("asistio"), index.get("horas")

    def load(self) -> None:
        """(Re)read the caches; the dictionaries the quick path holds are refilled in place."""
        conn = self.conn
        self.codes = PersonCodes(conn)
        self.people = {code: merged or pid for pid, code, merged in conn.execute("SELECT id, code, merged_into FROM people")}
        # Codes typed as printed are found at once; other spellings are checked once, then cached
        self.person_by_raw: dict[str, int] = getattr(self, "person_by_raw", {})
        self.person_by_raw.clear()
        self.person_by_raw.update(self.people)
        self.workshop_by_raw: dict[tuple, tuple] = getattr(self, "workshop_by_raw", {})
        self.workshop_by_raw.clear()
        self.workshop_by_raw.update({
            (code,): (wid, hours, council) for wid, code, hours, council in conn.execute("SELECT id, code, hours, council_id FROM workshops")})
        self.councils: dict[str, int | None] = {}
        self.modules_by_raw: dict[str, list] = {}
        self.namesakes: dict[tuple[int, str], list[list]] = {}  # (council, name key) → [id, sex, birth year]
        self.workshop_years: dict[int, int] = {}

    def cell(self, values: list, name: str) -> str:
        position = self.index.get(name)
        if position is None or position >= len(values):
            return ""
        value = values[position]
        return value.strip() if isinstance(value, str) else value

    def council(self, values: list) -> int | None:
        name = self.cell(values, "defensoria")
        if not name:
            return None
        key = fold(name)
        if key not in self.councils:
            row = self.conn.execute("SELECT id FROM councils WHERE name_key = ?", (key,)).fetchone()
            if row is None:
                community, district = self.cell(values, "comunidad"), self.cell(values, "distrito")
                if not (community and district):
                    raise RowError(f"la defensoría '{name}' no está registrada: regístrela con 'defensoria registro defensoria' o agregue las columnas comunidad y distrito")
                row = (insert_council(self.conn, name, community, district, self.cell(values, "provincia") or "Cusco"),)
            self.councils[key] = row[0]
        return self.councils[key]

    def workshop(self, values: list) -> tuple[int, float, int | None]:
        code = self.cell(values, "taller")
        raw = (code,) if code else tuple(str(self.cell(values, n)) for n in ("fecha", "lugar", "defensoria", "modulos", "horas_taller"))
        if raw in self.workshop_by_raw:
            return self.workshop_by_raw[raw]
        if code:
            row = self.conn.execute("SELECT id, hours, council_id FROM workshops WHERE code = ?", (str(code).upper(),)).fetchone()
            if row is None:
                raise RowError(f"no existe el taller '{code}'")
        else:
            on = parse_date(self.cell(values, "fecha"))
            modules = self.modules(self.cell(values, "modulos"))
            place = self.cell(values, "lugar")
            if not place:
                raise RowError("falta el lugar del taller")
            council_id = self.council(values)
            hours_text = self.cell(values, "horas_taller")
            hours = parse_hours(hours_text) if hours_text != "" else None
            if hours == 0:
                raise RowError("las horas del taller deben ser más que cero")
            key = workshop_key(on, place, council_id, [m.modulo for m in modules])
            row = self.conn.execute("SELECT id, hours, council_id FROM workshops WHERE natural_key = ?", (key,)).fetchone()
            if row is None:
                wid, wcode = insert_workshop(self.conn, on=on, place=place, modules=modules, hours=hours,
                                             trainers=str(self.cell(values, "formadores")), council_id=council_id)
                self.result.workshops_added.append(wcode)
                row = self.conn.execute("SELECT id, hours, council_id FROM workshops WHERE id = ?", (wid,)).fetchone()
        self.workshop_by_raw[raw] = tuple(row)
        return self.workshop_by_raw[raw]

    def modules(self, text) -> list:
        text = str(text)
        if text not in self.modules_by_raw:
            if not text.strip():
                raise RowError("faltan los módulos del taller")
            try:
                modules = parse_module_list(text, self.root)
            except UnknownModule as error:
                raise RowError(error.message) from None
            codes = [m.modulo for m in modules]
            if repeated := sorted({c for c in codes if codes.count(c) > 1}):
                raise RowError(f"el módulo {', '.join(repeated)} está repetido en '{text}'; escríbalo una sola vez")
            self.modules_by_raw[text] = modules
        return self.modules_by_raw[text]

    def person(self, values: list, workshop_id: int, workshop_council: int | None) -> int:
        raw = self.cell(values, "codigo")
        if raw:
            raw = str(raw)
            pid = self.person_by_raw.get(raw)
            if pid is None:
                try:
                    code = parse_person_code(raw)
                except InvalidCode as error:
                    raise RowError(error.message) from None
                if code not in self.people:
                    raise RowError(f"no existe la persona con código {code}; si es nueva, deje el código vacío y escriba sus nombres")
                pid = self.person_by_raw[raw] = self.people[code]
            return pid
        given, surnames = str(self.cell(values, "nombres")), str(self.cell(values, "apellidos"))
        if not fold(given + surnames):
            raise RowError("falta el código de la persona (o, si es nueva, sus nombres y apellidos)")
        council_id = self.council(values) or workshop_council
        if council_id is None:
            raise RowError("persona nueva sin defensoría: agregue la columna defensoria")
        sex = parse_sex(str(self.cell(values, "sexo")))
        birth_year = self.birth_year(values, workshop_id)
        community = " ".join(str(self.cell(values, "comunidad")).split())
        submission = str(self.cell(values, "id_envio"))
        row_key = hashlib.sha256(submission.encode()).hexdigest()[:32] if submission else None
        if row_key and (row := self.conn.execute("SELECT person_id FROM imported_rows WHERE row_key = ?", (row_key,)).fetchone()):
            return row[0]  # a field-form submission already imported (its names may since have been corrected)
        key = name_key(given, surnames)
        pid = self.namesake(council_id, key, sex, birth_year)
        if pid is None:
            contact = parse_yes_no(str(self.cell(values, "contacto")), default=False)
            pid, code = insert_person(self.conn, self.codes, given_names=given, surnames=surnames, sex=sex, council_id=council_id,
                                      languages=str(self.cell(values, "idiomas")), may_contact=contact)
            self.conn.execute("UPDATE people SET home_community = ?, birth_year = ? WHERE id = ?", (community or None, birth_year, pid))
            self.namesakes.setdefault((council_id, key), []).append([pid, sex, birth_year])
            self.people[code] = pid
            self.result.people_added.append(code)
        elif community:
            self.conn.execute("UPDATE people SET home_community = ? WHERE id = ? AND home_community IS NULL", (community, pid))
        if row_key:
            self.conn.execute("INSERT OR IGNORE INTO imported_rows VALUES (?, ?)", (row_key, pid))
        return pid

    def namesake(self, council_id: int, key: str, sex: str | None, birth_year: int | None) -> int | None:
        """The one active person of this council with these names, sex and age, if any."""
        if (council_id, key) not in self.namesakes:
            self.namesakes[(council_id, key)] = [list(r) for r in self.conn.execute(
                "SELECT id, sex, birth_year FROM people WHERE council_id = ? AND name_key = ? AND status = 'activa'", (council_id, key))]
        fits = [pid for pid, their_sex, their_year in self.namesakes[(council_id, key)]
                if not (sex and their_sex and sex != their_sex)
                and not (birth_year and their_year and abs(birth_year - their_year) > 1)]
        if len(fits) > 1:
            codes = [r[0] for r in self.conn.execute(f"SELECT code FROM people WHERE id IN ({','.join('?' * len(fits))})", fits)]
            raise RowError(f"hay {len(fits)} personas con esos nombres en la defensoría ({', '.join(sorted(codes))}); "
                           "escriba el código de la persona (o el sexo y la edad) para saber quién es")
        return fits[0] if fits else None

    def birth_year(self, values: list, workshop_id: int) -> int | None:
        text = self.cell(values, "edad")
        if text in ("", None):
            return None
        try:
            age = float(str(text).replace(",", ".").lower().removesuffix("años").strip())
        except ValueError:
            raise RowError(f"edad '{text}' no es un número de años") from None
        if not 5 <= age <= 110 or age != int(age):
            raise RowError(f"edad '{text}' no es posible (escriba los años cumplidos, por ejemplo 34)")
        if workshop_id not in self.workshop_years:
            self.workshop_years[workshop_id] = int(self.conn.execute("SELECT substr(date, 1, 4) FROM workshops WHERE id = ?",
                                                                     (workshop_id,)).fetchone()[0])
        return self.workshop_years[workshop_id] - int(age)

    def row(self, values: list) -> tuple[int, int, float] | None:
        if not any(self.cell(values, n) != "" for n in PERSON_FIELDS):
            self.result.blank += 1  # an unused line of a printed sheet
            return None
        # A file with an attendance column says who came row by row; one without it (a
        # field form filled in by each person present) is a list of attendees.
        present = parse_attendance_mark(self.cell(values, "asistio")) if "asistio" in self.index else True
        if present is None:
            raise Unmarked(UNMARKED_REASON)
        workshop_id, workshop_hours, workshop_council = self.workshop(values)
        if not present:
            self.person(values, workshop_id, workshop_council)  # a newcomer who missed it is still registered
            self.result.absent += 1
            return None
        hours_text = self.cell(values, "horas")
        if hours_text == "":
            hours = workshop_hours
        else:
            try:
                hours = float(hours_text)
            except (TypeError, ValueError):
                hours = parse_hours(hours_text)
            if not 0 <= hours <= workshop_hours + 1e-9:
                parse_hours(hours, maximum=workshop_hours)  # raises the Spanish reason
        person = self.person(values, workshop_id, workshop_council)
        return workshop_id, person, hours


def import_file(conn: sqlite3.Connection, path: Path, *, root: Path | None = None, encoding: str | None = None,
                all_or_nothing: bool = False, rejects_path: Path | None = None,
                progress: Callable[[int], None] | None = None, on_total: Callable[[int], None] | None = None) -> ImportResult:
    """Import one file in one transaction. See the module docstring for the rules."""
    path = Path(path)
    source = read_rows(path, encoding)
    index, ignored = map_headers(source.headers, path)
    if on_total and source.total:
        on_total(source.total)
    result = ImportResult(ignored_columns=ignored)
    batch: list[tuple[int, int, float]] = []
    append = batch.append
    count = 0
    try:
        with transaction(conn):
            # Caches are read inside the write transaction: another import that finished a
            # moment ago is seen whole (codes and people it added), never half.
            importer = _Importer(conn, index, root, result)
            # The common row (known person code, known workshop code, present, hours) is taken inline
            # with dictionary look-ups; anything else goes through importer.row() and its checks.
            people, workshops, yes = importer.person_by_raw, importer.workshop_by_raw, QUICK_YES
            i_code, i_workshop, i_present, i_hours = importer.i_code, importer.i_workshop, importer.i_present, importer.i_hours
            for count, (line, values) in enumerate(source.rows, start=1):
                if progress is not None and not count % PROGRESS_STEP:
                    progress(PROGRESS_STEP)
                try:
                    person = people.get(values[i_code])
                    workshop = workshops.get((values[i_workshop],))
                    hours = values[i_hours] if i_hours is not None else ""
                    if (person is not None and workshop is not None and (i_present is None or values[i_present] in yes)
                            and (hours == "" or 0 <= (hours := float(hours)) <= workshop[1])):
                        append((workshop[0], person, workshop[1] if hours == "" else hours))
                        continue
                except (IndexError, TypeError, ValueError):
                    pass
                added = len(result.people_added), len(result.workshops_added)
                conn.execute("SAVEPOINT fila")
                try:
                    taken = importer.row(values)
                except (RowError, ValueError, DefensoriaError) as error:
                    conn.execute("RELEASE fila")
                    if isinstance(error, Unmarked):
                        result.unmarked.append(line)
                    result.rejects.append((line, getattr(error, "message", None) or str(error), values))
                    continue
                except (TypeError, ArithmeticError, LookupError, sqlite3.IntegrityError) as error:
                    # Not foreseen by the checks above: the row is undone and refused, the import goes on
                    conn.execute("ROLLBACK TO fila")
                    conn.execute("RELEASE fila")
                    del result.people_added[added[0]:], result.workshops_added[added[1]:]
                    importer.load()
                    result.rejects.append((line, f"la fila tiene un valor que no se puede leer ({error})", values))
                    continue
                conn.execute("RELEASE fila")
                if taken:
                    append(taken)
            result.rows = count
            if result.rejects and all_or_nothing:
                raise _Refused()
            result.attendance_added = add_attendance(conn, batch)
            result.attendance_already = len(batch) - result.attendance_added
    except _Refused:
        # Rolled back: nothing of this file is in the database
        result.refused = True
        result.people_added, result.workshops_added, result.absent = [], [], 0
    if progress:
        progress(count % PROGRESS_STEP)
    return _finish(conn, result, source, path, rejects_path)


class _Refused(Exception):
    """Rolls the transaction back when the whole file is refused."""


def _finish(conn, result: ImportResult, source, path: Path, rejects_path: Path | None) -> ImportResult:
    if result.rejects:
        result.rejects_path = write_rejects(rejects_path or path.with_name(f"{path.stem}.rechazos.csv"), source.headers, result.rejects,
                                            source.delimiter or ";")
    if result.people_added and not result.refused:
        new_ids = [conn.execute("SELECT id FROM people WHERE code = ?", (c,)).fetchone()[0] for c in result.people_added]
        result.duplicates = possible_duplicates(conn, new_ids)
    return result


def write_rejects(target: Path, headers: list[str], rejects: list[tuple[int, str, list]], delimiter: str = ";") -> Path:
    """The rejected rows with line and reason, in the file's own delimiter (owner-only:
    rejects hold personal data)."""
    rows = ([line, reason, *(v if isinstance(v, str) else str(v) for v in values)] for line, reason, values in rejects)
    return outputs.write_csv(target, ["linea", "motivo", *headers], rows, delimiter)
