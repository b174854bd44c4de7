"""`defensoria registro …`: thin commands over the tracker library (help in Spanish).

Each command opens the database, calls one library function and prints the result.
"""

from pathlib import Path

import click
from rich.table import Table

from defensoria.catalog import parse_module_list
from defensoria.errors import DefensoriaError
from defensoria.registro import cli_outputs, cli_people  # noqa: F401  (their commands join the group)
from defensoria.registro import model
from defensoria.registro.cli_base import console, date_option, db_options, opened, progress_bar, registro
from defensoria.registro.importer import import_file
from defensoria.registro.signin import build_sheet, write_sheet


@registro.command(name="defensoria")
@db_options
@click.argument("nombre", required=False)
@click.option("--comunidad", help="Comunidad de la defensoría.")
@click.option("--distrito", help="Distrito.")
@click.option("--provincia", default="Cusco", show_default=True, help="Provincia.")
def council(base, raiz, nombre, comunidad, distrito, provincia):
    """Registra una defensoría comunitaria, o lista las registradas (sin NOMBRE).

    \b
    Ejemplo:
        defensoria registro defensoria "Defensoría de Ccorca" --comunidad Ccorca --distrito Ccorca
        defensoria registro defensoria
    """
    with opened(base, raiz) as (conn, _):
        if nombre:
            if not comunidad or not distrito:
                raise DefensoriaError("indique --comunidad y --distrito de la defensoría.")
            model.add_council(conn, nombre, comunidad, distrito, provincia)
            console.print(f"✅ Defensoría registrada: {nombre}.")
            return
        table = Table(title="Defensorías")
        for column in ("Defensoría", "Comunidad", "Distrito", "Provincia", "Personas activas"):
            table.add_column(column)
        for row in conn.execute("SELECT c.*, (SELECT COUNT(*) FROM people p WHERE p.council_id = c.id AND p.status = 'activa') n"
                                " FROM councils c ORDER BY name"):
            table.add_row(row["name"], row["community"], row["district"], row["province"], str(row["n"]))
        console.print(table)


@registro.command(name="taller")
@db_options
@click.option("--fecha", help="Fecha del taller (dd/mm/aaaa).")
@click.option("--lugar", help="Lugar del taller.")
@click.option("--modulos", help="Módulos del taller, por ejemplo m01,m02.")
@click.option("--horas", type=float, help="Duración en horas (por defecto, la suma de las horas de sus módulos).")
@click.option("--formadores", default="", help="Formadoras o formadores.")
@click.option("--defensoria", "council_name", help="Defensoría que organiza el taller.")
def workshop(base, raiz, fecha, lugar, modulos, horas, formadores, council_name):
    """Registra un taller y muestra su código, o lista los talleres (sin opciones).

    \b
    Ejemplo:
        defensoria registro taller --fecha 14/03/2026 --lugar "Local comunal" --modulos m01,m02 --defensoria "Defensoría de Ccorca"
        defensoria registro taller
    """
    with opened(base, raiz) as (conn, root):
        if fecha or lugar or modulos:
            if not (fecha and lugar and modulos):
                raise DefensoriaError("para registrar un taller indique --fecha, --lugar y --modulos.")
            codes = [m.modulo for m in parse_module_list(modulos, root)]
            code = model.add_workshop(conn, on=date_option(fecha), place=lugar, modules=codes, hours=horas,
                                      trainers=formadores, council=council_name, root=root)
            console.print(f"✅ Taller registrado: {code}. Hoja de asistencia: defensoria registro plantilla --taller {code} --defensoria …")
            return
        table = Table(title="Talleres")
        for column in ("Código", "Fecha", "Lugar", "Módulos", "Horas", "Asistentes"):
            table.add_column(column)
        for row in conn.execute("SELECT w.*, (SELECT group_concat(module, ', ') FROM workshop_modules m WHERE m.workshop_id = w.id) mods,"
                                " (SELECT COUNT(*) FROM attendance a WHERE a.workshop_id = w.id) n FROM workshops w ORDER BY date, code"):
            table.add_row(row["code"], row["date"], row["place"], row["mods"], f"{row['hours']:g}", str(row["n"]))
        console.print(table)


