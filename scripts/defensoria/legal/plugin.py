"""MkDocs plugin `defensoria-normas`: the norms data on the site.

- Validates docs/_datos/normas.yml once per build; a broken file stops the build with
  its file:line.
- Tells the citation extension which page it renders (relative links, tooltip language).
- Replaces `<!-- normas -->` in a page with every norm and article, in the page's
  language (defensoria.legal.page).

List it before `defensoria` in mkdocs.yml, with `defensoria.legal.citations` in
markdown_extensions.
"""

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from defensoria.errors import SourceError
from defensoria.legal.norms import NORMS_FILE, Norms, load_norms
from defensoria.legal.page import render_norms_page
from defensoria.site.context import page_context

EXTENSION = "defensoria.legal.citations"
MARKER = "<!-- normas -->"


class NormasConfig(Config):
    enabled = config_options.Type(bool, default=True)
    # Source path of the page that shows the norms (citations link to it)
    pagina = config_options.Type(str, default="normas.md")


class NormasPlugin(BasePlugin[NormasConfig]):
    norms: Norms | None = None

    # Read and validate the norms data; point the extension at it (run early)
    def on_config(self, config):
        if not self.config.enabled:
            return
        path = Path(config.docs_dir) / NORMS_FILE
        try:
            self.norms = load_norms(path=path)
        except SourceError as error:
            raise PluginError(str(error)) from None
        if EXTENSION not in config.markdown_extensions:
            raise PluginError(f"mkdocs.yml: agregue '{EXTENSION}' en markdown_extensions (las citas [[…]] la necesitan).")
        if "wikilinks" in config.markdown_extensions or "markdown.extensions.wikilinks" in config.markdown_extensions:
            raise PluginError("mkdocs.yml: 'wikilinks' y las citas usan los mismos [[…]]; quite 'wikilinks'.")
        options = config.mdx_configs.setdefault(EXTENSION, {})
        options.update(archivo=str(path), pagina_normas=self.config.pagina)
        return config

    # Tell the extension the page it renders; fill the Normas page
    def on_page_markdown(self, markdown, *, page, config, files):
        if not self.config.enabled:
            return markdown
        context = page_context(page, config)
        config.mdx_configs[EXTENSION].update(pagina=context.source.as_posix(), idioma=context.language)
        if MARKER in markdown:
            markdown = markdown.replace(MARKER, render_norms_page(self.norms, context.language))
        return markdown
