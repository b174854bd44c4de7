"""Markdown → HTML for print, with the site's own extensions read from mkdocs.yml.

The pages render for paper exactly as for the site: same admonitions, attribute lists,
flow diagrams and citations. Only links change afterwards (see `manual.scope_html`),
and citations become plain text where a link means nothing (a handout).
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import markdown

from defensoria import paths
from defensoria.errors import SourceError
from defensoria.legal.norms import norms_path

CITATIONS = "defensoria.legal.citations"
CITATION_LINK = re.compile(r'<a\b(?=[^>]*\bclass="cita")[^>]*>(.*?)</a>')


@dataclass(frozen=True)
class SiteSettings:
    """What print needs from mkdocs.yml."""

    site_name: str
    site_url: str
    extensions: tuple
    extension_configs: dict
    # Site name per language (the i18n plugin's site_name overrides)
    site_names: dict

    def absolute(self, site_path: str) -> str:
        """'modulos/m04-x.html' → 'https://…/modulos/m04-x.html'."""
        return self.site_url.rstrip("/") + "/" + site_path.lstrip("/")


@lru_cache(maxsize=8)
def _settings(config_file: Path, mtime: float) -> SiteSettings:
    from mkdocs.utils.yaml import yaml_load

    try:
        with open(config_file, encoding="utf-8") as stream:
            config = yaml_load(stream) or {}
    except Exception as error:  # yaml errors and unknown !!python/name tags alike
        mark = getattr(error, "problem_mark", None)
        raise SourceError(config_file, mark.line + 1 if mark else None, f"no se puede leer mkdocs.yml ({error}).") from None
    names, configs = [], {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                configs[name] = dict(options or {})
        else:
            names.append(str(item))
    if not config.get("site_url"):
        raise SourceError(config_file, None, "falta site_url en mkdocs.yml (los códigos QR de las hojas lo usan).")
    site_name = str(config.get("site_name") or "")
    return SiteSettings(site_name, str(config["site_url"]), tuple(names), configs, _site_names(config, site_name))


def _site_names(config: dict, default: str) -> dict:
    names = {"es": default, "qu": default}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for language in plugin["i18n"].get("languages") or []:
                if isinstance(language, dict) and language.get("locale") and language.get("site_name"):
                    names[language["locale"]] = str(language["site_name"])
    return names


def site_settings(root: Path | None = None) -> SiteSettings:
    config_file = (root or paths.find_root()) / "mkdocs.yml"
    if not config_file.is_file():
        raise SourceError(config_file, None, "no existe mkdocs.yml en la carpeta del proyecto (use --raiz).")
    return _settings(config_file.resolve(), config_file.stat().st_mtime)


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