@registro.command(name="plantilla")
@db_options
@click.option("--defensoria", "council_name", required=True, help="Defensoría cuyas personas se imprimen en la hoja.")
@click.option("--taller", "workshop_code", help="Código de un taller ya registrado (T-2026-0001).")
@click.option("--fecha", help="Fecha del taller, si aún no está registrado.")
@click.option("--lugar", default="", help="Lugar del taller.")
@click.option("--modulos", help="Módulos del taller, por ejemplo m01,m02.")
@click.option("--horas", type=float, help="Duración del taller en horas.")
@click.option("--formadores", default="", help="Formadoras o formadores.")
@click.option("--filas", default=12, show_default=True, type=click.IntRange(0, 200), help="Filas en blanco para personas nuevas.")
@click.option("--salida", type=click.Path(file_okay=False, path_type=Path), default=None, help="Carpeta de salida (por defecto salida/registro/).")
@click.option("--formato", default="pdf,html,csv,xlsx", show_default=True, help="Formatos separados por comas.")
def signin_sheet(base, raiz, council_name, workshop_code, fecha, lugar, modulos, horas, formadores, filas, salida, formato):
    """Crea la hoja de asistencia de un taller: PDF/HTML para imprimir y CSV/XLSX para digitarla.

    La hoja trae los códigos y nombres de la defensoría, filas en blanco para personas nuevas y
    una columna para la firma o huella. El CSV/XLSX se vuelve a cargar con 'importar'.

    Marque la columna ¿Asistió? con sí, si, x, 1 o ✓ (vino) o con no, 0 (no vino): una
    fila sin marcar no cuenta como asistencia (al importar se avisa «sin marcar»).

    \b
    Ejemplo:
        defensoria registro plantilla --defensoria "Defensoría de Ccorca" --taller T-2026-0001
        defensoria registro plantilla --defensoria "Defensoría de Ccorca" --fecha 14/03/2026 --modulos m01,m02 --lugar "Local comunal"
    """
    formats = [f.strip().lower() for f in formato.split(",") if f.strip()]
    if bad := [f for f in formats if f not in {"pdf", "html", "csv", "xlsx"}]:
        raise click.BadParameter(f"formato desconocido: {', '.join(bad)}. Use pdf, html, csv, xlsx.", param_hint="--formato")
    with opened(base, raiz) as (conn, root):
        modules = parse_module_list(modulos, root) if modulos else None
        sheet = build_sheet(conn, council_name, workshop=workshop_code, on=date_option(fecha) or "", place=lugar,
                            modules=modules, hours=horas, trainers=formadores, blank_rows=filas)
        written = write_sheet(sheet, salida or root / "salida" / "registro", formats)
    for path in written:
        console.print(f"✅ {path}")
    console.print("Aviso: la hoja tiene datos personales; no la publique.")


@registro.command(name="importar")
@db_options
@click.argument("archivos", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--todo-o-nada", is_flag=True, help="Si alguna fila tiene error, no se carga nada del archivo (por defecto se cargan las filas buenas).")
@click.option("--rechazos", type=click.Path(dir_okay=False, path_type=Path), help="Dónde escribir las filas rechazadas (por defecto ARCHIVO.rechazos.csv).")
@click.option("--codificacion", help="Codificación del CSV si no es UTF-8 ni Windows-1252, por ejemplo latin-1.")
def import_attendance(base, raiz, archivos, todo_o_nada, rechazos, codificacion):
    """Carga hojas de asistencia (CSV o XLSX, también exportaciones de KoboToolbox u ODK).

    Acepta UTF-8 (con o sin BOM) y Windows-1252, separador ',' o ';', fechas dd/mm/aaaa o
    AAAA-MM-DD. Los encabezados se reconocen sin importar mayúsculas ni tildes. Cargar el
    mismo archivo dos veces no agrega nada. Las filas con error van a un archivo de
    rechazos con su número de línea y el motivo, y la orden termina con ⚠ y código 1.

    La columna ¿Asistió? acepta sí, si, x, 1 o ✓ (vino) y no o 0 (no vino). Una fila
    con la casilla vacía NO es una asistencia: se avisa «sin marcar» con su línea.

    \b
    Ejemplo:
        defensoria registro importar asistencia-T-2026-0001.xlsx
        defensoria registro importar kobo.csv --todo-o-nada
    """
    failed = False
    with opened(base, raiz) as (conn, root):
        for path in archivos:
            with progress_bar() as bar:
                task = bar.add_task(f"Cargando {path.name}", total=None)
                result = import_file(conn, path, root=root, encoding=codificacion, all_or_nothing=todo_o_nada,
                                     rejects_path=rechazos, progress=lambda n: bar.advance(task, n),
                                     on_total=lambda n: bar.update(task, total=n))
            _print_import(path, result)
            failed = failed or result.refused or bool(result.rejects)
    if failed:
        raise SystemExit(1)


def _print_import(path: Path, result) -> None:
    if result.refused:
        console.print(f"[red]Error[/red]: {path}: no se cargó nada porque {len(result.rejects)} fila(s) tienen errores (--todo-o-nada).")
    else:
        mark = "⚠" if result.rejects else "✅"
        console.print(f"{mark} {path}: {result.rows} fila(s) leídas; {result.attendance_added} asistencia(s) nuevas, "
                      f"{result.attendance_already} ya estaban; {len(result.people_added)} persona(s) nuevas; "
                      f"{len(result.workshops_added)} taller(es) nuevos; {result.absent} ausente(s); "
                      f"{len(result.rejects)} fila(s) rechazadas.")
        if result.people_added:
            console.print(f"   Códigos nuevos: {', '.join(result.people_added)} (entréguelos a cada persona).")
    if result.unmarked:
        lines = ", ".join(str(n) for n in result.unmarked[:20]) + (" …" if len(result.unmarked) > 20 else "")
        console.print(f"   [yellow]⚠ {len(result.unmarked)} fila(s) sin marcar[/yellow] en ¿Asistió? (líneas {lines}): "
                      "no se contaron como asistencia. Escriba sí o no y vuelva a importar.")
    others = [r for r in result.rejects if r[0] not in set(result.unmarked)]
    for line, reason, _ in others[:10]:
        console.print(f"   [yellow]Línea {line}[/yellow]: {reason}")
    if len(others) > 10:
        console.print(f"   … y {len(others) - 10} más.")
    if result.rejects_path:
        console.print(f"   Filas rechazadas en {result.rejects_path}")
    for a, b in result.duplicates:
        console.print(f"   [yellow]Posible duplicado[/yellow]: {a['code']} y {b['code']} ({a['given_names']} {a['surnames']}, {a['community']}). "
                      f"Revise y use 'fusionar' o 'duplicados --no-son'.")
    if result.ignored_columns:
        console.print(f"   Columnas no usadas: {', '.join(result.ignored_columns)}")
