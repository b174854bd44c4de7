"""Search indexes: compact documents, learner and trainers' indexes, the Quechua stemmer."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import in_ci
from defensoria.site.search_index import (
    QUECHUA_FUNCTION_WORDS,
    compact_document,
    learner_index,
    quechua_stemmer,
    trainers_index,
    unsearched_words,
)

ROOT = Path(__file__).resolve().parents[1]
STEMMER = ROOT / "scripts" / "defensoria" / "site" / "search" / "lunr.qu.min.js"
WORDS = re.compile(r"[\w'’ʼ]+")

SECTION = {
    "location": "modulos/m04-la-denuncia.html#donde",
    "title": "Dónde se denuncia",
    "text": "<p>Puedes denunciar en la comisaría, en la fiscalía o en el juzgado de familia. "
            "La denuncia es gratis y no necesitas abogado.</p> <p>En la comisaría te toman la "
            "denuncia aunque no tengas pruebas. La comisaría no puede negarse. Si la comisaría "
            "se niega, ve a la fiscalía &amp; pide ayuda a la DEMUNA o al CEM de tu provincia.</p>",
}


def words(text: str) -> set[str]:
    return {word.casefold() for word in WORDS.findall(re.sub(r"<[^>]+>", " ", text.replace("&amp;", "&")))}


def test_a_compact_section_keeps_every_word_once_and_shows_only_its_start():
    compact = compact_document(SECTION)
    shown, _, hidden = compact["text"].partition("<p hidden>")
    assert words(compact["text"]) == words(SECTION["text"])
    assert len(re.sub(r"<[^>]+>", "", shown)) <= 200 + len(" …")
    hidden_words = [word.casefold() for word in WORDS.findall(re.sub(r"<[^>]+>", " ", hidden))]
    assert len(hidden_words) == len(set(hidden_words)), "each hidden word once"
    assert not set(hidden_words) & words(shown), "a word already shown is not repeated"
    assert "<p>" not in hidden and "&amp;" not in hidden
    assert compact["title"] == SECTION["title"] and compact["location"] == SECTION["location"]


def test_words_nobody_searches_are_left_out_of_the_hidden_part_only():
    compact = compact_document(SECTION, frozenset({"la", "en", "no"}))
    shown, _, hidden = compact["text"].partition("<p hidden>")
    assert " la " in shown  # what is shown stays as written
    assert not {"la", "en", "no"} & words(hidden)
    assert "fiscalía" in words(compact["text"])


def test_a_short_section_is_shown_whole_without_a_hidden_part():
    compact = compact_document({"location": "index.html", "title": "Inicio", "text": "<p>Bienvenida.</p>"})
    assert compact["text"] == "<p>Bienvenida.</p>"


def test_learner_index_leaves_the_guides_out_and_trainers_index_keeps_every_page():
    index = {"config": {"lang": ["es"]}, "docs": [
        SECTION,
        {"location": "formadores/guias/m04-guia.html", "title": "Guía", "text": "<p>Actividad</p>"},
        {"location": "formadores/index.html", "title": "Formadores", "text": "<p>Para formar</p>"},
        {"location": "formadores/voz-alta/m04.html", "title": "Para leer en voz alta", "text": "<p>Texto</p>"},
    ]}
    learner = learner_index(index)
    assert [doc["location"] for doc in learner["docs"]] == [SECTION["location"], "formadores/index.html"]
    trainers = trainers_index(index)
    # served from formadores/search/: locations are relative to formadores/
    assert [doc["location"] for doc in trainers["docs"]] == [
        "../modulos/m04-la-denuncia.html#donde", "guias/m04-guia.html", "index.html", "voz-alta/m04.html"]
    assert trainers["config"] == index["config"]


def test_modules_rank_first_then_the_glossary_then_trainers_pages():
    index = {"config": {}, "docs": [
        {"location": "modulos/m04-la-denuncia.html#a", "title": "A", "text": ""},
        {"location": "glosario.html#denuncia", "title": "Denuncia", "text": ""},
        {"location": "normas.html", "title": "Normas", "text": ""},
        {"location": "formadores/guias/m04-guia.html", "title": "Guía", "text": ""},
    ]}
    learner = {doc["location"]: doc.get("boost", 1.0) for doc in learner_index(index)["docs"]}
    assert learner["modulos/m04-la-denuncia.html#a"] > learner["glosario.html#denuncia"] > learner["normas.html"]
    trainers = {doc["location"]: doc.get("boost", 1.0) for doc in trainers_index(index)["docs"]}
    assert trainers["../modulos/m04-la-denuncia.html#a"] > trainers["../normas.html"] > trainers["guias/m04-guia.html"]


def test_spanish_stop_words_come_from_the_lunr_file_the_browser_uses(tmp_path):
    (tmp_path / "lunr.es.min.js").write_text('x.stopWordFilter=e.generateStopWordFilter("a al de la que".split(" "))')
    assert unsearched_words("es", tmp_path) == {"a", "al", "de", "la", "que"}
    assert unsearched_words("es", tmp_path / "missing") == frozenset()
    assert unsearched_words("qu", tmp_path) == QUECHUA_FUNCTION_WORDS
    assert "maqay" not in QUECHUA_FUNCTION_WORDS and "chay" in QUECHUA_FUNCTION_WORDS


def node_or_skip() -> str:
    node = shutil.which("node")
    if node is None:
        if in_ci():
            pytest.fail("node is missing in CI: .ci/run installs it")
        pytest.skip("node is not installed")
    return node


def stem(*terms: str) -> list[str]:
    script = f"const q = require({json.dumps(str(STEMMER))}); console.log(JSON.stringify({json.dumps(terms)}.map(q.stemTerm)))"
    result = subprocess.run([node_or_skip(), "-e", script], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_quechua_inflected_forms_share_their_stem():
    assert set(stem("maqay", "maqasqa", "maqaykunamanta", "maqayta", "Maqayqa", "maqaqwan")) == {"maqa"}
    assert set(stem("warmi", "warmikunapaq", "warmikunata")) == {"warmi"}
    assert set(stem("huchata", "huchakunamanta", "hucham")) == {"hucha"}
    assert stem("k'irikunamanta") == stem("kiri")  # apostrophe and accents folded first


def test_the_index_builder_stems_quechua_as_the_browser_does():
    """One suffix list (read from the browser's script): every word of the Quechua pages
    gets the same stem in Python, which writes the index, and in the browser."""
    words_qu = sorted({word for page in (ROOT / "docs").rglob("*.qu.md")
                       for word in WORDS.findall(page.read_text(encoding="utf-8"))})
    assert len(words_qu) > 3000
    python_stem = quechua_stemmer()
    assert [python_stem(word) for word in words_qu] == stem(*words_qu)
    # A stem is its own stem: the index can hold stems, the browser stems them again
    assert all(python_stem(python_stem(word)) == python_stem(word) for word in words_qu)


def test_a_quechua_section_hides_one_stem_per_word_family():
    section = {"location": "qu/modulos/m02.html#a", "title": "Maqay",
               "text": "<p>" + "Kay qillqaqa maqaymanta rimanmi, sumaqta ñawinchay. " * 5
                       + "Maqasqa warmikunapaq, maqaykunamanta, maqayta, warmikunata, K'irikunamanta.</p>"}
    compact = compact_document(section, QUECHUA_FUNCTION_WORDS, quechua_stemmer())
    hidden = compact["text"].partition("<p hidden>")[2].removesuffix("</p>").split()
    assert hidden == ["warmi", "kiri"], hidden  # maqa- is already in the shown start


def test_the_stemmer_keeps_short_roots_and_material_wildcards():
    assert stem("wasi", "runa", "mama") == ["wasi", "runa", "mama"]
    assert stem("maqasqa*") == ["maqa*"]
    assert stem("*wawakunata*") == ["*wawa*"]


@pytest.mark.build
def test_built_site_serves_learner_and_trainers_indexes(built_site):
    for folder in (built_site, built_site / "qu"):
        learner = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        trainers = json.loads((folder / "formadores" / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert learner["docs"] and not any(d["location"].startswith(("formadores/guias/", "formadores/voz-alta/"))
                                           for d in learner["docs"])
        assert any(d["location"].startswith("guias/") for d in trainers["docs"])
        assert any(d["location"].startswith("../modulos/") for d in trainers["docs"])
        assert (folder / "formadores" / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
    # The glossary's per-term footer (law, source of the Quechua term) is not indexed
    spanish = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    glossary = [d for d in spanish["docs"] if d["location"].startswith("glosario.html#")]
    assert glossary and not any("Término quechua" in d["text"] for d in glossary)


@pytest.mark.build
def test_trainers_pages_search_the_trainers_index(built_site):
    def base(path: Path) -> str:
        return re.search(r'"base":\s*"([^"]*)"', path.read_text(encoding="utf-8")).group(1)

    assert base(built_site / "formadores" / "guias" / "m04-guia.html") == "../../formadores/"
    assert base(built_site / "qu" / "formadores" / "index.html") == "../../qu/formadores/"
    assert base(built_site / "modulos" / "m04-la-denuncia.html") == ".."
    assert base(built_site / "qu" / "modulos" / "m04-la-denuncia.html") == "../../qu/"


@pytest.mark.build
def test_one_screen_stylesheet_of_ours_and_nothing_else_blocks_the_first_paint(built_site):
    html = (built_site / "modulos" / "m04-la-denuncia.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"( media="print")?>', head)
    blocking = [href for href, media in sheets if not media]
    assert [href.rsplit("/", 1)[-1] for href in blocking if "/main." not in href and "/palette." not in href] == ["sitio.css"]
    assert ("../assets/stylesheets/impresion.css", ' media="print"') in sheets
    assert not re.search(r"<script[^>]+src=", head), "scripts in <head> hold the first paint"
    bundle = (built_site / "assets" / "stylesheets" / "sitio.css").read_text(encoding="utf-8")
    for source in ("defensoria.css", "contenido.css", "glosario.css", "cuestionario.css"):
        assert f"/* assets/stylesheets/{source} */" in bundle
        assert not (built_site / "assets" / "stylesheets" / source).exists()
    # Our script still runs before Material's bundle (it holds the search index request)
    assert html.index("assets/javascripts/defensoria.js") < html.index("assets/javascripts/bundle.")


@pytest.mark.browser
@pytest.mark.build
def test_quechua_search_finds_pages_from_inflected_words(browser, built_site):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    try:
        page.goto((built_site / "qu" / "index.html").as_uri())
        page.click("label[for=__search]")
        page.wait_for_timeout(800)  # typing before the index is loaded is not searched
        page.keyboard.type("maqaykunamanta", delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        links = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "ls => ls.map(a => a.href)")
        assert any("/qu/modulos/m02-que-es-la-violencia.html" in link for link in links[:5]), links
        # The hidden part of a result is searched, not shown
        assert page.eval_on_selector_all(".md-search-result p[hidden]", "ps => ps.every(p => p.offsetHeight === 0)")
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.build
def test_search_on_a_guide_finds_guides_and_on_a_module_does_not(browser, built_site):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    try:
        for start, expect_guides in (("formadores/guias/m04-guia.html", True), ("modulos/m04-la-denuncia.html", False)):
            page.goto((built_site / start).as_uri())
            page.click("label[for=__search]")
            page.wait_for_timeout(800)
            page.keyboard.type("papelógrafo", delay=20)
            page.wait_for_function("() => /\\d|No se/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=15000)
            page.wait_for_timeout(300)
            links = page.eval_on_selector_all(".md-search-result__link", "ls => ls.map(a => a.href)")
            assert any("/formadores/guias/" in link for link in links) == expect_guides, (start, links)
            assert all(Path(link.split("#")[0].removeprefix("file://")).exists() for link in links), links
    finally:
        page.close()
