"""Shared fixtures of the print tests: a copy of the real content, with a Quechua page for m04.

The Quechua module pages are being written while the print tool is; when the copy has no
m04-la-denuncia.qu.md, the one in tests/printing/data/ (a short draft) is used.
"""

import math
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "printing" / "data"
MODULE = "m04"
# A real-looking address: with the example one in mkdocs.yml print carries no QR codes
REAL_URL = "https://defensorias-cusco.org.pe/"


def with_real_address(project: Path, url: str) -> None:
    """Set site_url in a project copy's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = re.sub(r"^site_url:.*$", f"site_url: {url}", config.read_text(encoding="utf-8"), count=1, flags=re.M)
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def print_project(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("impresion") / "proyecto"
    target.mkdir()
    for name in ("docs", "quizzes"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    with_real_address(target, REAL_URL)
    quechua = target / "docs" / "modulos" / "m04-la-denuncia.qu.md"
    if not quechua.is_file():
        shutil.copy(DATA / quechua.name, quechua)
    return target


def font_sizes(pdf: Path) -> list[tuple[float, str]]:
    """(size in points, text) of every text run on the first page."""
    from pypdf import PdfReader

    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((round(size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]), 2), text.strip()))

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    return runs


def decode_qr_codes(pdf: Path, tmp_path: Path) -> set[str]:
    """Texts of the QR codes on the first page (pdftoppm from poppler-utils + zxing-cpp)."""
    import zxingcpp
    from PIL import Image

    stem = tmp_path / "pagina"
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)], check=True)
    return {code.text for code in zxingcpp.read_barcodes(Image.open(f"{stem}.png"))}
