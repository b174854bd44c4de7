"""The termbase (docs/_datos/glosario.yml), its validation and the generated glossary pages."""

import re
from pathlib import Path
from conftest import plugin_page

import pytest

from defensoria.checks import run_checks
from defensoria.cli import cli
from defensoria.errors import SourceError
from defensoria.glossary.model import PROPOSAL, load_glossary, parse_glossary
from defensoria.glossary.plugin import GlossaryPlugin
from defensoria.glossary.render import MARKER, letter_of, render_glossary, sort_key
from defensoria.translation.orthography import lint_line, load_rules

SMALL = """\
fuentes:
  ardito-cordova-2013:
    referencia: Ardito y Córdova (2013). El quechua en la función policial.
    corto: Ardito y Córdova 2013
    leido: Índice del libro.
terminos:
  - id: violencia-familiar
    es: violencia familiar
    qu: ayllu maqasqa kaptin
    definicion_es: La violencia dentro de la familia.
    definicion_qu: Ayllu ukhupi maqaymanta rimasqanchik.
    cita: Ley 30364, art. 6
    fuente_quechua: ardito-cordova-2013
    evidencia:
      - fuente: ardito-cordova-2013
        forma: Ayllu maqasqa kaptin
        donde: índice, situación 3
  - id: denuncia
    es: denuncia
    qu: kamachiqman willakuy
    definicion_es: Contar a la autoridad un hecho de violencia.
    definicion_qu: Maqay kasqanta kamachiqman willay.
    cita: Ley 30364, art. 15
    fuente_quechua: propuesta
"""


def parse(text: str):
    return parse_glossary(text, Path("glosario.yml"))


def error_of(text: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        parse(text)
    return caught.value


# ---------------------------------------------------------------- the real termbase

def test_real_termbase_has_80_terms_each_sourced_or_proposed(repo_root):
    glossary = load_glossary(repo_root)
    assert len(glossary.terminos) >= 80
    for term in glossary.terminos:
        assert term.fuente_quechua == PROPOSAL or term.fuente_quechua in glossary.fuentes
        assert term.qu.strip() and term.definicion_qu.strip()
    sourced = [t for t in glossary.terminos if t.fuente_quechua != PROPOSAL]
    # A sourced term says what was read, where, in its own source; the rest stay proposals
    assert sourced and len(sourced) < len(glossary.terminos)
    for term in sourced:
        assert glossary.fuentes[term.fuente_quechua].leido
        assert any(e.fuente == term.fuente_quechua and e.alcance != "raiz" and e.donde for e in term.evidencia), term.id
    # The forms the errors hinged on come from the Cusco lexicon
    by_id = glossary.by_id()
    assert by_id["investigar"].qu == "t'aqwiy" and by_id["investigar"].fuente_quechua == "squoia-lexico"
    assert by_id["moreton"].qu == "q'uyu"
    # Where published Quechua keeps the Spanish word, the term leads with it
    assert by_id["denuncia"].qu == "denuncia" and by_id["comisaria"].qu == "comisaría"


def test_real_termbase_cites_only_articles_of_the_norms_data(repo_root):
    problems = run_checks(repo_root, only=["glosario"])
    assert problems == []


def test_quechua_terms_and_definitions_pass_the_spelling_lint(repo_root):
    rules = load_rules(repo_root)
    for term in load_glossary(repo_root).terminos:
        # A term kept in Spanish on purpose (juzgado de paz) is not Quechua to lint
        kept_in_spanish = term.qu.casefold() == term.es.casefold()
        for text in ((term.definicion_qu,) if kept_in_spanish else (term.qu, term.definicion_qu)):
            errors = [f for f in lint_line(text, 1, rules) if f.level == "error"]
            assert not errors, f"{term.id}: {[f.message for f in errors]}"


# ---------------------------------------------------------------- validation, with lines

def test_small_glossary_is_valid():
    glossary = parse(SMALL)
    assert [t.id for t in glossary.terminos] == ["violencia-familiar", "denuncia"]
    assert glossary.terminos[1].citations == [("Ley 30364", "15", "art.")]


def test_missing_field_names_term_and_line():
    text = SMALL.replace("    qu: kamachiqman willakuy\n", "")
    error = error_of(text)
    assert error.line == text.splitlines().index("  - id: denuncia") + 1
    assert "término 2 (denuncia), campo «qu»: falta este campo." in error.message


def test_unknown_source_points_at_its_line():
    text = SMALL.replace("fuente_quechua: ardito-cordova-2013", "fuente_quechua: ardito-2013")
    error = error_of(text)
    assert error.line == next(i for i, line in enumerate(text.splitlines(), 1) if "ardito-2013" in line)
    assert "fuente desconocida «ardito-2013»" in error.message


def test_bracketed_or_malformed_citation_is_refused():
    error = error_of(SMALL.replace("cita: Ley 30364, art. 15", "cita: '[[Ley 30364, art. 15]]'"))
    assert "sin corchetes" in error.message
    error = error_of(SMALL.replace("cita: Ley 30364, art. 15", "cita: Ley 30364, artículo 15"))
    assert "no es una cita válida" in error.message
    line = next(i for i, l in enumerate(SMALL.splitlines(), 1) if "art. 15" in l)
    assert error.line == line


def test_duplicate_id_and_unknown_field():
    text = SMALL.replace("id: denuncia", "id: violencia-familiar")
    assert "se repite" in error_of(text).message
    error = error_of(SMALL.replace("    cita: Ley 30364, art. 6\n", "    cita: Ley 30364, art. 6\n    nota: x\n"))
    assert "campo desconocido" in error.message
    assert error.line == SMALL.splitlines().index("    cita: Ley 30364, art. 6") + 2


def test_citation_missing_from_the_norms_data_fails_revisar(project_copy):
    path = project_copy / "docs" / "_datos" / "glosario.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("cita: Ley 30364, art. 15", "cita: Ley 30364, art. 99", 1), encoding="utf-8")
    problems = run_checks(project_copy, only=["glosario"])
    assert len(problems) == 1 and problems[0].level == "error"
    assert "«Ley 30364, art. 99» no está en docs/_datos/normas.yml" in problems[0].message


def test_broken_yaml_reports_its_line():
    text = SMALL.replace("    es: denuncia\n", "    es: [denuncia\n")
    error = error_of(text)
    assert error.line is not None and error.line >= text.splitlines().index("    es: [denuncia")
    assert "no es YAML válido" in error.message


def test_revisar_fails_on_a_broken_glossary_with_file_and_line(project_copy, runner):
    path = project_copy / "docs" / "_datos" / "glosario.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("fuente_quechua: propuesta", "fuente_quechua: inventada", 1), encoding="utf-8")
    line = next(i for i, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "inventada" in l)
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "glosario"])
    assert result.exit_code == 1
    assert f"docs/_datos/glosario.yml:{line}: término" in result.output
    assert "fuente desconocida «inventada»" in result.output


