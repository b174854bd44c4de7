"""`cuestionario calificar`: scores from typed-in paper answers, without a scanner.

Input: the answer template filled in (CSV in any common encoding with ',' or ';', or
XLSX): participante, version, p01…pNN, one letter (or letters) per cell. The keys come
from claves.json written by `cuestionario imprimir`. A bad row is reported with its line
and skipped; every good row is kept.

Example:

    >>> result = grade_file(Path("respuestas.csv"), read_keys(Path("salida/claves.json")))
    >>> result.scores[0].percent, result.bad_rows
    (80.0, [BadRow(line=7, message="versión 'V9-XXXX' desconocida …")])
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from defensoria.errors import DefensoriaError, SourceError
from defensoria.quiz.layout import LETTERS
from defensoria.registro.rows import read_rows

ANSWER_COLUMN = re.compile(r"^p(\d{1,3})$")
BLANK = {"", "-", "_", "?"}


@dataclass(frozen=True)
class BadRow:
    line: int
    message: str


@dataclass
class PersonScore:
    line: int
    participant: str
    version: str
    right: int
    total: int
    by_module: dict[str, tuple[int, int]]  # module → (right, total)

    @property
    def percent(self) -> float:
        return round(100 * self.right / self.total, 1) if self.total else 0.0


@dataclass
class ItemStats:
    id: str
    tipo: str
    shown: int = 0
    right: int = 0
    blank: int = 0
    chosen: Counter = field(default_factory=Counter)  # option key ('o2', 'v', or a matching answer) → times

    @property
    def percent(self) -> float:
        return round(100 * self.right / self.shown, 1) if self.shown else 0.0


@dataclass
class GradingResult:
    scores: list[PersonScore]
    items: dict[str, ItemStats]
    bad_rows: list[BadRow]
    format: str


def normalize_header(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


def normalize_answer(value) -> str:
    """' a, c ' → 'AC'; blanks ('', '-') → ''."""
    text = re.sub(r"[\s,;.\-/]", "", str(value if value is not None else "")).upper()
    return "" if text in BLANK else text


def grade_file(
    path: Path,
    keys: dict,
    encoding: str | None = None,
    check_participant: Callable[[str], str] | None = None,
) -> GradingResult:
    """Grade every row; `check_participant` returns the canonical code or raises with a Spanish message."""
    source = read_rows(path, encoding)
    headers = [normalize_header(h) for h in source.headers]
    for needed in ("participante", "version"):
        if needed not in headers:
            raise SourceError(path, 1, f"falta la columna '{needed}'. Use la plantilla plantilla-respuestas.csv que crea 'cuestionario imprimir'.")
    who, which = headers.index("participante"), headers.index("version")
    answer_columns = sorted((int(m.group(1)), i) for i, h in enumerate(headers) if (m := ANSWER_COLUMN.match(h)))
    versions = keys["versiones"]
    items: dict[str, ItemStats] = {}
    for questions in versions.values():
        for question in questions:
            items.setdefault(question["id"], ItemStats(question["id"], question["tipo"]))
    scores, bad_rows, seen = [], [], {}
    for line, values in source.rows:
        width = len(values)
        cells = list(values) + [""] * (len(headers) - len(values))
        try:
            participant = str(cells[who]).strip()
            if not participant:
                raise ValueError("falta el código del participante")
            if check_participant is not None:
                participant = check_participant(participant)
            if participant in seen:
                raise ValueError(f"el participante {participant} ya tiene respuestas en la línea {seen[participant]}")
            beyond = [v for v in values[len(headers):] if str(v).strip()]
            if beyond:  # a cell typed twice or inserted shifts every answer after it
                raise ValueError(f"la fila trae {len(beyond)} celda(s) con datos más allá de la última columna: "
                                 "parece que las respuestas se corrieron; revise la fila")
            code = str(cells[which]).strip().upper()
            if code not in versions:
                raise ValueError(f"versión '{code}' desconocida (versiones de estas claves: {', '.join(versions)})")
            answers = _answers(cells, width, answer_columns, versions[code])
        except (ValueError, DefensoriaError) as error:
            bad_rows.append(BadRow(line, str(getattr(error, "message", error))))
            continue
        seen[participant] = line
        scores.append(_score(line, participant, code, versions[code], answers, items))
    return GradingResult(scores, items, bad_rows, source.format)


def _answers(cells: list, width: int, columns: list[tuple[int, int]], questions: list[dict]) -> list[str]:
    """The row's answers, checked against the version: count, letters, shape per type.

    An empty cell is a question left blank (it counts as wrong); a row that stops before
    the version's last question, or has answers beyond it, was typed wrongly and is skipped.
    """
    n = len(questions)
    by_number = {number: normalize_answer(cells[index]) for number, index in columns}
    needed = [index for number, index in columns if number <= n]
    extra = [number for number, answer in by_number.items() if number > n and answer]
    if extra or max(by_number, default=0) < n or (needed and max(needed) >= width):
        given = sum(1 for answer in by_number.values() if answer)
        raise ValueError(f"número de respuestas incorrecto: la versión tiene {n} preguntas y la fila trae {given} respuestas en {len(by_number)} columnas")
    answers = []
    for number, question in enumerate(questions, start=1):
        answer = by_number[number]
        allowed = LETTERS[: question["letras"]]
        wrong = [letter for letter in answer if letter not in allowed]
        if wrong:
            raise ValueError(f"respuesta {number}: '{answer}' no es válida (letras {allowed[0]}–{allowed[-1]})")
        if question["tipo"] in ("unica", "verdadero_falso") and len(answer) > 1:
            raise ValueError(f"respuesta {number}: '{answer}' marca varias letras en una pregunta de una sola respuesta")
        if question["tipo"] == "relacionar" and answer and len(answer) != len(question["clave"]):
            raise ValueError(f"respuesta {number}: '{answer}' debe tener una letra por línea ({len(question['clave'])})")
        if question["tipo"] == "multiple":
            answer = "".join(sorted(set(answer)))
        answers.append(answer)
    return answers


def _score(line: int, participant: str, code: str, questions: list[dict], answers: list[str], items: dict[str, ItemStats]) -> PersonScore:
    right = 0
    by_module: dict[str, list[int]] = {}
    for question, answer in zip(questions, answers):
        stats = items[question["id"]]
        stats.shown += 1
        key = "".join(sorted(question["clave"])) if question["tipo"] == "multiple" else question["clave"]
        correct = answer == key
        right += correct
        stats.right += correct
        module = by_module.setdefault(question["id"][:3], [0, 0])
        module[0] += correct
        module[1] += 1
        if not answer:
            stats.blank += 1
        elif question["tipo"] == "relacionar":
            stats.chosen["error"] += not correct  # letters differ per version: count mistakes only
        else:
            for letter in answer:  # letters → option keys, so versions add up per option
                stats.chosen[question["opciones"][LETTERS.index(letter)]] += 1
    return PersonScore(line, participant, code, right, len(questions), {m: (r, t) for m, (r, t) in by_module.items()})
