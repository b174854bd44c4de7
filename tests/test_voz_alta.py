"""Texts to read aloud: what a listener needs is checked, and each module page links its text."""

from pathlib import Path

from defensoria.checks import run_checks
from defensoria.voz_alta import load, problems_of, read_aloud_paths

TEXT = """\
---
title: "Para leer en voz alta: La denuncia"
voz_alta: m04
estado: borrador
---

# Para leer en voz alta

<div class="dc-voz-alta" markdown>

{body}

</div>

## Normas de este texto

[[Ley 30364, art. 15]]
"""
SENTENCE = "La víctima o cualquier otra persona puede denunciar en la comisaría.\n"
HELP = "Si hay peligro, llama a la Línea 100. Es gratis.\n"


def problems(tmp_path: Path, body: str, name: str = "m04.md") -> list:
    path = tmp_path / name
    path.write_text(TEXT.format(body=body), encoding="utf-8")
    return problems_of(load(path), {"m04"})


def test_the_real_texts_pass_and_come_in_both_languages(repo_root):
    paths = read_aloud_paths(repo_root)
    assert {p.name for p in paths} >= {"m02.md", "m02.qu.md", "m04.md", "m04.qu.md"}
    assert run_checks(repo_root, only=["voz-alta"]) == []
    for path in paths:
        text = load(path)
        assert text.estado == "borrador"  # nobody on the team reviews: they stay drafts
        assert 3 <= text.minutes <= 5 and "Línea 100" in text.text


def test_a_good_text_has_no_problem(tmp_path):
    assert problems(tmp_path, SENTENCE * 32 + HELP) == []


def test_parentheses_are_refused_at_their_line(tmp_path):
    found = problems(tmp_path, SENTENCE * 32 + "Ve a la comisaría (Policía Nacional).\n" + HELP)
    assert [(p.line, p.level) for p in found if "paréntesis" in p.message] == [(11 + 32, "error")]  # the body starts on line 11


def test_the_hotline_is_required(tmp_path):
    found = problems(tmp_path, SENTENCE * 34)
    assert any("Línea 100" in p.message and p.level == "error" for p in found)


def test_too_short_or_long_sentences_are_reported(tmp_path):
    found = problems(tmp_path, SENTENCE * 5 + HELP)
    assert any("minutos" in p.message and p.level == "aviso" for p in found)
    long_sentence = " ".join(["palabra"] * 20) + ".\n"
    found = problems(tmp_path, SENTENCE * 32 + long_sentence + HELP)
    assert any("frase de 20 palabras" in p.message for p in found)


def test_front_matter_must_name_the_module(tmp_path):
    path = tmp_path / "m05.md"
    path.write_text(TEXT.format(body=SENTENCE * 32 + HELP), encoding="utf-8")
    found = problems_of(load(path), {"m04", "m05"})
    assert any("voz_alta: m05" in p.message for p in found)
