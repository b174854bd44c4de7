"""MkDocs plugin `defensoria-impresion`: print on the site.

- Module pages offer their handouts for download (PDF, relative links: they work from
  a folder, a .zip or a server). The PDFs are built after the site, into
  site/descargas/, from a cache keyed by their sources (.cache/impresion/), so only
  changed modules are rendered again.
- The trainers' area (`<!-- materiales-formadores -->` in a page) lists the blank sign-in
  sheet, each module's quizzes without keys and its trainer's pack (printing/trainers.py),
  built after the site into site/descargas/formadores/ through the same cache.
- Every page gets a print-only footer (its address as text and as a QR code, and the
  Línea 100) and print-only running headers with the site, the page's title, its
  language and the date of the build (impresion.css does the rest).

List it after i18n in mkdocs.yml.
"""

import hashlib
import logging
import os
import re
import shutil
from html import escape
from importlib import resources
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from defensoria.address import is_placeholder, placeholder_notice
from defensoria.catalog import MODULE_FILE, load_modules
from defensoria.errors import DefensoriaError
from defensoria.printing.handouts import css_string, handout_filename, handout_pdf
from defensoria.printing.manual import edition_date
from defensoria.printing.model import load_handout
from defensoria.files import write_atomic
from defensoria.printing.qr import qr_code
from defensoria.printing.strings import LABELS
from defensoria.printing.trainers import FOLDER as TRAINERS_FOLDER
from defensoria.printing.trainers import downloads as trainer_downloads
from defensoria.site.context import PageContext, build_project, page_context

FOLDER_IN_CACHE = "formadores"
# The trainers' area box, on the Spanish trainers' page (a Quechua text needs a translator)
TRAINERS_TEXT = {
    "es": {
        "sheet": "Hoja de asistencia en blanco",
        "sheet_note": "En la columna ¿Asistió? se escribe sí, si, x, 1 o ✓ (vino) o no, 0 (no vino); una fila sin marcar no cuenta.",
        "module": "Módulo", "quizzes": "Cuestionarios (sin claves)", "pack": "Paquete del taller",
        "keys": "Las claves no están en el sitio. Para calificar, ejecute en la computadora la orden "
                "«defensoria cuestionario imprimir …» que da la guía del módulo: la misma semilla da las mismas versiones y sus claves.",
    },
}

log = logging.getLogger("mkdocs.plugins.defensoria.impresion")
HEAD_CLOSE = re.compile(r"</head>", re.IGNORECASE)
TRAINERS_MARKER = "<!-- materiales-formadores -->"
# A cache shared by several checkouts or copies of the project (tests, CI) when set
CACHE_ENV = "DEFENSORIA_CACHE_IMPRESION"
# What a print footer says, per language
FOOTER = {
    "es": {"address": "Esta página en internet", "date": "Versión del sitio: {fecha}"},
    "qu": {"address": "Kay p'anqa internetpi", "date": "{fecha}"},
}


class ImpresionConfig(Config):
    enabled = config_options.Type(bool, default=True)
    # Handouts offered on module pages: 'a4' (one page) and/or 'a5' (folded booklet)
    formats = config_options.Type(list, default=["a4"])
    # Folder of the PDFs inside the built site
    folder = config_options.Type(str, default="descargas")
    # Rendered PDFs kept between builds, keyed by their sources
    cache_dir = config_options.Type(str, default=".cache/impresion")
    # The trainers' area downloads (sign-in sheet, quizzes without keys, packs)
    trainers = config_options.Type(bool, default=True)


