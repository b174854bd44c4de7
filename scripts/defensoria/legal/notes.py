"""Citation notes: a citation opens the literal text of its article, without JavaScript.

The citation extension links `[[Ley 30364, art. 15]]` to the Normas page. This
treeprocessor turns each link to an article into a link to a note at the end of the same
page, and writes one note per cited article: its title, its literal text as read (or its
summary, marked pending, while the text is unverified), a link to the Normas page and one
to the official source. Nothing is fetched; the page works offline and in Kiwix.

On screen CSS shows the targeted note (`:target`) as a small sheet over the text, with a
close link; without CSS, and in print, the notes are footnotes at the end of the page.

Example (pagina "modulos/m04-la-denuncia.md"):

    <a class="cita" href="../normas.md#cp-art-122-b">CP, art. 122-B</a>
    → <a class="cita" href="#nota-cp-art-122-b">CP, art. 122-B</a>
      …
      <section class="citas-notas"> <aside class="cita-nota" id="nota-cp-art-122-b"> …
"""

import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

from markdown.treeprocessors import Treeprocessor

from defensoria.legal.norms import Article, Norm, Norms, anchor

NOTE_PREFIX = "nota-"
# A fragment no element has: following it clears :target without scrolling the page
CLOSE_FRAGMENT = "#cerrar-nota"
LABELS = {
    "es": {
        "titulo": "Textos de la ley citados en esta página",
        "literal": "Texto del artículo",
        "pendiente": "Texto literal pendiente de verificación. Resumen:",
        "normas": "Ver en Normas",
        "oficial": "Fuente oficial",
        "cerrar": "Cerrar",
        "parte": "parte",
    },
    "qu": {
        "titulo": "Willasqa kamachiykuna",
        "literal": "Artículoq qillqan (kastilla simipi)",
        "pendiente": "Manaraq chiqaqchasqa.",
        "normas": "Kamachiykuna",
        "oficial": "Maymanta hurqusqa",
        "cerrar": "Wisq'ay",
        "parte": "",
    },
}


def _index(norms: Norms) -> dict[str, tuple[str, str, Norm, Article]]:
    """Normas-page anchor → (code, number, norm, article), for every article."""
    return {anchor(code, number, norm.unidad): (code, number, norm, article)
            for code, norm in norms.items() for number, article in norm.articulos.items()}


def _note(code: str, number: str, norm: Norm, article: Article, href: str, language: str) -> etree.Element:
    labels = LABELS[language]
    note = etree.Element("aside", {"class": "cita-nota", "id": NOTE_PREFIX + anchor(code, number, norm.unidad)})
    close = etree.SubElement(note, "a", {"class": "cita-cerrar", "href": CLOSE_FRAGMENT})
    close.text = labels["cerrar"]
    head = etree.SubElement(note, "p", {"class": "cita-nota-titulo"})
    strong = etree.SubElement(head, "strong")
    strong.text = f"{code}, {norm.unidad} {number}"
    title = article.qu.titulo if language == "qu" and article.qu and article.qu.titulo else article.titulo
    strong.tail = f". {title}"
    if article.verificado and article.texto:
        box = etree.SubElement(note, "div", {"class": "norma-texto", "lang": "es"})
        caption = etree.SubElement(box, "p", {"class": "norma-texto-titulo"})
        caption.text = labels["literal"]
        if article.parte:
            caption.text += f" ({labels['parte'] + ': ' if labels['parte'] else ''}{article.parte})"
        for paragraph in article.texto.split("\n\n"):
            if paragraph.strip():
                etree.SubElement(box, "p").text = paragraph.strip()
    else:
        pending = etree.SubElement(note, "p", {"class": "cita-pendiente"})
        pending.text = labels["pendiente"]
        summary = etree.SubElement(note, "p")
        if language == "qu" and article.qu:
            summary.text = article.qu.resumen
        else:
            summary.text = article.resumen
            if language != "es":
                summary.set("lang", "es")
    links = etree.SubElement(note, "p", {"class": "cita-nota-enlaces"})
    to_norms = etree.SubElement(links, "a", {"href": href})
    to_norms.text = labels["normas"]
    official = norm.fuente
    if urlsplit(official).scheme in ("http", "https"):
        to_norms.tail = " · "
        link = etree.SubElement(links, "a", {"href": official, "rel": "noopener noreferrer"})
        link.text = f"{labels['oficial']} ({urlsplit(official).netloc})"
    return note


class CitationNotesTreeprocessor(Treeprocessor):
    """Point article citations at notes on the same page and append those notes."""

    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        norms = self.extension.norms()
        if not norms or not self.extension.getConfig("notas"):
            return
        index = _index(norms)
        language = self.extension.language()
        notes: dict[str, etree.Element] = {}
        for link in root.iter("a"):
            if "cita" not in (link.get("class") or "").split():
                continue
            href = link.get("href", "")
            target = href.rpartition("#")[2]
            if target not in index:
                continue  # a whole norm: the Normas page is its note
            if target not in notes:
                notes[target] = _note(*index[target], href, language)
            link.set("href", f"#{NOTE_PREFIX}{target}")
        if notes:
            # Not in the search index: the same article text would be indexed once per page
            section = etree.SubElement(root, "section", {"class": "citas-notas", "data-search-exclude": ""})
            heading = etree.SubElement(section, "p", {"class": "citas-notas-titulo"})
            heading.text = LABELS[language]["titulo"]
            section.extend(notes.values())
