"""Browser tests in Debian's chromium, driven by Playwright (no browser download).

They skip only when chromium is missing on a developer's machine; in CI (CI=true) a
missing chromium is a failure.
"""

import functools
import http.server
import threading

import pytest
import yaml

pytestmark = [pytest.mark.browser, pytest.mark.build]

@pytest.fixture(scope="session")
def server(built_site):
    """The built site over HTTP on loopback, as a static host would serve it."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def exit_url(repo_root) -> str:
    config = yaml.load((repo_root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["extra"]["salida"]["url"]


def new_tab(browser, exit_url):
    """A tab in a fresh 360 px context; the neutral site is answered locally (there is no
    network here). The tab lists failed requests and requests to other hosts."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    neutral_host = exit_url.split("/")[2]
    context.route(f"https://{neutral_host}/**", lambda route: route.fulfill(status=200, content_type="text/html", body="<html><body>Pronóstico</body></html>"))
    tab = context.new_page()
    tab.failed = []
    tab.external = []
    tab.on("requestfailed", lambda request: tab.failed.append(request.url))
    tab.on("request", lambda request: tab.external.append(request.url) if neutral_host not in request.url and not request.url.startswith(("http://127.0.0.1", "file:", "data:", "about:", "blob:")) else None)
    return tab


@pytest.fixture
def page(browser, exit_url):
    tab = new_tab(browser, exit_url)
    yield tab
    tab.context.close()


def storage_sizes(tab) -> list[int]:
    return tab.evaluate("() => [localStorage.length, sessionStorage.length]")


def plant_traces(tab) -> None:
    tab.evaluate("() => { localStorage.setItem('rastro', '1'); sessionStorage.setItem('rastro', '1') }")
    assert storage_sizes(tab) == [1, 1]


def test_exit_button_lands_on_neutral_site_and_clears_storage(page, server, exit_url):
    page.goto(f"{server}/index.html")
    page.goto(f"{server}/navega-con-seguridad.html")
    plant_traces(page)
    page.click("[data-dc-salida-boton]")
    page.wait_for_url(exit_url)
    # replace(): Back skips the exited page and returns to the one before it
    page.go_back()
    page.wait_for_url(f"{server}/index.html")
    assert storage_sizes(page) == [0, 0]
    # pageshow removed the cover: the page is usable again
    assert page.is_hidden(".dc-salida__cortina")
    assert not page.evaluate("() => document.documentElement.classList.contains('dc-saliendo')")


def test_pressing_shift_three_times_exits(page, server, exit_url):
    page.goto(f"{server}/index.html")
    page.goto(f"{server}/glosario.html")
    plant_traces(page)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.url.startswith(server), "two presses must not exit"
    page.keyboard.press("Shift")
    page.wait_for_url(exit_url)
    page.go_back()
    page.wait_for_url(f"{server}/index.html")
    assert storage_sizes(page) == [0, 0]


def test_escape_does_not_exit(page, server):
    page.goto(f"{server}/index.html")
    for _ in range(3):
        page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url.startswith(server)


def test_exit_is_first_in_keyboard_order_and_speaks_the_page_language(page, server):
    page.goto(f"{server}/qu/index.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.getAttribute('data-dc-salida-boton') !== null")
    assert focused
    assert "Utqhaylla lluqsiy" in page.inner_text("[data-dc-salida-boton]")
    page.goto(f"{server}/index.html")
    assert "Salir rápido" in page.inner_text("[data-dc-salida-boton]")


def test_language_switch_lands_on_the_same_page(page, server):
    page.goto(f"{server}/navega-con-seguridad.html")
    page.click(".md-header__option .md-select")
    page.click("a.md-select__link[hreflang=qu]")
    page.wait_for_url(f"{server}/qu/navega-con-seguridad.html")
    assert page.evaluate("() => document.documentElement.lang") == "qu"
    page.click(".md-header__option .md-select")
    page.click("a.md-select__link[hreflang=es]")
    page.wait_for_url(f"{server}/navega-con-seguridad.html")
    assert page.evaluate("() => document.documentElement.lang") == "es"


