"""Reading what people write in spreadsheets: names, yes/no, sex, dates, hours.

Each parser returns the clean value or raises ValueError with a Spanish reason that the
importer copies into the rejects file.
"""

import re
import unicodedata
from datetime import date, datetime

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
YES = {"si", "s", "x", "1", "true", "verdadero", "yes", "ari", "presente", "asistio"}
NO = {"no", "n", "0", "false", "falso", "mana", "ausente", "falto"}
SEXES = {
    "f": "F", "mujer": "F", "femenino": "F", "warmi": "F", "female": "F",
    "m": "M", "hombre": "M", "varon": "M", "masculino": "M", "qhari": "M", "khari": "M", "male": "M",
    "x": "X", "otro": "X", "otra": "X",
}


def fold(text: str) -> str:
    """Lower case without accents or punctuation: 'Huamán  Quispe' → 'huaman quispe'."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(_NOT_ALNUM.sub(" ", plain).split())


def header_key(text: str) -> str:
    """A column header as a key: accents, case, spaces and Kobo group paths removed.

    'Fecha del taller' → 'fecha_del_taller'; 'grupo_asistencia/Código' → 'codigo'.
    """
    last = str(text).replace("\ufeff", "").split("/")[-1]
    return fold(last).replace(" ", "_")


# Lower-case words inside Spanish names ('María de los Ángeles', 'Rosa del Carpio')
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "e", "da", "di"})
_APOSTROPHES = "'’ʼ´`"


def name_case(text: str) -> str:
    """'CH'ASKA Q'ORI' → "Ch'aska Q'ori": a capital at the start of each word and after a
    hyphen, never after an apostrophe (Quechua ch', k', p', q', t' are one letter), and
    Spanish particles in lower case unless they start the name.
    """
    words = []
    for position, word in enumerate(text.split()):
        lower = word.lower()
        if position and lower in _PARTICLES:
            words.append(lower)
            continue
        words.append("-".join(part[:1].upper() + part[1:] for part in lower.split("-")))
    return " ".join(words)


# "Ch'Aska": the capital after a glottalised consonant that str.title() used to write
_TITLE_AFTER_EJECTIVE = re.compile(r"(?<=[ChKkPpQqTt][" + _APOSTROPHES + r"])([A-ZÑ])(?=[a-zñáéíóú])")


def clean_name(text: str) -> str:
    """Names as typed, spaces tidied; all caps or all lower case get name_case().

    Mixed case is kept as typed, except the "Ch'Aska" slip, which becomes "Ch'aska".
    """
    words = " ".join(str(text).split())
    if words.isupper() or words.islower():
        return name_case(words)
    return _TITLE_AFTER_EJECTIVE.sub(lambda m: m.group(1).lower(), words)


def parse_yes_no(text: str, default: bool | None = None) -> bool:
    key = fold(text)
    if not key:
        if default is None:
            raise ValueError("falta responder sí o no")
        return default
    if key in YES:
        return True
    if key in NO:
        return False
    raise ValueError(f"'{text}' no es sí ni no")


# Marks of the "¿Asistió?" column. Ticks are symbols, which fold() would erase, so they
# are looked up before folding. A blank cell is neither: the row is "sin marcar".
ATTENDANCE_YES_MARKS = ("sí", "si", "x", "1", "✓")
ATTENDANCE_NO_MARKS = ("no", "0")
_TICKS = {"✓": True, "✔": True, "☑": True, "✗": False, "✘": False, "☒": False}


def parse_attendance_mark(value) -> bool | None:
    """True (attended), False (did not) or None (left blank: not an attendance)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if value in (0, 1):
            return bool(value)
        raise ValueError(f"'{value:g}' en ¿Asistió? no es una marca válida (use sí, si, x, 1 o ✓; no o 0)")
    text = str(value).strip()
    if not text:
        return None
    if text in _TICKS:
        return _TICKS[text]
    key = fold(text)
    if key in YES:
        return True
    if key in NO:
        return False
    raise ValueError(f"'{text}' en ¿Asistió? no es una marca válida (use sí, si, x, 1 o ✓; no o 0)")


def parse_sex(text: str) -> str | None:
    key = fold(text)
    if not key:
        return None
    if key in SEXES:
        return SEXES[key]
    raise ValueError(f"sexo '{text}' no reconocido (use F o M)")


def parse_date(value) -> str:
    """dd/mm/yyyy, dd-mm-yyyy, d/m/yy, ISO, ISO with time (Kobo), or a spreadsheet date."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        raise ValueError("falta la fecha")
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ].*)?", text):
            return date.fromisoformat(text[:10]).isoformat()
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", text)
        if match:
            day, month, year = (int(part) for part in match.groups())
            year += 2000 if year < 100 else 0
            return date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"la fecha '{text}' no existe") from None
    raise ValueError(f"fecha '{text}' no reconocida (use dd/mm/aaaa, por ejemplo 14/03/2026)")


def parse_hours(value, *, maximum: float | None = None) -> float:
    if isinstance(value, (int, float)):
        hours = float(value)
    else:
        text = str(value).strip().lower().replace(",", ".").removesuffix("h").strip()
        try:
            hours = float(text)
        except ValueError:
            raise ValueError(f"horas '{value}' no es un número") from None
    if hours < 0:
        raise ValueError("las horas no pueden ser negativas")
    if maximum is not None and hours > maximum + 1e-9:
        raise ValueError(f"{hours:g} horas es más que la duración del taller ({maximum:g})")
    return hours


