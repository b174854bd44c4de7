"""Seeded paper versions: which items, in which order, with which letters; and their keys.

The same (modules, seed, number of questions, version count) always gives the same
versions and codes. Every random choice comes from `random.Random`, never the global one.

Example:

    >>> versions = make_versions(banks, count=4, seed="taller-ccatca", n_questions=10)
    >>> versions[0].code, versions[0].key
    ('V1-K7QD', ['B', 'AC', 'A', …])
"""

import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path

from defensoria.errors import DefensoriaError, SourceError
from defensoria.quiz.bank import all_items
from defensoria.quiz.layout import Shown, present
from defensoria.quiz.model import Bank

KEYS_FORMAT = "defensoria-claves/1"
# No 0/O, 1/I/L: codes are copied by hand from paper
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class Version:
    code: str
    number: int  # 1-based
    questions: list[Shown]

    @property
    def key(self) -> list[str]:
        return [shown.answer for shown in self.questions]


def version_code(seed: str, modules: list[str], n_questions: int, number: int) -> str:
    """'V1-K7QD': the number, then 4 characters that change with seed, modules and size."""
    digest = hashlib.sha256(f"{seed}|{','.join(modules)}|{n_questions}|{number}".encode()).digest()
    tail = "".join(CODE_ALPHABET[b % len(CODE_ALPHABET)] for b in digest[:4])
    return f"V{number}-{tail}"


def make_versions(banks: list[Bank], count: int, seed: str, n_questions: int | None = None) -> list[Version]:
    """`count` versions drawing `n_questions` items (default all) from the banks, shuffled."""
    pool = all_items(banks)
    n = n_questions or len(pool)
    if count < 1:
        raise DefensoriaError("el número de versiones debe ser 1 o más.")
    if not 1 <= n <= len(pool):
        raise DefensoriaError(f"se piden {n} preguntas pero los bancos elegidos tienen {len(pool)}.")
    modules = [bank.module for bank in banks]
    versions = []
    for number in range(1, count + 1):
        rng = random.Random(f"{seed}|{','.join(modules)}|{n}|{number}")
        items = rng.sample(pool, n)
        versions.append(Version(version_code(seed, modules, n, number), number, [present(item, rng) for item in items]))
    codes = [v.code for v in versions]
    if len(set(codes)) != len(codes):  # astronomically unlikely, but a clash would misgrade
        raise DefensoriaError("dos versiones salieron con el mismo código; use otra semilla.")
    return versions


def keys_document(versions: list[Version], seed: str, modules: list[str], language: str) -> dict:
    """What grading needs: per version, item ids, right letters and letter → option key."""
    return {
        "formato": KEYS_FORMAT,
        "semilla": seed,
        "modulos": modules,
        "idioma": language,
        "versiones": {
            version.code: [
                {
                    "id": shown.item.id,
                    "tipo": shown.item.tipo,
                    "clave": shown.answer,
                    "letras": shown.n_letters,
                    "opciones": [c.key for c in shown.choices] or [key for key, _ in shown.rights],
                }
                for shown in version.questions
            ]
            for version in versions
        },
    }


def dump_keys(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_keys(path: Path) -> dict:
    """A claves.json written by `cuestionario imprimir`."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(path, None, "no existe el archivo de claves; se crea con 'defensoria cuestionario imprimir' (claves.json en la carpeta de salida).")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SourceError(path, getattr(error, "lineno", None), "el archivo de claves está dañado; vuelva a generarlo con la misma semilla.") from None
    if not isinstance(document, dict) or document.get("formato") != KEYS_FORMAT:
        raise SourceError(path, 1, f"no es un archivo de claves de cuestionario ({KEYS_FORMAT}).")
    return document
