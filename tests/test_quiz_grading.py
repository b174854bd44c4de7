"""Grading typed-in answer sheets: good rows kept, bad rows reported with line and skipped."""

import json

import pytest
from openpyxl import Workbook

from defensoria.cli import cli
from defensoria.quiz.grading import grade_file
from defensoria.quiz.versions import read_keys
from quiz_fixtures import quiz_project  # noqa: F401


@pytest.fixture
def printed(runner, quiz_project, tmp_path):
    out = tmp_path / "impreso"
    result = runner.invoke(cli, ["cuestionario", "imprimir", "--raiz", str(quiz_project), "--versiones", "2", "--semilla", "calif", "--salida", str(out), "--sin-pdf"])
    assert result.exit_code == 0, result.output
    return out


def key_of(out, number=0):
    keys = json.loads((out / "claves.json").read_text(encoding="utf-8"))
    code = list(keys["versiones"])[number]
    return code, [q["clave"] for q in keys["versiones"][code]], keys["versiones"][code]


def wrong_letter(question):
    """A letter that is a wrong answer for this question (first option letter not in the key)."""
    if question["tipo"] == "relacionar":
        return question["clave"][::-1] if question["clave"][::-1] != question["clave"] else question["clave"][1:] + question["clave"][0]
    return next(letter for letter in "ABCDEF"[: question["letras"]] if letter not in question["clave"])


def test_grades_good_rows_and_skips_bad_ones(printed):
    code, key, questions = key_of(printed)
    other, other_key, _ = key_of(printed, 1)
    half = [key[0], wrong_letter(questions[1]), key[2], ""]
    lines = [
        "Participante;Versión;P01;P02;P03;P04",
        f"P-00012-5;{code};" + ";".join(key),  # line 2: all right
        f"ANA;{code};" + ";".join(half),  # line 3: 2 of 4 (one blank)
        f"LUZ;V9-XXXX;A;B;C;D",  # line 4: unknown version
        f"ROSA;{code};{key[0]};{key[1]}",  # line 5: too few answers
        f"P-00013-1;{other};" + ";".join(other_key),  # line 6: bad check digit
        f";{other};" + ";".join(other_key),  # line 7: no participant
        f"EVA;{other};" + ";".join(other_key),  # line 8: all right
        f"ANA;{other};" + ";".join(other_key),  # line 9: ANA again
    ]
    answers = printed / "respuestas.csv"
    answers.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))  # Excel on Windows, ';'
    from defensoria.quiz.report import basic_checker

    result = grade_file(answers, read_keys(printed / "claves.json"), check_participant=basic_checker)
    assert [(s.line, s.participant, s.right, s.total) for s in result.scores] == [(2, "P-00012-5", 4, 4), (3, "ANA", 2, 4), (8, "EVA", 4, 4)]
    assert [bad.line for bad in result.bad_rows] == [4, 5, 6, 7, 9]
    messages = {bad.line: bad.message for bad in result.bad_rows}
    assert messages[4].startswith("versión 'V9-XXXX' desconocida")
    assert messages[5].startswith("número de respuestas incorrecto: la versión tiene 4 preguntas")
    assert "dígito (de control)" in messages[6]
    assert messages[7] == "falta el código del participante"
    assert messages[9] == "el participante ANA ya tiene respuestas en la línea 3"
    # item statistics: the wrong option ANA chose is counted under its option key
    second = questions[1]
    stats = result.items[second["id"]]
    assert stats.shown == 3 and stats.right == 2
    if second["tipo"] != "relacionar":
        chosen_key = second["opciones"]["ABCDEF".index(wrong_letter(second))]
        assert stats.chosen[chosen_key] == 1
    assert result.items[questions[3]["id"]].blank == 1


