"""What a facilitator guide shows of its module, for the site and for print alike.

`<!-- objetivos-del-modulo -->` becomes the module's objectives and
`<!-- puntos-clave-del-modulo -->` its key points, linked from the module, never copied
into the guide. No plugin here: print fills the same markers without a site build (links
are MkDocs' relative-URL helper through site.context.relative_link, as on the site).
"""

from pathlib import Path

from defensoria.catalog import Module
from defensoria.content.project import key_points_of, module_page, module_title, translated_objectives
from defensoria.site.context import relative_link
from defensoria.taller.guides import Guide

GUIDES_MARKER = "<!-- guias-taller -->"
OBJECTIVES_MARKER = "<!-- objetivos-del-modulo -->"
KEY_POINTS_MARKER = "<!-- puntos-clave-del-modulo -->"

TEXT = {
    "es": {
        "columns": ("Módulo", "Guía", "Duración"),
        "pending": "en preparación",
        "none": "Las guías se publican aquí a medida que están listas.",
        "note": "Para formadoras y formadores: [guía del taller de este módulo]({link}).",
        "read_aloud": "Para leer en voz alta en la asamblea o la radio: [texto de este módulo]({link}).",
        "see_module": "Del [módulo {n}, {title}]({link}).",
    },
    "qu": {
        "columns": ("Yachay", "Qillqa", "Pacha"),
        "pending": "wakichikuchkan",
        "none": "Yachachiqpaq qillqakunaqa kaypim rikhurinqa, wakichisqa kasqanman hina.",
        "note": "Yachachiqkunapaq: [kay yachaypa yachachiqpaq qillqan]({link}).",
        "read_aloud": "Huñunakuypi utaq radiopi kunkawan ñawinchanapaq: [kay yachaypa qillqan]({link}).",
        "see_module": "[{n} yachaymanta, {title}]({link}).",
    },
}


def spanish_name(path: Path) -> str:
    """'m04-la-denuncia.qu.md' → 'm04-la-denuncia.md'."""
    name = path.name
    return name[: -len(".qu.md")] + ".md" if name.endswith(".qu.md") else name


def guide_title(guide: Guide) -> str:
    """'Guía del taller: La denuncia' → 'La denuncia' (the table already says 'Guía')."""
    return guide.title.split(":", 1)[1].strip() if ":" in guide.title else guide.title


def module_link(module: Module, source: Path) -> str:
    return relative_link(Path("modulos") / module.path.name, source)


def objectives(module: Module, language: str, source: Path) -> str:
    """The module's objectives: the catalogue's (Spanish) or the Quechua page's own list."""
    text = TEXT[language]
    link = text["see_module"].format(n=int(module.modulo[1:]), title=module_title(module, language), link=module_link(module, source))
    if translated := translated_objectives(module, language):
        return "\n".join(f"- {item}" for item in translated) + f"\n\n{link}\n"
    lines = [f"{i}. {objective}" for i, objective in enumerate(module.objetivos, start=1)]
    return "\n".join(lines) + f"\n\n{link}\n"


def key_points(module: Module, language: str, source: Path) -> str:
    """The `!!! puntos-clave` list of the module page in this language (or the Spanish one)."""
    page = module_page(module, language) or module_page(module, "es")
    points = key_points_of(page)
    link = TEXT[language]["see_module"].format(n=int(module.modulo[1:]), title=module_title(module, language), link=module_link(module, source))
    # One tight list in the guide, whatever spacing the module page uses
    items = "\n".join(line for line in points.markdown.splitlines() if line.strip())
    return items + f"\n\n{link}\n"


def expand_guide_markers(markdown: str, module: Module, language: str, source: Path) -> str:
    """A guide's objectives and key points markers filled from its module, in `language`."""
    markdown = markdown.replace(OBJECTIVES_MARKER, objectives(module, language, source))
    return markdown.replace(KEY_POINTS_MARKER, key_points(module, language, source))
