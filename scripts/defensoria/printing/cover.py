"""The trainer's pack cover: one A4 page with the modules, what the pack holds in print
order, a note (how to get the quiz keys) and the Línea 100.

Used by the CLI pack (pack.py) and by the site's trainers' area (trainers.py).
"""

from datetime import date
from html import escape
from importlib import resources
from pathlib import Path

from defensoria.catalog import Module
from defensoria.printing.strings import LABELS


def cover_html(modules: list[Module], contents: list[tuple[str, str]], *, quiz_note: str, language: str = "es") -> str:
    """The pack's first page: what it is for, the modules, what is inside in print order."""
    labels = LABELS[language]
    items = "".join(f"<li><strong>{escape(name)}</strong> — {escape(what)}</li>" for name, what in contents)
    module_list = "".join(f"<li>{escape(m.modulo)} · {escape(m.title)} · {m.horas:g} h</li>" for m in modules)
    css = (resources.files("defensoria.printing") / "templates" / "portada-paquete.css").read_text(encoding="utf-8")
    return f"""<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>Paquete del taller</title>
<style>{css}</style></head><body>
<p class="sitio">Defensorías Comunitarias de Cusco · para formadoras y formadores</p>
<h1>Paquete del taller</h1>
<ul class="modulos">{module_list}</ul>
<h2>Qué trae, en el orden para imprimir (A4, blanco y negro)</h2>
<ol class="contenido">{items}</ol>
<p class="nota">{escape(quiz_note)}</p>
<p class="nota">La hoja de asistencia llena tiene datos personales: guárdela en un lugar seguro y no la publique.
En la columna ¿Asistió? escriba sí, si, x, 1 o ✓ (vino) o no, 0 (no vino); una fila sin marcar no cuenta como asistencia.</p>
<div class="linea100"><strong>Línea 100</strong><br>{escape(labels.hotline)}</div>
<p class="fecha">Preparado el {date.today():%d/%m/%Y}</p>
</body></html>"""


def cover_pdf(root: Path, modules: list[Module], contents: list[tuple[str, str]], quiz_note: str) -> bytes:
    from defensoria.printing.pdf import html_to_pdf

    return html_to_pdf(cover_html(modules, contents, quiz_note=quiz_note), root, title="Paquete del taller")
