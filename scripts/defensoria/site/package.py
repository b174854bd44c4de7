"""`python -m defensoria.site.package SITE ZIP`: the built site as a zip for a USB stick.

Everything goes under one folder, `defensorias-cusco/`, so that unzipping on a phone or a
computer gives one folder whose index.html opens the site offline. The archive is
written to a temporary file first and renamed, so a failed run leaves no broken zip
(defensoria.outputs makes it, with the fixed date every zip of the project carries).
"""

import os
import sys
from pathlib import Path

from defensoria.files import write_atomic
from defensoria.outputs import zip_bytes

FOLDER = "defensorias-cusco"


def make_zip(site: Path, target: Path) -> int:
    """Zip `site` into `target`; returns the number of files."""
    site = Path(site)
    if not (site / "index.html").is_file():
        raise SystemExit(f"Error: {site} no tiene index.html. Construya el sitio primero con 'make site'.")
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site.rglob("*") if p.is_file() and not p.name.endswith(".gz"))
    data = zip_bytes(((f"{FOLDER}/{path.relative_to(site).as_posix()}", path.read_bytes()) for path in files), level=9)
    write_atomic(target, data)
    # write_atomic's temporary file is private (0600); the site zip is meant to be shared
    os.chmod(target, 0o644)
    return len(files)


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit("Uso: python -m defensoria.site.package CARPETA_DEL_SITIO ARCHIVO.zip")
    site, target = Path(argv[0]), Path(argv[1])
    count = make_zip(site, target)
    size = target.stat().st_size / 1024
    print(f"✅ {target}: {count} archivos, {size:,.0f} KiB. Descomprímalo y abra {FOLDER}/index.html.")


if __name__ == "__main__":
    main(sys.argv[1:])
