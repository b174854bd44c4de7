"""MkDocs plugin `defensoria-talleres`: the trainers' guides on the site.

- `<!-- guias-taller -->` in a page becomes the table of guides (module, guide,
  duration; three columns fit a 360 px phone), read from the guides' front matter, in the page's language;
  modules without a guide yet are listed as "en preparación".
- In a guide, `<!-- objetivos-del-modulo -->` becomes the module's objectives (from the
  catalogue; on Quechua pages the module page's "Imatam yachanki" list) and
  `<!-- puntos-clave-del-modulo -->` its key points (the module page's
  `!!! puntos-clave` block): linked from the module, never copied into the guide.
- A module page that has a guide gets one discreet line at its end, "Para formadoras y
  formadores: guía del taller"; one with a text to read aloud (voz_alta) a second line. The source pages stay untouched, so learner prints
  (which read docs/modulos/) never carry it.

List it before `defensoria` in mkdocs.yml.
"""

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from defensoria.catalog import MODULE_FILE, load_modules
from defensoria.content.project import module_title
from defensoria.errors import SourceError
from defensoria.site.context import PageContext, build_project, page_context
from defensoria.taller.duration import format_minutes
from defensoria.taller.guides import GUIDE_FILE_ANY, GUIDES_FOLDER, load_guides
from defensoria.taller.markers import GUIDES_MARKER, TEXT, expand_guide_markers, guide_title, spanish_name
from defensoria.voz_alta import FOLDER as READ_ALOUD_FOLDER, module_has_read_aloud


class TalleresConfig(Config):
    enabled = config_options.Type(bool, default=True)
    # The discreet line on module pages that links their guide
    module_note = config_options.Type(bool, default=True)


class TalleresPlugin(BasePlugin[TalleresConfig]):

    # Read modules and guides once per build; a broken guide stops the build (run early)
    def on_config(self, config):
        if not self.config.enabled:
            return
        self.root = build_project(config).root
        try:
            self.modules = {m.modulo: m for m in load_modules(self.root)}
            self.guides = {lang: load_guides(self.root, lang) for lang in ("es", "qu")}
        except SourceError as error:
            raise PluginError(str(error)) from None
        return config

    # Markers → guide list, objectives, key points; module pages → trainers' note
    def on_page_markdown(self, markdown, *, page, config, files):
        if not self.config.enabled:
            return markdown
        context = page_context(page, config)
        source, language = Path(context.source), context.language
        if GUIDES_MARKER in markdown:
            markdown = markdown.replace(GUIDES_MARKER, self.guide_table(context))
        guide_match = GUIDE_FILE_ANY.match(source.name) if source.parent == GUIDES_FOLDER else None
        if guide_match and guide_match.group(1) in self.modules:
            module = self.modules[guide_match.group(1)]
            try:
                markdown = expand_guide_markers(markdown, module, language, source)
            except SourceError as error:
                raise PluginError(str(error)) from None
        module_match = MODULE_FILE.match(spanish_name(source)) if source.parent == Path("modulos") else None
        if self.config.module_note and module_match and module_match.group(1) in self.guides["es"]:
            link = context.source_link(GUIDES_FOLDER / f"{module_match.group(1)}-guia.md")
            note = TEXT[language]["note"].format(link=link)
            markdown = f'{markdown.rstrip()}\n\n<small class="nota-formadores">{note}</small>\n'
        if self.config.module_note and module_match and module_has_read_aloud(self.root, module_match.group(1)):
            link = context.source_link(READ_ALOUD_FOLDER / f"{module_match.group(1)}.md")
            note = TEXT[language]["read_aloud"].format(link=link)
            markdown = f'{markdown.rstrip()}\n\n<small class="nota-formadores nota-voz-alta">{note}</small>\n'
        return markdown

    def guide_table(self, context: PageContext) -> str:
        language = context.language
        if not self.modules:
            return TEXT[language]["none"]
        text = TEXT[language]
        rows = ["| " + " | ".join(text["columns"]) + " |", "|---:|---|---|"]
        for code, module in self.modules.items():
            guide = self.guides.get(language, {}).get(code) or self.guides["es"].get(code)
            number = int(code[1:])
            if guide is None:
                rows.append(f"| {number} | {module_title(module, language)} · *{text['pending']}* | |")
                continue
            link = context.source_link(GUIDES_FOLDER / f"{code}-guia.md")
            rows.append(f"| {number} | [{guide_title(guide)}]({link}) | {format_minutes(guide.duracion).replace(' ', '&nbsp;')} |")
        return "\n".join(rows) + "\n"
