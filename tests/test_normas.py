"""The norms data (docs/_datos/normas.yml): validation with file:line, anchors, the page."""

import textwrap
from pathlib import Path

import pytest

from defensoria.errors import SourceError
from defensoria.legal.norms import verification_problems, anchor, load_norms, merge_quechua, parse_norms
from defensoria.legal.page import render_norms_page

GOOD = textwrap.dedent("""\
    CP:
      nombre: Código Penal
      tipo: código
      resumen: Los delitos y sus penas.
      fuente: https://spij.minjus.gob.pe/
      edicion: Texto de prueba.
      fecha_texto: null
      verificado: false
      articulos:
        "122-B":
          titulo: Agresiones
          resumen: Agresiones contra las mujeres.
          extracto: por su condición de tal
          fuente: https://lpderecho.pe/x
          edicion: Texto de prueba.
          fecha_texto: 2018-07-13
          verificado: false
        "368":
          titulo: Resistencia o desobediencia a la autoridad
          resumen: No cumplir una medida de protección es delito.
          fuente: https://www.gob.pe/32126
          edicion: Texto de prueba.
          fecha_texto: null
          verificado: true
""")
PATH = Path("docs/_datos/normas.yml")


def error_of(text: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        parse_norms(text, PATH)
    return caught.value


def test_the_real_norms_file_is_valid(repo_root):
    norms = load_norms(repo_root)
    codes = {"Constitución", "Ley 30364", "Reglamento", "CP", "Belém do Pará", "CEDAW", "CNA", "Ley 30403",
             "Ley 27908", "AP 1-2009/CJ-116", "D.S. 009-2019-MC", "D.S. 007-2023-MIMP", "D.S. 003-2025-MIMP",
             "Ley 29735", "Ley 27972"}
    assert codes <= set(norms)
    # Verified only with the literal text read (CP 122-B in the LP Derecho compilation)
    agresiones = norms["CP"].articulos["122-B"]
    assert agresiones.verificado is True and "menos de diez días" in agresiones.texto and agresiones.leido
    assert norms["Ley 30364"].articulos["25"].verificado is False  # widely cited, not read
    assert norms["Ley 30364"].articulos["25"].buscado  # where its text was sought
    assert list(verification_problems(norms)) == []
    assert norms["AP 1-2009/CJ-116"].unidad == "fj."


def test_anchors_are_stable_and_unique(repo_root):
    assert anchor("Ley 30364", "15") == "ley-30364-art-15"
    assert anchor("CP", "122-B") == "cp-art-122-b"
    assert anchor("AP 1-2009/CJ-116", "13", "fj.") == "ap-1-2009-cj-116-fj-13"
    assert anchor("D.S. 007-2023-MIMP") == "ds-007-2023-mimp"
    assert anchor("Belém do Pará", "1") == "belem-do-para-art-1"
    norms = load_norms(repo_root)
    ids = [anchor(code) for code in norms]
    ids += [anchor(code, number, norm.unidad) for code, norm in norms.items() for number in norm.articulos]
    assert len(ids) == len(set(ids))


def test_missing_field_names_the_article_line():
    text = GOOD.replace("      titulo: Agresiones\n", "")
    error = error_of(text)
    assert error.line == 10  # the "122-B": line
    assert "«CP → articulos → 122-B → titulo»: falta este campo." in error.message


def test_bad_date_names_its_line():
    error = error_of(GOOD.replace("2018-07-13", "13/07/2018"))
    assert error.line == 16
    assert "fecha no válida; escriba AAAA-MM-DD o null." in error.message


def test_bad_boolean_names_its_line():
    error = error_of(GOOD.replace("verificado: true", "verificado: quizas"))
    assert error.line == 24
    assert "debe ser true o false" in error.message


def test_bad_article_number():
    error = error_of(GOOD.replace('"368":', '"art 368":'))
    assert "«art 368» no es un número de artículo" in error.message
    assert error.line == 9  # the articulos: line


def test_unknown_field_is_reported():
    error = error_of(GOOD.replace("  tipo: código\n", "  tipo: código\n  typo: x\n"))
    assert error.line == 4  # the line of "typo:"
    assert "campo desconocido" in error.message


def test_broken_yaml_names_its_line():
    error = error_of(GOOD.replace("  resumen: Los delitos y sus penas.", "  resumen: [sin cerrar"))
    assert error.line is not None and 4 <= error.line <= 6
    assert "no es YAML válido" in error.message


def test_quechua_texts_must_match_the_norms():
    norms = parse_norms(GOOD, PATH)
    with pytest.raises(SourceError) as caught:
        merge_quechua(norms, 'CP:\n  resumen: Huchakuna.\n  articulos:\n    "999":\n      resumen: Mana kanchu.\n', Path("normas.qu.yml"))
    assert caught.value.line == 4
    assert "«CP, art. 999» no está en normas.yml" in caught.value.message


def test_page_has_anchors_sources_and_pending_marks():
    norms = parse_norms(GOOD, PATH)
    page = render_norms_page(norms, "es")
    assert "### Art. 122-B. Agresiones { #cp-art-122-b }" in page
    assert "> «por su condición de tal»" in page
    assert "Fecha del texto: 13-07-2018" in page
    assert "[lpderecho.pe](https://lpderecho.pe/x)" in page
    # the unverified article is marked, the verified one is not
    section_122b, section_368 = page.split("{ #cp-art-368 }")
    assert "pendiente de verificación" in section_122b.split("{ #cp-art-122-b }")[1]
    assert "pendiente de verificación" not in section_368


def test_quechua_page_uses_quechua_texts_and_labels():
    norms = merge_quechua(parse_norms(GOOD, PATH), 'CP:\n  resumen: Huchakunamanta kamachiy.\n  articulos:\n    "368":\n      titulo: Mana kasukuy\n      resumen: Amachana kamachiyta mana kasukuyqa hucham.\n', Path("q.yml"))
    page = render_norms_page(norms, "qu")
    assert "### Art. 368. Mana kasukuy { #cp-art-368 }" in page
    assert "Huchakunamanta kamachiy." in page
    assert "manaraq chiqaqchasqa" in page
    # an article without Quechua text shows the Spanish, marked as Spanish
    assert '<span lang="es">Agresiones contra las mujeres.</span>' in page
