"""`plantilla`: the sign-in sheet of a workshop, to print (HTML/PDF) and to type in (CSV/XLSX).

The printed sheet lists the council's active people with their codes, then blank rows
for newcomers, an "¿Asistió?" column and a column to sign or leave a fingerprint. The
CSV/XLSX has the same rows and the column names `importar` reads, so what is typed goes
straight back in. Attendance is only what is marked: a listed row left blank in
"¿Asistió?" is reported "sin marcar", never counted as present.
"""

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from defensoria.registro.model import get_council, get_workshop
from defensoria.outputs import table_workbook, write_csv, write_xlsx
from defensoria.registro.outputs import TEMPLATES, render_html, write_pdf, write_text
from defensoria.registro.values import ATTENDANCE_NO_MARKS, ATTENDANCE_YES_MARKS

ATTENDED = "¿Asistió?"
COLUMNS = ["taller", "fecha", "lugar", "defensoria", "modulos", "horas_taller", "codigo", "apellidos", "nombres", "sexo", ATTENDED, "horas"]
MARKS_NOTE = (f"¿Asistió?: escriba {', '.join(ATTENDANCE_YES_MARKS)} si vino; {' u '.join(ATTENDANCE_NO_MARKS)} si no vino. "
              "Una fila sin marcar NO cuenta como asistencia: al importar se avisa «sin marcar» con su línea.")


@dataclass
class SignInSheet:
    council: dict
    workshop: dict
    rows: list[dict] = field(default_factory=list)


def build_sheet(conn: sqlite3.Connection, council: str, *, workshop: str | None = None, on: str = "", place: str = "",
                modules: list | None = None, hours: float | None = None, trainers: str = "", blank_rows: int = 12) -> SignInSheet:
    """The council's active people by surname, then `blank_rows` empty rows."""
    council_row = dict(get_council(conn, council))
    info = {"code": "", "fecha": on, "lugar": place, "modulos": "", "modulos_texto": "", "horas": hours or "", "formadores": trainers}
    if workshop:
        row = get_workshop(conn, workshop)
        codes = [r[0] for r in conn.execute("SELECT module FROM workshop_modules WHERE workshop_id = ? ORDER BY module", (row["id"],))]
        info.update(code=row["code"], fecha=row["date"], lugar=row["place"], horas=f"{row['hours']:g}", formadores=row["trainers"],
                    modulos=",".join(codes), modulos_texto=", ".join(codes))
    elif modules:
        info.update(modulos=",".join(m.modulo for m in modules), modulos_texto=", ".join(f"{m.modulo} {m.title}" for m in modules),
                    horas=f"{hours or sum(m.horas for m in modules):g}")
    if info["fecha"] and "-" in str(info["fecha"]):
        year, month, day = str(info["fecha"]).split("-")
        info["fecha"] = f"{day}/{month}/{year}"
    people = conn.execute(
        "SELECT code, surnames, given_names, sex FROM people WHERE council_id = ? AND status = 'activa'"
        " ORDER BY surnames COLLATE NOCASE, given_names COLLATE NOCASE", (council_row["id"],)).fetchall()
    rows = [{"codigo": p["code"], "apellidos": p["surnames"] or "", "nombres": p["given_names"] or "", "sexo": p["sex"] or ""} for p in people]
    rows += [{"codigo": "", "apellidos": "", "nombres": "", "sexo": ""} for _ in range(blank_rows)]
    return SignInSheet(council_row, info, rows)


def blank_sheet(rows: int = 20) -> SignInSheet:
    """A sheet with no council and no names, to print before anything is registered.

    It holds no personal data, so the site offers it; the trainer writes the council,
    the workshop and every person by hand, and the codes after the import.
    """
    council = {"id": 0, "name": "", "community": "", "district": ""}
    info = {"code": "", "fecha": "", "lugar": "", "modulos": "", "modulos_texto": "", "horas": "", "formadores": ""}
    return SignInSheet(council, info, [{"codigo": "", "apellidos": "", "nombres": "", "sexo": ""} for _ in range(rows)])


def table_rows(sheet: SignInSheet) -> list[list]:
    w = sheet.workshop
    return [[w["code"], w["fecha"], w["lugar"], sheet.council["name"], w["modulos"], w["horas"],
             r["codigo"], r["apellidos"], r["nombres"], r["sexo"], "", ""] for r in sheet.rows]


def write_sheet(sheet: SignInSheet, folder: Path, formats=("pdf", "html", "csv", "xlsx"), stem: str | None = None) -> list[Path]:
    """Files named after the workshop (or council, or `stem`) in `folder`; returns their paths."""
    stem = stem or "asistencia-" + (sheet.workshop["code"] or "defensoria-" + str(sheet.council["id"])).lower()
    folder = Path(folder)
    written = []
    html = render_html("hoja-asistencia.html", council=sheet.council, workshop=sheet.workshop, rows=sheet.rows,
                       marks_note=MARKS_NOTE, css=(TEMPLATES / "base.css").read_text(encoding="utf-8"))
    for fmt in formats:
        target = folder / f"{stem}.{fmt}"
        if fmt == "html":
            written.append(write_text(target, html))
        elif fmt == "pdf":
            written.append(write_pdf(target, html))
        elif fmt == "csv":
            written.append(write_csv(target, COLUMNS, table_rows(sheet)))
        elif fmt == "xlsx":
            book = table_workbook(COLUMNS, table_rows(sheet), title="Asistencia",
                                  widths=[13, 11, 24, 28, 12, 8, 12, 22, 22, 6, 10, 7],
                                  choices={COLUMNS.index(ATTENDED): ["sí", "no"]},
                                  notes=[MARKS_NOTE, "horas: deje vacío si asistió a todo el taller.",
                                         "Personas nuevas: deje el código vacío y escriba apellidos, nombres y sexo.",
                                         "Este archivo tiene datos personales: no lo publique."])
            written.append(write_xlsx(target, book))
    return written
