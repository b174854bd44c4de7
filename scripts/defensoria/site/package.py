"""`python -m defensoria.site.package SITE ZIP`: the built site as a zip for a USB stick.

Everything goes under one folder, `defensorias-cusco/`, so that unzipping on a phone or a
computer gives one folder whose index.html opens the site offline. The archive is
written to a temporary file first and renamed, so a failed run leaves no broken zip.
"""

import os
import sys
import tempfile
import zipfile
from pathlib import Path

FOLDER = "defensorias-cusco"
# Fixed timestamp: the same site gives the same zip
EPOCH = (2020, 1, 1, 0, 0, 0)


def make_zip(site: Path, target: Path) -> int:
    """Zip `site` into `target`; returns the number of files."""
    site = Path(site)
    if not (site / "index.html").is_file():
        raise SystemExit(f"Error: {site} no tiene index.html. Construya el sitio primero con 'make site'.")
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site.rglob("*") if p.is_file() and not p.name.endswith(".gz"))
    handle, temporary = tempfile.mkstemp(suffix=".zip", dir=target.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in files:
                info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site).as_posix()}", date_time=EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        # mkstemp makes the file private (0600); the site zip is meant to be shared
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
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
