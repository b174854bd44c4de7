"""Driver: the full manual in one language (cover, contents, modules, glossary, directory,
norms), with page numbers and running headers.

Example:

    pdf, notes = manual_pdf(root, "qu")
    notes   # ['m05: sin página en quechua; va en castellano con un aviso.']
"""

from datetime import date, datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path

from defensoria.address import is_placeholder
from defensoria.catalog import load_modules
from defensoria.printing.chapters import Chapter, chapter_for, render_chapter
from defensoria.printing.fonts import font_face_css
from defensoria.printing.handouts import _ENV
from defensoria.printing.model import review_stamp
from defensoria.printing.pdf import html_to_pdf
from defensoria.printing.pictograms import pictogram
from defensoria.printing.qr import qr_code
from defensoria.printing.render import site_settings
from defensoria.printing.strings import LABELS

# Pages after the modules, in this order (Spanish paths under docs/)
APPENDICES = ("glosario.md", "directorio.md", "normas.md")


@lru_cache(maxsize=1)
def document_css() -> str:
    """Fonts and the CSS shared by the manual and the trainer's documents."""
    return font_face_css() + "\n" + resources.files("defensoria.printing").joinpath("templates/manual.css").read_text(encoding="utf-8")


def edition_date() -> date:
    """Today, or SOURCE_DATE_EPOCH for reproducible builds."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def manual_chapters(root: Path, language: str) -> tuple[list[Chapter], list[str]]:
    """Modules then appendices, and notes on pages shown in Spanish for lack of Quechua."""
    chapters, notes = [], []
    for module in load_modules(root):
        relative = module.path.relative_to(module.path.parents[1]).as_posix()
        chapter = chapter_for(root, relative, language, module.modulo)
        chapter.module = module
        chapters.append(chapter)
    for relative in APPENDICES:
        if (root / "docs" / relative).is_file():
            chapters.append(chapter_for(root, relative, language, relative[: -len(".md")]))
    for chapter in chapters:
        if chapter.fallback:
            notes.append(f"{chapter.source}: sin página en {LABELS[language].language_name.lower()}; va en castellano con un aviso.")
    return chapters, notes


def render_manual_html(root: Path, language: str) -> tuple[str, list[str]]:
    chapters, notes = manual_chapters(root, language)
    anchors = {chapter.source: chapter.anchor for chapter in chapters}
    for chapter in chapters:
        chapter.html = render_chapter(chapter, root, anchors)
        chapter.review = review_stamp(chapter.module, language) if chapter.module else ""
    settings = site_settings(root)
    home = None if is_placeholder(settings.site_url) else settings.absolute("" if language == "es" else f"{language}/")
    html = _ENV.get_template("manual.html.j2").render(
        chapters=chapters, language=language, t=LABELS[language], t_es=LABELS["es"], css=document_css(),
        site_name=settings.site_names.get(language, settings.site_name), edition=edition_date().strftime("%d/%m/%Y"),
        qr=qr_code(home) if home else None, home=home, picto=pictogram,
    )
    return html, notes


def manual_pdf(root: Path, language: str, refused: list[str] | None = None) -> tuple[bytes, list[str]]:
    html, notes = render_manual_html(root, language)
    return html_to_pdf(html, root, title=LABELS[language].manual_title, language=language, refused=refused), notes
