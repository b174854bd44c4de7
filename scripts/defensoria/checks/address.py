"""`revisar`: the public address printed in QR codes must be the real one."""

from collections.abc import Iterator
from pathlib import Path

from defensoria.address import configured_site_url, is_placeholder, placeholder_notice
from defensoria.checks import WARNING, Problem, check


@check("direccion")
def site_address(root: Path) -> Iterator[Problem]:
    config = root / "mkdocs.yml"
    url = configured_site_url(root)
    if config.is_file() and is_placeholder(url):
        line = next((n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("site_url:")), None)
        yield Problem(config, line, placeholder_notice(url), WARNING)
