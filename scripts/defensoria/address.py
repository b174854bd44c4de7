"""The site's public address (mkdocs.yml `site_url`) and whether it is still a placeholder.

Printed QR codes and addresses lead readers to the site; while `site_url` is an example
address (example.org and the like) they would lead nowhere, so print leaves them out and
says why once. The real address comes from the SITE_URL environment variable or from
mkdocs.yml (`site_url: !ENV [SITE_URL, …]`).
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

from defensoria import paths
from defensoria.content.settings import site_settings

# Reserved names (RFC 2606/6761): example, example.com/.org/.net, .test, .invalid, .localhost
PLACEHOLDER_HOST = re.compile(r"(^|\.)(example(\.(com|org|net|edu))?|[^.]+\.(test|invalid|localhost|example))$|^localhost$", re.I)


def is_placeholder(url: str | None) -> bool:
    """True when there is no address or it points at a reserved example host."""
    host = urlsplit(url or "").hostname or ""
    return not host or bool(PLACEHOLDER_HOST.search(host)) or ".example." in f".{host}."


def placeholder_notice(url: str | None) -> str:
    """Why print carries no QR code and no address (Spanish, for the CLI and build log)."""
    shown = url or "(vacía)"
    return (f"site_url es una dirección de ejemplo: {shown}. Las hojas y páginas impresas no llevan "
            "código QR ni dirección del sitio. Para ponerlos, defina la dirección real: "
            "SITE_URL=https://… (variable de entorno) o site_url en mkdocs.yml.")


def configured_site_url(root: Path | None = None) -> str:
    """site_url as MkDocs reads it (SITE_URL wins through !ENV), ending in '/' ('' without mkdocs.yml)."""
    root = root or paths.find_root()
    if not (root / "mkdocs.yml").is_file():
        return ""
    url = site_settings(root).site_url
    return url if url.endswith("/") else url + "/"
