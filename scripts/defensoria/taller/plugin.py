"""MkDocs plugin `defensoria-talleres`: the trainers' guides on the site.

- `<!-- guias-taller -->` in a page becomes the table of guides (module, guide,
  duration; three columns fit a 360 px phone), read from the guides' front matter, in the page's language;
  modules without a guide yet are listed as "en preparación".
- In a guide, `<!-- objetivos-del-modulo -->` becomes the module's objectives (from the
  catalogue; on Quechua pages the module page's "Imatam yachanki" list) and
  `<!-- puntos-clave-del-modulo -->` its key points (the module page's
  `!!! puntos-clave` block): linked from the module, never copied into the guide.
- A module page that has a guide gets one discreet line at its end, "Para formadoras y
  formadores: guía del taller". The source pages stay untouched, so learner prints
  (which read docs/modulos/) never carry it.

List it before `defensoria` in mkdocs.yml.
"""

import os
import re
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from defensoria.catalog import MODULE_FILE, Module, load_modules
from defensoria.errors import SourceError
from defensoria.pages import language_of, read_page
from defensoria.taller.duration import format_minutes
from defensoria.taller.guides import GUIDE_FILE_ANY, GUIDES_FOLDER, Guide, load_guides

GUIDES_MARKER = "<!-- guias-taller -->"
OBJECTIVES_MARKER = "<!-- objetivos-del-modulo -->"
KEY_POINTS_MARKER = "<!-- puntos-clave-del-modulo -->"
KEY_POINTS_BLOCK = re.compile(r"^!!! puntos-clave[^\n]*\n((?:(?: {4}[^\n]*)?\n)+)", re.MULTILINE)
LEARN_SECTION = re.compile(r"^## (?:Lo que vas a aprender|Imatam yachanki)\s*\n(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)

TEXT = {
    "es": {
        "columns": ("Módulo", "Guía", "Duración"),
        "pending": "en preparación",
        "none": "Las guías se publican aquí a medida que están listas.",
        "note": "Para formadoras y formadores: [guía del taller de este módulo]({link}).",
        "see_module": "Del [módulo {n}, {title}]({link}).",
    },
    "qu": {
        "columns": ("Yachay", "Qillqa", "Pacha"),
        "pending": "wakichikuchkan",
        "none": "Yachachiqpaq qillqakunaqa kaypim rikhurinqa, wakichisqa kasqanman hina.",
        "note": "Yachachiqkunapaq: [kay yachaypa yachachiqpaq qillqan]({link}).",
        "see_module": "[{n} yachaymanta, {title}]({link}).",
    },
}


class TalleresConfig(Config):
    enabled = config_options.Type(bool, default=True)
    # The discreet line on module pages that links their guide
    module_note = config_options.Type(bool, default=True)


class TalleresPlugin(BasePlugin[TalleresConfig]):

    # Read modules and guides once per build; a broken guide stops the build (run early)
    def on_config(self, config):
        if not self.config.enabled:
            return
        self.root = Path(config.config_file_path).parent
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
        source = Path(page.file.src_uri)
        language = language_of(source)
        if GUIDES_MARKER in markdown:
            markdown = markdown.replace(GUIDES_MARKER, self.guide_table(language, source))
        guide_match = GUIDE_FILE_ANY.match(source.name) if source.parent == GUIDES_FOLDER else None
        if guide_match and guide_match.group(1) in self.modules:
            module = self.modules[guide_match.group(1)]
            markdown = markdown.replace(OBJECTIVES_MARKER, objectives(module, language, source))
            markdown = markdown.replace(KEY_POINTS_MARKER, key_points(module, language, source))
        module_match = MODULE_FILE.match(spanish_name(source)) if source.parent == Path("modulos") else None
        if self.config.module_note and module_match and module_match.group(1) in self.guides["es"]:
            link = relative(source, GUIDES_FOLDER / f"{module_match.group(1)}-guia.md")
            note = TEXT[language]["note"].format(link=link)
            markdown = f'{markdown.rstrip()}\n\n<small class="nota-formadores">{note}</small>\n'
        return markdown

    def guide_table(self, language: str, source: Path) -> str:
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
            link = relative(source, GUIDES_FOLDER / f"{code}-guia.md")
            rows.append(f"| {number} | [{guide_title(guide)}]({link}) | {format_minutes(guide.duracion).replace(' ', '&nbsp;')} |")
        return "\n".join(rows) + "\n"


def spanish_name(path: Path) -> str:
    """'m04-la-denuncia.qu.md' → 'm04-la-denuncia.md'."""
    name = path.name
    return name[: -len(".qu.md")] + ".md" if name.endswith(".qu.md") else name


def relative(source: Path, target: Path) -> str:
    """Link from one docs page to another, as Markdown wants it (i18n maps .md per language)."""
    return Path(os.path.relpath(target, source.parent)).as_posix()


def guide_title(guide: Guide) -> str:
    """'Guía del taller: La denuncia' → 'La denuncia' (the table already says 'Guía')."""
    return guide.title.split(":", 1)[1].strip() if ":" in guide.title else guide.title


def module_title(module: Module, language: str) -> str:
    translated = module.page_path(language)
    if language != "es" and translated.is_file():
        return read_page(translated).meta.get("title", module.title)
    return module.title


def module_link(module: Module, source: Path) -> str:
    return relative(source, Path("modulos") / module.path.name)


def objectives(module: Module, language: str, source: Path) -> str:
    """The module's objectives: the catalogue's (Spanish) or the Quechua page's own list."""
    text = TEXT[language]
    link = text["see_module"].format(n=int(module.modulo[1:]), title=module_title(module, language), link=module_link(module, source))
    translated = module.page_path(language)
    if language != "es" and translated.is_file():
        section = LEARN_SECTION.search(read_page(translated).body)
        items = [line for line in (section.group(1).splitlines() if section else []) if line.startswith("- ")]
        if items:
            return "\n".join(items) + f"\n\n{link}\n"
    lines = [f"{i}. {objective}" for i, objective in enumerate(module.objetivos, start=1)]
    return "\n".join(lines) + f"\n\n{link}\n"


def key_points(module: Module, language: str, source: Path) -> str:
    """The `!!! puntos-clave` list of the module page in this language (or the Spanish one)."""
    page_path = module.page_path(language)
    if not page_path.is_file():
        page_path = module.page_path("es")
    match = KEY_POINTS_BLOCK.search(read_page(page_path).body)
    if not match:
        raise PluginError(f"{page_path}: falta el bloque '!!! puntos-clave' que la guía del taller muestra.")
    items = [line[4:] for line in match.group(1).splitlines() if line.strip()]
    link = TEXT[language]["see_module"].format(n=int(module.modulo[1:]), title=module_title(module, language), link=module_link(module, source))
    return "\n".join(items) + f"\n\n{link}\n"
