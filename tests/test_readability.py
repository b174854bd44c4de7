"""Spanish readability: syllables, Szigriszt-Pazos on hand-computed sentences, INFLESZ."""

import pytest

from defensoria.cli import cli
from defensoria.content.markdown import parse_page
from defensoria.readability import count_syllables, plain_text, scale_label, score_page, score_text

# Syllables counted by hand, with the rule each word tests
SYLLABLES = {
    "pan": 1,
    "niña": 2,           # ñ is one consonant
    "casa": 2,
    "violencia": 3,      # vio-len-cia: two diphthongs
    "denuncia": 3,
    "educación": 4,      # e-du-ca-ción: a vowel alone is a syllable
    "poeta": 3,          # po-e-ta: hiatus of strong vowels
    "leer": 2,           # le-er
    "día": 2,            # dí-a: accented i breaks the diphthong
    "país": 2,
    "comisaría": 5,      # co-mi-sa-rí-a
    "cuidado": 3,        # cui-da-do: weak + weak is a diphthong
    "que": 1,            # silent u
    "pingüino": 3,       # pin-güi-no
    "Paraguay": 3,       # pa-ra-guay: triphthong, final y as vowel
    "hay": 1,
    "y": 1,
    "leyes": 2,          # le-yes: y before a vowel is a consonant
    "aéreo": 4,          # a-é-re-o
    "Huamán": 2,
    "p'unchaw": 2,       # Quechua words count too
}


@pytest.mark.parametrize("word, expected", SYLLABLES.items())
def test_count_syllables(word, expected):
    assert count_syllables(word) == expected


def test_one_short_sentence():
    # 4 words, 6 syllables (la ni-ña co-me pan), 1 sentence:
    # 206.835 − 62.3 × 6/4 − 4/1 = 109.385
    result = score_text("La niña come pan.")
    assert (result.words, result.syllables, result.sentences) == (4, 6, 1)
    assert result.szigriszt_pazos == 109.4
    assert result.inflesz == "muy fácil"


def test_two_sentences():
    # El(1) pe-rro(2) co-rre(2) / La(1) ca-sa(2) es(1) gran-de(2): 7 words, 11 syllables, 2 sentences
    # 206.835 − 62.3 × 11/7 − 7/2 = 206.835 − 97.9 − 3.5 = 105.435
    result = score_text("El perro corre. La casa es grande.")
    assert (result.words, result.syllables, result.sentences) == (7, 11, 2)
    assert result.szigriszt_pazos == 105.4


def test_bureaucratic_sentence_is_very_hard():
    # 9 words, 32 syllables (1+5+1+3+5+3+5+5+4), 1 sentence:
    # 206.835 − 62.3 × 32/9 − 9 = −23.676
    result = score_text("La administración de justicia intercultural requiere coordinación institucional permanente.")
    assert (result.words, result.syllables, result.sentences) == (9, 32, 1)
    assert result.szigriszt_pazos == -23.7
    assert result.inflesz == "muy difícil"
    assert not result.easy_enough


def test_abbreviations_do_not_end_sentences():
    assert score_text("Lo dice el art. 15 de la ley.").sentences == 1


@pytest.mark.parametrize("score, label", [
    (39.9, "muy difícil"), (40, "algo difícil"), (54.9, "algo difícil"), (55, "normal"),
    (64.9, "normal"), (65, "bastante fácil"), (79.9, "bastante fácil"), (80, "muy fácil"),
])
def test_inflesz_scale(score, label):
    assert scale_label(score) == label


def test_markup_is_removed_before_scoring():
    body = (
        "!!! puntos-clave \"Título administrativo institucional\"\n"
        "    La niña come pan.\n\n"
        "```python\nprint('código')\n```\n\n"
        "El perro corre [[Ley 30364, art. 15]]. La casa es [grande](https://example.org).\n"
    )
    text = plain_text(parse_page(body, "p.md"))
    assert "Título" not in text and "código" not in text and "Ley" not in text and "http" not in text
    result = score_text(text)
    assert (result.words, result.sentences) == (4 + 7, 3)


def test_terms_definitions_and_emphasised_leads_end_sentences():
    body = "**Línea 100**\n:   Es una llamada gratis\n\n- **Igualdad.** Valemos igual\n"
    assert plain_text(parse_page(body, "p.md")) == "Línea 100\nEs una llamada gratis\nIgualdad. Valemos igual"
    assert score_text(plain_text(parse_page(body, "p.md"))).sentences == 4


def test_score_page_skips_front_matter(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: Administración institucional\n---\n\nLa niña come pan.\n", encoding="utf-8")
    assert score_page(page) == score_text("La niña come pan.")


def test_revisar_warns_on_a_hard_learner_page(runner, project_copy):
    hard = "La administración de justicia intercultural requiere coordinación institucional permanente. " * 5
    (project_copy / "docs" / "glosario.md").write_text(f"---\ntitle: Glosario\n---\n\n# Glosario\n\n{hard}\n", encoding="utf-8")
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "legibilidad"])
    assert "Aviso en docs/glosario.md:1: lectura muy difícil (Szigriszt-Pazos" in result.output
    assert result.exit_code == 0  # a warning, not an error


def test_legibilidad_command_lists_each_learner_page(runner, project_copy):
    (project_copy / "docs" / "glosario.md").write_text("---\ntitle: Glosario\n---\n\nLa niña come pan.\n", encoding="utf-8")
    result = runner.invoke(cli, ["legibilidad", "--raiz", str(project_copy)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "docs/glosario.md" in result.output
    assert "109.4" in result.output and "muy fácil" in result.output