# ---------------------------------------------------------------- the generated pages

def test_spanish_page_is_alphabetical_anchored_with_quechua_beside_and_citation():
    page = render_glossary(parse(SMALL), "es")
    assert page.index("### Denuncia {#denuncia}") < page.index("### Violencia familiar {#violencia-familiar}")
    assert "[D](#letra-d) [V](#letra-v)" in page
    assert "## D {#letra-d .dc-glosario-letra}" in page
    assert "En quechua: **kamachiqman willakuy**{lang=qu}" in page
    assert "Ley: [[Ley 30364, art. 15]]" in page
    assert "Término quechua: Ardito y Córdova 2013" in page
    assert "Término quechua: propuesta del equipo" in page


def test_quechua_page_sorts_by_quechua_letters():
    page = render_glossary(parse(SMALL), "qu")
    assert page.index("### Ayllu maqasqa kaptin {#violencia-familiar}") < page.index("### Kamachiqman willakuy {#denuncia}")
    assert "Kastilla simipi: **denuncia**{lang=es}" in page
    assert "Kamachiy: [[Ley 30364, art. 15]]" in page


def test_quechua_collation_treats_digraphs_as_letters():
    words = ["llaqta", "lima", "chaki", "cama", "ch'aki", "chhalla", "ñawi", "nina", "k'iri", "kuska"]
    assert sorted(words, key=lambda w: sort_key(w, "qu")) == [
        "cama", "chaki", "chhalla", "ch'aki", "kuska", "k'iri", "lima", "llaqta", "nina", "ñawi"]
    assert letter_of("ch'aki", "qu") == "CH" and letter_of("llaqta", "qu") == "LL" and letter_of("k'iri", "qu") == "K"
    assert sorted(["ñandú", "nube", "oso"], key=lambda w: sort_key(w, "es")) == ["nube", "ñandú", "oso"]


def test_plugin_replaces_the_marker_in_the_page_language(repo_root):
    plugin = GlossaryPlugin()
    plugin.load_config({})
    for name, heading in (("glosario.md", "### Denuncia {#denuncia}"), ("glosario.qu.md", "{#denuncia}")):
        page, config = plugin_page(repo_root, name)
        output = plugin.on_page_markdown(f"# T\n\n{MARKER}\n", page=page, config=config, files=None)
        assert MARKER not in output and heading in output
        assert "[[Ley 30364, art. 15]]" in output


def test_sourced_term_without_evidence_is_refused_at_its_line():
    text = SMALL.replace("""    evidencia:
      - fuente: ardito-cordova-2013
        forma: Ayllu maqasqa kaptin
        donde: índice, situación 3
""", "")
    error = error_of(text)
    assert "violencia-familiar" in str(error) and "evidencia" in str(error)
    assert error.line == 7


def test_evidence_of_only_a_root_does_not_make_a_term_sourced():
    text = SMALL.replace("        donde: índice, situación 3\n", "        donde: índice, situación 3\n        alcance: raiz\n")
    assert "evidencia" in str(error_of(text))


def test_evidence_from_an_undeclared_source_or_with_a_bad_scope_is_refused():
    unknown = SMALL.replace("      - fuente: ardito-cordova-2013\n", "      - fuente: diccionario-inventado\n")
    assert "diccionario-inventado" in str(error_of(unknown))
    scope = SMALL.replace("        donde: índice, situación 3\n", "        donde: índice, situación 3\n        alcance: quizas\n")
    assert "termino" in str(error_of(scope))


def test_a_proposal_may_list_the_words_read_and_the_page_says_it_is_a_proposal():
    text = SMALL.replace("""    fuente_quechua: propuesta
""", """    fuente_quechua: propuesta
    evidencia:
      - fuente: ardito-cordova-2013
        forma: willa
        donde: vocabulario
        alcance: raiz
""")
    glossary = parse(text)
    page = render_glossary(glossary, "es")
    assert "propuesta del equipo, por revisar (palabras en: Ardito y Córdova 2013)" in page
