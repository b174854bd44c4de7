"""Question banks: the schema and its Spanish file:line errors; the real banks validate."""

from pathlib import Path

import pytest

from defensoria.checks import run_checks
from defensoria.quiz.bank import load_banks, validate_bank
from quiz_fixtures import break_bank, line_of, quiz_project  # noqa: F401


def messages(path: Path, root: Path) -> list[str]:
    _, problems = validate_bank(path, root)
    return [str(problem) for problem in problems]


def test_fixture_bank_is_valid(quiz_project):
    [bank] = load_banks(quiz_project)
    assert bank.module == "m04"
    assert [item.tipo for item in bank.preguntas] == ["unica", "verdadero_falso", "multiple", "relacionar"]


def test_missing_language_names_file_line_and_id(quiz_project):
    path = break_bank(quiz_project, "          qu: Allinmi. Pipas maqasqa warmipa rantinpi willakuyta churanman.\n", "")
    line = line_of(path, "retro:", line_of(path, "Cualquier persona, en su favor."))
    assert messages(path, quiz_project) == [
        f"{path}:{line}: pregunta 'm04-quien-denuncia': opciones[1].retro.qu: falta el texto en quechua (qu)."
    ]


def test_duplicate_id(quiz_project):
    path = break_bank(quiz_project, "id: m04-donde", "id: m04-sin-abogado")
    first, second = line_of(path, "- id: m04-sin-abogado"), line_of(path, "- id: m04-sin-abogado", line_of(path, "- id: m04-sin-abogado") + 1)
    assert f"{path}:{second}: pregunta 'm04-sin-abogado': id repetido (ya se usa en la línea {first})." in messages(path, quiz_project)


def test_no_correct_option(quiz_project):
    path = break_bank(quiz_project, "        correcta: true\n", "", count=1)
    start = line_of(path, "- id: m04-quien-denuncia")
    assert messages(path, quiz_project) == [
        f"{path}:{start}: pregunta 'm04-quien-denuncia': ninguna opción está marcada como correcta (correcta: true)."
    ]


def test_unknown_citation(quiz_project):
    path = break_bank(quiz_project, "cita: Ley 30364, art. 22", "cita: Ley 30364, art. 99")
    [message] = messages(path, quiz_project)
    assert message.startswith(f"{path}:{line_of(path, 'art. 99')}: pregunta 'm04-relacionar': cita desconocida: 'Ley 30364, art. 99'")


def test_malformed_citation(quiz_project):
    path = break_bank(quiz_project, "cita: Ley 30364, art. 22", "cita: Ley 30364, articulo 22")
    [message] = messages(path, quiz_project)
    assert "no tiene la forma 'Ley 30364, art. 15'" in message and "'m04-relacionar'" in message


def test_unknown_module(quiz_project):
    source = quiz_project / "quizzes" / "m04.yml"
    path = quiz_project / "quizzes" / "m99.yml"
    path.write_text(source.read_text(encoding="utf-8").replace("m04-", "m99-"), encoding="utf-8")
    assert messages(path, quiz_project) == [f"{path}:1: módulo desconocido 'm99': no hay página docs/modulos/m99-*.md (módulos: m04)."]


def test_objective_out_of_range(quiz_project):
    path = break_bank(quiz_project, "objetivo: 2", "objetivo: 7")
    assert messages(path, quiz_project) == [f"{path}:{line_of(path, 'objetivo: 7')}: pregunta 'm04-sin-abogado': el objetivo 7 no existe; el módulo m04 tiene 2 objetivo(s)."]


def test_all_of_the_above_is_refused(quiz_project):
    path = break_bank(quiz_project, "es: En la tienda de la plaza.", "es: Todas las anteriores.")
    [message] = messages(path, quiz_project)
    assert "todas las anteriores" in message and "'m04-donde'" in message


def test_broken_yaml_has_line(quiz_project):
    path = break_bank(quiz_project, "    dificultad: media\n", "    dificultad: [media\n")
    [message] = messages(path, quiz_project)
    assert message.startswith(f"{path}:") and "no es YAML válido" in message


def test_revisar_reports_bank_errors(quiz_project):
    break_bank(quiz_project, "id: m04-donde", "id: m04-sin-abogado")
    problems = [p for p in run_checks(quiz_project, only=["cuestionarios"]) if p.level == "error"]
    path = quiz_project / "quizzes" / "m04.yml"
    first = line_of(path, "- id: m04-sin-abogado")
    assert [p.message for p in problems] == [f"pregunta 'm04-sin-abogado': id repetido (ya se usa en la línea {first})."]
    assert problems[0].line == line_of(path, "- id: m04-sin-abogado", first + 1)


def test_real_banks_validate(repo_root):
    paths = sorted((repo_root / "quizzes").glob("*.yml"))
    if not paths:
        pytest.skip("todavía no hay bancos en quizzes/")
    for path in paths:
        assert messages(path, repo_root) == []
    problems = [p for p in run_checks(repo_root, only=["cuestionarios"]) if p.path.parent.name == "quizzes"]
    assert problems == []
