"""The Kiwix edition: the ZIM read back with libzim, served by Debian's kiwix-serve, used in chromium.

kiwix-serve tests skip only off CI when kiwix-tools is missing; in CI (CI=true) a missing
kiwix-serve is a failure (.ci/run installs it). Browser tests follow tests/conftest.py.
"""

import re
import shutil
import socket
import struct
import subprocess
import time
import urllib.request
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest

from defensoria.registro.codes import HASH_PREFIX, verification_hash
from defensoria.zim.edition import NEUTRAL_PATH, SKIPPED, adapt_page, page_text
from defensoria.zim.writer import METADATA, write_zim
from tests.conftest import VERIFIABLE_CODE, in_ci

DAY = date(2026, 12, 3)
# The session site publishes this certificate (tests/conftest.py)
CODE = VERIFIABLE_CODE
REQUIRED_METADATA = {"Name", "Title", "Description", "LongDescription", "Language", "Creator", "Publisher",
                     "Date", "Tags", "Source", "Flavour"}


# --- The edition's changes to a page (no build) ---------------------------------------

PAGE = """<html lang="qu"><head><title>Kamachiqman willakuy - Qusqupi Ayllu Defensoríakuna</title>
<link rel="prefetch" href="../../assets/javascripts/lunr/min/lunr.es.min.js"><link rel="prefetch" href="../../assets/x.js"></head><body>
<div data-dc-salida><a class="dc-salida" href="https://neutral.example/?p=1" rel="nofollow" data-dc-salida-boton>x</a></div>
<div class="md-search" data-md-component="search" role="dialog"><form class="md-search__form" name="search"><input class="md-search__input"></form></div>
<article class="md-content__inner md-typeset"><h1>Willakuy</h1><!-- edicion-zim --></article></body></html>"""


def test_quick_exit_leads_to_the_neutral_page_inside_the_file():
    adapted = adapt_page(PAGE, "qu/modulos/m04.html", DAY)
    assert f'href="../../{NEUTRAL_PATH}" rel="nofollow" data-dc-salida-boton' in adapted
    assert "neutral.example" not in adapted
    assert f'href="{NEUTRAL_PATH}"' in adapt_page(PAGE, "index.html", DAY)


def test_site_search_is_switched_off_and_hidden_in_favour_of_kiwix_search():
    adapted = adapt_page(PAGE, "index.html", DAY)
    # Material starts its search worker only for a form named "search"
    assert 'name="search"' not in adapted and 'data-md-component="search"' not in adapted
    # No prefetch of the search scripts left out of the file; other hints stay
    deeper = adapt_page(PAGE, "qu/modulos/m04.html", DAY)
    assert "lunr" not in deeper and '<link rel="prefetch" href="../../assets/x.js">' in deeper
    assert re.search(r"<style>\.md-search[^{]*\{display:none!important}[^<]*</style></head>", adapted)


def test_the_date_of_the_file_replaces_the_marker_in_the_page_language():
    assert "2026\u201112" in adapt_page(PAGE, "qu/sin-internet.html", DAY)
    assert "<!-- edicion-zim -->" not in adapt_page(PAGE, "qu/sin-internet.html", DAY)
    assert "diciembre de 2026" in adapt_page(PAGE.replace('lang="qu"', 'lang="es"'), "sin-internet.html", DAY)


