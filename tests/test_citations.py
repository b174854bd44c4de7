"""The citation extension [[norma, art. N]] and the `citas`/`legal` checks of `revisar`."""

import textwrap
from pathlib import Path

import markdown
import pytest
import yaml
from markdown.test_tools import TestCase

from defensoria.checks.citations import legal_summary
from defensoria.cli import cli
from defensoria.legal.norms import banned_source, merge_quechua, parse_norms

NORMS_YAML = textwrap.dedent("""\
    Ley 30364:
      nombre: Ley N.° 30364
      tipo: ley
      resumen: La ley principal contra la violencia.
      fuente: https://www.gob.pe/74905
      edicion: Texto de prueba.
      fecha_texto: 2023-03-22
      verificado: true
      articulos:
        "15":
          titulo: Denuncia
          resumen: Cómo se denuncia la violencia.
          fuente: https://busquedas.elperuano.pe/x
          edicion: Texto de prueba.
          fecha_texto: null
          verificado: true
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
          fuente: https://lpderecho.pe/x
          edicion: Texto de prueba.
          fecha_texto: null
          verificado: false
    AP 1-2009/CJ-116:
      nombre: Acuerdo Plenario 1-2009/CJ-116
      tipo: acuerdo plenario
      unidad: fj.
      resumen: Rondas campesinas y derecho penal.
      fuente: https://lpderecho.pe/y
      edicion: Texto de prueba.
      fecha_texto: 2009-11-13
      verificado: false
      articulos:
        "13":
          titulo: Límites
          resumen: Los límites de la jurisdicción comunal.
          fuente: https://lpderecho.pe/y
          edicion: Texto de prueba.
          fecha_texto: null
          verificado: false
    D.S. 007-2023-MIMP:
      nombre: Decreto Supremo 007-2023-MIMP
      tipo: decreto supremo
      resumen: Estrategia Rural Multisectorial.
      fuente: https://busquedas.elperuano.pe/z
      edicion: Texto de prueba.
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
    # The links themselves; the notes they open are tested below
    default_kwargs = {
        "extensions": ["defensoria.legal.citations"],
        "extension_configs": {"defensoria.legal.citations": {"catalogo": catalogue(), "notas": False}},
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
            extension_configs={"defensoria.legal.citations": {"catalogo": catalogue(), "pagina": "modulos/m04-la-denuncia.qu.md", "notas": False}},
        )

    def test_nested_page_depth(self):
        self.assertMarkdownRenders(
            "[[CP, art. 122-B]]",
            '<p><a class="cita" href="../../normas.md#cp-art-122-b" title="Agresiones">CP, art. 122-B</a></p>',
            extension_configs={"defensoria.legal.citations": {"catalogo": catalogue(), "pagina": "formadores/guias/taller.md", "notas": False}},
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


def test_legal_lists_unverified_articles_with_where_searched(runner, project_copy):
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "legal", "--legal"])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    # One warning per unverified article, at its line in normas.yml, with where it was sought
    assert "Aviso en docs/_datos/normas.yml:" in output and "Ley 30364, art. 25 sin verificar" in output
    assert "Buscado: (1)" in output
    # Verified with literal text: not on the lawyer's list
    assert "CP, art. 122-B sin verificar" not in output
    assert "Revisión legal:" in output and "verificado(s) con su texto literal" in output


def _set_article(project: Path, code: str, number: str, **fields) -> None:
    path = project / "docs" / "_datos" / "normas.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[code]["articulos"][number].update(fields)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_legal_fails_on_a_verified_article_without_literal_text(runner, project_copy):
    _set_article(project_copy, "Ley 30364", "25", verificado=True)
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "legal", "--legal"])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "Error en docs/_datos/normas.yml:" in output
    assert "«Ley 30364, art. 25» está verificado pero no tiene «texto»" in output


def test_legal_fails_on_a_verified_article_from_a_banned_source(runner, project_copy):
    _set_article(project_copy, "CP", "122-B", fuente="https://es.scribd.com/document/1/codigo-penal")
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "legal", "--legal"])
    assert result.exit_code == 1
    assert "«CP, art. 122-B» está verificado con una fuente no admitida (es.scribd.com)" in " ".join(result.output.split())


@pytest.mark.parametrize("url", [
    "https://es.scribd.com/document/602360807/LEY", "https://deploy.studylib.es/doc/1/x",
    "http://es.slideshare.net/a/b", "https://docplayer.es/123-x.html", "http://x.blogspot.com/2009/06/y.html",
    "http://blog.pucp.edu.pe/blog/x/?p=1", "https://proxy.example/index.php?q=https%3A%2F%2Fes.scribd.com%2Fdocument%2F1",
])
def test_banned_sources(url):
    assert banned_source(url)


@pytest.mark.parametrize("url", [
    "https://busquedas.elperuano.pe/api/visor_html/1941276-3", "https://spij.minjus.gob.pe/",
    "https://www.gob.pe/74905", "https://github.com/lokix94/peru-ai/blob/x/legal-library/codigo_penal.txt",
])
def test_admitted_sources(url):
    assert not banned_source(url)


def test_legal_summary_counts_every_source_of_citations(project_copy):
    summary = legal_summary(project_copy)
    assert len(summary.verified) + len(summary.unverified) == len(summary.places)
    assert ("CP", "122-B") in summary.verified and ("Ley 30364", "25") in summary.unverified
    where = {cited.path.name for cited in summary.places[("Ley 30364", "15")]}
    # pages, facilitator guides, quiz banks and the glossary all count
    assert {"m04-la-denuncia.md", "m04-guia.md", "m04.yml", "glosario.yml"} <= where


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


def test_article_citation_links_to_a_note_with_the_literal_text(repo_root):
    md = markdown.Markdown(extensions=["defensoria.legal.citations"], extension_configs={"defensoria.legal.citations": {
        "archivo": str(repo_root / "docs" / "_datos" / "normas.yml"), "pagina": "modulos/m06-los-delitos.md"}})
    html = md.convert("[[CP, art. 122-B]], [[CP, art. 122-B]], [[Ley 30364, art. 25]] y [[D.S. 007-2023-MIMP]].")
    assert html.count('href="#nota-cp-art-122-b"') == 2
    assert html.count('id="nota-cp-art-122-b"') == 1  # one note per article, however often cited
    assert "menos de diez días de asistencia" in html  # the literal text, verified
    assert 'id="nota-ley-30364-art-25"' in html and "pendiente de verificación" in html  # summary, marked
    assert 'href="../normas.md#ds-007-2023-mimp"' in html  # a whole norm keeps its Normas link
    assert 'href="../normas.md#cp-art-122-b"' in html and 'rel="noopener noreferrer"' in html


def test_notes_can_be_turned_off_for_print(repo_root):
    md = markdown.Markdown(extensions=["defensoria.legal.citations"], extension_configs={"defensoria.legal.citations": {
        "archivo": str(repo_root / "docs" / "_datos" / "normas.yml"), "pagina": "modulos/m06-los-delitos.md", "notas": False}})
    html = md.convert("[[CP, art. 122-B]]")
    assert 'href="../normas.md#cp-art-122-b"' in html and "cita-nota" not in html