class ImpresionPlugin(BasePlugin[ImpresionConfig]):

    # Read the catalogue once per build (run early)
    def on_config(self, config):
        if not self.config.enabled:
            return
        self.root = build_project(config).root
        # Said once per build (i18n builds twice): an example address gets no QR or URL
        if is_placeholder(config.site_url) and not getattr(self, "_told_placeholder", False):
            self._told_placeholder = True
            log.info(placeholder_notice(config.site_url))
        try:
            self.modules = {module.slug: module for module in load_modules(self.root)}
        except DefensoriaError as error:
            raise PluginError(str(error)) from None
        return config

    # Module pages: the download box; every page: the print-only footer
    def on_page_content(self, html, *, page, config, files):
        if not self.config.enabled:
            return html
        context = page_context(page, config)
        language = context.edition
        if TRAINERS_MARKER in html:
            shown = self.config.trainers and language in TRAINERS_TEXT
            html = html.replace(TRAINERS_MARKER, self.trainers_box(context) if shown else "")
        box = self.download_box(context)
        return html + box + print_footer(config.site_url, page.url, language)

    # Running headers for print: site, title, language, date (inline, per page)
    def on_post_page(self, output, *, page, config):
        if not self.config.enabled:
            return output
        language = page_context(page, config).edition
        site_name = config.site_name or ""
        left = f"{site_name} · {page.title}" if page.title else site_name
        right = f"{LABELS[language].language_name} · {edition_date():%d/%m/%Y}"
        style = (f'<style media="print">@page {{ @top-left {{ content: {css_string(left)}; }} '
                 f"@top-right {{ content: {css_string(right)}; }} }}</style>")
        return HEAD_CLOSE.sub(lambda m: style + m.group(0), output, count=1)

    # Handout PDFs into site/descargas/, from the cache when their sources did not change
    def on_post_build(self, *, config):
        if not self.config.enabled:
            return
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return  # an inner per-language build: the outer one writes the PDFs once
        target = Path(config.site_dir) / self.config.folder
        cache = self.cache()
        if self.config.trainers:
            self.write_trainers(target / TRAINERS_FOLDER, cache)
        for module in self.modules.values():
            for mode, layout in self.offered(module):
                name = handout_filename(module, mode, layout)
                try:
                    cached = self.cached_handout(module, mode, layout)
                except DefensoriaError as error:
                    raise PluginError(f"hoja para imprimir {name}: {error.format_message()}") from None
                target.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(cached, target / name)

    def cache(self) -> Path:
        return Path(os.environ[CACHE_ENV]) if os.environ.get(CACHE_ENV) else self.root / self.config.cache_dir

    def cached_handout(self, module, mode: str, layout: str) -> Path:
        """The handout's PDF in the cache, rendered only when its sources changed."""
        cached = self.cache() / f"{source_key(self.root, module, mode, layout)}-{handout_filename(module, mode, layout)}"
        if not cached.is_file():
            write_atomic(cached, handout_pdf(load_handout(module, self.root), mode, layout, self.root))
        return cached

    def trainer_downloads(self):
        # The packs hold the same A4 handouts the module pages offer: one render for both
        if not hasattr(self, "_trainer_downloads"):
            self._trainer_downloads = trainer_downloads(
                self.root, lambda module, mode: self.cached_handout(module, mode, "a4").read_bytes())
        return self._trainer_downloads

    def write_trainers(self, target: Path, cache: Path) -> None:
        target.mkdir(parents=True, exist_ok=True)
        for item in self.trainer_downloads():
            cached = cache / FOLDER_IN_CACHE / f"{item.key()}-{item.name}"
            if not cached.is_file():
                try:
                    write_atomic(cached, item.make())
                except DefensoriaError as error:
                    raise PluginError(f"área de formadores, {item.name}: {error.format_message()}") from None
            shutil.copyfile(cached, target / item.name)

    def trainers_box(self, context: PageContext) -> str:
        """The trainers' area (in the page's edition): links to what is built into descargas/formadores/."""
        href = lambda name: escape(context.link(f"{self.config.folder}/{TRAINERS_FOLDER}/{name}"))  # noqa: E731
        items = self.trainer_downloads()
        sheet = [f'<a href="{href(d.name)}" download>{escape(d.name.rsplit(".", 1)[1].upper())}</a>' for d in items if d.kind == "hoja"]
        rows = []
        for module in sorted({d.module for d in items if d.module}):
            quizzes = [d for d in items if d.module == module and d.kind == "cuestionario"]
            pack = next((d for d in items if d.module == module and d.kind == "paquete"), None)
            cells = [f'<a href="{href(d.name)}" download>{"entrada" if "entrada" in d.name else "salida"}</a>' for d in quizzes]
            pack_link = f'<a href="{href(pack.name)}" download>ZIP</a>' if pack else "—"
            rows.append(f"<tr><td>{escape(module)}</td><td>{' · '.join(cells) or '—'}</td><td>{pack_link}</td></tr>")
        texts = TRAINERS_TEXT[context.edition]
        return (f'<div class="dc-formadores-descargas">'
                f'<p><strong>{texts["sheet"]}</strong>: {" · ".join(sheet)}. {texts["sheet_note"]}</p>'
                f'<table><thead><tr><th>{texts["module"]}</th><th>{texts["quizzes"]}</th><th>{texts["pack"]}</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>'
                f'<p>{texts["keys"]}</p></div>')

    def offered(self, module) -> list[tuple[str, str]]:
        """(mode, layout) of every handout the site offers for a module."""
        modes = ["es", "qu", "bilingue"] if module.page_path("qu").is_file() else ["es"]
        return [(mode, layout) for mode in modes for layout in self.config.formats]

    def download_box(self, context: PageContext) -> str:
        """Module pages: their handouts, in the page's edition (a fallback on qu/ offers qu's)."""
        source, language = context.source, context.edition
        if source.parent.name != "modulos" or not MODULE_FILE.match(source.name.replace(".qu.md", ".md")):
            return ""
        module = self.modules.get(source.name.split(".")[0])
        if module is None:
            return ""
        offered = self.offered(module)
        own = language if (language, self.config.formats[0]) in offered else "es"
        labels = LABELS[language]
        links = []
        for mode, layout in offered:
            if mode not in (own, "bilingue"):
                continue
            if mode == "bilingue":
                label = labels.download_bilingual if layout == "a4" else f"{labels.download_booklet} · {labels.download_bilingual}"
            else:
                label = labels.download_single if layout == "a4" else labels.download_booklet
            href = context.link(f"{self.config.folder}/{handout_filename(module, mode, layout)}")
            links.append(f'<li><a href="{escape(href)}" download>{escape(label)}</a> <small>PDF</small></li>')
        return (f'<aside class="dc-descargas" aria-label="{escape(labels.download_title)}">'
                f'<p class="dc-descargas__titulo">{escape(labels.download_title)}</p><ul>{"".join(links)}</ul></aside>')


