"""The content core: one citation grammar, one YAML loader, one error translator, one page model."""

import textwrap
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from defensoria.content.citations import Citation, citations_in_text, group_citations, parse_citation
from defensoria.content.markdown import DELETE, edit_front_matter, parse_page, read_page, with_front_matter
from defensoria.content.project import Project, project
from defensoria.content.validation import source_error, spanish
from defensoria.content.yamlfile import ScalarNode, compose_yaml, dump_yaml, parse_yaml
from defensoria.errors import SourceError

ROOT = Path(__file__).resolve().parents[1]


# Citations -------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Ley 30364, art. 15", Citation("Ley 30364", "15", "art.")),
    ("[[CP, art. 122-B]]", Citation("CP", "122-B", "art.")),
    ("AP 1-2009/CJ-116, fj. 13", Citation("AP 1-2009/CJ-116", "13", "fj.")),
    ("D.S. 007-2023-MIMP", Citation("D.S. 007-2023-MIMP")),
    ("Ley 30364 ,art.15", Citation("Ley 30364", "15", "art.")),
])
def test_citation_grammar_accepts(text, expected):
    assert parse_citation(text) == expected


@pytest.mark.parametrize("text", ["Ley 30364, articulo 22", "Ley 30364, art. quince", "", "[[Ley 30364, art. 15]", "CP, art. 122-b"])
def test_citation_grammar_refuses(text):
    assert parse_citation(text) is None


def test_citation_anchor_and_text():
    citation = parse_citation("CP, art. 122-B")
    assert citation.anchor == "cp-art-122-b"
    assert str(citation) == "CP, art. 122-B"
    assert parse_citation("D.S. 007-2023-MIMP").anchor == "ds-007-2023-mimp"


def test_citations_in_text_keep_lines_and_malformed_ones():
    found = list(citations_in_text("uno [[Ley 30364, art. 15]]\ndos [[Ley 30364, articulo 3]]", first_line=10))
    assert [(c.line, c.text, c.citation) for c in found] == [
        (10, "[[Ley 30364, art. 15]]", Citation("Ley 30364", "15")),
        (11, "[[Ley 30364, articulo 3]]", None),
    ]


def test_group_citations():
    assert group_citations(["Ley 30364, art. 2", "Ley 30364, art. 15", "CNA, art. 45", "Ley 30403"]) == [
        "Ley 30364, arts. 2, 15", "CNA, art. 45", "Ley 30403"]


def test_one_citation_grammar_in_the_package():
    """No module outside the core writes its own citation pattern ('art.' in a regex)."""
    package = ROOT / "scripts" / "defensoria"
    offenders = [str(p.relative_to(package)) for p in package.rglob("*.py")
                 if "art\\." in p.read_text(encoding="utf-8") and p.parent.name != "content"]
    assert offenders == []


# YAML and validation ---------------------------------------------------------

YAML = """\
norma:
  nombre: Ley
  articulos:
    - numero: 15
      titulo: x
    - numero: 16
"""


def test_yaml_positions():
    document = parse_yaml(YAML, "n.yml")
    assert document.data["norma"]["articulos"][1] == {"numero": 16}
    assert document.line(("norma", "articulos", 0, "titulo")) == 5
    assert document.line(("norma", "articulos", 1)) == 6
    assert document.line(("norma", "articulos", 1, "titulo")) == 6  # missing key: its item
    assert document.line(("norma", "nombre")) == 2


def test_bad_yaml_names_its_line():
    with pytest.raises(SourceError) as error:
        parse_yaml("a: 1\nb: [2\nc: 3\n", "x.yml", "el glosario")
    assert error.value.line == 3 and "el glosario no es YAML válido" in error.value.message


def test_composed_nodes_keep_their_marks_and_bad_yaml_its_line():
    text = "es: Denuncia\nqu: 'Willakuy'\n"
    qu = compose_yaml(text, "b.yml").value[1][1]
    assert isinstance(qu, ScalarNode) and text[qu.start_mark.index : qu.end_mark.index] == "'Willakuy'"
    assert qu.start_mark.line == 1 and qu.style == "'"
    with pytest.raises(SourceError) as error:
        compose_yaml("a: 1\nb: [2\nc: 3\n", "q.yml", "el cuestionario")
    assert str(error.value).startswith("q.yml:3: el cuestionario no es YAML válido")


