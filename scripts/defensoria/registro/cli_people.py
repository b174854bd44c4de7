"""`persona`, `duplicados`, `fusionar`, `archivar`: commands about one person."""

from pathlib import Path

import click
from rich.table import Table

from defensoria.registro import model
from defensoria.registro.cli_base import confirm, console, db_options, opened, registro
from defensoria.registro.progress import person_progress
from defensoria.registro.rules import load_rules
from defensoria.registro.values import parse_yes_no

rules_option = click.option("--reglas", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                            help="Archivo de reglas de avance (por defecto el del proyecto).")


def yes_no(ctx, param, value: str | None) -> bool | None:
    if value is None:
        return None
    try:
        return parse_yes_no(value)
    except ValueError:
        raise click.BadParameter(f"'{value}': escriba si o no.") from None


@registro.command(name="persona")
@db_options
@rules_option
@click.argument("codigo")
@click.option("--contacto", callback=yes_no, metavar="si|no", help="Cambia si la persona acepta que la contacten (a su pedido).")
@click.option("--nombres", metavar="TEXTO", help="Corrige los nombres.")
@click.option("--apellidos", metavar="TEXTO", help="Corrige los apellidos.")
def person(base, raiz, reglas, codigo, contacto, nombres, apellidos):
    """Muestra una persona: datos, talleres, cuestionarios, avance por módulo y certificados.

    Con --contacto, --nombres o --apellidos guarda antes el cambio que la persona pidió
    (todo o nada). Una persona archivada ya no tiene datos que cambiar.

    \b
    Ejemplo:
        defensoria registro persona P-00012-5
        defensoria registro persona P-00012-5 --contacto no
        defensoria registro persona P-00012-5 --nombres "Rosa Ñusta" --apellidos "Quispe Huamán"
    """
    with opened(base, raiz, create=False) as (conn, root):
        row = model.get_person(conn, codigo)
        if row["code"] != codigo.strip().upper():
            console.print(f"El código {codigo} se fusionó con {row['code']}.")
        if contacto is not None or nombres is not None or apellidos is not None:
            row, changes = model.update_person(conn, row["code"], may_contact=contacto, given_names=nombres, surnames=apellidos)
            _print_changes(conn, row, changes)
        council = conn.execute("SELECT name FROM councils WHERE id = ?", (row["council_id"],)).fetchone()
        names = " ".join(p for p in (row["given_names"], row["surnames"]) if p) or "(archivada: sin nombres)"
        console.print(f"[bold]{row['code']}[/bold] · {names} · sexo {row['sex'] or '—'} · {council[0] if council else 'sin defensoría'}")
        console.print(f"Idiomas: {row['languages'] or '—'} · acepta contacto: {'sí' if row['may_contact'] else 'no'} · estado: {row['status']}")
        progress, programme_done = person_progress(conn, row["id"], load_rules(reglas), root)
        table = Table(title="Avance por módulo")
        for column in ("Módulo", "Horas asistidas", "Horas pedidas", "Mejor nota", "Completo"):
            table.add_column(column)
        for item in progress:
            score = f"{item.best_score:g} %" if item.best_score is not None else "—"
            table.add_row(f"{item.module} {item.title}", f"{item.hours:g}", f"{item.hours_required:g}", score, "sí" if item.complete else "no")
        console.print(table)
        console.print(f"Programa básico: {'completo ✅' if programme_done else 'en curso'}")
        for w in conn.execute("SELECT w.code, w.date, w.place, a.hours FROM attendance a JOIN workshops w ON w.id = a.workshop_id"
                              " WHERE a.person_id = ? ORDER BY w.date", (row["id"],)):
            console.print(f"  Taller {w['code']} · {w['date']} · {w['place']} · {w['hours']:g} h")
        for c in conn.execute("SELECT * FROM certificates WHERE person_id = ?", (row["id"],)):
            revoked = f" (anulado el {c['revoked_on'] or '—'}: {c['revoked_reason'] or 'sin motivo anotado'})" if c["revoked"] else ""
            console.print(f"  Certificado {c['kind']} {c['subject']} · {c['issued_on']} · {c['verification_code']}{revoked}")


