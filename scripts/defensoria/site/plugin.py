"""MkDocs plugin `defensoria`: what the site needs beyond Material and the i18n plugin.

- Quick exit first: moves the exit/hotline bar right after <body>, before Material's
  skip link, so that it is first in keyboard order (Material has no block there).
- One search per language: mkdocs-static-i18n writes one index for both languages and
  its maintainer says the plugin cannot split it; we split it after the build, point
  Quechua pages' search at qu/search/, and write the offline (file://) copies.
- Search that fits the readers: Spanish folds accents and endings, Quechua folds
  accents and apostrophes (scripts in site/search/, loaded by Material's worker).
- Certificates: `<!-- verificar-certificados -->` becomes the verification form with the
  public list of valid certificate hashes (defensoria.site.verification).
- Module catalogue: `<!-- catalogo-modulos -->` in a page becomes the list of modules
  read from their front matter (defensoria.catalog), in the page's language.
- Weight: drops source maps and lunr languages the site does not use.

List it after i18n and offline in mkdocs.yml; its last step runs after theirs.
"""

import json
import re
import shutil
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from defensoria.catalog import load_modules
from defensoria.content.nav import catalogue_nav
from defensoria.content.project import module_title, project
from defensoria.errors import SourceError
from defensoria.pages import language_of, read_page
from defensoria.site.verification import MARKER as VERIFICATION_MARKER
from defensoria.site.verification import render_verification

SEARCH_ASSETS = Path(__file__).parent / "search"
EXIT_BLOCK = re.compile(r"\s*<!--salida-->(.*?)<!--/salida-->", re.DOTALL)
BODY_OPEN = re.compile(r"<body[^>]*>")
CONFIG_BASE = re.compile(r'("base":\s*")([^"]*)(")')
CATALOG_MARKER = "<!-- catalogo-modulos -->"
EXTERNAL_LINK = re.compile(r'<a (?![^>]*\brel=)([^>]*\bhref="https?://[^"]*"[^>]*)>')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LABEL = re.compile(r'class="md-search__input"[^>]*aria-label="([^"]+)"')
HTML_LANG = re.compile(r'<html lang="([a-z]{2})"')
# lunr files Material's worker may load for our two indexes; the rest is dead weight
LUNR_KEEP = {"lunr.stemmer.support.min.js", "lunr.es.min.js", "lunr.qu.min.js"}


class DefensoriaConfig(Config):
    enabled = config_options.Type(bool, default=True)
    # Lunr pipeline for Spanish; Quechua has none (lunr has no Quechua support)
    search_pipeline_es = config_options.Type(list, default=["stopWordFilter"])
    # Drop .map files and unused lunr languages from site/
    prune_assets = config_options.Type(bool, default=True)


class DefensoriaPlugin(BasePlugin[DefensoriaConfig]):

    # Check the settings the templates rely on (run early)
    def on_config(self, config):
        if not self.config.enabled:
            return
        extra = config.extra
        if not (extra.get("salida") or {}).get("url"):
            raise PluginError("mkdocs.yml: falta extra.salida.url (el sitio neutral al que lleva la salida rápida).")
        if not extra.get("csp"):
            raise PluginError("mkdocs.yml: falta extra.csp (la política de seguridad de contenido).")
        # Before i18n reads the nav (its on_config runs last)
        try:
            config.nav = catalogue_nav(config.nav, project(Path(config.config_file_path).parent))
        except SourceError as error:
            raise PluginError(str(error)) from None
        return config

    # Replace the catalogue and certificate-verification markers
    def on_page_markdown(self, markdown, *, page, config, files):
        if not self.config.enabled:
            return markdown
        root = Path(config.config_file_path).parent
        if VERIFICATION_MARKER in markdown:
            language = language_of(Path(page.file.src_uri))
            markdown = markdown.replace(VERIFICATION_MARKER, render_verification(root, language, page.url))
        if CATALOG_MARKER not in markdown:
            return markdown
        try:
            modules = load_modules(root)
        except SourceError as error:
            raise PluginError(str(error)) from None
        language = language_of(Path(page.file.src_uri))
        return markdown.replace(CATALOG_MARKER, render_catalog(modules, language, Path(page.file.src_uri)))

    # Move the exit bar first in <body>; point non-Spanish search at its own index
    @event_priority(-90)
    def on_post_page(self, output, *, page, config):
        if not self.config.enabled:
            return output
        return finish_html(output)

    # The 404 page gets the same treatment; i18n renders it once per language into
    # the same file, so keep the Spanish one and write it back at the end
    def on_post_template(self, output_content, *, template_name, config):
        if not self.config.enabled or template_name != "404.html":
            return output_content
        output_content = finish_html(output_content)
        if '<html lang="es"' in output_content:
            self._spanish_404 = output_content
        return output_content

    # Split the search index by language, after i18n and offline (run latest)
    @event_priority(-110)
    def on_post_build(self, *, config):
        if not self.config.enabled:
            return
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return  # an inner per-language build of mkdocs-static-i18n: wait for the outer one
        site = Path(config.site_dir)
        merged = site / "search" / "search_index.json"
        if merged.is_file():
            docs = Path(config.docs_dir)
            indexes = split_search_index(
                json.loads(merged.read_text(encoding="utf-8")),
                self.config.search_pipeline_es,
                is_translated=lambda location: has_translation(docs, location, "qu"),
            )
            for locale, index in indexes.items():
                folder = site / "search" if locale == "es" else site / locale / "search"
                write_search_index(folder, index)
        if getattr(self, "_spanish_404", None):
            (site / "404.html").write_text(self._spanish_404, encoding="utf-8")
        install_search_scripts(site)
        if self.config.prune_assets:
            prune_assets(site)


