"""Writing the tracker's printable HTML/PDF (CSV and XLSX: defensoria.outputs).

Every file is written to a temporary name and then renamed, so an interrupted run never
leaves half a file. Files of the tracker may hold personal data: they are readable by
their owner only (0600).
"""

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from defensoria import files, outputs

PRIVATE = 0o600


@contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """files.atomic_path, and the finished file is made owner-only before it takes the name."""
    with files.atomic_path(target) as partial:
        yield partial
        if partial.exists():
            os.chmod(partial, PRIVATE)

TEMPLATES = Path(__file__).with_name("plantillas")
_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def render_html(template: str, **context) -> str:
    return _env.get_template(template).render(**context)


def write_text(target: Path, text: str) -> Path:
    with atomic_path(target) as partial:
        partial.write_text(text, encoding="utf-8")
    return Path(target)


def write_pdf(target: Path, html: str, base_url: Path | None = None) -> Path:
    """HTML to PDF (defensoria.outputs: offline, DejaVu fonts embedded, fixed dates), atomically."""
    pdf = outputs.html_to_pdf(html, base_url or TEMPLATES, identifier=b"defensoria-registro")
    with atomic_path(target) as partial:
        partial.write_bytes(pdf)
    return Path(target)


def bar_chart(items: Sequence[tuple[str, float | str]], *, unit: str = "", maximum: float | None = None, width: int = 640) -> str:
    """A horizontal bar chart as inline SVG (no JavaScript). Text values ('<5') get no bar."""
    bar_height, gap, label_width = 22, 8, 220
    numbers = [v for _, v in items if isinstance(v, (int, float))]
    top = maximum or max(numbers, default=0) or 1
    height = len(items) * (bar_height + gap) + gap
    room = width - label_width - 70
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">']
    for index, (label, value) in enumerate(items):
        y = gap + index * (bar_height + gap)
        text = _escape(label if len(label) <= 32 else label[:31] + "…")
        parts.append(f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end" font-size="12">{text}</text>')
        if isinstance(value, (int, float)):
            length = max(room * value / top, 1 if value else 0)
            parts.append(f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="#7b1f4f"/>')
            shown = f"{value:g}{unit}"
        else:
            length, shown = 0, _escape(str(value))
        parts.append(f'<text x="{label_width + length + 6:.1f}" y="{y + 15}" font-size="12">{shown}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
