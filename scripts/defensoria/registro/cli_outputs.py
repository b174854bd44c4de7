"""`reporte`, `certificados`, `verificar`, `respaldo`, `restaurar`: what the tracker produces."""

from pathlib import Path

import click

from defensoria.address import is_placeholder, placeholder_notice
from defensoria.registro import certificates as certs
from defensoria.registro import db
from defensoria.cli_options import project_root
from defensoria.registro.cli_base import confirm, console, date_option, db_options, opened, progress_bar, registro
from defensoria.registro.cli_people import rules_option
from defensoria.registro.report_files import FORMATS, write_report
from defensoria.registro.reports import DIMENSIONS, PERIODS, build_report
from defensoria.registro.rules import load_rules


@registro.command(name="reporte")
@db_options
@rules_option
@click.option("--por", "dimension", type=click.Choice(list(DIMENSIONS)), default="defensoria", show_default=True, help="Cómo agrupar.")
@click.option("--periodo", type=click.Choice(list(PERIODS)), default="mes", show_default=True, help="Tamaño del periodo con --por periodo.")
@click.option("--desde", help="Solo talleres desde esta fecha (dd/mm/aaaa).")
@click.option("--hasta", help="Solo talleres hasta esta fecha (dd/mm/aaaa).")
@click.option("--defensoria", "council_name", help="Solo personas de esta defensoría.")
@click.option("--programa", help="Programa cuyo avance se cuenta (por defecto el primero de las reglas).")
@click.option("--publico", is_flag=True,
              help="Versión para publicar: las cantidades de 1 a 4 personas (y las de un grupo de menos de 5) se muestran "
                   "como «<5»; las horas y los % de un grupo pequeño, y las cifras que permitirían calcular una oculta restando "
                   "de un total, se reservan con «—» (supresión complementaria), explicado en una nota.")
@click.option("--salida", type=click.Path(dir_okay=False, path_type=Path), multiple=True,
              help="Archivo .html, .pdf, .csv o .xlsx (puede repetirse). Sin --salida se muestra en pantalla.")
def report(base, raiz, reglas, dimension, periodo, desde, hasta, council_name, programa, publico, salida):
    """Reporte para la municipalidad: personas capacitadas, horas y avance por grupo.

    \b
    Ejemplo:
        defensoria registro reporte --por distrito --desde 01/01/2026 --hasta 31/12/2026 --publico --salida reporte.html --salida reporte.xlsx
        defensoria registro reporte --por modulo
    """
    for path in salida:
        if path.suffix.lower().lstrip(".") not in FORMATS:
            raise click.BadParameter(f"'{path}': use la extensión .html, .pdf, .csv o .xlsx.", param_hint="--salida")
    # A mistyped --base must not create an empty database and print zeros
    with opened(base, raiz, create=False) as (conn, root):
        result = build_report(conn, load_rules(reglas), dimension, period=periodo, since=date_option(desde), until=date_option(hasta),
                              council=council_name, programme=programa, root=root)
    result.public = publico
    if result.missing_modules:
        console.print(f"[yellow]Aviso[/yellow]: el catálogo aún no tiene {', '.join(result.missing_modules)}; nadie puede completar el programa.")
    if not salida:
        from rich.table import Table

        from defensoria.registro.report_files import shown_rows
        from defensoria.registro.reports import COLUMNS

        rows, total = shown_rows(result)
        table = Table(title=f"Capacitaciones por {result.label.lower()}")
        for key, label in COLUMNS:
            table.add_column(label or result.label, justify="left" if key == "grupo" else "right")
        for row in [*rows, total]:
            table.add_row(*(str(row[key]) for key, _ in COLUMNS))
        console.print(table)
        return
    for path in salida:
        console.print(f"✅ {write_report(result, path)}")


@registro.command(name="certificados")
@db_options
@rules_option
@click.option("--programa", help="Certificar un programa completo (por ejemplo basico).")
@click.option("--modulo", help="Certificar un módulo (por ejemplo m04).")
@click.option("--defensoria", "council_name", help="Solo personas de esta defensoría.")
@click.option("--salida", type=click.Path(file_okay=False, path_type=Path), help="Carpeta de los PDF (por defecto salida/registro/certificados/).")
@click.option("--publicar", type=click.Path(dir_okay=False, path_type=Path),
              help="Archivo de huellas para la página de verificación (por defecto docs/_datos/certificados.json).")
@click.option("--url", "base_url", help="Dirección del sitio para el QR (por defecto site_url de mkdocs.yml).")
def certificates(base, raiz, reglas, programa, modulo, council_name, salida, publicar, base_url):
    """Crea certificados en PDF (castellano y quechua) con código de verificación y QR.

    Solo para quienes completaron según las reglas de avance. Volver a correrlo no cambia
    los códigos ya entregados. El sitio recibe solo huellas (hash) de los códigos, sin nombres.

    \b
    Ejemplo:
        defensoria registro certificados --programa basico
        defensoria registro certificados --modulo m04 --defensoria "Defensoría de Ccorca"
    """
    if bool(programa) == bool(modulo):
        raise click.UsageError("indique --programa o --modulo (uno de los dos).")
    with opened(base, raiz) as (conn, root):
        rules = load_rules(reglas)
        kind, subject = ("programa", programa) if programa else ("modulo", modulo)
        issued, new = certs.issue_certificates(conn, rules, kind, subject, council=council_name, root=root)
        url = base_url or certs.site_url(root)
        if base_url and not url.endswith("/"):
            url += "/"
        if is_placeholder(url):
            console.print(f"[yellow]Aviso:[/yellow] {placeholder_notice(url)}")
        with progress_bar() as bar:
            task = bar.add_task("Creando certificados", total=len(issued))
            written = certs.write_certificates(issued, salida or root / "salida" / "registro" / "certificados", url,
                                               progress=lambda n: bar.advance(task, n))
        target = publicar or root / certs.HASHES
        count = certs.publish_hashes(conn, target)
    console.print(f"✅ {len(written)} certificado(s) ({new} nuevos) en {written[0].parent if written else '—'}.")
    console.print(f"✅ {count} huella(s) de certificados válidos en {target} (sin nombres ni códigos de personas).")


