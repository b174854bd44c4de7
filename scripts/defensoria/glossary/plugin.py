"""MkDocs plugin `defensoria-glosario`: the glossary pages and stale-translation notices.

- `<!-- glosario -->` in a page becomes the whole glossary, generated from
  docs/_datos/glosario.yml in the page's language (glosario.md, glosario.qu.md). Its
  citations stay as shorthand `[[Ley 30364, art. 15]]` for the citation extension.
- A Quechua page whose recorded Spanish version (traduccion.fuente) no longer matches
  its Spanish page gets `dc_desactualizada: true`; the theme then shows a notice
  (partials/avisos.html).

List it before `defensoria` in mkdocs.yml.
"""


from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from defensoria.errors import SourceError
from defensoria.glossary.model import glossary_path, load_glossary
from defensoria.glossary.render import MARKER, render_glossary
from defensoria.site.context import build_project, page_context
from defensoria.translation.state import translation_state


class GlossaryConfig(Config):
    enabled = config_options.Type(bool, default=True)
    # Mark Quechua pages older than their Spanish page (the theme shows a notice)
    stale_notice = config_options.Type(bool, default=True)


class GlossaryPlugin(BasePlugin[GlossaryConfig]):

    # Rebuild on `mkdocs serve` when the termbase changes
    def on_serve(self, server, *, config, builder):
        if self.config.enabled:
            path = glossary_path(build_project(config).root)
            if path.is_file():
                server.watch(str(path))
        return server

    # Glossary marker → glossary; stale Quechua page → notice flag
    def on_page_markdown(self, markdown, *, page, config, files):
        if not self.config.enabled:
            return markdown
        context = page_context(page, config)
        if self.config.stale_notice and context.language != "es":
            try:
                if translation_state(context.path).stale:
                    page.meta["dc_desactualizada"] = True
            except SourceError as error:
                raise PluginError(str(error)) from None
        if MARKER not in markdown:
            return markdown
        try:
            glossary = load_glossary(context.project.root)
        except SourceError as error:
            raise PluginError(str(error)) from None
        return markdown.replace(MARKER, render_glossary(glossary, context.language))
