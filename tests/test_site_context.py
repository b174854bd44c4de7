"""The site plugins' one page context: language from mkdocs-static-i18n, links by MkDocs.

A Spanish page with no translation is served under qu/ too (i18n's fallback): what it
says stays Spanish (quiz, notes, catalogue), its frame (print box, footer) is Quechua.
The real site has every page translated, so these pages are made here.
"""

import ast
import re
import tomllib
from pathlib import Path

from conftest import ROOT, plugin_page
from defensoria.site.context import page_context

PACKAGE = ROOT / "scripts" / "defensoria"
# What only the context reads of an MkDocs page's file
FILE_ATTRIBUTES = {"src_uri", "abs_src_path", "dest_uri", "dest_path", "locale", "locale_alternate_of"}
# Folders of the plugins and of what they render with
SITE_PARTS = ("site", "legal", "quiz", "glossary", "taller", "printing")


def plugin_modules() -> list[Path]:
    """The modules named by the mkdocs.plugins entry points of pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    targets = project["project"]["entry-points"]["mkdocs.plugins"].values()
    return [PACKAGE.parent.joinpath(*target.split(":")[0].split(".")).with_suffix(".py") for target in targets]


def test_every_plugin_takes_the_page_from_the_context():
    modules = plugin_modules()
    assert len(modules) == 6
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        attributes = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names}
        assert not attributes & FILE_ATTRIBUTES, (path.name, attributes & FILE_ATTRIBUTES)
        assert "language_of" not in names | imported, path
        assert "config_file_path" not in attributes, path  # the Project comes from build_project
        assert "page_context" in imported, path


def test_links_are_made_only_by_the_context_with_mkdocs_helper():
    """No hand-made relative links ("../" * depth, relpath) where the plugins render."""
    own = PACKAGE / "site" / "context.py"
    for part in SITE_PARTS:
        for path in (PACKAGE / part).rglob("*.py"):
            if path == own:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
                    assert not any(isinstance(side, ast.Constant) and side.value == "../" for side in (node.left, node.right)), path
                if isinstance(node, ast.Attribute | ast.Name):
                    name = node.attr if isinstance(node, ast.Attribute) else node.id
                    assert name not in {"relpath", "get_relative_url"}, (path, node.lineno)
                if isinstance(node, ast.ImportFrom):
                    assert all(alias.name not in {"relpath", "get_relative_url"} for alias in node.names), path


def test_language_and_edition_come_from_the_i18n_plugin():
    page, config = plugin_page(ROOT, "modulos/m04-la-denuncia.md", locale="es", edition="qu")
    context = page_context(page, config)
    assert (context.language, context.edition, context.is_fallback) == ("es", "qu", True)
    assert context.url == "qu/modulos/m04-la-denuncia.html"
    # The i18n plugin is the authority on the file's language, not our reading of the name
    page.file.locale = "qu"
    assert page_context(page, config).language == "qu"
    # Without the i18n plugin: the suffix, and the folder the page is written to
    page, config = plugin_page(ROOT, "modulos/m04-la-denuncia.qu.md")
    assert page.file.dest_uri == "modulos/m04-la-denuncia.qu.html"
    context = page_context(page, config)
    assert (context.language, context.edition) == ("qu", "es")
    assert context.path == ROOT / "docs" / "modulos" / "m04-la-denuncia.qu.md"


def test_links_from_a_page_in_the_quechua_edition():
    context = page_context(*plugin_page(ROOT, "modulos/m04-la-denuncia.qu.md", locale="qu"))
    assert context.link("descargas/x.pdf") == "../../descargas/x.pdf"
    assert context.link("assets/javascripts/cuestionario.js") == "../../assets/javascripts/cuestionario.js"
    assert context.source_link("formadores/guias/m04-guia.md") == "../formadores/guias/m04-guia.md"
    assert context.source_link("modulos/m05-medidas-de-proteccion.md") == "m05-medidas-de-proteccion.md"
    home = page_context(*plugin_page(ROOT, "index.md"))
    assert home.link("descargas/x.pdf") == "descargas/x.pdf" and home.source_link("normas.md") == "normas.md"


def test_a_spanish_fallback_on_qu_says_spanish_things_in_a_quechua_frame(repo_root):
    from defensoria.printing.plugin import ImpresionPlugin
    from defensoria.printing.strings import LABELS
    from defensoria.quiz.site import QuizPlugin
    from defensoria.quiz.strings import UI
    from defensoria.taller.plugin import TalleresPlugin

    page, config = plugin_page(repo_root, "modulos/m04-la-denuncia.md", locale="es", edition="qu")
    hooks = dict(page=page, config=config, files=None)
    quiz, workshops, printing = QuizPlugin(), TalleresPlugin(), ImpresionPlugin()
    for plugin in (quiz, workshops, printing):
        plugin.load_config({})
        plugin.on_config(config)
    assert f"## {UI['es']['heading']} " in quiz.on_page_markdown("# La denuncia\n", **hooks)
    note = workshops.on_page_markdown("# La denuncia\n", **hooks)
    assert "Para formadoras y formadores: [guía del taller de este módulo](../formadores/guias/m04-guia.md)" in note
    html = printing.on_page_content("<h1>La denuncia</h1>", **hooks)
    assert LABELS["qu"].download_title in html and LABELS["es"].download_title not in html
    links = re.findall(r'href="([^"]+\.pdf)"', html)
    assert links and all(link.startswith("../../descargas/") for link in links)
    # The same page in the Spanish edition: Spanish frame
    page, config = plugin_page(repo_root, "modulos/m04-la-denuncia.md", locale="es", edition="es")
    html = printing.on_page_content("<h1>La denuncia</h1>", page=page, config=config, files=None)
    assert LABELS["es"].download_title in html
    assert re.findall(r'href="([^"]+\.pdf)"', html)[0].startswith("../descargas/")


def test_the_citation_extension_is_told_the_page_and_its_language(repo_root):
    from defensoria.legal.plugin import EXTENSION, NormasPlugin

    plugin = NormasPlugin()
    plugin.load_config({})
    page, config = plugin_page(repo_root, "modulos/m04-la-denuncia.md", locale="es", edition="qu")
    config.docs_dir = str(repo_root / "docs")
    config.markdown_extensions = [EXTENSION]
    config.mdx_configs = {}
    plugin.on_config(config)
    plugin.on_page_markdown("# X\n", page=page, config=config, files=None)
    assert config.mdx_configs[EXTENSION]["pagina"] == "modulos/m04-la-denuncia.md"
    assert config.mdx_configs[EXTENSION]["idioma"] == "es"
