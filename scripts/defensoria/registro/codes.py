"""People codes with a check digit, and certificate verification codes.

Many people share names (Quispe, Mamani, Huamán), so a person is known by a code the
tool issues: `P-00012-5`. The last digit is a Damm check digit, which catches every
single wrong digit and every swap of two neighbouring digits, the usual mistakes when
a code is copied from a paper sheet.

    >>> format_person_code(12)
    'P-00012-5'
    >>> parse_person_code("p 000125")
    'P-00012-5'
"""

import hashlib
import re
import secrets

from defensoria.errors import DefensoriaError

# Damm's totally anti-symmetric quasigroup of order 10
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)
BODY_DIGITS = 5
_CODE_INPUT = re.compile(r"^P?(\d{%d,})$" % (BODY_DIGITS + 1))
# Crockford's base32 without I, L, O, U: nothing to confuse when read aloud or typed
VERIFICATION_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
HASH_PREFIX = "defensoria-certificado:"


class InvalidCode(DefensoriaError):
    """A person code that is badly written or whose check digit does not match."""


def damm_digit(digits: str) -> int:
    """The Damm check digit of a string of digits."""
    interim = 0
    for char in digits:
        interim = _DAMM[interim][ord(char) - 48]
    return interim


def format_person_code(number: int) -> str:
    """The printed code of the person with this sequence number."""
    body = str(number).zfill(BODY_DIGITS)
    return f"P-{body}-{damm_digit(body)}"


def parse_person_code(text: str) -> str:
    """Canonical form of a typed code; InvalidCode (Spanish) when it cannot be right."""
    compact = re.sub(r"[\s\-_.]", "", str(text)).upper()
    match = _CODE_INPUT.match(compact)
    if not match:
        raise InvalidCode(f"el código '{text}' no tiene la forma P-00012-5.")
    digits = match.group(1)
    if damm_digit(digits) != 0:
        raise InvalidCode(f"el código '{text}' no es válido: el último dígito (de control) no coincide; revise si se copió mal.")
    body = digits[:-1]
    return f"P-{body}-{digits[-1]}"


def person_number(code: str) -> int:
    """Sequence number inside a canonical code."""
    return int(code.split("-")[1])


def new_verification_code() -> str:
    """12 random characters (60 bits) grouped for reading: '7KQ2-M9PX-4TRB'."""
    raw = "".join(secrets.choice(VERIFICATION_ALPHABET) for _ in range(12))
    return f"{raw[0:4]}-{raw[4:8]}-{raw[8:12]}"


def normalize_verification_code(text: str) -> str:
    """What a person types (lower case, spaces, O for 0) as the stored code."""
    compact = re.sub(r"[\s\-]", "", text).upper().replace("O", "0").replace("I", "1").replace("L", "1")
    return f"{compact[0:4]}-{compact[4:8]}-{compact[8:12]}" if len(compact) == 12 else compact


def verification_hash(code: str) -> str:
    """sha256 of the prefixed code: what the public site lists, never the code itself."""
    return hashlib.sha256((HASH_PREFIX + normalize_verification_code(code)).encode()).hexdigest()
