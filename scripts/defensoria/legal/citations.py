"""Citations of norms: `[[Ley 30364, art. 15]]` becomes a link to the Normas page.

A Python-Markdown extension shaped like `markdown.extensions.wikilinks`: one inline
pattern (the grammar of defensoria.content.citations); the norms data (docs/_datos/normas.yml) is its catalogue, like abbr's glossary.

Syntax:

    [[Ley 30364, art. 15]]       an article
    [[CP, art. 122-B]]           an article with a letter suffix
    [[AP 1-2009/CJ-116, fj. 13]] a fundamento jurídico of an acuerdo plenario
    [[D.S. 007-2023-MIMP]]       a whole norm

Config:

    catalogo       Norms already loaded (tests); else `archivo` is read. - Default: {}
    archivo        Path of normas.yml; "" finds docs/_datos/normas.yml. - Default: ""
    pagina         Source path of the page being rendered, e.g. "modulos/m04-x.qu.md";
                   sets the relative link (and the language when `idioma` is empty). - Default: ""
    idioma         Language of that page ('es', 'qu'): tooltips, diagrams. The site
                   plugin sets it from the page's context. - Default: ""
    pagina_normas  Source path of the Normas page. - Default: "normas.md"
    build_url      Callable (anchor, pagina, pagina_normas) → URL. - Default: build_url
    html_class     CSS class of the link. - Default: "cita"
    notas          Article citations link to a note at the end of the page with the
                   article's literal text (defensoria.legal.notes); False keeps the
                   links to the Normas page (print). - Default: True

Example:

    Input:  Lo dice el [[Ley 30364, art. 15]].   (pagina: "modulos/m04-la-denuncia.md")
    Output: <p>Lo dice el <a class="cita" href="../normas.md#ley-30364-art-15"
            title="Denuncia">Ley 30364, art. 15</a>.</p>

MkDocs then turns `normas.md` into the page's real URL (`normas.html` offline, the
Quechua page under /qu/). A citation whose norm or article is not in the data is left
as written (the processor declines the match); `defensoria revisar` reports it.
Never enable `wikilinks` together with this extension: both use `[[`.
"""

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from defensoria.content.citations import BRACKETED_PATTERN, Citation, from_match, resolve
from defensoria.content.markdown import language_of
from defensoria.legal.norms import Norms, load_norms
from defensoria.legal.notes import CitationNotesTreeprocessor
from defensoria.site.context import relative_link


def build_url(anchor_id: str, pagina: str, pagina_normas: str) -> str:
    """Relative link from `pagina` to the anchor on the Normas page."""
    return f"{relative_link(pagina_normas, pagina)}#{anchor_id}"


class CitationInlineProcessor(InlineProcessor):
    """Turn a known citation into a link; decline unknown ones."""

    def __init__(self, pattern: str, extension: "CitationExtension", md: Markdown):
        super().__init__(pattern, md)
        self.extension = extension

    def handleMatch(self, m: re.Match, data: str):
        """Return the link element, or (None, None, None) to leave the text as written."""
        citation = from_match(m)
        norms = self.extension.norms()
        found = resolve(citation, norms) if norms is not None else None
        if found is None:
            return None, None, None
        norm, article = found
        config = self.extension.getConfigs()
        element = etree.Element("a")
        element.text = AtomicString(m.group(0)[2:-2].strip())
        element.set("href", config["build_url"](citation.anchor, config["pagina"], config["pagina_normas"]))
        element.set("title", self.extension.tooltip(norm, article))
        if config["html_class"]:
            element.set("class", config["html_class"])
        self.extension.citations.append(citation)
        return element, m.start(0), m.end(0)


class CitationExtension(Extension):
    """Render `[[norma, art. N]]` citations as links to the Normas page."""

    def __init__(self, **kwargs):
        self.config = {
            # Not None: Python-Markdown would turn a None-default option into a bool
            "catalogo": [{}, "Norms already loaded; empty reads `archivo`. - Default: {}"],
            "archivo": ["", "Path of normas.yml; empty finds docs/_datos/normas.yml. - Default: ''"],
            "pagina": ["", "Source path of the page being rendered. - Default: ''"],
            "idioma": ["", "Language of the page ('es', 'qu'); empty: from `pagina`. - Default: ''"],
            "pagina_normas": ["normas.md", "Source path of the Normas page. - Default: 'normas.md'"],
            "build_url": [build_url, "Callable (anchor, pagina, pagina_normas) → URL. - Default: build_url"],
            "html_class": ["cita", "CSS class of the link; empty for none. - Default: 'cita'"],
            "notas": [True, "Article citations open a note with the law's text at the end of the page. - Default: True"],
        }
        super().__init__(**kwargs)
        self.citations: list[Citation] = []

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the processor.

        | Class                   | Registry       | Name | Priority |
        | ----------------------- | -------------- | ---- | :------: |
        | CitationInlineProcessor | inlinePatterns | cita | 75       |

        Below `reference` (170) and `link` (160), like wikilinks; inline code (190) runs
        first, so a citation inside backticks stays literal.
        """
        md.registerExtension(self)
        self.md = md
        md.citas = self.citations
        # The page being rendered, for other extensions' messages (diagrams)
        md.defensoria_pagina = self.getConfig("pagina")
        md.defensoria_idioma = self.language()
        md.inlinePatterns.register(CitationInlineProcessor(BRACKETED_PATTERN, self, md), "cita", 75)
        # After the inline patterns (20): article citations open a note with the law's text
        md.treeprocessors.register(CitationNotesTreeprocessor(md, self), "citas-notas", 5)

    def reset(self) -> None:
        """Forget the citations of the previous document."""
        self.citations.clear()

    def norms(self) -> Norms | None:
        """The catalogue: the configured one, else normas.yml (cached by mtime)."""
        catalogue = self.getConfig("catalogo")
        if catalogue:
            return catalogue
        return load_norms(path=self.getConfig("archivo") or None)

    def language(self) -> str:
        """Language of the page being rendered ('es' or 'qu')."""
        language = self.getConfig("idioma") or language_of(self.getConfig("pagina") or "x.md")
        return "qu" if language == "qu" else "es"

    def tooltip(self, norm, article) -> str:
        """Article title (Quechua on qu pages when written), or the norm's name."""
        if article is None:
            return norm.nombre
        if self.language() == "qu" and article.qu and article.qu.titulo:
            return article.qu.titulo
        return article.titulo


def makeExtension(**kwargs) -> CitationExtension:
    return CitationExtension(**kwargs)
