"""QR codes (segno) as inline SVG, black on white, to scan from a photocopy."""

from dataclasses import dataclass

import segno


@dataclass(frozen=True)
class QRCode:
    """The payload (what a phone reads) and the SVG that draws it."""

    payload: str
    svg: str


def qr_code(url: str, *, title: str = "") -> QRCode:
    """Error correction M (15 %): survives a crease or a smudge on a photocopy."""
    code = segno.make_qr(url, error="m")
    svg = code.svg_inline(scale=4, border=4, dark="#000", light="#fff", title=title or None, omitsize=True)
    return QRCode(payload=url, svg=svg)
