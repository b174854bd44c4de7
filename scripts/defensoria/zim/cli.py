"""`defensoria zim`: the built site as a ZIM file for Kiwix (thin CLI over defensoria.zim)."""

from pathlib import Path

import click
from rich.console import Console

from defensoria import paths

console = Console(highlight=False, soft_wrap=True, emoji=False)


@click.command(name="zim", options_metavar="[OPCIONES]")
@click.option("--raiz", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="CARPETA",
              help="Carpeta del proyecto (la que tiene mkdocs.yml). Por defecto se busca desde la carpeta actual.")
@click.option("--sitio", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="CARPETA",
              help="Sitio ya construido con 'make site' (por defecto site/ en la carpeta del proyecto).")
@click.option("--salida", type=click.Path(file_okay=False, path_type=Path), default=Path("dist"), show_default=True,
              metavar="CARPETA", help="Carpeta donde se escribe el archivo .zim.")
def zim(raiz, sitio, salida):
    """Escribe el sitio construido como un archivo .zim para Kiwix (celular sin internet).

    El archivo se llama defensorias-cusco_es-qu_AAAA-MM.zim y lleva las dos lenguas, todas
    las páginas, las hojas para imprimir y un índice para buscar dentro de Kiwix.
    Construya antes el sitio con 'make site'.

    \b
    Ejemplo:
        make site
        defensoria zim --salida dist
    """
    from defensoria.zim.writer import write_zim

    root = raiz.resolve() if raiz else paths.find_root()
    site = sitio if sitio else root / "site"
    result = write_zim(site, salida)
    size = result.path.stat().st_size / 1024
    console.print(f"✅ {result.path}: {result.pages} páginas, {result.entries} archivos, {size:,.0f} KiB. "
                  "Ábralo con Kiwix en el celular o con 'kiwix-serve'.")
