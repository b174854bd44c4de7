"""The citation extension [[norma, art. N]] and the `citas`/`legal` checks of `revisar`."""

import textwrap
from pathlib import Path

import markdown
import pytest
from markdown.test_tools import TestCase

from defensoria.cli import cli
from defensoria.legal.norms import merge_quechua, parse_norms

NORMS_YAML = textwrap.dedent("""\
    Ley 30364:
      nombre: Ley N.° 30364
      tipo: ley
      resumen: La ley principal contra la violencia.
      fuente: https://www.gob.pe/74905
      texto: Texto de prueba.
      fecha_texto: 2023-03-22
      verificado: true
      articulos:
        "15":
          titulo: Denuncia
          resumen: Cómo se denuncia la violencia.
          fuente: https://busquedas.elperuano.pe/x
          texto: Texto de prueba.
          fecha_texto: null
          verificado: true
    CP:
      nombre: Código Penal
      tipo: código
      resumen: Los delitos y sus penas.
      fuente: https://spij.minjus.gob.pe/
      texto: Texto de prueba.
      fecha_texto: null
      verificado: false
      articulos:
        "122-B":
          titulo: Agresiones
          resumen: Agresiones contra las mujeres.
          fuente: https://lpderecho.pe/x
          texto: Texto de prueba.
          fecha_texto: null
          verificado: false
    AP 1-2009/CJ-116:
      nombre: Acuerdo Plenario 1-2009/CJ-116
      tipo: acuerdo plenario
      unidad: fj.
      resumen: Rondas campesinas y derecho penal.
      fuente: https://lpderecho.pe/y
      texto: Texto de prueba.
      fecha_texto: 2009-11-13
      verificado: false
      articulos:
        "13":
          titulo: Límites
          resumen: Los límites de la jurisdicción comunal.
          fuente: https://lpderecho.pe/y
          texto: Texto de prueba.
          fecha_texto: null
          verificado: false
    D.S. 007-2023-MIMP:
      nombre: Decreto Supremo 007-2023-MIMP
      tipo: decreto supremo
      resumen: Estrategia Rural Multisectorial.
      fuente: https://busquedas.elperuano.pe/z
      texto: Texto de prueba.
      fecha_texto: null
      verificado: true
""")
QUECHUA_YAML = textwrap.dedent("""\
    Ley 30364:
      resumen: Maqaymanta kamachiy.
      articulos:
        "15":
          titulo: Willakuy
          resumen: Imaynatam maqaymanta willakunchik.
""")


def catalogue():
    norms = parse_norms(NORMS_YAML, Path("normas.yml"))
    return merge_quechua(norms, QUECHUA_YAML, Path("normas.qu.yml"))


class TestCitationExtension(TestCase):
    default_kwargs = {
        "extensions": ["defensoria.legal.citations"],
        "extension_configs": {"defensoria.legal.citations": {"catalogo": catalogue()}},
    }

    def test_article(self):
        self.assertMarkdownRenders(
            "Lo dice [[Ley 30364, art. 15]].",
            '<p>Lo dice <a class="cita" href="normas.md#ley-30364-art-15" title="Denuncia">Ley 30364, art. 15</a>.</p>',
        )

    def test_article_with_letter_suffix(self):
        self.assertMarkdownRenders(
            "[[CP, art. 122-B]]",
            '<p><a class="cita" href="normas.md#cp-art-122-b" title="Agresiones">CP, art. 122-B</a></p>',
        )

    def test_fundamento_of_acuerdo_plenario(self):
        self.assertMarkdownRenders(
            "[[AP 1-2009/CJ-116, fj. 13]]",
            '<p><a class="cita" href="normas.md#ap-1-2009-cj-116-fj-13" title="Límites">AP 1-2009/CJ-116, fj. 13</a></p>',
        )

    def test_whole_norm_has_its_name_as_tooltip(self):
        self.assertMarkdownRenders(
            "[[D.S. 007-2023-MIMP]]",
            '<p><a class="cita" href="normas.md#ds-007-2023-mimp" title="Decreto Supremo 007-2023-MIMP">D.S. 007-2023-MIMP</a></p>',
        )

    def test_unknown_norm_stays_as_written(self):
        self.assertMarkdownRenders("Ver [[Ley 99999, art. 1]].", "<p>Ver [[Ley 99999, art. 1]].</p>")

    def test_unknown_article_stays_as_written(self):
        self.assertMarkdownRenders("[[CP, art. 999]]", "<p>[[CP, art. 999]]</p>")

    def test_wrong_unit_stays_as_written(self):
        self.assertMarkdownRenders("[[AP 1-2009/CJ-116, art. 13]]", "<p>[[AP 1-2009/CJ-116, art. 13]]</p>")

    def test_inside_code_is_not_rendered(self):
        self.assertMarkdownRenders(
            "Escribe `[[Ley 30364, art. 15]]`.",
            "<p>Escribe <code>[[Ley 30364, art. 15]]</code>.</p>",
        )

    def test_quechua_page_in_a_subfolder(self):
        self.assertMarkdownRenders(
            "[[Ley 30364, art. 15]]",
            '<p><a class="cita" href="../normas.md#ley-30364-art-15" title="Willakuy">Ley 30364, art. 15</a></p>',
            extension_configs={"defensoria.legal.citations": {"catalogo": catalogue(), "pagina": "modulos/m04-la-denuncia.qu.md"}},
        )

    def test_nested_page_depth(self):
        self.assertMarkdownRenders(
            "[[CP, art. 122-B]]",
            '<p><a class="cita" href="../../normas.md#cp-art-122-b" title="Agresiones">CP, art. 122-B</a></p>',
            extension_configs={"defensoria.legal.citations": {"catalogo": catalogue(), "pagina": "formadores/guias/taller.md"}},
        )


