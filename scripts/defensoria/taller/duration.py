"""Durations as trainers write them: 4h, 3h30, 3:30, 3,5h, 3.5 horas, 210m, 210 (minutes)."""

import re

from defensoria.errors import DefensoriaError

DURATION = re.compile(
    r"""^\s*(?:
        (?P<dh>\d+[,.]\d+)\s*(?:h|hr|hrs|hora|horas)                                    # 3,5h, 1.25 horas
      | (?P<h>\d+)\s*(?:h|hr|hrs|hora|horas)\s*(?:(?P<hm>\d{1,2})\s*(?:m|min|minutos)?)?   # 4h, 3h30, 3h 30min
      | (?P<ch>\d+):(?P<cm>\d{2})                                                       # 3:30
      | (?P<m>\d+)\s*(?:m|min|minutos)?                                                 # 210m, 210
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


class BadDuration(DefensoriaError):
    """A duration the planner cannot read."""


def parse_duration(text: str) -> int:
    """Minutes in `text`.

    >>> parse_duration("3h30")
    210
    """
    if str(text).strip().startswith("-"):
        raise BadDuration(f"la duración '{text}' es negativa; escriba cuánto dura el taller, por ejemplo 4h o 3h30.")
    match = DURATION.match(str(text))
    if not match:
        raise BadDuration(f"no se entiende la duración '{text}'. Escríbala como 4h, 3h30, 3,5h, 210m o 210 (minutos).")
    if match.group("dh") is not None:
        exact = float(match.group("dh").replace(",", ".")) * 60
        minutes, extra = round(exact), 0
        if abs(exact - minutes) > 1e-6:
            raise BadDuration(f"'{text}' no es un número entero de minutos; escríbala como 3h30 o 210m.")
    elif match.group("h") is not None:
        minutes = int(match.group("h")) * 60 + int(match.group("hm") or 0)
        extra = int(match.group("hm") or 0)
    elif match.group("ch") is not None:
        minutes = int(match.group("ch")) * 60 + int(match.group("cm"))
        extra = int(match.group("cm"))
    else:
        minutes, extra = int(match.group("m")), 0
    if extra >= 60:
        raise BadDuration(f"en '{text}' los minutos después de las horas deben ser menos de 60.")
    if not 0 < minutes <= 12 * 60:
        raise BadDuration(f"la duración '{text}' debe ser de más de 0 minutos y de 12 horas como máximo.")
    return minutes


def format_minutes(minutes: int) -> str:
    """210 → '3 h 30 min'; 45 → '45 min'; 240 → '4 h'."""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def format_clock(minutes: int) -> str:
    """Minutes since midnight (or since the start) → '9:05'."""
    hours, rest = divmod(int(minutes), 60)
    return f"{hours}:{rest:02d}"
