"""Quechua spelling lint over the quiz banks and mkdocs.yml, suffix confusions and loanword accents."""

from pathlib import Path

import pytest

from defensoria.checks import run_checks
from defensoria.cli import cli
from defensoria.translation.yaml_strings import bank_strings, site_config_strings
from defensoria.translation.orthography import Rules, check_word

RULES = Rules(prestamos=["policía", "comisaría", "defensoría", "firma", "número"], nombres=["Julián", "Rosa"],
              confusiones={"achka": "askha", "ñawpaqin": "ñawpaqnin", "-qti-": "-pti-", "-sha-": "-chka-"})

# Line numbers matter: the tests assert them
BANK = """\
preguntas:
  - id: m01-prueba
    tipo: unica
    objetivo: 1
    dificultad: facil
    cita: Ley 30364, art. 15
    enunciado:
      es: Una vecina te cuenta que su pareja la golpea muchas veces.
      qu: Huk wasimasi warmi willasunki tiyaqmasin achka kutita maqasqanmanta.
    opciones:
      - es: Que denuncie en la comisaría, con la policía.
        qu: Comisaríapi policíawan kamachiqman willakuchun.
        correcta: true
        retro:
          es: Correcto. La comisaría recibe la denuncia.
          qu: >-
            Allinmi. Policíaqa kamachiqman willakuyta chaskinmi, mana
            maqaqtinpas.
      - es: Que espere.
        qu: Suyachun.
        retro: {es: "No. La policía atiende sin demora.", qu: "Manam. Comisariaqa mana unayachispam uyarin."}
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "fixture"
    write(root / "mkdocs.yml", "site_name: prueba\n")
    write(root / "docs" / "_datos" / "ortografia-qu.yml", RULES.model_dump_json())  # JSON is YAML
    write(root / "quizzes" / "m01.yml", BANK)
    return root


# ---------------------------------------------------------------- where the strings are

def test_every_quechua_string_of_a_bank_with_its_own_line(project):
    lines = {number: text.strip() for pieces in bank_strings(project / "quizzes" / "m01.yml") for number, text in pieces}
    assert lines[9].startswith("Huk wasimasi")     # enunciado.qu
    assert lines[12].startswith("Comisaríapi")     # opciones[1].qu
    assert 16 not in lines                         # a folded feedback: 'qu: >-' holds no text…
    assert lines[17].startswith("Allinmi.")        # … it starts on the next line
    assert lines[18] == "maqaqtinpas."             # … and goes on on the one after
    assert lines[21] == "Manam. Comisariaqa mana unayachispam uyarin."  # inside a flow mapping
    assert not any("vecina" in text or "Correcto" in text for text in lines.values())  # Spanish is not read


# ---------------------------------------------------------------- the lint on a bank

def test_slips_in_a_bank_are_reported_with_file_and_line(project, runner):
    result = runner.invoke(cli, ["traducciones", "--raiz", str(project), "--solo", "ortografia"])
    assert result.exit_code == 1, result.output
    assert "quizzes/m01.yml:9: «achka»: se escribe «askha»" in result.output
    assert "quizzes/m01.yml:18: «maqaqtinpas»: se escribe «-pti-» (no «-qti-»): «maqaptinpas»" in result.output
    assert "quizzes/m01.yml:21: «Comisariaqa»: el préstamo conserva la ortografía castellana" in result.output
    assert "«Comisaríaqa»" in result.output
    # Loanwords with their accent (Comisaríapi, policíawan) pass: three findings in the bank
    assert len([line for line in result.output.splitlines() if "quizzes/m01.yml" in line]) == 3


def bank_problems(root: Path) -> list:
    """Problems of the 'ortografia-qu' check in the banks (the theme's own strings are linted too)."""
    return [p for p in run_checks(root, only=["ortografia-qu"]) if p.path.parent.name == "quizzes"]


def test_revisar_reports_bank_slips_and_skips_a_broken_bank(project, runner):
    problems = bank_problems(project)
    assert sorted((p.path.name, p.line, p.level) for p in problems) == [
        ("m01.yml", 9, "error"), ("m01.yml", 18, "error"), ("m01.yml", 21, "error")]
    write(project / "quizzes" / "m02.yml", "preguntas:\n  - id: [roto\n")
    assert len(bank_problems(project)) == 3  # the 'cuestionarios' check reports the broken YAML


def test_a_clean_bank_passes(project):
    bank = project / "quizzes" / "m01.yml"
    bank.write_text(BANK.replace("achka", "askha").replace("maqaqtinpas", "maqaptinpas")
                    .replace("Comisariaqa", "Comisaríaqa"), encoding="utf-8")
    assert bank_problems(project) == []


def test_the_real_banks_pass_and_a_slip_in_one_fails(project_copy, runner):
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "ortografia-qu"])
    assert result.exit_code == 0, result.output
    bank = project_copy / "quizzes" / "m06.yml"
    lines = bank.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.strip().startswith("qu:"))
    lines[number - 1] += " Ñawpaqinpi policiaman willaqtinqa allinmi."
    bank.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "ortografia-qu"])
    assert result.exit_code == 1
    for word in ("Ñawpaqinpi", "policiaman", "willaqtinqa"):
        assert f"quizzes/m06.yml:{number}: «{word}»" in result.output