def test_fallback_pages_and_the_neutral_page_stay_out_of_search_and_search_files_out_of_the_file(tmp_path):
    from defensoria.zim.edition import read_site

    page = '<html lang="{lang}"><head><title>{title} - Sitio</title></head><body>{notice}<article><h1>{title}</h1><p>{text}</p></article><nav>Menú</nav></body></html>'
    files = {
        "index.html": page.format(lang="es", title="Inicio", notice="", text="La denuncia es gratis."),
        "qu/index.html": page.format(lang="qu", title="Qallariy", notice="", text="Willakuyqa mana qullqiyuqmi."),
        "qu/directorio.html": page.format(lang="qu", title="Directorio", text="Comisaría de Sicuani.",
                                          notice='<div class="dc-aviso" data-dc-aviso="sin-traduccion" role="note"></div>'),
        "search/search_index.json": "{}",
        "qu/formadores/search/search_index.js": "var __index = {}",
        "assets/javascripts/lunr/min/lunr.es.min.js": "",
        "descargas/m04-es-a4.pdf": "%PDF-1.7",
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    entries = {entry.path: entry for entry in read_site(tmp_path, DAY)}
    assert set(entries) == {"index.html", "qu/index.html", "qu/directorio.html", "descargas/m04-es-a4.pdf", NEUTRAL_PATH}
    assert entries["index.html"].front and entries["qu/index.html"].front
    assert not entries["qu/directorio.html"].front and not entries[NEUTRAL_PATH].front
    # The index gets the page body, not the menus; the title without the site name
    assert entries["index.html"].text == "Inicio La denuncia es gratis." and entries["index.html"].title == "Inicio"
    assert entries["descargas/m04-es-a4.pdf"].mimetype == "application/pdf"


def test_a_missing_site_is_a_spanish_error_and_writes_nothing(runner, tmp_path):
    from defensoria.cli import cli

    result = runner.invoke(cli, ["zim", "--sitio", str(tmp_path / "nada"), "--salida", str(tmp_path / "dist")])
    assert result.exit_code == 1
    assert "no tiene index.html" in result.output and "make site" in result.output
    assert not (tmp_path / "dist").exists() or not list((tmp_path / "dist").iterdir())


# --- The ZIM read back with libzim ------------------------------------------------------

@pytest.fixture(scope="module")
def edition_site(built_site, tmp_path_factory) -> Path:
    """The built site, whose project published the certificate CODE as the tracker would."""
    site = tmp_path_factory.mktemp("edicion") / "site"
    shutil.copytree(built_site, site)
    text = (site / "verificar.html").read_text(encoding="utf-8")
    assert f'"prefijo": "{HASH_PREFIX}"' in text and verification_hash(CODE) in text
    return site


@pytest.fixture(scope="module")
def zim_path(edition_site, tmp_path_factory, runner_module) -> Path:
    folder = tmp_path_factory.mktemp("dist")
    from defensoria.cli import cli

    result = runner_module.invoke(cli, ["zim", "--sitio", str(edition_site), "--salida", str(folder)])
    assert result.exit_code == 0, result.output
    path = folder / f"defensorias-cusco_es-qu_{date.today():%Y-%m}.zim"
    assert path.is_file(), list(folder.iterdir())
    assert "páginas" in result.output and "Detect" not in result.output  # Spanish only, no libzim chatter
    return path


@pytest.fixture(scope="module")
def runner_module():
    from click.testing import CliRunner

    return CliRunner()


@pytest.fixture(scope="module")
def archive(zim_path):
    from libzim.reader import Archive

    return Archive(str(zim_path))


@pytest.mark.build
def test_every_file_of_the_site_is_an_entry(archive, edition_site):
    pages = files = 0
    for file in edition_site.rglob("*"):
        path = file.relative_to(edition_site).as_posix()
        if not file.is_file():
            continue
        if file.suffix == ".html":
            pages += 1
        if SKIPPED.search(path):
            assert path == "404.html" or (file.suffix != ".html" and not path.startswith("descargas/"))
            continue
        files += 1
        assert archive.has_entry_by_path(path), path
    assert pages > 40 and files > pages
    handout = next(edition_site.glob("descargas/*.pdf"))
    assert bytes(archive.get_entry_by_path(handout.relative_to(edition_site).as_posix()).get_item().content)[:5] == b"%PDF-"
    assert archive.get_entry_by_path("modulos/m04-la-denuncia.html").get_item().mimetype == "text/html"


def test_source_is_the_real_address_the_built_site_names(tmp_path):
    from defensoria.zim.edition import source_url

    (tmp_path / "index.html").write_text("<html><head></head></html>", encoding="utf-8")
    assert source_url(tmp_path) == ""
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>https://defensorias-cusco.org.pe/index.html</loc></url></urlset>",
                                          encoding="utf-8")
    assert source_url(tmp_path) == "https://defensorias-cusco.org.pe/"
    (tmp_path / "index.html").write_text('<link rel="canonical" href="https://defensorias-cusco.org.pe/inicio/">', encoding="utf-8")
    assert source_url(tmp_path) == "https://defensorias-cusco.org.pe/inicio/"


