"""The built site as one ZIM file for Kiwix, written with openZIM's libzim binding.

`write_zim(site, folder)` writes `defensorias-cusco_es-qu_AAAA-MM.zim` with a title index
and a full-text index, the Spanish home as main page, and the metadata of the openZIM
spec. The file is written beside its target and renamed only when complete.
"""

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from defensoria.errors import DefensoriaError
from defensoria.files import atomic_path
from defensoria.zim.edition import Entry, read_site, source_url

NAME = "defensorias-cusco_es-qu"
MAIN_PATH = "index.html"
# Made from docs/assets/images/favicon.svg with headless chromium at 48×48
ILLUSTRATION = Path(__file__).with_name("ilustracion-48.png")
METADATA = {
    "Name": NAME,
    "Title": "Defensorías Comunitarias Cusco",
    "Description": "Capacitación para defensoras y defensores comunitarios, en castellano y quechua",
    "LongDescription": (
        "Capacitación y saberes legales de las Defensorías Comunitarias de Cusco: módulos sobre "
        "la Ley 30364 y la violencia contra las mujeres y la familia, cuestionarios, glosario, "
        "directorio de servicios, normas, guías de taller y hojas para imprimir. En castellano "
        "y en quechua sureño (runasimi). Qusqupi Ayllu Defensoríakunapaq yachay, runasimipi."
    ),
    "Language": "spa,quz",
    "Creator": "Defensorías Comunitarias de Cusco",
    "Publisher": "Defensorías Comunitarias de Cusco",
    "Tags": "_category:other;_ftindex:yes;_pictures:yes;_videos:no;_details:yes;capacitación;derechos;quechua",
    "Flavour": "maxi",
}


@dataclass(frozen=True)
class ZimResult:
    path: Path
    entries: int
    pages: int


def zim_filename(day: date) -> str:
    return f"{NAME}_{day:%Y-%m}.zim"


def write_zim(site: Path, folder: Path, day: date | None = None) -> ZimResult:
    """Write the ZIM of the built `site` into `folder`; returns its path and counts."""
    from libzim.writer import Creator

    site = Path(site)
    day = day or date.today()
    if not (site / MAIN_PATH).is_file():
        raise DefensoriaError(f"{site} no tiene {MAIN_PATH}. Construya el sitio primero con 'make site'.")
    entries = read_site(site, day)
    target = Path(folder) / zim_filename(day)
    metadata = {**METADATA, "Date": f"{day:%Y-%m-%d}", "Source": source_url(site) or "Defensorías Comunitarias de Cusco"}
    with atomic_path(target) as partial:
        # libzim picks its language and stemmer from this; Quechua words are indexed as written
        creator = Creator(str(partial)).config_indexing(True, "spa").config_nbworkers(2)
        with _quiet_stdout(), creator:
            creator.set_mainpath(MAIN_PATH)
            creator.add_illustration(48, ILLUSTRATION.read_bytes())
            for key, value in metadata.items():
                creator.add_metadata(key, value)
            for entry in entries:
                creator.add_item(_item(entry))
    return ZimResult(target, len(entries), sum(entry.front for entry in entries))


@contextmanager
def _quiet_stdout():
    """libzim prints English progress lines on the process's stdout whatever its verbosity;
    the CLI speaks Spanish, so they go to /dev/null while the file is written."""
    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def _item(entry: Entry):
    """A libzim item for one entry (imported lazily: the rest of the CLI never needs libzim)."""
    from libzim.writer import Hint, IndexData, Item, StringProvider

    class PageIndex(IndexData):
        def has_indexdata(self):
            return True

        def get_title(self):
            return entry.title

        def get_content(self):
            return entry.text

        def get_keywords(self):
            return ""

        def get_wordcount(self):
            return len(entry.text.split())

    class SiteItem(Item):
        def get_path(self):
            return entry.path

        def get_title(self):
            return entry.title

        def get_mimetype(self):
            return entry.mimetype

        def get_contentprovider(self):
            return StringProvider(entry.content)

        def get_hints(self):
            return {Hint.FRONT_ARTICLE: entry.front}

        def get_indexdata(self):
            return PageIndex() if entry.front else None

    return SiteItem()
