"""Markdown → HTML for print, with the site's own extensions read from mkdocs.yml.

The pages render for paper exactly as for the site: same admonitions, attribute lists,
flow diagrams and citations. Only links change afterwards (see `manual.scope_html`),
and citations become plain text where a link means nothing (a handout).
"""

import re
from pathlib import Path

import markdown

from defensoria.content.settings import SiteSettings, site_settings  # noqa: F401 (print's settings)
from defensoria.legal.norms import norms_path

CITATIONS = "defensoria.legal.citations"
CITATION_LINK = re.compile(r'<a\b(?=[^>]*\bclass="cita")[^>]*>(.*?)</a>')


def render_markdown(text: str, root: Path, page: str) -> str:
    """HTML of Markdown `text` from the page `page` (path under docs/, e.g. 'modulos/m04-x.md')."""
    settings = site_settings(root)
    configs = {name: dict(options) for name, options in settings.extension_configs.items()}
    if CITATIONS in settings.extensions:
        # Paper has its own citation style: no in-page notes with the law's text
        configs.setdefault(CITATIONS, {}).update(archivo=str(norms_path(root)), pagina=page, notas=False)
    md = markdown.Markdown(extensions=list(settings.extensions), extension_configs=configs)
    return md.convert(text)


def plain_citations(html: str) -> str:
    """Citation links → '(Ley 30364, art. 15)' in a span: on paper a link leads nowhere."""
    return CITATION_LINK.sub(r'<span class="cita">(\1)</span>', html)
