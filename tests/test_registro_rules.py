"""Completion rules as data: hours from the catalogue, quiz pass mark, programme m01-m11."""

import pytest
from registro_fixtures import HOURS, conn, proyecto  # noqa: F401

from defensoria.errors import SourceError
from defensoria.registro import QuizResult, QuizResultsError, model, record_quiz_results
from defensoria.registro.attendance import add_attendance
from defensoria.registro.db import transaction
from defensoria.registro.progress import completed, person_progress
from defensoria.registro.rules import DEFAULT_RULES, load_rules


@pytest.fixture
def rosa(conn) -> tuple[str, int]:
    """A person who attended one workshop of all eleven modules (23 h, exactly the catalogue hours)."""
    code = model.add_person(conn, given_names="Rosa", surnames="Quispe", council="Defensoría de Ccorca", sex="F")
    workshop = model.add_workshop(conn, on="2026-04-20", place="Local", modules=list(HOURS), council="Defensoría de Ccorca")
    person_id = model.get_person(conn, code)["id"]
    workshop_id = model.get_workshop(conn, workshop)["id"]
    with transaction(conn):
        add_attendance(conn, [(workshop_id, person_id, sum(HOURS.values()))])
    return code, person_id


def scores(code: str, score: float, modules=HOURS) -> list[QuizResult]:
    return [QuizResult(code, m, score, "21/04/2026") for m in modules]


def test_the_rules_file_in_the_repo_is_valid_and_covers_m01_to_m11():
    rules = load_rules(DEFAULT_RULES)
    assert rules.modulo.nota_minima == 70 and rules.modulo.asistencia_minima == 1
    assert rules.programme().modulos == [f"m{n:02d}" for n in range(1, 12)]


def test_module_needs_its_catalogue_hours_and_seventy_percent(conn, rosa):
    code, person_id = rosa
    record_quiz_results(scores(code, 70, ["m01"]) + scores(code, 69.9, ["m02"]), conn=conn)
    progress, programme_done = person_progress(conn, person_id, load_rules())
    by_module = {p.module: p for p in progress}
    assert by_module["m04"].hours == pytest.approx(3) and by_module["m04"].hours_required == 3
    assert by_module["m01"].complete and not by_module["m02"].complete  # 69.9 % is not enough
    assert not by_module["m03"].complete  # attended, but no quiz yet
    assert not programme_done


def test_programme_is_complete_when_all_eleven_modules_are(conn, rosa):
    code, person_id = rosa
    rules = load_rules()
    record_quiz_results(scores(code, 80, list(HOURS)[:10]), conn=conn)
    assert completed(conn, rules, "programa", "basico") == []
    record_quiz_results(scores(code, 95, ["m11"]), conn=conn)
    assert completed(conn, rules, "programa", "basico") == [person_id]
    assert person_progress(conn, person_id, rules)[1]


def test_too_few_hours_means_not_complete(conn):
    code = model.add_person(conn, given_names="Juan", surnames="Mamani", council="Defensoría de Ccorca")
    workshop = model.add_workshop(conn, on="2026-04-20", place="Local", modules=["m04"], council="Defensoría de Ccorca")
    with transaction(conn):
        add_attendance(conn, [(model.get_workshop(conn, workshop)["id"], model.get_person(conn, code)["id"], 2.5)])
    record_quiz_results(scores(code, 100, ["m04"]), conn=conn)
    assert completed(conn, load_rules(), "modulo", "m04") == []


def test_changing_the_rule_file_changes_the_result(conn, rosa, tmp_path):
    code, person_id = rosa
    record_quiz_results(scores(code, 60), conn=conn)
    assert completed(conn, load_rules(), "programa", "basico") == []
    lenient = tmp_path / "reglas.yml"
    lenient.write_text(DEFAULT_RULES.read_text(encoding="utf-8").replace("nota_minima: 70", "nota_minima: 60"), encoding="utf-8")
    assert completed(conn, load_rules(lenient), "programa", "basico") == [person_id]


def test_a_broken_rules_file_names_file_and_line(tmp_path):
    broken = tmp_path / "reglas.yml"
    broken.write_text("modulo:\n  nota_minima: 70\nprogramas:\n  - codigo: basico\n    modulos: [m01, m2x]\n    nombre: Programa\n    nombre_qu: Yachay\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"reglas\.yml:5: código de módulo mal escrito: m2x"):
        load_rules(broken)
    broken.write_text("modulo:\n  nota_minima: [\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"reglas\.yml:\d+: el archivo de reglas no es YAML válido"):
        load_rules(broken)
    broken.write_text("modulo:\n  nota_minima: 170\nprogramas: []\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"reglas\.yml:2: campo «modulo → nota_minima»: debe ser como mucho 100\."):
        load_rules(broken)


def test_quiz_results_are_all_or_nothing_and_idempotent(conn, rosa):
    code, person_id = rosa
    with pytest.raises(QuizResultsError) as error:
        record_quiz_results([QuizResult(code, "m01", 80, "2026-04-21"), QuizResult(code, "m99", 80, "2026-04-21"),
                             QuizResult("P-00099-1", "m01", 80, "2026-04-21"), QuizResult(code, "m02", 120, "2026-04-21")], conn=conn)
    message = str(error.value)
    assert "resultado 2" in message and "no existe el módulo 'm99'" in message
    assert "resultado 3" in message and "dígito (de control)" in message
    assert "resultado 4" in message and "entre 0 y 100" in message
    assert conn.execute("SELECT COUNT(*) FROM quiz_results").fetchone()[0] == 0
    first = record_quiz_results([{"codigo": code, "modulo": "m01", "puntaje": 80, "fecha": "21/04/2026"}], conn=conn)
    again = record_quiz_results([QuizResult(code, "m01", 80, "2026-04-21")], conn=conn)
    assert (first.added, again.added, again.already_recorded) == (1, 0, 1)


def test_record_quiz_results_opens_the_default_database(conn, rosa, proyecto):
    code, _ = rosa
    summary = record_quiz_results([QuizResult(code, "m01", 90, "2026-04-21")], source="cuestionario-impreso")
    assert summary.added == 1
    assert conn.execute("SELECT source FROM quiz_results").fetchone()[0] == "cuestionario-impreso"
