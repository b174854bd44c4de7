"""The fonts embedded in every PDF: DejaVu Sans from Debian's fonts-dejavu-core.

It covers Spanish and Southern Quechua (ñ, á…, the apostrophe of ejectives ch' k' p' q'
t' in its ASCII and typographic forms). The files are named in @font-face rules with
file: URLs, so WeasyPrint never asks fontconfig for a substitute and never the network.
"""

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from defensoria.errors import DefensoriaError

FAMILY = "Defensoria Sans"
DEBIAN_PACKAGE = "fonts-dejavu-core"
FACES = {"normal": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
SEARCH_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
)


@lru_cache(maxsize=1)
def font_files() -> dict[str, Path]:
    """Weight → font file; a missing file raises DefensoriaError saying what to install."""
    found = {}
    for weight, name in FACES.items():
        path = next((folder / name for folder in SEARCH_DIRS if (folder / name).is_file()), None) or _fc_match(name)
        if path is None:
            raise DefensoriaError(
                f"falta la fuente {name} (DejaVu Sans), necesaria para los PDF. "
                f"Instálela con: apt-get install {DEBIAN_PACKAGE}"
            )
        found[weight] = path
    return found


def _fc_match(name: str) -> Path | None:
    """Ask fontconfig where a file of this name is (other distributions, other folders)."""
    if not shutil.which("fc-list"):
        return None
    listing = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, check=False).stdout
    return next((Path(line) for line in listing.splitlines() if Path(line).name == name), None)


def font_face_css() -> str:
    """@font-face rules for the embedded family."""
    rules = []
    for weight, path in font_files().items():
        rules.append(
            f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; font-style: normal; '
            f'src: url("{path.resolve().as_uri()}"); }}'
        )
    return "\n".join(rules)