def print_footer(site_url: str | None, page_url: str, language: str) -> str:
    """Hidden on screen; on paper: the hotline, the page's address and its QR code.

    While site_url is an example address, neither the address nor the QR code: they
    would lead nowhere."""
    labels, words = LABELS[language], FOOTER[language]
    date = escape(words["date"].format(fecha=f"{edition_date():%d/%m/%Y}"))
    if is_placeholder(site_url):
        where, code = "", ""
    else:
        address = site_url.rstrip("/") + "/" + page_url.lstrip("/")
        where, code = f'{escape(words["address"])}:<br><span>{escape(address)}</span><br>', qr_code(address).svg
    return (f'<div class="dc-impreso" aria-hidden="true">'
            f'<p class="dc-impreso__linea100"><strong>Línea 100</strong> · {escape(labels.hotline)}</p>'
            f'<div class="dc-impreso__pagina">{code}<p>{where}{date}</p></div></div>')


def source_key(root: Path, module, mode: str, layout: str) -> str:
    """A hash of everything a handout is made from: pages, norms, review records, config
    and the site address it resolves to (SITE_URL), templates, code."""
    from defensoria.content.settings import site_settings
    from defensoria.revision.records import FOLDER, LEGAL_FILE, QUECHUA_FILE

    digest = hashlib.sha256(f"{mode}/{layout}/{site_settings(root).site_url}".encode())
    records = root / "docs" / FOLDER
    inputs = [module.page_path("es"), module.page_path("qu"), root / "mkdocs.yml", root / "docs" / "_datos" / "normas.yml",
              records / LEGAL_FILE, records / QUECHUA_FILE]
    package = resources.files("defensoria.printing")
    for path in inputs:
        if Path(path).is_file():
            digest.update(Path(path).read_bytes())
    for item in sorted(package.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".py"):
            digest.update(item.read_bytes())
    for item in sorted(package.joinpath("templates").iterdir(), key=lambda p: p.name):
        digest.update(item.read_bytes())
    return digest.hexdigest()[:16]
