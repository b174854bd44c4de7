"""A facilitator guide as a printed document (the trainer's pack and the trainers' folder)."""

from pathlib import Path

from defensoria import paths
from defensoria.catalog import Module
from defensoria.printing.chapters import chapter_for, render_chapter
from defensoria.printing.handouts import _ENV
from defensoria.printing.manual import document_css
from defensoria.printing.pdf import html_to_pdf
from defensoria.printing.render import site_settings
from defensoria.printing.strings import LABELS
from defensoria.taller.guides import guide_path


def guide_source(root: Path, module: Module) -> str | None:
    """Path under docs/ of the module's facilitator guide, if written."""
    path = guide_path(module.modulo, root)
    return path.relative_to(paths.docs_dir(root)).as_posix() if path.is_file() else None


def guide_pdf(root: Path, source: str, language: str) -> bytes:
    """One guide as a printed document, with its module's key points filled in."""
    chapter = chapter_for(root, source, language, "guia")
    chapter.html = render_chapter(chapter, root, {source: "guia"})
    settings = site_settings(root)
    html = _ENV.get_template("documento.html.j2").render(
        chapters=[chapter], language=language, t=LABELS[language], t_es=LABELS["es"], css=document_css(),
        site_name=settings.site_names.get(language, settings.site_name), title=chapter.title,
    )
    return html_to_pdf(html, root, title=chapter.title, language=language)
