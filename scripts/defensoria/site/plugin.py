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
- Weight: drops source maps and lunr languages the site does not use; serves our
  screen stylesheets as one file and the print one without blocking the first paint
  (defensoria.site.stylesheets).

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

from defensoria.address import is_placeholder
from defensoria.catalog import load_modules
from defensoria.content.nav import catalogue_nav
from defensoria.content.project import module_title
from defensoria.errors import SourceError
from defensoria.site.context import PageContext, build_project, page_context
from defensoria.site.verification import MARKER as VERIFICATION_MARKER
from defensoria.site.search_index import (
    STOP_WORD_LIST,
    TRAINERS,
    learner_index,
    quechua_stemmer,
    split_search_index,
    trainers_index,
    unsearched_words,
    write_search_index,
)
from defensoria.site.stylesheets import bundle_css, plan_stylesheets
from defensoria.site.verification import render_verification

SEARCH_ASSETS = Path(__file__).parent / "search"
EXIT_BLOCK = re.compile(r"\s*<!--salida-->(.*?)<!--/salida-->", re.DOTALL)
BODY_OPEN = re.compile(r"<body[^>]*>")
CONFIG_BASE = re.compile(r'("base":\s*")([^"]*)(")')
CATALOG_MARKER = "<!-- catalogo-modulos -->"
SKIP_LINK = re.compile(r'<div data-md-component="skip">.*?</div>', re.DOTALL)
SECTION_LINK = re.compile(r'(<div class="md-nav__link md-nav__container">\s*)<a (?!id=)((?:(?!</a>).)*?</a>\s*<label class="md-nav__link ?" for="(__nav_[\d_]+)")', re.DOTALL)
NAMED_SECTION = re.compile(r'<a id="(__nav_[\d_]+)_titulo"')
MODULE_FILE = re.compile(r"^(m\d{2})-")
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
    # "compact": learner and trainers' indexes (defensoria.site.search_index);
    # "full": one index per language with every page as Material wrote it (benchmarks)
    search_index = config_options.Choice(("compact", "full"), default="compact")
    # Drop .map files and unused lunr languages from site/
    prune_assets = config_options.Type(bool, default=True)
    # extra_css is served as this one file; the print stylesheet stays apart (media=print)
    stylesheet_bundle = config_options.Type(str, default="assets/stylesheets/sitio.css")
    print_stylesheet = config_options.Type(str, default="assets/stylesheets/impresion.css")


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
        # Before i18n reads the nav (its on_config runs last); filling twice changes nothing
        try:
            config.nav = catalogue_nav(config.nav, build_project(config))
        except SourceError as error:
            raise PluginError(str(error)) from None
        # Templates leave out addresses built on an example site_url (canonical links)
        extra["dc_direccion_de_ejemplo"] = is_placeholder(config.site_url)
        # mkdocs-static-i18n runs on_config again for each language: plan once
        styles = [str(path) for path in config.extra_css]
        if self.config.stylesheet_bundle not in styles:
            self._stylesheets = plan_stylesheets(styles, self.config.stylesheet_bundle, self.config.print_stylesheet)
        config.extra_css = self._stylesheets.links()
        extra["print_css"] = self._stylesheets.print
        return config

    # One screen stylesheet instead of one per source file: the sources are not copied,
    # the bundle is written at the end of the build
    def on_files(self, files, *, config):
        if not self.config.enabled:
            return files
        for path in self._stylesheets.dropped():
            source = files.get_file_from_path(path)
            if source is not None:
                files.remove(source)
        return files

    # Replace the catalogue and certificate-verification markers
    def on_page_markdown(self, markdown, *, page, config, files):
        if not self.config.enabled:
            return markdown
        context = page_context(page, config)
        add_review_status(page, context)
        if VERIFICATION_MARKER in markdown:
            markdown = markdown.replace(VERIFICATION_MARKER, render_verification(context))
        if CATALOG_MARKER not in markdown:
            return markdown
        try:
            modules = load_modules(context.project.root)
        except SourceError as error:
            raise PluginError(str(error)) from None
        return markdown.replace(CATALOG_MARKER, render_catalog(modules, context))

    # Move the exit bar first in <body>; point non-Spanish search at its own index
    @event_priority(-90)
    def on_post_page(self, output, *, page, config):
        if not self.config.enabled:
            return output
        trainers = self.config.search_index == "compact" and _is_trainers_page(page.url)
        return finish_html(output, search_scope=TRAINERS if trainers else "")

    # The 404 page gets the same treatment; i18n renders it once per language into
    # the same file, so keep each language's and write them out at the end
    def on_post_template(self, output_content, *, template_name, config):
        if not self.config.enabled or template_name != "404.html":
            return output_content
        output_content = finish_html(output_content)
        lang = HTML_LANG.search(output_content)
        if lang:
            self._not_found = {**getattr(self, "_not_found", {}), lang.group(1): output_content}
        return output_content

    # Split the search index by language, after i18n and offline (run latest)
    @event_priority(-110)
    def on_post_build(self, *, config):
        if not self.config.enabled:
            return
        site = Path(config.site_dir)
        bundle = site / self._stylesheets.bundle
        bundle.parent.mkdir(parents=True, exist_ok=True)
        bundle.write_text(bundle_css(Path(config.docs_dir), self._stylesheets.screen), encoding="utf-8")
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return  # an inner per-language build of mkdocs-static-i18n: wait for the outer one
        merged = site / "search" / "search_index.json"
        if merged.is_file():
            docs = Path(config.docs_dir)
            indexes = split_search_index(
                json.loads(merged.read_text(encoding="utf-8")),
                self.config.search_pipeline_es,
                is_translated=lambda location: has_translation(docs, location, "qu"),
            )
            for locale, index in indexes.items():
                folder = site if locale == "es" else site / locale
                if self.config.search_index == "full":
                    write_search_index(folder / "search", index)
                    continue
                skip = unsearched_words(locale, site / "assets" / "javascripts" / "lunr" / "min")
                stem = quechua_stemmer() if locale == "qu" else None
                write_search_index(folder / "search", learner_index(index, skip, stem))
                write_search_index(folder / TRAINERS / "search", trainers_index(index, skip, stem))
        for locale, html in getattr(self, "_not_found", {}).items():
            target = site / "404.html" if locale == "es" else site / locale / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        install_search_scripts(site)
        if self.config.prune_assets:
            prune_assets(site)
        drop_example_sitemaps(site, config.site_url)


