"""`defensoria revision`: export what reviewers check, import their decisions, show status."""

from datetime import date
from pathlib import Path

import click
from rich.table import Table

from defensoria.cli_options import SpanishGroup, console, project_root, root_option


@click.group(name="revision", cls=SpanishGroup)
def revision():
    """Revisión por personas reales: la abogada revisa las afirmaciones legales y las
    defensoras quechuahablantes revisan las traducciones.

    \b
    Ejemplo:
        defensoria revision legal --salida revision/
        defensoria revision quechua --formato po --salida revision/
        defensoria revision importar revision/revision-legal.xlsx --revisor "Abogada del consejo"
        defensoria revision estado
    """


@revision.command(name="legal")
@root_option
@click.option("--salida", type=click.Path(file_okay=False, path_type=Path), required=True, metavar="CARPETA",
              help="Carpeta donde escribir revision-legal.xlsx y revision-legal.pdf.")
def legal(raiz, salida):
    """Escribe la hoja de cálculo y el PDF (A4) con cada afirmación legal para la abogada.

    \b
    Ejemplo:
        defensoria revision legal --salida revision/
    """
    from defensoria.revision.legal_export import export_legal

    result = export_legal(salida, project_root(raiz))
    console.print(f"{result.claims} afirmaciones legales:\n  {result.xlsx}\n  {result.pdf}")


@revision.command(name="quechua")
@root_option
@click.option("--formato", type=click.Choice(["po", "xliff", "pdf"]), default="po", show_default=True,
              help="po (Poedit, Weblate), xliff (herramientas de traducción) o pdf (papel, para leer en grupo).")
@click.option("--salida", type=click.Path(file_okay=False, path_type=Path), required=True, metavar="CARPETA",
              help="Carpeta donde escribir el archivo.")
@click.option("--pagina", default=None, metavar="RUTA",
              help="Solo esta página (por ejemplo modulos/m05-medidas-de-proteccion.qu.md) o archivo (quizzes/m05, glosario).")
def quechua(raiz, formato, salida, pagina):
    """Exporta los segmentos castellano→quechua para revisarlos.

    En PO, cada segmento sin revisar lleva la marca «fuzzy»: quien revisa la quita para
    aprobarlo, o corrige el texto en quechua.

    \b
    Ejemplo:
        defensoria revision quechua --formato po --salida revision/
        defensoria revision quechua --formato pdf --salida revision/ --pagina modulos/m05-medidas-de-proteccion.qu.md
    """
    from defensoria.revision.quechua_export import export_quechua

    result = export_quechua(salida, formato, project_root(raiz), pagina)
    console.print(f"{result.segments} segmentos ({result.reviewed} ya revisados): {result.path}")


@revision.command(name="importar")
@root_option
@click.argument("archivo", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--revisor", required=True, metavar="NOMBRE",
              help="Cómo quiere llamarse quien revisó (iniciales o «Defensora de Ccapi»); sin correo ni teléfono.")
@click.option("--fecha", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="AAAA-MM-DD",
              help="Fecha de la revisión (por defecto, hoy).")
def importar(raiz, archivo, revisor, fecha):
    """Registra las decisiones de una hoja (.xlsx), un PO, un XLIFF o un CSV de papel.

    Todo o nada: si el archivo tiene un problema, no se aplica ninguna decisión.

    \b
    Ejemplo:
        defensoria revision importar revision-legal.xlsx --revisor "Abogada del consejo" --fecha 2026-12-03
        defensoria revision importar revision-quechua.po --revisor "Defensora de Ccapi"
    """
    from defensoria.revision.importer import import_file

    result = import_file(archivo, revisor, fecha.date() if fecha else date.today(), project_root(raiz))
    parts = [f"{result.decisions} decisión(es) registrada(s)"]
    if result.edited:
        parts.append(f"{result.edited} traducción(es) corregida(s)")
    if result.withdrawn:
        parts.append(f"{result.withdrawn} revisión(es) retirada(s)")
    console.print(", ".join(parts) + ".")
    for path in result.files:
        console.print(f"  {path}")


@revision.command(name="estado")
@root_option
def estado(raiz):
    """Muestra por página cuántas afirmaciones y segmentos están revisados.

    \b
    Ejemplo:
        defensoria revision estado
    """
    from defensoria.revision.status import snapshot

    state = snapshot(project_root(raiz))
    table = Table(title="Estado de la revisión")
    table.add_column("Página o archivo", no_wrap=True)
    for column in ("Afirm. ok", "Corregir", "Segmentos revisados", "Desact."):
        table.add_column(column, no_wrap=True, min_width=len(column))
    rows = sorted(set(state.segments) | {f"módulo {code}" for code in state.claims})
    for name in rows:
        if name.startswith("módulo "):
            code = name.split(" ", 1)[1]
            legal = state.legal(code)
            table.add_row(name, f"{legal.ok}/{legal.total}", str(len(legal.to_fix)), "", str(legal.stale) if legal.stale else "")
        else:
            quechua = state.quechua(name)
            table.add_row(name, "", "", f"{quechua.reviewed}/{quechua.total} ({quechua.percent} %)", str(quechua.stale) if quechua.stale else "")
    console.print(table, width=max(console.width, 110))