def test_citations_are_recorded_per_document():
    md = markdown.Markdown(
        extensions=["defensoria.legal.citations"],
        extension_configs={"defensoria.legal.citations": {"catalogo": catalogue(), "pagina": "a.md"}},
    )
    md.convert("[[Ley 30364, art. 15]] y [[CP, art. 122-B]] y [[CP, art. 1]]")
    assert [str(c) for c in md.citas] == ["Ley 30364, art. 15", "CP, art. 122-B"]
    md.reset()
    assert md.citas == []


# --- defensoria revisar ---------------------------------------------------------------

def write_page(root: Path, relative: str, body: str) -> Path:
    path = root / "docs" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: Prueba\n---\n\n# Prueba\n\n{body}\n", encoding="utf-8")
    return path


def test_unknown_citation_is_an_error_with_file_and_line(runner, project_copy):
    write_page(project_copy, "prueba.md", "Una línea.\n\nOtra con [[Ley 30364, art. 999]].\n\nY [[Ley 3036, art. 15]].")
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "citas"])
    assert result.exit_code == 1
    assert "Error en docs/prueba.md:9: el art. 999 de «Ley 30364»" in result.output
    assert "Error en docs/prueba.md:11: la norma «Ley 3036»" in result.output
    assert "¿Quiso decir «Ley 30364»?" in result.output


def test_malformed_citation_is_an_error(runner, project_copy):
    write_page(project_copy, "prueba.md", "Mal escrita: [[Ley 30364 art 15]].")
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "citas"])
    assert result.exit_code == 1
    assert "docs/prueba.md:7" in result.output


def test_known_citations_pass(runner, project_copy):
    write_page(project_copy, "prueba.md", "Bien: [[Ley 30364, art. 15]] y [[D.S. 007-2023-MIMP]].\n\n`[[No, art. 1]]` en código.")
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "citas"])
    assert "prueba.md" not in result.output


def test_legal_lists_unverified_citations(runner, project_copy):
    write_page(project_copy, "prueba.md", "[[CP, art. 122-B]]\n\n[[Ley 30364, art. 15]]")
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "citas", "--legal"])
    assert "Aviso en docs/prueba.md:7: CP, art. 122-B sin verificar" in result.output
    # art. 15 was read in El Peruano: not on the lawyer's list
    assert "docs/prueba.md:9" not in result.output


def test_module_citing_fewer_than_five_articles_is_warned(runner, project_copy):
    module = next(p for p in sorted((project_copy / "docs" / "modulos").glob("m*.md")) if not p.name.endswith(".qu.md"))
    text = module.read_text(encoding="utf-8")
    end = text.index("\n---", 3) + 4
    module.write_text(text[:end] + "\n# Corto\n\nSolo [[Ley 30364, art. 15]] y [[Ley 30364, art. 15]].\n", encoding="utf-8")
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "citas"])
    assert f"Aviso en docs/modulos/{module.name}:1: el módulo cita 1 artículo(s) distinto(s)" in result.output


def test_broken_norms_file_is_an_error_with_line(runner, project_copy):
    path = project_copy / "docs" / "_datos" / "normas.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\n  verificado: true", "\n  verificado: quizas", 1), encoding="utf-8")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "quizas" in text)
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "citas"])
    assert result.exit_code == 1
    assert f"docs/_datos/normas.yml:{line}:" in result.output
    assert "debe ser true o false" in result.output


@pytest.mark.build
def test_site_build_links_citations_from_quechua_pages(built_site, repo_root):
    """In the real MkDocs build, a citation on a Quechua page lands on qu/normas.html."""
    page = "modulos/m04-la-denuncia"
    assert "[[Ley 30364, art. 15]]" in (repo_root / "docs" / f"{page}.qu.md").read_text(encoding="utf-8")
    spanish = (built_site / f"{page}.html").read_text(encoding="utf-8")
    quechua = (built_site / "qu" / f"{page}.html").read_text(encoding="utf-8")
    assert 'href="../normas.html#ley-30364-art-15"' in spanish
    assert 'href="../normas.html#ley-30364-art-15"' in quechua
    assert 'id="ley-30364-art-15"' in (built_site / "qu" / "normas.html").read_text(encoding="utf-8")
    assert 'title="Denuncia"' in spanish