# ---------------------------------------------------------------- suffixes and accents

@pytest.mark.parametrize("word, fixed", [
    ("maqaqtin", "maqaptin"), ("Kaqtinqa", "Kaptinqa"), ("firmaqtinlla", "firmaptinlla"),
    ("kashaqtin", "kachkaptin"), ("qhawashaqtinchik", "qhawachkaptinchik"),
])
def test_wrong_suffixes_inside_words_are_errors_with_the_fix(word, fixed):
    level, message = check_word(word, RULES)
    assert level == "error" and message.endswith(f"«{fixed}».")


@pytest.mark.parametrize("word", ["ñawpaqninpi", "maqaptin", "kachkaptin", "firmaptin", "askha", "llaqta", "hamuqtaq",
                                  "policíaq", "Comisaríapi", "númerota", "Juliánta", "Rosaq", "qhawaqkuna"])
def test_correct_words_and_loans_with_their_accent_pass(word):
    assert check_word(word, RULES) is None


@pytest.mark.parametrize("word, written", [("policiaq", "policíaq"), ("Comisariapi", "Comisaríapi"),
                                           ("numerota", "númerota"), ("Julianta", "Juliánta"), ("pólicia", "policía")])
def test_a_loan_or_name_without_its_spanish_accent_is_an_error(word, written):
    level, message = check_word(word, RULES)
    assert level == "error" and f"«{written}»" in message


def test_a_suffix_entry_never_matches_at_the_start_of_a_word():
    rules = Rules(confusiones={"-sha-": "-chka-"})
    assert check_word("shamun", rules) is None  # 'sha' only at the start: not the suffix
    assert check_word("kashan", rules)[0] == "error"


# ---------------------------------------------------------------- mkdocs.yml

SITE_CONFIG = """\
site_name: Defensorías Comunitarias de Cusco
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - i18n:
      languages:
        - locale: es
          site_name: Defensorías Comunitarias
        - locale: qu
          site_name: Qusqupi Ayllu Defensoriakuna
          copyright: >-
            Qusqupi Ayllu Defensoríakuna · Yachachinapaq, achka
            runakunapaq.
          nav_translations:
            Inicio: Qallariy
            Normas: Kamachiykuna
"""


def test_quechua_site_name_copyright_and_menu_of_mkdocs_yml_are_linted(project):
    config = write(project / "mkdocs.yml", SITE_CONFIG)
    lines = {number: text.strip() for pieces in site_config_strings(config) for number, text in pieces}
    assert lines == {11: "Qusqupi Ayllu Defensoriakuna", 13: "Qusqupi Ayllu Defensoríakuna · Yachachinapaq, achka",
                     14: "runakunapaq.", 16: "Qallariy", 17: "Kamachiykuna"}
    problems = [p for p in run_checks(project, only=["ortografia-qu"]) if p.path.name == "mkdocs.yml"]
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(11, "«Defensoriakuna»"), (13, "«achka»")]
    assert "«Defensoríakuna»" in problems[0].message and problems[0].level == "error"