def test_cli_reports_lines_and_reads_xlsx(runner, printed, quiz_project):
    code, key, _ = key_of(printed)
    book = Workbook()
    sheet = book.active
    sheet.append(["participante", "version", "p01", "p02", "p03", "p04"])
    sheet.append(["P-00012-5", code, *key])
    sheet.append(["LUZ", code, "A", "B", "Z", "A"])
    book.save(printed / "respuestas.xlsx")
    result = runner.invoke(cli, ["cuestionario", "calificar", "--raiz", str(quiz_project), str(printed / "respuestas.xlsx")])
    assert result.exit_code == 0, result.output
    assert "Fila omitida, línea 3: respuesta 3: 'Z' no es válida" in result.output
    assert "1 fila(s) calificada(s), 1 omitida(s)." in result.output
    assert "P-00012-5" in result.output and "100" in result.output


def test_utf8_bom_with_commas(runner, printed, quiz_project):
    code, key, _ = key_of(printed)
    (printed / "r.csv").write_text("\ufeffparticipante,version,p01,p02,p03,p04\nÑUSTA," + code + "," + ",".join(key) + "\n", encoding="utf-8")
    result = grade_file(printed / "r.csv", read_keys(printed / "claves.json"))
    assert [(s.participant, s.right) for s in result.scores] == [("ÑUSTA", 4)]


def test_missing_keys_file_is_explained(runner, quiz_project, tmp_path):
    (tmp_path / "r.csv").write_text("participante;version;p01\n", encoding="utf-8")
    result = runner.invoke(cli, ["cuestionario", "calificar", "--raiz", str(quiz_project), str(tmp_path / "r.csv"), "--claves", str(tmp_path / "no.json")])
    assert result.exit_code == 1
    assert "no existe el archivo de claves" in result.output


def test_registrar_without_tracker_says_so(runner, printed, quiz_project, tmp_path, monkeypatch):
    monkeypatch.setenv("DEFENSORIA_REGISTRO", str(tmp_path / "no-existe.sqlite"))
    code, key, _ = key_of(printed)
    (printed / "r.csv").write_text(f"participante;version;p01;p02;p03;p04\nP-00012-5;{code};" + ";".join(key) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["cuestionario", "calificar", "--raiz", str(quiz_project), str(printed / "r.csv"), "--registrar"])
    assert result.exit_code == 1
    assert "no existe el registro de capacitaciones" in result.output
    assert not (tmp_path / "no-existe.sqlite").exists()


def test_registrar_records_each_person_and_skips_unknown(runner, printed, quiz_project, tmp_path, monkeypatch):
    from defensoria.registro import db as registro_db
    from defensoria.registro.codes import format_person_code
    from defensoria.registro.model import add_council, add_person

    monkeypatch.setattr("defensoria.quiz.versions.MIN_QUESTIONS_PER_SCORE", 4)  # the fixture bank has 4 questions
    base = tmp_path / "registro.sqlite"
    conn = registro_db.connect(base)
    add_council(conn, "Defensoría de Ccorca", "Ccorca", "Ccorca", "Cusco")
    known = add_person(conn, given_names="Marcelina", surnames="Quispe", council="Defensoría de Ccorca")
    conn.close()
    code, key, _ = key_of(printed)
    unknown = format_person_code(99)  # a valid code that nobody has
    rows = [f"participante;version;p01;p02;p03;p04", f"{known};{code};" + ";".join(key), f"{unknown};{code};" + ";".join(key)]
    (printed / "r.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = ["cuestionario", "calificar", "--raiz", str(quiz_project), str(printed / "r.csv"), "--registrar", "--base", str(base), "--fecha", "14/03/2026"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert f"Fila omitida, línea 3: no existe la persona con código {unknown}." in result.output
    assert "Registro: 1 resultado(s) nuevo(s), 0 ya registrado(s)." in result.output
    conn = registro_db.connect(base)
    stored = conn.execute("SELECT module, score, taken_on, source FROM quiz_results").fetchall()
    conn.close()
    assert [tuple(row) for row in stored] == [("m04", 100.0, "2026-03-14", "cuestionario-impreso")]
    again = runner.invoke(cli, args)
    assert "Registro: 0 resultado(s) nuevo(s), 1 ya registrado(s)." in again.output