def finish_html(output: str, search_scope: str = "") -> str:
    """Exit bar first in <body>; named search dialog; rel on external links; search base.

    The search base is where Material fetches the index and resolves result links: the
    page's language folder, plus `search_scope` (formadores/) on trainers' pages.
    """
    block = EXIT_BLOCK.search(output)
    if block:
        output = output[: block.start()] + output[block.end() :]
        bar = block.group(1).strip()
        # Material's skip link, no longer first, would sit outside any landmark: into the bar
        skip = SKIP_LINK.search(output)
        if skip and bar.endswith("</div>"):
            output = output[: skip.start()] + output[skip.end() :]
            bar = bar[: -len("</div>")] + skip.group(0) + "</div>"
        body = BODY_OPEN.search(output)
        if body:
            output = output[: body.end()] + "\n" + bar + output[body.end() :]
    # Section navs are labelled by an icon-only toggle: name them by the section's link
    output = SECTION_LINK.sub(_name_section_nav, output)
    for nav_id in set(NAMED_SECTION.findall(output)):
        output = output.replace(f'aria-labelledby="{nav_id}_label"', f'aria-labelledby="{nav_id}_titulo"')
    # Material's search dialog has no accessible name: give it the search field's label
    label = SEARCH_LABEL.search(output)
    if label:
        output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)
    # Links to official sites: no referrer, no access to this page from theirs
    output = EXTERNAL_LINK.sub(r'<a rel="noopener noreferrer" \1>', output)
    lang = HTML_LANG.search(output)
    folder = lang.group(1) if lang and lang.group(1) != "es" else ""
    scope = "/".join(part for part in (folder, search_scope.strip("/")) if part)
    if scope:
        output = CONFIG_BASE.sub(lambda m: f"{m.group(1)}{_join(m.group(2), scope)}{m.group(3)}", output, count=1)
    return output