FIELDS = {"may_contact": "acepta contacto", "given_names": "nombres", "surnames": "apellidos"}


def _print_changes(conn, row, changes: dict) -> None:
    if not changes:
        console.print("Sin cambios: los datos ya eran esos.")
        return
    shown = lambda value: ("sí" if value else "no") if isinstance(value, int) else (value or "—")  # noqa: E731
    for field, (before, after) in changes.items():
        console.print(f"✅ {FIELDS[field]}: {shown(before)} → {shown(after)}")
    if {"given_names", "surnames"} & set(changes):
        if conn.execute("SELECT 1 FROM certificates WHERE person_id = ? AND revoked = 0", (row["id"],)).fetchone():
            console.print("   Tiene certificados: vuelva a crearlos con 'certificados' para imprimir el nombre corregido (el código no cambia).")
        for a, b in model.possible_duplicates(conn, [row["id"]]):
            console.print(f"   [yellow]Posible duplicado[/yellow]: {a['code']} y {b['code']}. Revise y use 'fusionar' o 'duplicados --no-son'.")


@registro.command(name="duplicados")
@db_options
@click.option("--no-son", nargs=2, metavar="CODIGO CODIGO", help="Marca dos códigos como personas distintas ya revisadas.")
def duplicates(base, raiz, no_son):
    """Lista posibles duplicados (mismos nombres en la misma comunidad) para revisarlos.

    Nada se fusiona solo: después de revisar, use 'fusionar' o marque que no son la misma persona.

    \b
    Ejemplo:
        defensoria registro duplicados
        defensoria registro duplicados --no-son P-00012-5 P-00031-2
    """
    with opened(base, raiz) as (conn, _):
        if no_son:
            model.mark_not_duplicates(conn, *no_son)
            console.print(f"✅ Anotado: {no_son[0]} y {no_son[1]} son personas distintas.")
            return
        pairs = model.possible_duplicates(conn)
        if not pairs:
            console.print("✅ No hay posibles duplicados por revisar.")
            return
        for a, b in pairs:
            console.print(f"{a['code']} y {b['code']}: {a['given_names']} {a['surnames']} ({a['community']}); "
                          f"sexo {a['sex'] or '—'} / {b['sex'] or '—'}")


@registro.command(name="fusionar")
@db_options
@click.argument("conservar")
@click.argument("quitar")
@click.option("--si", "yes", is_flag=True, help="No preguntar antes de fusionar.")
def merge(base, raiz, conservar, quitar, yes):
    """Fusiona dos códigos de la misma persona: todo pasa a CONSERVAR y QUITAR apunta a él.

    \b
    Ejemplo:
        defensoria registro fusionar P-00012-5 P-00031-2
    """
    with opened(base, raiz, create=False) as (conn, _):
        keep, drop = model.get_person(conn, conservar), model.get_person(conn, quitar)
        confirm(yes, f"¿Fusionar {drop['code']} ({drop['given_names']} {drop['surnames']}) dentro de {keep['code']} ({keep['given_names']} {keep['surnames']})?")
        moved = model.merge_people(conn, conservar, quitar)
    console.print(f"✅ {quitar} fusionado en {conservar}: {moved['asistencias']} asistencia(s) y {moved['cuestionarios']} resultado(s) movidos.")


@registro.command(name="archivar")
@db_options
@click.argument("codigo")
@click.option("--si", "yes", is_flag=True, help="No preguntar antes de archivar.")
def archive(base, raiz, codigo, yes):
    """Reduce a una persona a su código, cuando lo pide: borra nombres, sexo, idiomas y contacto.

    Se conservan el código, la defensoría y las asistencias, para que las cifras sigan cuadrando.

    \b
    Ejemplo:
        defensoria registro archivar P-00012-5
    """
    with opened(base, raiz, create=False) as (conn, _):
        confirm(yes, f"¿Borrar los datos personales de {codigo}? No se puede deshacer.")
        code = model.archive_person(conn, codigo)
    console.print(f"✅ {code} archivada: solo queda el código.")
