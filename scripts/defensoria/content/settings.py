"""Site settings read from mkdocs.yml: site URL, names per language, languages, extensions.

mkdocs.yml holds `!!python/name:` tags that a plain YAML loader rejects; it is read with
MkDocs' own loader (the one place besides content.yamlfile that parses YAML), once per
change of the file or of the environment its `!ENV` tags read (SITE_URL).

Example:

    settings = site_settings(root)
    settings.site_url                       # 'https://defensorias-cusco.example.org/'
    settings.absolute("modulos/m04-x.html") # 'https://defensorias-cusco.example.org/modulos/m04-x.html'
    settings.languages, settings.default_language   # ('es', 'qu'), 'es'
    settings.site_names["qu"]               # 'Qusqupi Ayllu Defensoríakuna'
"""

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from defensoria import paths
from defensoria.errors import SourceError


@dataclass(frozen=True)
class SiteSettings:
    site_name: str
    site_url: str
    # Python-Markdown extensions and their options, as the site renders pages
    extensions: tuple
    extension_configs: dict
    # Site name per language (the i18n plugin's site_name overrides)
    site_names: dict
    languages: tuple = ("es", "qu")
    default_language: str = "es"
    # The i18n plugin's nav_translations per language (section titles of the nav)
    nav_translations: dict = field(default_factory=dict)
    path: Path = Path("mkdocs.yml")

    def absolute(self, site_path: str) -> str:
        """'modulos/m04-x.html' → 'https://…/modulos/m04-x.html'."""
        return self.site_url.rstrip("/") + "/" + site_path.lstrip("/")


def _i18n(config: dict) -> dict:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            return plugin["i18n"]
    return {}


@lru_cache(maxsize=8)
def _settings(config_file: Path, mtime: float, environment: tuple) -> SiteSettings:
    from mkdocs.utils.yaml import yaml_load  # MkDocs' loader knows its own tags

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
    site_names = {"es": site_name, "qu": site_name}
    languages, default, translations = [], "es", {}
    for language in _i18n(config).get("languages") or []:
        if not isinstance(language, dict) or not language.get("locale"):
            continue
        locale = str(language["locale"])
        languages.append(locale)
        if language.get("default"):
            default = locale
        if language.get("site_name"):
            site_names[locale] = str(language["site_name"])
        translations[locale] = dict(language.get("nav_translations") or {})
    return SiteSettings(site_name, str(config["site_url"]), tuple(names), configs, site_names,
                        tuple(languages) or ("es", "qu"), default, translations, config_file)


def site_settings(root: Path | None = None) -> SiteSettings:
    """The settings of the project at `root` (re-read when mkdocs.yml changes)."""
    config_file = Path(root or paths.find_root()) / "mkdocs.yml"
    if not config_file.is_file():
        raise SourceError(config_file, None, "no existe mkdocs.yml en la carpeta del proyecto (use --raiz).")
    return _settings(config_file.resolve(), config_file.stat().st_mtime, tuple(sorted(os.environ.items())))
