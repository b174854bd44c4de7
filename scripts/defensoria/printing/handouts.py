"""Driver: handouts for assemblies, per module, in es, qu or both (bilingue), A4 or A5.

A4: one page (the bilingual one has Spanish and Quechua side by side). A5: pages of a
booklet imposed two per A4 sheet, to print on both sides and fold.

Example:

    handout = load_handout(get_module("m04"), root)
    pdf = handout_pdf(handout, "bilingue", "a4", root)   # bytes of a one-page A4 PDF
    handout_filename(handout.module, "bilingue", "a4")   # 'm04-la-denuncia-bilingue-a4.pdf'
"""

from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from defensoria.catalog import Module
from defensoria.printing.fonts import font_face_css
from defensoria.printing.model import Handout
from defensoria.errors import SourceError
from defensoria.printing.pdf import html_to_pdf, impose_booklet, page_count
from defensoria.printing.pictograms import module_pictogram, pictogram
from defensoria.printing.render import site_settings
from defensoria.printing.strings import LABELS

MODES = ("es", "qu", "bilingue")
LAYOUTS = ("a4", "a5")
MODE_LANGUAGES = {"es": ("es",), "qu": ("qu",), "bilingue": ("es", "qu")}

_ENV = Environment(
    loader=PackageLoader("defensoria.printing", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)



def css_string(text: str) -> Markup:
    """A CSS string literal (for @page margin boxes), safe inside <style>."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", " ")
    return Markup(f'"{escaped}"')


_ENV.filters["css_string"] = css_string


@lru_cache(maxsize=1)
def handout_css() -> str:
    return font_face_css() + "\n" + resources.files("defensoria.printing").joinpath("templates/hoja.css").read_text(encoding="utf-8")


def handout_filename(module: Module, mode: str, layout: str) -> str:
    return f"{module.slug}-{mode}-{layout}.pdf"


def needs_quechua(mode: str) -> bool:
    return "qu" in MODE_LANGUAGES[mode]


def render_handout_html(handout: Handout, mode: str, layout: str, root: Path, compact: bool = False) -> str:
    """The handout's HTML; MissingTranslation when a Quechua side is asked for and absent."""
    if mode not in MODES or layout not in LAYOUTS:
        raise ValueError(f"Unknown handout variant: {mode}/{layout}")
    sides = [handout.side(language) for language in MODE_LANGUAGES[mode]]
    settings = site_settings(root)
    return _ENV.get_template("hoja.html.j2").render(
        handout=handout, sides=sides, layout=layout, compact=compact, t=LABELS, picto=pictogram,
        module_picto=module_pictogram(handout.module.modulo), css=handout_css(),
        site_name=settings.site_names.get(sides[0].language, settings.site_name),
    )


def handout_pdf(handout: Handout, mode: str, layout: str, root: Path, refused: list[str] | None = None) -> bytes:
    """PDF bytes of one handout; A5 pages come imposed as a booklet on A4 sheets."""
    first = handout.side(MODE_LANGUAGES[mode][0])
    title = f"{LABELS[first.language].module.format(n=first.number)} · {first.title}"
    # Two languages on one A4 page start tight; one language starts with larger type
    compact = layout == "a4" and mode == "bilingue"
    pdf = html_to_pdf(render_handout_html(handout, mode, layout, root, compact), root, title=title, language=first.language, refused=refused)
    if layout == "a5":
        return impose_booklet(pdf)
    if page_count(pdf) > 1 and not compact:
        # Long key points: a tighter layout, never smaller than 12 pt
        pdf = html_to_pdf(render_handout_html(handout, mode, layout, root, compact=True), root, title=title, language=first.language, refused=refused)
    if page_count(pdf) > 1:
        side = handout.side(MODE_LANGUAGES[mode][-1])
        raise SourceError(side.key_points.path, side.key_points.line,
                          f"los puntos clave no caben en una hoja A4 ({mode}); acórtelos o deje menos puntos.")
    return pdf
