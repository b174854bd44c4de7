"""Checks that measure the Quechua edition: terminology occurrence by occurrence, the
known-words spelling check, and the program's own Quechua strings."""

from pathlib import Path

from defensoria.cli import cli
from defensoria.glossary.model import parse_glossary
from defensoria.translation.occurrences import Report, Segment, count_segment
from defensoria.translation.orthography import Rules, check_word
from defensoria.translation.program_strings import string_pairs
from defensoria.translation.terminology import quechua_pattern, spanish_pattern

GLOSSARY = """\
terminos:
  - id: violencia
    es: violencia
    qu: maqay
    variantes_qu: [maqa]
    definicion_es: Hacer daño a otra persona.
    definicion_qu: Huk runata ñak'arichiy.
    fuente_quechua: propuesta
  - id: victima
    es: víctima
    qu: maqasqa
    definicion_es: La persona que sufre la violencia.
    definicion_qu: Maqayta muchuq runa.
    fuente_quechua: propuesta
  - id: denuncia
    es: denuncia
    qu: denuncia
    variantes_qu: [kamachiqman willaku]
    definicion_es: Contar a la autoridad un hecho de violencia.
    definicion_qu: Maqay kasqanta kamachiqman willakuy.
    fuente_quechua: propuesta
"""


def measure(es: str, qu: str) -> Report:
    glossary = parse_glossary(GLOSSARY, Path("glosario.yml"))
    terms = sorted(glossary.terminos, key=lambda t: -len(t.es))
    patterns = {t.id: (spanish_pattern(t), quechua_pattern(t)) for t in terms}
    report = Report()
    count_segment(Segment(Path("x.qu.md"), 1, "x", es, qu), terms, patterns, report)
    return report


def test_every_occurrence_counts_not_one_hit_per_segment():
    report = measure("La denuncia es gratis. Haz la denuncia hoy.", "Kamachiqman willakuyqa mana pagaspam. Kunan willakuy.")
    assert report.occurrences == 2 and report.consistent == 1
    assert [(s.term.id, s.spanish, s.quechua) for s in report.shortfalls] == [("denuncia", 2, 1)]


def test_a_spanish_gloss_in_parentheses_is_not_the_quechua_term():
    assert measure("Haz la denuncia.", "Willakuy (denuncia).").consistent == 0
    assert measure("Haz la denuncia.", "Kamachiqman willakuy (denuncia).").consistent == 1


def test_a_short_variant_of_one_term_leaves_the_words_of_another_term():
    # 'maqa' (violencia) must not swallow 'maqasqa' (víctima)
    report = measure("La víctima sufre violencia.", "Maqasqa runaqa maqayta muchun.")
    assert report.occurrences == 2 and report.consistent == 2


def test_known_roots_catch_a_missing_ejective_or_aspirate():
    rules = Rules(conocidas=["k'iti", "t'aqwi", "q'uyu", "utqha"])
    for wrong, root in (("kitita", "k'iti"), ("taqwin", "t'aqwi"), ("quyukuna", "q'uyu"), ("utqaylla", "utqha")):
        level, message = check_word(wrong, rules)
        assert level == "error" and root in message
    for right in ("k'itita", "t'aqwin", "q'uyukuna", "utqhaylla", "kikin", "tapukuy"):
        assert check_word(right, rules) is None


def test_attested_cusco_forms_are_not_errors(repo_root):
    from defensoria.translation.orthography import load_rules
    rules = load_rules(repo_root)
    for word in ("achka", "achkha", "astawan", "askha", "aswan", "utqhaylla", "t'aqwin"):
        assert check_word(word, rules) is None, word
    assert check_word("utqaylla", rules)[0] == "error"


def test_program_strings_are_paired_by_key_and_cover_print_and_quiz_labels():
    pairs = list(string_pairs())
    keys = {pair.key for pair in pairs}
    assert "printing.strings.LABELS → key_points" in keys
    assert any(key.startswith("quiz.strings.UI") for key in keys)
    assert all(pair.qu != pair.es for pair in pairs)


def test_cli_reports_the_figures(repo_root, runner):
    result = runner.invoke(cli, ["traducciones", "--raiz", str(repo_root), "--solo", "ocurrencias"])
    assert result.exit_code == 0, result.output
    assert "con fuente leída" in result.output
    assert "Terminología por ocurrencia:" in result.output and "segmentos" in result.output


def test_glosses_are_counted_and_legal_names_told_apart(repo_root, runner):
    from defensoria.translation.glosses import gloss_report
    report = gloss_report(repo_root)
    assert report.glosses > 0 and 0 < report.legal_names < report.glosses
    assert report.words_per_gloss == report.words / report.glosses
    result = runner.invoke(cli, ["traducciones", "--raiz", str(repo_root), "--solo", "glosas", "--solo", "propuestas"])
    assert result.exit_code == 0, result.output
    assert "Glosas en castellano entre paréntesis" in result.output
    assert "por revisar" in result.output and "violencia-contra-la-mujer" in result.output