def test_dump_yaml_reads_back_in_order_with_accents():
    data = {"segmentos": {"b/2": {"por": "Defensora de Ccapi", "comentario": "Señal ñuqa"}, "a/1": {"fecha": date(2026, 12, 3)}}}
    text = dump_yaml(data)
    assert "Señal ñuqa" in text and text.index("b/2") < text.index("a/1")
    assert parse_yaml(text, "x.yml").data == data


class Article(BaseModel):
    model_config = ConfigDict(extra="forbid")
    numero: int
    titulo: str = Field(min_length=3)
    fecha: date | None = None


def test_validation_error_in_spanish_at_the_key_line():
    document = parse_yaml("numero: 15\ntitulo: x\nfecha: ayer\n", "a.yml")
    with pytest.raises(ValidationError) as raised:
        Article.model_validate(document.data)
    error = source_error(raised.value, document)
    assert str(error.message) == "a.yml:2: campo «titulo»: el texto está vacío o es demasiado corto."
    assert error.line == 2


def test_validation_messages_are_spanish():
    for data, expected in [({"numero": 1, "titulo": "abc", "otro": 1}, "campo desconocido"),
                           ({"titulo": "abc"}, "falta este campo"),
                           ({"numero": "x", "titulo": "abc"}, "debe ser un número entero"),
                           ({"numero": 1, "titulo": "abc", "fecha": "ayer"}, "AAAA-MM-DD")]:
        with pytest.raises(ValidationError) as raised:
            Article.model_validate(data)
        assert expected in spanish(raised.value.errors()[0])


# Markdown page model ------------------------------------------------------------

PAGE = textwrap.dedent('''\
    ---
    # the title shown in the nav
    title: La denuncia
    modulo: m04
    traduccion:
      estado: borrador
    fuentes:
      - Ley 30364, art. 15
    ---

    # La denuncia

    Cualquiera puede denunciar [[Ley 30364, art. 15]].
    Y sigue el párrafo.

    ```python
    no = "[[Ley 1, art. 1]]"
    # not a heading
    ```

    ## Lo que vas a aprender { #aprender }

    - Primer punto `[[code, art. 2]]`
      que continúa.
    - Segundo punto [[CP, art. 122-B]].

    !!! puntos-clave "Lo más importante"

        - Uno.
        - Dos [[Ley 30364, art. 16]].

    ## Para pensar

    | a | b |
    |---|---|
    | c | d |
    ''')


def page():
    return parse_page(PAGE, Path("docs/modulos/m04-la-denuncia.qu.md"))


def test_front_matter_and_language():
    p = page()
    assert p.meta["title"] == "La denuncia" and p.line_of("title") == 3
    assert p.line_of(("traduccion", "estado")) == 6
    assert p.line_of("missing") == 1
    assert p.language == "qu" and p.source == Path("docs/modulos/m04-la-denuncia.md")
    assert p.body_line == 10


def test_fences_headings_sections():
    p = page()
    assert [(f.start, f.end, f.info) for f in p.fences] == [(16, 19, "python")]
    assert [(h.line, h.level, h.text, h.id) for h in p.headings] == [
        (11, 1, "La denuncia", None), (21, 2, "Lo que vas a aprender", "aprender"), (32, 2, "Para pensar", None)]
    section = p.section("Lo que vas a aprender")
    assert (section.start, section.end) == (21, 31)
    assert p.sections[0].end == len(PAGE.splitlines())


def test_admonitions_and_blocks():
    p = page()
    [admonition] = p.admonitions
    assert (admonition.line, admonition.end, admonition.kind, admonition.title) == (27, 30, "puntos-clave", "Lo más importante")
    assert admonition.body == "- Uno.\n- Dos [[Ley 30364, art. 16]]."
    blocks = [(b.kind, b.line, b.end, b.admonition) for b in p.blocks()]
    assert blocks == [
        ("heading", 11, 11, None), ("paragraph", 13, 14, None), ("heading", 21, 21, None),
        ("item", 23, 24, None), ("item", 25, 25, None), ("admonition-title", 27, 27, "puntos-clave"),
        ("item", 29, 29, "puntos-clave"), ("item", 30, 30, "puntos-clave"), ("heading", 32, 32, None),
        ("table-row", 34, 34, None), ("table-row", 36, 36, None)]
    claims = [(b.line, [str(c.citation) for c in b.citations()]) for b in p.blocks() if b.citations()]
    assert claims == [(13, ["Ley 30364, art. 15"]), (25, ["CP, art. 122-B"]), (30, ["Ley 30364, art. 16"])]