@registro.command(name="verificar")
@db_options
@click.argument("codigo")
def verify(base, raiz, codigo):
    """Dice si un código de verificación corresponde a un certificado válido.

    \b
    Ejemplo:
        defensoria registro verificar 7KQ2-M9PX-4TRB
    """
    with opened(base, raiz, create=False) as (conn, _):
        row = certs.verify(conn, codigo)
        if row is None:
            revoked = certs.revoked_certificate(conn, codigo)
            if revoked is not None:
                console.print(f"[red]No válido[/red]: el certificado {revoked['verification_code']} fue anulado el "
                              f"{revoked['revoked_on'] or '—'}. Motivo: {revoked['revoked_reason'] or 'sin motivo anotado'}.")
            else:
                console.print(f"[red]No válido[/red]: ningún certificado vigente tiene el código {codigo}.")
            raise SystemExit(1)
        person = conn.execute("SELECT code FROM people WHERE id = ?", (row["person_id"],)).fetchone()
        console.print(f"✅ Válido: certificado de {row['kind']} {row['subject']}, emitido el {row['issued_on']}, persona {person[0]}.")


@registro.command(name="revocar")
@db_options
@click.argument("codigo")
@click.option("--motivo", required=True, metavar="TEXTO", help="Por qué se anula (queda guardado con la fecha).")
@click.option("--publicar", type=click.Path(dir_okay=False, path_type=Path),
              help="Archivo de huellas que se vuelve a escribir (por defecto docs/_datos/certificados.json).")
def revoke(base, raiz, codigo, motivo, publicar):
    """Anula un certificado por su código de verificación y lo quita de la página de verificación.

    El certificado queda en la base de datos, marcado como anulado con la fecha y el motivo.
    La lista de huellas del sitio se vuelve a escribir en el mismo paso; publique el sitio
    de nuevo (make site) para que la página de verificación deje de aceptarlo.

    \b
    Ejemplo:
        defensoria registro revocar 7KQ2-M9PX-4TRB --motivo "Emitido por error: no completó el módulo m04"
    """
    with opened(base, raiz, create=False) as (conn, root):
        target = publicar or root / certs.HASHES
        row, changed = certs.revoke_certificate(conn, codigo, motivo, target)
    what = f"certificado de {row['kind']} {row['subject']} de {row['person_code']} ({row['verification_code']})"
    if changed:
        console.print(f"✅ Anulado el {what}. Motivo: {row['revoked_reason']}.")
    else:
        console.print(f"[yellow]Aviso[/yellow]: el {what} ya estaba anulado desde el {row['revoked_on'] or '—'} "
                      f"(motivo: {row['revoked_reason'] or 'sin motivo anotado'}); no se cambió nada.")
    console.print(f"✅ Lista de certificados válidos actualizada en {target}. Publique el sitio para que la verificación lo rechace.")


@registro.command(name="respaldo")
@db_options
@click.argument("destino", required=False, type=click.Path(dir_okay=False, path_type=Path))
def backup(base, raiz, destino):
    """Hace una copia de respaldo consistente de la base de datos (aunque esté en uso).

    La copia se revisa, solo la puede leer su dueño (permisos 0600) y nunca reemplaza un
    archivo que ya existe. Para volver a ella: defensoria registro restaurar RESPALDO.

    \b
    Ejemplo:
        defensoria registro respaldo
        defensoria registro respaldo /media/usb/registro-2026-03.sqlite
    """
    with opened(base, raiz, create=False) as (conn, root):
        source = Path(conn.execute("PRAGMA database_list").fetchone()[2])
        target = db.backup(conn, destino or db.default_backup_path(source))
    console.print(f"✅ Copia de respaldo en {target}. Guárdela en un lugar seguro: tiene datos personales.")


@registro.command(name="restaurar")
@db_options
@click.argument("respaldo", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--si", "yes", is_flag=True, help="No preguntar antes de restaurar.")
def restore(base, raiz, respaldo, yes):
    """Vuelve la base de datos a un respaldo, exactamente como estaba al hacerlo.

    Primero revisa que el respaldo esté sano. La base actual no se borra: se guarda al lado
    (registro.antes-de-restaurar-FECHA.sqlite). Los cambios hechos después del respaldo
    no vuelven (tampoco los que quedaban en los archivos -wal y -shm).

    \b
    Ejemplo:
        defensoria registro restaurar data/respaldos/registro-20260314-180000.sqlite
    """
    root = project_root(raiz)
    target = base or db.default_path(root)
    counts = db.check_backup(respaldo)
    summary = ", ".join(f"{n} {label}" for key, label in (("people", "persona(s)"), ("workshops", "taller(es)"),
                                                           ("attendance", "asistencia(s)")) for n in [counts.get(key, 0)])
    confirm(yes, f"¿Reemplazar {target} por el respaldo {respaldo} ({summary})? La base actual se guarda al lado.")
    aside, counts = db.restore(respaldo, target)
    if aside:
        console.print(f"   La base anterior quedó en {aside} (tiene datos personales; bórrela cuando ya no la necesite).")
    console.print(f"✅ Base de datos {target} restaurada desde {respaldo}: {summary}.")
