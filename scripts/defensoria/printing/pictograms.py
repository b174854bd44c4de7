"""Pictograms for readers who read little: simple black line drawings, inline SVG.

Drawn on a 24×24 grid with thick strokes so they survive photocopies. Each has a
Spanish name; `pictogram(name, label)` returns the SVG (aria-hidden unless labelled).
"""

from html import escape

from markupsafe import Markup

# Path data on a 24×24 grid; strokes only (fill none), except where `fill` is noted
_SHAPES = {
    # Handset: Línea 100
    "telefono": '<path d="M7 3h3l1.5 5-2 1.5a11 11 0 0 0 5 5l1.5-2 5 1.5v3a2 2 0 0 1-2 2A17 17 0 0 1 5 5a2 2 0 0 1 2-2z"/>',
    # House: violence at home
    "casa": '<path d="M3 11.5 12 4l9 7.5"/><path d="M5.5 9.5V20h13V9.5"/><path d="M10 20v-5.5h4V20"/>',
    # Two people: family, community
    "personas": '<circle cx="8.5" cy="7" r="3"/><path d="M2.5 20v-2a6 6 0 0 1 12 0v2"/>'
                '<circle cx="17" cy="8" r="2.5"/><path d="M16 13.2a5 5 0 0 1 6 4.8v2"/>',
    # Scales: rights, the law
    "balanza": '<path d="M12 3v17M7 20h10M4 6h16"/><path d="M6 6 3 13h6zM18 6l-3 7h6z"/>'
               '<path d="M3 13a3 3 0 0 0 6 0M15 13a3 3 0 0 0 6 0"/>',
    # Speech bubble: telling, reporting
    "hablar": '<path d="M4 5h16v10H10l-5 4v-4H4z"/><path d="M8 9h8M8 12h5"/>',
    # Shield: protection
    "escudo": '<path d="M12 3 4 6v5c0 5 3.5 8.5 8 10 4.5-1.5 8-5 8-10V6z"/><path d="m8.5 12 2.5 2.5 4.5-5"/>',
    # Shield with a star: police station
    "comisaria": '<path d="M12 3 4 6v5c0 5 3.5 8.5 8 10 4.5-1.5 8-5 8-10V6z"/>'
                 '<path d="m12 8 1.2 2.5 2.8.4-2 1.9.5 2.7-2.5-1.3-2.5 1.3.5-2.7-2-1.9 2.8-.4z"/>',
    # Heart in hands: care centre (CEM)
    "cuidado": '<path d="M12 11.5 8.7 8.3a2.2 2.2 0 0 1 3.3-3 2.2 2.2 0 0 1 3.3 3z"/>'
               '<path d="M3 13.5 7 17h6l5-3.5M21 13.5 17 17"/><path d="M3 13.5 6 12l3 2h4"/>',
    # Courthouse: juzgado de paz
    "juzgado": '<path d="M3 9 12 4l9 5z"/><path d="M5 9v8M9.5 9v8M14.5 9v8M19 9v8M3 17.5h18M2 20.5h20"/>',
    # Adult and child: DEMUNA, children
    "nino": '<circle cx="8" cy="5.5" r="2.5"/><path d="M4 21v-8a4 4 0 0 1 8 0v8"/>'
            '<circle cx="17" cy="11" r="2"/><path d="M14 21v-4.5a3 3 0 0 1 6 0V21"/><path d="M12 15.5h2"/>',
    # Signpost: the route of help
    "ruta": '<path d="M12 3v18M8 21h8"/><path d="M12 5h7l2 2-2 2h-7zM12 11H5l-2 2 2 2h7z"/>',
}

# One pictogram per module for the handout's heading; others get "personas"
MODULE_PICTOGRAM = {
    "m01": "balanza", "m02": "casa", "m03": "personas", "m04": "hablar", "m05": "escudo",
    "m06": "juzgado", "m07": "nino", "m08": "ruta", "m09": "personas", "m10": "personas",
    "m11": "escudo", "m12": "cuidado",
}


def names() -> list[str]:
    return list(_SHAPES)


def pictogram(name: str, label: str = "", size: str = "1em") -> Markup:
    """Inline SVG; `label` makes it an image with a name, else it is decorative."""
    if name not in _SHAPES:
        raise KeyError(f"Unknown pictogram: {name}")
    role = f' role="img" aria-label="{escape(label)}"' if label else ' aria-hidden="true"'
    return Markup(
        f'<svg class="picto picto-{name}" viewBox="0 0 24 24" width="{size}" height="{size}"{role} '
        'fill="none" stroke="#000" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">'
        f"{_SHAPES[name]}</svg>"
    )


def module_pictogram(code: str, size: str = "1em") -> Markup:
    return pictogram(MODULE_PICTOGRAM.get(code, "personas"), size=size)