@pytest.mark.build
def test_metadata_illustration_and_main_entry(archive, edition_site, repo_root):
    from defensoria.address import is_placeholder
    from defensoria.content.settings import site_settings

    keys = set(archive.metadata_keys)
    assert REQUIRED_METADATA <= keys
    for key in REQUIRED_METADATA:
        assert archive.get_metadata(key).decode("utf-8").strip(), key
    assert archive.get_metadata("Language") == b"spa,quz"
    assert len(archive.get_metadata("Title").decode("utf-8")) <= 30
    assert len(archive.get_metadata("Description").decode("utf-8")) <= 80
    assert len(archive.get_metadata("LongDescription")) > len(archive.get_metadata("Description"))
    assert archive.get_metadata("Date").decode() == f"{date.today():%Y-%m-%d}"
    assert archive.get_metadata("Name").decode() == METADATA["Name"]
    # With the example address (no SITE_URL) no page names an address (no sitemap, no
    # canonical link): the edition names its source by the site's name, never example.org
    source = archive.get_metadata("Source").decode()
    if is_placeholder(site_settings(repo_root).site_url):
        assert source == "Defensorías Comunitarias de Cusco"
    else:
        assert source.startswith("https://")
    png = bytes(archive.get_illustration_item(48).content)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (48, 48)
    main = archive.main_entry
    main = main.get_redirect_entry() if main.is_redirect else main
    assert main.path == "index.html"
    assert 'lang="es"' in bytes(main.get_item().content)[:2000].decode("utf-8")
    assert archive.has_fulltext_index and archive.has_title_index


@pytest.mark.build
@pytest.mark.parametrize("path, stamp", [("sin-internet.html", "Este archivo es de"), ("qu/sin-internet.html", "Kay archivoqa")])
def test_the_offline_page_has_its_pictures_the_command_and_the_date_of_the_file(archive, path, stamp):
    import posixpath

    page = bytes(archive.get_entry_by_path(path).get_item().content).decode("utf-8")
    assert stamp in page and "<!-- edicion-zim -->" not in page
    assert "kiwix-serve --port 8080 defensorias-cusco_es-qu_" in page and "apt install kiwix-tools" in page
    pictures = re.findall(r'src="([^"]*assets/images/sin-internet/[a-z]+\.svg)"', page)
    assert len(set(pictures)) >= 7
    for picture in pictures:
        assert archive.has_entry_by_path(posixpath.normpath(posixpath.join(posixpath.dirname(path), picture))), picture


def full_text(archive, words: str, count: int = 10) -> list[str]:
    from libzim.search import Query, Searcher

    return list(Searcher(archive).search(Query().set_query(words)).getResults(0, count))


@pytest.mark.build
@pytest.mark.parametrize("word", ["víctima", "victima", "denuncia"])
def test_spanish_search_finds_spanish_module_pages(archive, word):
    results = full_text(archive, word)
    assert results, word
    # Quechua texts may use the Spanish loan ("víctimakuna") further down; the best
    # matches are Spanish, and mostly module pages
    assert all(not path.startswith("qu/") for path in results[:5]), results
    assert sum(bool(re.fullmatch(r"modulos/m\d\d-[a-z0-9-]+\.html", path)) for path in results[:5]) >= 3, results
    if word == "denuncia":
        assert results[0] == "modulos/m04-la-denuncia.html"


@pytest.mark.build
def test_quechua_search_finds_quechua_pages(archive):
    results = full_text(archive, "maqaymanta")
    assert results and all(path.startswith("qu/") for path in results), results
    assert any(path.startswith("qu/modulos/") for path in results)


@pytest.mark.build
def test_title_suggestions(archive):
    from libzim.suggestion import SuggestionSearcher

    suggest = SuggestionSearcher(archive)
    assert "modulos/m04-la-denuncia.html" in list(suggest.suggest("denun").getResults(0, 5))
    assert "qu/modulos/m04-la-denuncia.html" in list(suggest.suggest("Kamachiqman").getResults(0, 5))
    # The neutral exit page and the 404 page are not offered
    assert NEUTRAL_PATH not in list(suggest.suggest("Notas").getResults(0, 5))