def test_prose_lines_and_citations_skip_code():
    p = page()
    assert [(c.line, str(c.citation)) for c in p.citations()] == [
        (13, "Ley 30364, art. 15"), (25, "CP, art. 122-B"), (30, "Ley 30364, art. 16")]
    prose = dict(p.prose_lines())
    assert 17 not in prose and prose[23] == "- Primer punto "


def test_front_matter_round_trip_keeps_everything_else():
    edited = with_front_matter(PAGE, {"traduccion": {"estado": "revisado", "por": "Defensora de Ccapi",
                                                     "fecha": date(2026, 12, 3)}, "nuevo": [1, 2]})
    p = parse_page(edited, "x.qu.md")
    assert p.meta["traduccion"] == {"estado": "revisado", "por": "Defensora de Ccapi", "fecha": date(2026, 12, 3)}
    assert p.meta["nuevo"] == [1, 2] and p.meta["title"] == "La denuncia"
    assert "# the title shown in the nav" in edited
    assert edited.split("---\n", 2)[2] == PAGE.split("---\n", 2)[2]  # body untouched
    removed = with_front_matter(edited, {"nuevo": DELETE, "fuentes": DELETE})
    assert "nuevo" not in parse_page(removed, "x.md").meta and "fuentes" not in removed
    assert with_front_matter(PAGE, {"title": "La denuncia"}) == PAGE


def test_edit_front_matter_writes_the_file(tmp_path):
    path = tmp_path / "p.md"
    path.write_text("Sin encabezado.\n", encoding="utf-8")
    page = edit_front_matter(path, {"title": "Nuevo"})
    assert page.meta == {"title": "Nuevo"} and page.body.strip() == "Sin encabezado."
    assert read_page(path).meta == {"title": "Nuevo"}


def test_bad_front_matter_names_its_line():
    with pytest.raises(SourceError) as error:
        parse_page("---\ntitle: a\nfuentes: [x\n---\nbody\n", "p.md")
    assert error.value.line >= 3 and "el encabezado no es YAML válido" in error.value.message


# Project -----------------------------------------------------------------------

def test_project_reads_the_real_content():
    p = project(ROOT)
    assert p is project(ROOT) and isinstance(p, Project)
    assert p.title("m05", "es") == p.module("m05").title
    quechua = p.module_page("m05", "qu")
    assert quechua is not None and p.title("m05", "qu") == quechua.meta["title"] != p.title("m05", "es")
    assert p.objectives("m05", "es") == p.module("m05").objetivos
    points = p.key_points("m04", "es")
    assert points.markdown.startswith("- ") and points.line > 1
    assert p.settings.site_url.startswith("https://") and p.settings.languages == ("es", "qu")
    assert "Ley 30364" in p.norms()
    assert p.glossary().terminos and p.guides("es") and p.rules().programas


def test_missing_key_points_points_where_they_belong(tmp_path):
    from defensoria.content.project import key_points_of

    page = parse_page("# T\n\nTexto.\n\n## Para pensar\n\nAlgo.\n", tmp_path / "m01-x.md")
    with pytest.raises(SourceError) as error:
        key_points_of(page)
    assert error.value.line == 5


def test_a_definition_is_a_block_of_its_own():
    page = parse_page("**Línea 100**\n:   Es una llamada gratis.\n    Atiende las 24 horas.\n", "x.md")
    assert [(b.kind, b.line, b.text) for b in page.blocks()] == [
        ("paragraph", 1, "**Línea 100**"), ("definition", 2, "Es una llamada gratis.\nAtiende las 24 horas.")]


def test_admonition_title_with_escaped_quotes_is_one_block():
    page = parse_page('# T\n\n!!! warning "\\"Así me criaron\\" no es una excusa"\n    Texto.\n', "x.md")
    assert page.admonitions[0].title == '"Así me criaron" no es una excusa'
    assert [(b.kind, b.text) for b in page.blocks()] == [
        ("heading", "T"), ("admonition-title", '"Así me criaron" no es una excusa'), ("paragraph", "Texto.")]
