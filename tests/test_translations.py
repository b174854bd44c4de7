"""Quechua edition tooling: coverage, staleness, terminology, spelling lint (defensoria traducciones)."""

from pathlib import Path
from conftest import plugin_page

import pytest

from defensoria.checks import run_checks
from defensoria.cli import cli
from defensoria.glossary.model import parse_glossary
from defensoria.glossary.plugin import GlossaryPlugin
from defensoria.pages import read_page
from defensoria.translation.coverage import BOTH, QUECHUA_ONLY, SPANISH_ONLY, coverage
from defensoria.translation.lint import template_lines
from defensoria.translation.orthography import Rules, check_word, lint_line
from defensoria.translation.state import body_hash, record_source_hash, translation_state
from defensoria.translation.terminology import terminology_misses

RULES = Rules(prestamos=["abogad", "celular", "juzgado"], nombres=["Rosa", "Chrome"],
              confusiones={"khari": "qhari", "qosqo": "qusqu"})
GLOSSARY = """\
terminos:
  - id: denuncia
    es: denuncia
    qu: kamachiqman willakuy
    definicion_es: Contar a la autoridad un hecho de violencia.
    definicion_qu: Maqay kasqanta kamachiqman willay.
    fuente_quechua: propuesta
  - id: agresor
    es: agresor
    qu: maqaq
    definicion_es: La persona que ejerce la violencia.
    definicion_qu: Maqaq runa, huk runata maqaq.
    fuente_quechua: propuesta
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path) -> Path:
    """A tiny bilingual project: a.md + a.qu.md, b.md only, c.qu.md only."""
    root = tmp_path / "fixture"
    write(root / "mkdocs.yml", "site_name: prueba\n")
    write(root / "docs" / "a.md", "---\ntitle: A\n---\n\n# A\n\nLa denuncia es gratuita. El agresor sale.\n")
    write(root / "docs" / "a.qu.md", "---\ntitle: A\ntraduccion:\n  estado: borrador\n---\n\n# A\n\nKamachiqman willakuyqa mana qullqiyuqmi.\n")
    write(root / "docs" / "b.md", "# B\n\nUno dos tres cuatro.\n")
    write(root / "docs" / "c.qu.md", "---\ntraduccion: {estado: borrador}\n---\n# C\n\nHuk iskay.\n")
    write(root / "docs" / "_datos" / "glosario.yml", GLOSSARY)
    return root


# ---------------------------------------------------------------- coverage

def test_coverage_by_language_with_word_counts(project):
    rows = {row.page: row for row in coverage(project)}
    assert rows["a.md"].languages == BOTH
    assert rows["a.md"].words_es == 8 and rows["a.md"].words_qu == 5  # the '# A' heading counts
    assert rows["b.md"].languages == SPANISH_ONLY and rows["b.md"].words_qu is None
    assert rows["c.qu.md"].languages == QUECHUA_ONLY and rows["c.qu.md"].words_qu == 3


def test_cli_prints_coverage_and_totals(project, runner):
    result = runner.invoke(cli, ["traducciones", "--raiz", str(project), "--solo", "cobertura"])
    assert result.exit_code == 0, result.output
    assert "Páginas en ambos idiomas: 1 · solo castellano: 1 · solo quechua: 1" in result.output


# ---------------------------------------------------------------- staleness

def test_changing_the_spanish_page_makes_the_translation_stale(project, runner):
    quechua = project / "docs" / "a.qu.md"
    result = runner.invoke(cli, ["traducciones", "--raiz", str(project), "--fijar", "docs/a.qu.md"])
    assert result.exit_code == 0, result.output
    recorded = read_page(quechua).meta["traduccion"]
    assert recorded == {"estado": "borrador", "fuente": body_hash(read_page(project / "docs" / "a.md").body)}
    assert not translation_state(quechua).stale
    assert not [p for p in run_checks(project, only=["traduccion-estado"]) if "desactualizada" in p.message]

    spanish = project / "docs" / "a.md"
    spanish.write_text(spanish.read_text(encoding="utf-8").replace("gratuita", "gratuita y sin abogado"), encoding="utf-8")
    assert translation_state(quechua).stale
    problems = run_checks(project, only=["traduccion-estado"])
    stale = [p for p in problems if "desactualizada" in p.message]
    assert len(stale) == 1 and stale[0].path == quechua and stale[0].level == "aviso"
    assert stale[0].line == 3  # the traduccion: line
    report = runner.invoke(cli, ["traducciones", "--raiz", str(project), "--solo", "desactualizadas"])
    assert "1 traducción(es) desactualizada(s)" in report.output and "docs/a.qu.md" in report.output


def test_front_matter_and_trailing_spaces_do_not_make_a_page_stale(project):
    quechua = project / "docs" / "a.qu.md"
    record_source_hash(quechua)
    spanish = project / "docs" / "a.md"
    text = spanish.read_text(encoding="utf-8")
    spanish.write_text(text.replace("title: A", "title: A\nrevision_legal: {estado: pendiente}") + "   \n\n", encoding="utf-8")
    assert not translation_state(quechua).stale


def test_fixing_keeps_the_rest_of_the_front_matter(project):
    flow = project / "docs" / "c.qu.md"
    write(project / "docs" / "c.md", "# C\n\nUno dos.\n")
    digest = record_source_hash(flow)
    assert flow.read_text(encoding="utf-8").startswith(f"---\ntraduccion: {{estado: borrador, fuente: {digest}}}\n---\n# C")
    again = record_source_hash(flow)  # idempotent, one fuente only
    assert again == digest and flow.read_text(encoding="utf-8").count("fuente") == 1


def test_the_built_page_gets_the_stale_notice_flag(project):
    quechua = project / "docs" / "a.qu.md"
    record_source_hash(quechua)
    plugin = GlossaryPlugin()
    plugin.load_config({})
    page, config = plugin_page(project, "a.qu.md")
    plugin.on_page_markdown("# A", page=page, config=config, files=None)
    assert "dc_desactualizada" not in page.meta
    write(project / "docs" / "a.md", "# A\n\nTexto nuevo.\n")
    plugin.on_page_markdown("# A", page=page, config=config, files=None)
    assert page.meta["dc_desactualizada"] is True


def test_missing_review_state_is_an_error(project):
    write(project / "docs" / "b.qu.md", "# B\n\nHuk iskay kinsa tawa.\n")
    problems = [p for p in run_checks(project, only=["traduccion-estado"]) if p.path.name == "b.qu.md"]
    assert problems and problems[0].level == "error" and "falta el estado de la traducción" in problems[0].message


# ---------------------------------------------------------------- terminology

def test_terminology_reports_a_missing_quechua_term(project):
    glossary = parse_glossary(GLOSSARY, Path("glosario.yml"))
    misses = terminology_misses(project, glossary)
    # 'denuncia' → 'kamachiqman willakuy(qa)' is there; 'agresor' → 'maqaq' is missing
    assert [(m.term.id, m.quechua.name, m.spanish_line) for m in misses] == [("agresor", "a.qu.md", 7)]
    quechua = project / "docs" / "a.qu.md"
    quechua.write_text(quechua.read_text(encoding="utf-8") + "Maqaqqa wasimanta lluqsin.\n", encoding="utf-8")
    assert terminology_misses(project, glossary) == []


def test_terminology_matches_spanish_plurals_and_quechua_suffixes(project):
    glossary = parse_glossary(GLOSSARY, Path("glosario.yml"))
    write(project / "docs" / "a.md", "# A\n\nLas denuncias y los agresores.\n")
    write(project / "docs" / "a.qu.md", "---\ntraduccion: {estado: borrador}\n---\n# A\n\nMaqaqkunata kamachiqman\nwillakuykuna.\n")
    assert terminology_misses(project, glossary) == []


# ---------------------------------------------------------------- spelling lint

@pytest.mark.parametrize("word", ["warmekuna", "qosqopi", "khari", "p´anqa", "p’anqa", "p''anqa", "huasi", "s'ara", "bueno", "jina"])
def test_real_slips_are_errors(word):
    level, _ = check_word(word, RULES)
    assert level == "error"


@pytest.mark.parametrize("word", ["warmikuna", "p'anqa", "ch'aki", "qhari", "abogadoyuq", "celularniykipi",
                                  "juzgadopi", "Rosaqa", "DEMUNApas", "CEMkuna", "USB", "chhalla"])
def test_quechua_words_loanwords_and_names_pass(word):
    assert check_word(word, RULES) is None


def test_error_messages_say_how_to_fix():
    assert "se escribe «qhari»" in check_word("khari", RULES)[1]
    assert "apóstrofo «´» incorrecto" in check_word("p´anqa", RULES)[1]
    assert "agréguelo a «prestamos»" in check_word("computadorapi", RULES)[1]


def test_capitalised_unknown_word_inside_a_sentence_is_a_warning():
    findings = lint_line("Paymi Victoriawan rimarqan.", 9, RULES)
    assert [(f.line, f.word, f.level) for f in findings] == [(9, "Victoriawan", "aviso")]


def test_lint_skips_code_links_citations_glosses_and_quoted_terms(project):
    page = write(project / "docs" / "d.qu.md", (
        "---\ntitle: Ruwanakuna\ntraduccion: {estado: borrador}\n---\n\n"
        "Kamachiyqa amachanmi [[Ley 30364, art. 15]] (denuncia), (personas\n"
        "con discapacidad).\n"
        "**Historial** nisqata ñit'iy, `defensoria revisar` ruway.\n"
        "[Kaypi](https://www.gob.pe/mimp) qhaway, *juzgado de familia*{lang=es} nisqaman.\n"
        "```\nbueno codigo\n```\n"
        "Warmekuna hamunku.\n"))
    problems = [p for p in run_checks(project, only=["ortografia-qu"]) if p.path == page]
    assert [(p.line, p.level) for p in problems] == [(13, "error")]
    assert "«Warmekuna»" in problems[0].message


def test_revisar_passes_on_the_real_site_and_fails_on_a_slip(project_copy, runner):
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "ortografia-qu",
                                 "--solo", "traduccion-estado", "--solo", "glosario"])
    assert result.exit_code == 0, result.output
    page = project_copy / "docs" / "index.qu.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("Kaypi warmekunapaq p´anqakuna kachkan.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "ortografia-qu"])
    assert result.exit_code == 1
    assert f"docs/index.qu.md:{len(lines)}: «warmekunapaq»" in result.output
    assert f"docs/index.qu.md:{len(lines)}: «p´anqakuna»: apóstrofo" in result.output


def test_theme_strings_in_quechua_branches_are_linted(tmp_path):
    template = write(tmp_path / "partials" / "x.html", (
        '{% set qu = true %}\n'
        '<p lang="qu">Kay p´anqa</p>\n'
        '<a title="{{ "Lluqsiy" if qu else "Salir" }}">\n'
        '{% if qu %}\n'
        '  Warmekuna {% if x %}hamunku{% else %}rinku{% endif %}\n'
        '{% else %}\n'
        '  Las mujeres\n'
        '{% endif %}\n'))
    lines = list(template_lines(template))
    assert (2, "Kay p´anqa") in [(n, t.strip()) for n, t in lines]
    assert (3, "Lluqsiy") in lines
    texts = " ".join(t for _, t in lines)
    assert "Warmekuna" in texts and "rinku" in texts and "mujeres" not in texts