@pytest.mark.build
def test_no_page_or_style_loads_anything_from_outside(archive):
    loads = re.compile(r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=["']?(?:https?:)?//"""
                       r"""|<link\b(?![^>]*\brel="(?:canonical|prev|next)")[^>]*\bhref=["']?(?:https?:)?//|url\(["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""", re.I)
    checked = 0
    for index in range(archive.all_entry_count):
        entry = archive._get_entry_by_id(index)
        # Scripts are checked in the browser below (Material's bundle names CDNs for features we leave off)
        if entry.is_redirect or not entry.path.endswith((".html", ".css")):
            continue
        text = bytes(entry.get_item().content).decode("utf-8", "replace")
        match = loads.search(text)
        assert not match, (entry.path, text[match.start():match.start() + 120])
        checked += 1
    assert checked > 40


# --- Served by Debian's kiwix-serve -----------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


@pytest.fixture(scope="module")
def kiwix(zim_path):
    """kiwix-serve on a free loopback port; yields the base URL of the book's content."""
    program = shutil.which("kiwix-serve")
    if not program:
        if in_ci():
            pytest.fail("kiwix-serve is missing in CI: .ci/run must install Debian's kiwix-tools")
        pytest.skip("kiwix-serve is not installed (apt-get install kiwix-tools)")
    port = free_port()
    process = subprocess.Popen([program, "--address", "127.0.0.1", "--port", str(port), str(zim_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            get(base + "/")
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"kiwix-serve did not start: {process.stderr.read().decode(errors='replace')}")
            time.sleep(0.2)
    try:
        yield f"{base}/{zim_path.stem}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.build
def test_kiwix_serve_serves_a_module_page_its_styles_scripts_and_handout(kiwix):
    status, kind, body = get(f"{kiwix}/modulos/m04-la-denuncia.html")
    assert status == 200 and kind.startswith("text/html")
    page = body.decode("utf-8")
    assert "<h1" in page and "denuncia" in page.lower()
    styles = re.findall(r'<link rel="stylesheet" href="\.\./([^"]+)"', page)
    scripts = re.findall(r'<script src="\.\./([^"]+)"', page)
    handouts = re.findall(r'href="\.\./(descargas/[^"]+\.pdf)"', page)
    assert styles and scripts and handouts
    for path, expected in [*((s, "text/css") for s in styles), *((s, "javascript") for s in scripts)]:
        status, kind, _ = get(f"{kiwix}/{path}")
        assert status == 200 and expected in kind, (path, kind)
    status, kind, pdf = get(f"{kiwix}/{handouts[0]}")
    assert status == 200 and kind == "application/pdf" and pdf[:5] == b"%PDF-"


@pytest.mark.build
def test_kiwix_serve_full_text_search_finds_the_module(kiwix):
    book = kiwix.rsplit("/", 1)[1]
    root = kiwix.rsplit("/", 1)[0]
    _, _, body = get(f"{root}/search?content={book}&pattern={quote('denuncia')}")
    assert f'href="/{book}/modulos/m04-la-denuncia.html"' in body.decode("utf-8")
    _, _, body = get(f"{root}/search?content={book}&pattern={quote('victima')}")
    assert re.search(rf'href="/{book}/modulos/m\d\d-', body.decode("utf-8"))


# --- In chromium, through kiwix-serve ----------------------------------------------------

@pytest.fixture
def tab(browser, kiwix):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    local = kiwix.rsplit("/", 1)[0]
    page.outside = []
    page.failed = []
    page.on("request", lambda request: None if request.url.startswith((local, "data:", "about:", "blob:")) else page.outside.append(request.url))
    page.missing = []
    # A request cut short by the next navigation is not a failure of the page
    page.on("requestfailed", lambda request: None if "ERR_ABORTED" in (request.failure or "") else page.failed.append(request.url))
    page.on("response", lambda response: page.missing.append(response.url) if response.status >= 400 else None)
    yield page
    context.close()


@pytest.mark.browser
@pytest.mark.build
def test_pages_load_nothing_from_outside_and_nothing_fails(tab, kiwix, edition_site):
    pages = sorted(p.relative_to(edition_site).as_posix() for p in edition_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 40
    for path in pages:
        tab.goto(f"{kiwix}/{path}", wait_until="load")
    tab.goto(f"{kiwix}/modulos/m04-la-denuncia.html")
    tab.wait_for_load_state("networkidle")
    assert tab.outside == []
    assert tab.failed == []
    assert tab.missing == []
    # The site's own search is off: no index was asked for and its box is hidden
    assert not any("search_index" in url or "workers/search" in url for url in tab.evaluate("() => performance.getEntries().map(e => e.name)"))
    assert tab.is_hidden(".md-search")


@pytest.mark.browser
@pytest.mark.build
def test_language_switch_inside_kiwix(tab, kiwix):
    tab.goto(f"{kiwix}/modulos/m04-la-denuncia.html")
    tab.click(".md-header__option .md-select")
    tab.click("a.md-select__link[hreflang=qu]")
    tab.wait_for_url(f"{kiwix}/qu/modulos/m04-la-denuncia.html")
    assert tab.evaluate("() => document.documentElement.lang") == "qu"
    tab.click(".md-header__option .md-select")
    tab.click("a.md-select__link[hreflang=es]")
    tab.wait_for_url(f"{kiwix}/modulos/m04-la-denuncia.html")


@pytest.mark.browser
@pytest.mark.build
def test_quiz_inside_kiwix(tab, kiwix):
    tab.goto(f"{kiwix}/modulos/m04-la-denuncia.html")
    question = tab.locator('.dc-q[data-tipo="unica"]').first
    correct = question.get_attribute("data-correct")
    question.locator(f'input[value="{correct}"]').check()
    question.locator(".dc-check").click()
    assert question.locator(".dc-feedback").inner_text().startswith("¡Correcto!")


@pytest.mark.browser
@pytest.mark.build
def test_certificate_check_inside_kiwix(tab, kiwix):
    tab.goto(f"{kiwix}/verificar.html")
    tab.fill("#dc-codigo", CODE.lower().replace("-", " "))
    tab.click(".dc-verificar button")
    assert "Certificado válido" in tab.inner_text(".dc-verificar__resultado")
    tab.fill("#dc-codigo", "7KQ2-M9PX-4TRO")
    tab.click(".dc-verificar button")
    assert "No encontramos" in tab.inner_text(".dc-verificar__resultado")


@pytest.mark.browser
@pytest.mark.build
def test_quick_exit_inside_kiwix_shows_a_neutral_page_without_network(tab, kiwix):
    tab.goto(f"{kiwix}/index.html")
    tab.goto(f"{kiwix}/modulos/m04-la-denuncia.html")
    tab.evaluate("() => { localStorage.setItem('rastro', '1'); sessionStorage.setItem('rastro', '1') }")
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    tab.wait_for_url(f"{kiwix}/{NEUTRAL_PATH}", timeout=5000)
    assert tab.title() == "Notas"
    text = tab.inner_text("body")
    assert "Defensor" not in text and "violencia" not in text.lower()
    assert tab.evaluate("() => [localStorage.length, sessionStorage.length]") == [0, 0]
    assert tab.outside == []
    # replace(): Back skips the exited page
    tab.go_back()
    tab.wait_for_url(f"{kiwix}/index.html")
    tab.goto(f"{kiwix}/qu/index.html")
    tab.click("[data-dc-salida-boton]")
    tab.wait_for_url(f"{kiwix}/{NEUTRAL_PATH}", timeout=5000)


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("path", ["sin-internet.html", "qu/sin-internet.html", "modulos/m04-la-denuncia.html"])
def test_a_360px_phone_sees_the_exit_above_kiwix_serves_bar_and_no_sideways_scroll(tab, kiwix, path):
    tab.goto(f"{kiwix}/{path}")
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= 360
    on_top = """() => { const b = document.querySelector('[data-dc-salida-boton]').getBoundingClientRect();
        const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        return b.top >= 0 && !!hit && !!hit.closest('[data-dc-salida-boton]') }"""
    assert tab.evaluate(on_top)
    # kiwix-serve's bar hides on scrolling down and comes back on scrolling up
    tab.mouse.wheel(0, 900)
    tab.wait_for_timeout(500)
    tab.mouse.wheel(0, -100)
    tab.wait_for_timeout(500)
    assert tab.evaluate(on_top)


def test_what_the_site_keeps_out_of_search_stays_out_of_the_full_text_index():
    # Citation notes carry the Spanish text of an article onto Quechua pages
    markup = ('<html><body><nav>Menú</nav><article><p>Maqasqa<br>runa</p>'
              '<section class="citas-notas" data-search-exclude=""><aside><p>víctima<br>'
              '<img src="x.png"></p></aside></section><p>tukukuy</p></article></body></html>')
    assert page_text(markup) == "Maqasqa runa tukukuy"
    # On a Quechua page, the Spanish text of a norm (lang="es") is quoted, not indexed
    quechua = ('<html lang="qu"><body><article><p>Kamachiy</p><div class="norma-texto" lang="es">'
               '<p>La víctima</p></div><p>Línea 100</p></article></body></html>')
    assert page_text(quechua) == "Kamachiy Línea 100"
    spanish = quechua.replace('lang="qu"', 'lang="es"')
    assert page_text(spanish) == "Kamachiy La víctima Línea 100"


def test_the_edition_drops_the_lunr_prefetch_with_the_search():
    page = ('<html lang="es"><head><link rel="prefetch" href="../assets/javascripts/lunr/min/lunr.es.min.js">'
            '</head><body><form class="md-search__form" name="search"></form></body></html>')
    adapted = adapt_page(page, "modulos/m04.html", date(2026, 12, 3))
    assert "lunr" not in adapted and 'name="dc-busqueda-kiwix"' in adapted
