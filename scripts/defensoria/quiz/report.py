"""Showing and storing grading results: tables, CSV files, the tracker (`--registrar`)."""

import re
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from defensoria import outputs
from defensoria.errors import DefensoriaError
from defensoria.quiz.bank import bank_paths, validate_bank
from defensoria.quiz.grading import GradingResult

PERSON_CODE_LIKE = re.compile(r"^P[\s\-_.]?\d", re.IGNORECASE)
# A cell starting with these runs as a formula in a spreadsheet: neutralise it


def basic_checker(code: str) -> str:
    """Without the tracker: a code that looks like a person code must have a right check digit."""
    if PERSON_CODE_LIKE.match(code):
        from defensoria.registro.codes import parse_person_code

        return parse_person_code(code)
    return code


def tracker_checker(root: Path, base: Path | None):
    """With --registrar: the participant must exist in the tracker."""
    try:
        from defensoria.registro.db import connect, default_path
        from defensoria.registro.model import get_person
    except ImportError:
        raise DefensoriaError("el registro de capacitaciones no está disponible en esta instalación; califique sin --registrar.") from None
    path = Path(base) if base else default_path(root)
    if not path.is_file():
        raise DefensoriaError(f"no existe el registro de capacitaciones ({path}). Primero importe la asistencia con 'defensoria registro importar', o califique sin --registrar.")
    conn = connect(path, create=False)

    def check(code: str) -> str:
        return get_person(conn, code)["code"]

    return check


def option_texts(root: Path) -> dict[str, dict[str, tuple[str, bool]]]:
    """Item id → option key → (Spanish text, is right), from the banks as they are now."""
    texts = {}
    for path in bank_paths(root):
        bank, _ = validate_bank(path, root)
        for item in bank.preguntas if bank else []:
            texts[item.id] = {c.key: (c.text.es, c.correct) for c in item.choices()}
    return texts


def print_result(console: Console, result: GradingResult, keys: dict, root: Path) -> None:
    for bad in result.bad_rows:
        console.print(f"[yellow]Fila omitida[/yellow], línea {bad.line}: {bad.message.rstrip('.')}.")
    people = Table(title="Puntaje por persona")
    for column in ("Línea", "Participante", "Versión", "Aciertos", "%"):
        people.add_column(column)
    for score in result.scores:
        people.add_row(str(score.line), score.participant, score.version, f"{score.right}/{score.total}", f"{score.percent:g}")
    console.print(people)
    texts = option_texts(root)
    items = Table(title="Estadística por pregunta (opciones: veces elegida; ✓ = correcta)")
    for column in ("Pregunta", "Respondieron", "Aciertos", "%", "En blanco", "Opciones elegidas"):
        items.add_column(column)
    for stats in sorted(result.items.values(), key=lambda s: s.id):
        if not stats.shown:
            continue
        items.add_row(stats.id, str(stats.shown), str(stats.right), f"{stats.percent:g}", str(stats.blank), _choices_text(stats, texts.get(stats.id, {})))
    console.print(items)
    console.print(f"{len(result.scores)} fila(s) calificada(s), {len(result.bad_rows)} omitida(s).")


def _choices_text(stats, options: dict[str, tuple[str, bool]]) -> str:
    if stats.tipo == "relacionar":
        return f"con errores: {stats.chosen.get('error', 0)}"
    parts = []
    for key, (text, right) in options.items():
        short = text if len(text) <= 30 else text[:29] + "…"
        parts.append(f"{'✓ ' if right else ''}{short}: {stats.chosen.get(key, 0)}")
    return "\n".join(parts) or ", ".join(f"{k}: {v}" for k, v in sorted(stats.chosen.items()))


def write_csv(result: GradingResult, keys: dict, root: Path, out_dir: Path) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    people = [["linea", "participante", "version", "aciertos", "preguntas", "porcentaje"]]
    people += [[s.line, s.participant, s.version, s.right, s.total, s.percent] for s in result.scores]
    texts = option_texts(root)
    questions = [["pregunta", "respondieron", "aciertos", "porcentaje", "en_blanco", "opcion", "correcta", "veces"]]
    for stats in sorted(result.items.values(), key=lambda s: s.id):
        for key, (text, right) in texts.get(stats.id, {}).items() or [("", ("", False))]:
            questions.append([stats.id, stats.shown, stats.right, stats.percent, stats.blank, text, "sí" if right else "no", stats.chosen.get(key, 0)])
    return [outputs.write_csv(out_dir / "resultados-personas.csv", people[0], people[1:]),
            outputs.write_csv(out_dir / "resultados-preguntas.csv", questions[0], questions[1:])]


def record(result: GradingResult, root: Path, base: Path | None, when: str | None):
    """One tracker result per person and module (percent of that module's questions).

    A module asked with fewer than MIN_QUESTIONS_PER_SCORE questions is not recorded (too
    few to say whether someone learnt it); returns the summary and those modules.
    """
    from defensoria.quiz.versions import MIN_QUESTIONS_PER_SCORE

    try:
        from defensoria.registro import QuizResult, record_quiz_results
    except ImportError:
        raise DefensoriaError("el registro de capacitaciones no está disponible en esta instalación; los puntajes no se guardaron.") from None
    taken_on = when or date.today().isoformat()
    results, skipped = [], set()
    for score in result.scores:
        for module, (right, total) in sorted(score.by_module.items()):
            if total < MIN_QUESTIONS_PER_SCORE:
                skipped.add(module)
                continue
            results.append(QuizResult(score.participant, module, round(100 * right / total, 1), taken_on))
    return record_quiz_results(results, base=base, source="cuestionario-impreso", root=root), sorted(skipped)
