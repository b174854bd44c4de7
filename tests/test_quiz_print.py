"""Paper versions: same seed → same bytes; letters follow the shuffle; code on every page."""

import json
import re
import shutil
import subprocess

import pytest

from defensoria.cli import cli
from defensoria.quiz.bank import load_banks
from defensoria.quiz.versions import make_versions
from quiz_fixtures import quiz_project  # noqa: F401


def print_args(project, out, seed="taller-1", *extra):
    return ["cuestionario", "imprimir", "--raiz", str(project), "--versiones", "3", "--semilla", seed, "--salida", str(out), *extra]


def test_same_seed_gives_byte_identical_files(runner, quiz_project, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        result = runner.invoke(cli, print_args(quiz_project, out, "taller-1", "--idioma", "bilingue"))
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in first.iterdir())
    assert names == ["claves.html", "claves.json", "claves.pdf", "cuestionario.html", "cuestionario.pdf", "plantilla-respuestas.csv", "plantilla-respuestas.xlsx"]
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_other_seed_changes_versions(runner, quiz_project, tmp_path):
    runner.invoke(cli, print_args(quiz_project, tmp_path / "a", "uno", "--sin-pdf"))
    runner.invoke(cli, print_args(quiz_project, tmp_path / "b", "dos", "--sin-pdf"))
    keys_a = json.loads((tmp_path / "a" / "claves.json").read_text(encoding="utf-8"))
    keys_b = json.loads((tmp_path / "b" / "claves.json").read_text(encoding="utf-8"))
    assert set(keys_a["versiones"]) != set(keys_b["versiones"])


def test_letters_follow_the_shuffle(quiz_project):
    banks = load_banks(quiz_project)
    versions = make_versions(banks, count=6, seed="s", n_questions=None)
    orders = set()
    for version in versions:
        for shown in version.questions:
            if shown.item.tipo == "unica":
                # the right option is printed under the letter the key gives
                right = next(c for c in shown.choices if c.correct)
                assert "ABC"[shown.choices.index(right)] == shown.answer
                orders.add(tuple(c.key for c in shown.choices))
    assert len(orders) > 1, "options were never shuffled"


def test_html_puts_right_option_under_key_letter(runner, quiz_project, tmp_path):
    out = tmp_path / "out"
    runner.invoke(cli, print_args(quiz_project, out, "x", "--sin-pdf"))
    keys = json.loads((out / "claves.json").read_text(encoding="utf-8"))
    html = (out / "cuestionario.html").read_text(encoding="utf-8")
    sections = html.split('<section class="version">')[1:]
    assert len(sections) == 3
    for section, (code, questions) in zip(sections, keys["versiones"].items()):
        assert f"Versión {code}" in section
        question = next(q for q in questions if q["id"] == "m04-quien-denuncia")
        number = questions.index(question) + 1
        block = section.split(f'<p class="stem">{number}. ')[1].split("</li>")[0]
        assert re.search(rf"<b>{question['clave']}\.</b> <span lang=\"es\">Cualquier persona, en su favor\.", block)


def test_sample_size_and_template(runner, quiz_project, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, print_args(quiz_project, out, "x", "--preguntas", "2", "--sin-pdf"))
    assert result.exit_code == 0, result.output
    keys = json.loads((out / "claves.json").read_text(encoding="utf-8"))
    assert all(len(questions) == 2 for questions in keys["versiones"].values())
    assert (out / "plantilla-respuestas.csv").read_bytes().decode("utf-8-sig") == "participante;version;p01;p02\r\n"


def test_too_many_questions_is_a_clear_error(runner, quiz_project, tmp_path):
    result = runner.invoke(cli, print_args(quiz_project, tmp_path / "o", "x", "--preguntas", "40"))
    assert result.exit_code == 1
    assert "se piden 40 preguntas pero los bancos elegidos tienen 4" in result.output


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) no está instalado")
def test_version_code_on_every_pdf_page(runner, quiz_project, tmp_path):
    out = tmp_path / "out"
    runner.invoke(cli, print_args(quiz_project, out, "x", "--idioma", "qu"))
    keys = json.loads((out / "claves.json").read_text(encoding="utf-8"))
    text = subprocess.run(["pdftotext", "-layout", str(out / "cuestionario.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) >= 6  # questions and answer grid for each of 3 versions
    codes = list(keys["versiones"])
    for page in pages:
        assert sum(code in page for code in codes) == 1, page[:200]
    assert "Tapukuykuna" in text
