"""Seeded paper versions: which items, in which order, with which letters; and their keys.

The same (modules, seed, number of questions, version count) always gives the same
versions and codes. Every random choice comes from `random.Random`, never the global one.

All versions of one quiz ask the same questions: the set is drawn once, balanced across
modules, and each version only shuffles their order and their options. So neighbours sit
the same test, and a module's score always rests on the same questions.

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


# A module score rests on at least this many questions, or it is not registered
MIN_QUESTIONS_PER_SCORE = 5


def questions_per_module(banks: list[Bank], n_questions: int | dict[str, int] | None) -> dict[str, int]:
    """How many questions of each module: all; a total split as evenly as the banks allow
    (m04 and m05 with 10 → 5 and 5); or the count given for each module."""
    sizes = {bank.module: len(bank.preguntas) for bank in banks}
    pool = sum(sizes.values())
    if n_questions is None:
        return sizes
    if isinstance(n_questions, dict):
        unknown = sorted(set(n_questions) - set(sizes))
        if unknown:
            raise DefensoriaError(f"--preguntas nombra módulos que no se eligieron: {', '.join(unknown)}.")
        for module, wanted in n_questions.items():
            if not 0 <= wanted <= sizes[module]:
                raise DefensoriaError(f"se piden {wanted} preguntas de {module} pero su banco tiene {sizes[module]}.")
        counts = {module: n_questions.get(module, 0) for module in sizes}
        if not sum(counts.values()):
            raise DefensoriaError("se piden 0 preguntas; indique al menos una.")
        return counts
    if not 1 <= n_questions <= pool:
        raise DefensoriaError(f"se piden {n_questions} preguntas pero los bancos elegidos tienen {pool}.")
    counts = dict.fromkeys(sizes, 0)
    left = n_questions
    while left:  # one round at a time, so no module gets two more than another while it has room
        open_modules = [m for m in sizes if counts[m] < sizes[m]]
        for module in open_modules[:left]:
            counts[module] += 1
        left -= min(left, len(open_modules))
    return counts


def parse_questions_option(text: str | None) -> int | dict[str, int] | None:
    """`--preguntas`: '10' (in total, balanced) or 'm04:6,m05:5' (per module)."""
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    if text.isdigit():
        if int(text) < 1:
            raise DefensoriaError("--preguntas debe ser 1 o más.")
        return int(text)
    counts = {}
    for part in text.replace(";", ",").split(","):
        module, _, number = part.strip().partition(":")
        if not number.strip().isdigit():
            raise DefensoriaError(f"--preguntas '{text}': escriba un número (10) o módulo:número separados por comas (m04:6,m05:5).")
        code = module.strip().lower()
        if code[1:].isdigit() and len(code) < 3:
            code = "m" + code[1:].zfill(2)
        counts[code] = int(number)
    return counts


def make_versions(banks: list[Bank], count: int, seed: str, n_questions: int | dict[str, int] | None = None) -> list[Version]:
    """`count` versions of one question set (see questions_per_module), each shuffled its own way."""
    if count < 1:
        raise DefensoriaError("el número de versiones debe ser 1 o más.")
    counts = questions_per_module(banks, n_questions)
    n = sum(counts.values())
    modules = [bank.module for bank in banks]
    chooser = random.Random(f"{seed}|{','.join(modules)}|{n}|preguntas")
    chosen = [item for bank in banks for item in chooser.sample(bank.preguntas, counts[bank.module])]
    versions = []
    for number in range(1, count + 1):
        rng = random.Random(f"{seed}|{','.join(modules)}|{n}|{number}")
        items = rng.sample(chosen, len(chosen))
        versions.append(Version(version_code(seed, modules, n, number), number, [present(item, rng) for item in items]))
    codes = [v.code for v in versions]
    if len(set(codes)) != len(codes):  # astronomically unlikely, but a clash would misgrade
        raise DefensoriaError("dos versiones salieron con el mismo código; use otra semilla.")
    return versions


def too_few_for_a_score(versions: list[Version]) -> dict[str, int]:
    """Modules with fewer than MIN_QUESTIONS_PER_SCORE questions: their scores are not registered."""
    per_module: dict[str, int] = {}
    for shown in versions[0].questions if versions else []:
        per_module[shown.item.id[:3]] = per_module.get(shown.item.id[:3], 0) + 1
    return {m: n for m, n in per_module.items() if n < MIN_QUESTIONS_PER_SCORE}


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
