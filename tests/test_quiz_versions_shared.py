"""Versions of one quiz share one question set (shuffled per version), balanced across
modules; a module score rests on at least 5 questions or is not registered; shifted answer
rows are not graded."""

import pytest

from defensoria.errors import DefensoriaError
from defensoria.quiz.bank import load_banks
from defensoria.quiz.grading import grade_file
from defensoria.quiz.versions import (MIN_QUESTIONS_PER_SCORE, keys_document, make_versions, parse_questions_option,
                                      questions_per_module, too_few_for_a_score)
from defensoria.paths import find_root

ROOT = find_root()


@pytest.fixture(scope="module")
def banks():
    return load_banks(ROOT, ["m04", "m05"])


def ids(version) -> list[str]:
    return [shown.item.id for shown in version.questions]


@pytest.mark.parametrize("seed", ["taller-ccatca", "1", "otro"])
def test_versions_share_the_questions_in_another_order(banks, seed):
    versions = make_versions(banks, 4, seed, 10)
    sets = [sorted(ids(v)) for v in versions]
    assert all(s == sets[0] for s in sets)  # neighbours sit the same test
    assert len({tuple(ids(v)) for v in versions}) > 1  # but not in the same order
    per_module = [sum(i.startswith(m) for i in sets[0]) for m in ("m04", "m05")]
    assert per_module == [5, 5]  # balanced, whatever the seed


def test_a_total_is_split_evenly_and_per_module_counts_are_allowed(banks):
    sizes = {b.module: len(b.preguntas) for b in banks}
    assert questions_per_module(banks, 11) in ({"m04": 6, "m05": 5},)
    assert questions_per_module(banks, None) == sizes
    assert questions_per_module(banks, parse_questions_option("m04:7,m5:5")) == {"m04": 7, "m05": 5}
    with pytest.raises(DefensoriaError, match="se piden 99 preguntas de m04"):
        questions_per_module(banks, {"m04": 99})
    with pytest.raises(DefensoriaError, match="escriba un número"):
        parse_questions_option("m04=3")


def test_too_few_questions_for_a_registered_score_are_flagged(banks):
    versions = make_versions(banks, 2, "s", {"m04": 3, "m05": 5})
    assert too_few_for_a_score(versions) == {"m04": 3}
    assert MIN_QUESTIONS_PER_SCORE == 5


def test_a_shifted_answer_row_is_not_graded(banks, tmp_path):
    versions = make_versions(banks, 1, "s", 10)
    keys = keys_document(versions, "s", ["m04", "m05"], "es")
    code = versions[0].code
    answers = [q["clave"] for q in keys["versiones"][code]]
    header = ";".join(["participante", "version"] + [f"p{n:02d}" for n in range(1, 11)])
    good = ";".join(["ANA", code, *answers])
    shifted = ";".join(["LUZ", code, answers[0], *answers])  # the first answer typed twice
    (tmp_path / "r.csv").write_text("\n".join([header, good, shifted]) + "\n", encoding="utf-8")
    result = grade_file(tmp_path / "r.csv", keys)
    assert [s.participant for s in result.scores] == ["ANA"]
    assert result.bad_rows[0].line == 3 and "se corrieron" in result.bad_rows[0].message


def test_the_running_header_of_an_all_modules_quiz_stays_inside_the_margin(tmp_path):
    import re
    import shutil
    import subprocess

    from defensoria.catalog import catalog
    from defensoria.quiz.printing import PrintOptions, questions_pdf

    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) is not installed")
    banks = load_banks(ROOT)
    titles = {code: m.title for code, m in catalog(ROOT).items()}
    pdf = tmp_path / "todos.pdf"
    pdf.write_bytes(questions_pdf(banks, PrintOptions(seed="s", versions=1, language="es", n_questions=len(banks) * 2), titles, ROOT))
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    first = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)"', boxes)
    assert float(first.group(2)) < 40  # the running header, at the top
    assert float(first.group(1)) / 72 * 25.4 >= 14  # starts at the 15 mm margin, not 1.4 mm from the edge
    assert ">módulos</word>" in boxes  # the short header ('m01–m12, 12 módulos')