def add_review_status(page, context: PageContext) -> None:
    """Legal status of module pages and review banner of Quechua pages, computed from the
    review records (defensoria.revision) into page.meta for the theme's partials."""
    from defensoria.revision.status import snapshot

    source = context.source
    try:
        state = snapshot(context.project.root)
    except SourceError as error:
        raise PluginError(str(error)) from None
    module = MODULE_FILE.match(source.name)
    if source.parts[0] == "modulos" and module:
        legal = state.legal(module.group(1))
        page.meta["dc_revision_legal"] = {"estado": legal.estado, "texto": legal.text(context.language)}
    if context.language == "qu":
        quechua = state.quechua(source.as_posix())
        page.meta["dc_revision_qu"] = {"estado": quechua.estado, "porcentaje": quechua.percent, "qu": quechua.text("qu"), "es": quechua.text("es")}


def _is_trainers_page(url: str) -> bool:
    """formadores/… or qu/formadores/…: pages whose search includes the guides."""
    parts = url.split("/")
    return bool(parts) and (parts[0] == TRAINERS.strip("/") or parts[:2] == ["qu", TRAINERS.strip("/")])


def _name_section_nav(match: re.Match) -> str:
    return f'{match.group(1)}<a id="{match.group(3)}_titulo" {match.group(2)}'


def render_catalog(modules, context: PageContext) -> str:
    """Markdown list of modules, linked relative to the page that shows it."""
    language = context.language
    if not modules:
        return ("Los módulos se publican aquí a medida que están listos." if language == "es"
                else "Yachaykunaqa kaypim rikhurinqa, wakichisqa kasqanman hina.")
    hours = "horas" if language == "es" else "hora"
    items = []
    for module in modules:
        title = module_title(module, language)
        link = context.source_link(f"modulos/{module.path.name}")
        items.append(f"{int(module.modulo[1:])}. **[{title}]({link})** · {module.horas:g} {hours}")
    return "\n".join(items) + "\n"


def _join(base: str, folder: str) -> str:
    """'..' + 'qu' → '../qu/': the trailing slash makes it a folder for new URL()."""
    return f"{base.rstrip('/')}/{folder}/" if base not in ("", ".") else f"{folder}/"


def has_translation(docs: Path, location: str, locale: str) -> bool:
    """Whether the page at a site location ('modulos/m04-x.html#a') has a .<locale>.md source."""
    page = location.split("#")[0] or "index.html"
    stem = page[: -len(".html")] if page.endswith(".html") else page.rstrip("/") + "/index"
    return (docs / f"{stem}.{locale}.md").is_file()


def install_search_scripts(site: Path) -> None:
    """Our lunr language files: Spanish (stop words only, folded) and Quechua (stemmed)."""
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    if not lunr.is_dir():
        return
    spanish = lunr / "lunr.es.min.js"
    original = spanish.read_text(encoding="utf-8")
    if "dc-fold-es" not in original:
        stop_words = STOP_WORD_LIST.search(original)
        if stop_words is None:
            raise PluginError(f"{spanish}: no encuentro la lista de palabras vacías de lunr (¿cambió Material?).")
        ours = (SEARCH_ASSETS / "lunr.es.js").read_text(encoding="utf-8")
        spanish.write_text(ours.replace("__STOP_WORDS__", stop_words.group(1)), encoding="utf-8")
    shutil.copyfile(SEARCH_ASSETS / "lunr.qu.min.js", lunr / "lunr.qu.min.js")


def drop_example_sitemaps(site: Path, site_url: str) -> None:
    """No sitemap while site_url is an example address: every entry would point to a
    site that does not exist (search engines and link checkers read it)."""
    if is_placeholder(site_url):
        for path in (site / "sitemap.xml", site / "sitemap.xml.gz"):
            path.unlink(missing_ok=True)


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