def finish_html(output: str) -> str:
    """Exit bar first in <body>; named search dialog; rel on external links; search base."""
    block = EXIT_BLOCK.search(output)
    if block:
        output = output[: block.start()] + output[block.end() :]
        body = BODY_OPEN.search(output)
        if body:
            output = output[: body.end()] + "\n" + block.group(1).strip() + output[body.end() :]
    # Material's search dialog has no accessible name: give it the search field's label
    label = SEARCH_LABEL.search(output)
    if label:
        output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)
    # Links to official sites: no referrer, no access to this page from theirs
    output = EXTERNAL_LINK.sub(r'<a rel="noopener noreferrer" \1>', output)
    lang = HTML_LANG.search(output)
    if lang and lang.group(1) != "es":
        locale = lang.group(1)
        output = CONFIG_BASE.sub(lambda m: f"{m.group(1)}{_join(m.group(2), locale)}{m.group(3)}", output, count=1)
    return output


def render_catalog(modules, language: str, page_uri: Path) -> str:
    """Markdown list of modules, linked relative to the page that shows it."""
    if not modules:
        return ("Los módulos se publican aquí a medida que están listos." if language == "es"
                else "Yachaykunaqa kaypim rikhurinqa, wakichisqa kasqanman hina.")
    hours = "horas" if language == "es" else "hora"
    items = []
    for module in modules:
        title = module_title(module, language)
        link = Path("../" * (len(page_uri.parts) - 1) + f"modulos/{module.path.name}").as_posix()
        items.append(f"{int(module.modulo[1:])}. **[{title}]({link})** · {module.horas:g} {hours}")
    return "\n".join(items) + "\n"


def _join(base: str, locale: str) -> str:
    """'..' + 'qu' → '../qu/': the trailing slash makes it a folder for new URL()."""
    return f"{base.rstrip('/')}/{locale}/" if base not in ("", ".") else f"{locale}/"


def has_translation(docs: Path, location: str, locale: str) -> bool:
    """Whether the page at a site location ('modulos/m04-x.html#a') has a .<locale>.md source."""
    page = location.split("#")[0] or "index.html"
    stem = page[: -len(".html")] if page.endswith(".html") else page.rstrip("/") + "/index"
    return (docs / f"{stem}.{locale}.md").is_file()


def split_search_index(merged: dict, pipeline_es: list[str], is_translated=lambda location: True) -> dict[str, dict]:
    """One index per language; Quechua locations become relative to qu/.

    Spanish pages served on the Quechua site as a fallback are left out of the Quechua
    index: a Quechua search must not return Spanish pages.
    """
    config = dict(merged.get("config", {}))
    spanish = {"config": {**config, "lang": ["es"], "pipeline": pipeline_es}, "docs": []}
    quechua = {"config": {**config, "lang": ["qu"], "pipeline": []}, "docs": []}
    for doc in merged.get("docs", []):
        location = doc.get("location", "")
        if location.startswith("qu/"):
            if is_translated(location[len("qu/") :]):
                quechua["docs"].append({**doc, "location": location[len("qu/") :]})
        else:
            spanish["docs"].append(doc)
    return {"es": spanish, "qu": quechua}


def write_search_index(folder: Path, index: dict) -> None:
    """search_index.json for served sites, search_index.js for file:// (offline plugin format)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(data, encoding="utf-8")
    (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")


def install_search_scripts(site: Path) -> None:
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    if not lunr.is_dir():
        return
    spanish = lunr / "lunr.es.min.js"
    addition = (SEARCH_ASSETS / "lunr.es.dc.js").read_text(encoding="utf-8")
    text = spanish.read_text(encoding="utf-8")
    if "dc-fold-es" not in text:
        spanish.write_text(text.rstrip() + "\n" + addition, encoding="utf-8")
    shutil.copyfile(SEARCH_ASSETS / "lunr.qu.min.js", lunr / "lunr.qu.min.js")


def prune_assets(site: Path) -> None:
    assets = site / "assets"
    for path in assets.rglob("*.map"):
        path.unlink()
    lunr = assets / "javascripts" / "lunr"
    for name in ("wordcut.js", "tinyseg.js"):
        (lunr / name).unlink(missing_ok=True)
    for path in (lunr / "min").glob("*.js"):
        if path.name not in LUNR_KEEP:
            path.unlink()