def test_module_page_loads_nothing_from_outside_and_nothing_fails(page, server, built_site):
    module = next((built_site / "modulos").glob("m*.html"), built_site / "modulos" / "index.html")
    page.goto(f"{server}/modulos/{module.name}")
    page.wait_for_load_state("networkidle")
    assert page.external == []
    assert page.failed == []
    # The search index and the search worker are fetched only when search is opened
    fetched = page.evaluate("() => performance.getEntries().map(e => e.name)")
    assert not any("search_index" in url or "/workers/search." in url for url in fetched), fetched


def search(tab, query: str) -> list[str]:
    tab.click("label[for=__search]")
    tab.wait_for_timeout(800)
    tab.keyboard.type(query, delay=40)
    tab.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.match(/\\d|Man|No se/)", timeout=10000)
    tab.wait_for_timeout(300)
    return tab.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")


def test_offline_search_forgives_accents_and_plurals(page, built_site):
    page.goto((built_site / "index.html").as_uri())
    found = search(page, "victima")
    assert any(url.endswith("glosario.html") for url in found), found
    page.goto((built_site / "index.html").as_uri())
    found = search(page, "denuncias")
    assert any(url.endswith("glosario.html") for url in found), found
    assert all("/qu/" not in url for url in found)


def test_offline_quechua_search_returns_only_quechua_pages(page, built_site):
    page.goto((built_site / "qu" / "index.html").as_uri())
    found = search(page, "warmi")
    assert found, "a Quechua word must find Quechua pages"
    assert all("/qu/" in url for url in found), found
    page.goto((built_site / "qu" / "index.html").as_uri())
    assert all("/qu/" in url for url in search(page, "denuncia"))


def test_served_search_fetches_only_its_language_index(page, server):
    page.goto(f"{server}/qu/glosario.html")
    with page.expect_request("**/workers/search.*.js"), page.expect_request("**/search_index.json") as request:
        page.click("label[for=__search]")
    assert request.value.url == f"{server}/qu/search/search_index.json"


def test_coming_back_from_the_cache_uncovers_the_page(page, server):
    page.goto(f"{server}/index.html")
    # As the page looks right after an exit, when the browser restores it from its cache
    page.evaluate("""() => {
        document.documentElement.classList.add('dc-saliendo');
        document.querySelector('.dc-salida__cortina').hidden = false;
        window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    }""")
    assert page.is_hidden(".dc-salida__cortina")
    assert page.is_visible("main")


@pytest.mark.parametrize("path", ["index.html", "qu/index.html", "modulos/m04-la-denuncia.html", "qu/modulos/m04-la-denuncia.html", "glosario.html", "normas.html", "directorio.html"])
def test_pages_fit_a_360px_phone_without_sideways_scrolling(page, server, path):
    page.goto(f"{server}/{path}")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


def test_citation_opens_the_law_text_without_javascript(browser, built_site):
    """At 360 px, with JavaScript off and from a folder: the cited article's text opens over
    the page, with links to Normas and the official source, and closes without moving it."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto((built_site / "modulos" / "m06-los-delitos.html").as_uri())
    link = tab.locator('a.cita[href="#nota-cp-art-122-b"]').first
    note = tab.locator("#nota-cp-art-122-b")
    link.scroll_into_view_if_needed()
    before = tab.evaluate("() => window.scrollY")
    link.click()
    assert tab.evaluate("() => getComputedStyle(document.querySelector('#nota-cp-art-122-b')).position") == "fixed"
    assert note.is_visible() and "menos de diez días de asistencia" in note.inner_text()
    box = note.bounding_box()
    assert box["width"] <= 360 and box["y"] + box["height"] <= 741
    assert note.locator('a[rel="noopener noreferrer"]').count() == 1
    assert note.locator('a[href$="normas.html#cp-art-122-b"]').count() == 1
    assert tab.evaluate("() => window.scrollY") == before  # reading place kept
    note.locator("a.cita-cerrar").click()
    assert tab.evaluate("() => getComputedStyle(document.querySelector('#nota-cp-art-122-b')).position") == "static"
    assert tab.evaluate("() => window.scrollY") == before
    context.close()
