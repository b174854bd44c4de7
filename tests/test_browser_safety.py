"""Safety in the browser: a quick exit that never fires by accident, discreet navigation.

Typing is done key by key as a person does: a capital is Shift held down around the
letter, an accented letter is its own key event. Uses the fixtures of test_browser.
"""

import re

import pytest

from test_browser import exit_url, page, plant_traces, server, storage_sizes  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.build]

# The whole 500-word text is typed into the page body, where every key handler of the page
# listens. A code field or a search box gets a few sentences: the exit counts keys on the
# window before any field sees them, and a long text in a field costs seconds per sentence.
WORDS = 500
FIELD_WORDS = 60
SEARCH_WORDS = 30


def words_of(page_source, count: int = WORDS) -> str:
    """The first `count` words of a module page's text: real sentences, capitals, accents."""
    text = page_source.read_text(encoding="utf-8").split("---", 2)[2]
    text = re.sub(r"\[\[([^\]]+)\]\]", r"\1", text)       # citations keep their words
    text = re.sub(r"\]\([^)]*\)", "", text)                # links keep their text
    text = re.sub(r"[#*_\[\]`>|!{}]", " ", text)
    words = text.split()
    assert len(words) >= count, f"{page_source} has fewer than {count} words"
    return " ".join(words[:count])


def type_like_a_person(tab, text: str) -> None:
    """Key by key, as a person types: a capital is Shift held down around the letter; a
    letter outside the US layout (á, ñ) is sent as the key event a Spanish keyboard makes,
    through the DevTools protocol (Playwright knows only US keys). Runs of plain ASCII
    go through keyboard.type, which also sends one keydown/keyup per character."""
    cdp = tab.context.new_cdp_session(tab)
    for plain, char in re.findall(r"([ -@\[-~]+)|(.)", text):
        if plain:
            tab.keyboard.type(plain)
            continue
        capital = char != char.lower()
        if capital:
            tab.keyboard.down("Shift")
        if char.isascii():
            tab.keyboard.press(char)
        else:
            modifiers = 8 if capital else 0
            cdp.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": char, "text": char, "unmodifiedText": char.lower(), "modifiers": modifiers})
            cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": char, "modifiers": modifiers})
        if capital:
            tab.keyboard.up("Shift")
    cdp.detach()


def count_exits(tab, neutral_url: str) -> list[str]:
    """Requests to the neutral site made from now on."""
    host = neutral_url.split("/")[2]
    seen = []
    tab.on("request", lambda request: seen.append(request.url) if host in request.url else None)
    return seen


@pytest.fixture(scope="module")
def texts(repo_root):
    return {
        "es": "Ley 30364 CEM " + words_of(repo_root / "docs/modulos/m04-la-denuncia.md"),
        "qu": "Ley 30364 CEM " + words_of(repo_root / "docs/modulos/m04-la-denuncia.qu.md"),
    }


def field_text(text: str) -> str:
    return " ".join(text.split()[:FIELD_WORDS])


def test_the_typed_texts_have_capitals_and_accents(texts):
    for text in texts.values():
        assert len(text.split()) > WORDS
        assert sum(c.isupper() for c in text) >= 20
        assert sum(c.isupper() for c in field_text(text)) >= 5
    assert re.search(r"[áéíóúñ]", texts["es"]) and "'" in texts["qu"]
    # Keys outside the US layout reach the fields too
    assert all(re.search(r"[áéíóúñ]", field_text(text)) for text in texts.values())


@pytest.mark.parametrize("language", ["es", "qu"])
@pytest.mark.parametrize("where", ["search", "form", "body"])
def test_typing_a_long_text_never_exits(page, server, exit_url, texts, language, where):
    prefix = "" if language == "es" else "qu/"
    if where == "form":
        page.goto(f"{server}/{prefix}verificar.html")
        page.click("#dc-codigo")
    else:
        page.goto(f"{server}/{prefix}modulos/m04-la-denuncia.html")
        if where == "search":
            page.click("label[for=__search]")
            page.wait_for_selector(".md-search__input:focus")
        else:
            page.click("article h1")
    exits = count_exits(page, exit_url)
    if where == "search":
        # A search is a few words, and Material searches at every key (slow for long
        # queries): the first sentences, one query of ten words at a time
        words = texts[language].split()[:SEARCH_WORDS]
        for start in range(0, len(words), 10):
            type_like_a_person(page, " ".join(words[start:start + 10]))
            assert page.input_value(".md-search__input") == " ".join(words[start:start + 10])
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
    elif where == "form":
        type_like_a_person(page, field_text(texts[language]))
    else:
        type_like_a_person(page, texts[language])
    page.wait_for_timeout(300)
    assert exits == [], f"typing exited the site ({where}, {language})"
    assert page.url.startswith(server)
    assert page.is_hidden(".dc-salida__cortina")
    if where == "form":
        assert page.input_value("#dc-codigo") == field_text(texts[language])


@pytest.mark.parametrize("language", ["es", "qu"])
def test_three_clean_shift_presses_exit_and_the_count_is_visible(page, server, exit_url, language):
    prefix = "" if language == "es" else "qu/"
    page.goto(f"{server}/{prefix}modulos/m04-la-denuncia.html")
    page.click("article h1")
    page.keyboard.press("Shift")
    counter = page.locator("[data-dc-salida-aviso]")
    assert counter.is_visible(), "sighted keyboard users see the count"
    assert "2" in counter.inner_text() or "iskay" in counter.inner_text()
    page.keyboard.press("Shift")
    assert page.url.startswith(server), "two presses must not exit"
    page.keyboard.press("Shift")
    page.wait_for_url(exit_url)


def test_another_key_between_presses_starts_the_count_again(page, server):
    page.goto(f"{server}/index.html")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    assert page.locator("[data-dc-salida-aviso]").inner_text() == ""
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.startswith(server)


def test_presses_further_apart_than_five_seconds_do_not_exit(page, server):
    page.goto(f"{server}/index.html")
    page.clock.install()
    page.reload()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5100)
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.startswith(server)


def test_the_cover_says_nothing(page, server):
    page.goto(f"{server}/index.html")
    assert page.inner_text(".dc-salida__cortina").strip() == ""
    page.goto(f"{server}/qu/index.html")
    assert page.inner_text(".dc-salida__cortina").strip() == ""


def test_touch_screens_show_only_the_button(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    try:
        tab.goto(f"{server}/index.html")
        assert tab.is_visible("[data-dc-salida-boton]")
        assert tab.is_hidden(".dc-salida__pista"), "a phone has no Shift key"
    finally:
        context.close()
    # With a keyboard and mouse the hint is there
    context = browser.new_context(viewport={"width": 1024, "height": 740})
    tab = context.new_page()
    try:
        tab.goto(f"{server}/index.html")
        assert tab.is_visible(".dc-salida__pista")
    finally:
        context.close()


def follow(tab, selector: str) -> None:
    """Follow a link as a tap does (the drawer's links are off screen on a phone)."""
    tab.locator(selector).first.evaluate("link => link.click()")


def exit_and_go_back(tab, server: str, exit_url: str) -> None:
    """Exit, then Back: the site left one history entry, which the exit replaced."""
    tab.click("[data-dc-salida-boton]")
    tab.wait_for_url(exit_url)
    assert tab.evaluate("() => history.length") <= 2
    tab.go_back()
    tab.wait_for_timeout(500)
    assert not tab.url.startswith(server), f"Back showed {tab.url}"


def test_discreet_navigation_leaves_no_site_page_behind_the_exit(page, server, exit_url):
    """home → m04 → m05 → exit → Back: Back never shows a page of the site."""
    page.goto(f"{server}/index.html")
    follow(page, "a[href$='m04-la-denuncia.html']")
    page.wait_for_url("**/m04-la-denuncia.html")
    follow(page, "a.md-footer__link--next")
    page.wait_for_url("**/m05-*.html")
    exit_and_go_back(page, server, exit_url)


def test_discreet_navigation_in_quechua_and_through_search_and_anchors(page, server, exit_url):
    page.goto(f"{server}/qu/index.html")
    page.click(".dc-lengua-inicio [data-dc-otra-lengua]")
    page.wait_for_url(f"{server}/index.html")
    page.click(".dc-lengua-inicio [data-dc-otra-lengua]")
    page.wait_for_url(f"{server}/qu/index.html")
    page.click("label[for=__search]")
    page.wait_for_selector(".md-search__input:focus")
    page.keyboard.type("warmi")
    page.wait_for_selector(".md-search-result__link")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !location.pathname.endsWith('/qu/index.html')")
    toc = page.locator(".md-nav--secondary a.md-nav__link").first
    if toc.count():
        toc.evaluate("a => a.click()")
    exit_and_go_back(page, server, exit_url)


def test_normal_history_when_the_address_asks_for_it(page, server, exit_url):
    """?historial turns discreet navigation off; it is carried from page to page."""
    page.goto(f"{server}/index.html?historial")
    follow(page, "a[href$='m04-la-denuncia.html']")
    page.wait_for_url("**/m04-la-denuncia.html?historial")
    follow(page, "a.md-footer__link--next")
    page.wait_for_url("**/m05-*.html?historial")
    page.go_back()
    page.wait_for_url("**/m04-la-denuncia.html?historial")


def test_discreet_navigation_works_from_a_folder(page, built_site):
    page.goto((built_site / "index.html").as_uri())
    follow(page, "a[href$='m04-la-denuncia.html']")
    page.wait_for_url("**/m04-la-denuncia.html")
    follow(page, "a.md-footer__link--next")
    page.wait_for_url("**/m05-*.html")
    assert page.evaluate("() => history.length") <= 2


def test_before_the_scripts_arrive_links_and_the_exit_leave_no_history(page, server, exit_url):
    """On a slow link the page shows for seconds before the scripts at its end arrive: a
    tap then already replaces the history entry, and the exit clears storage."""
    held = []
    page.context.route("**/assets/javascripts/defensoria.js", lambda route: held.append(route))  # never answered
    page.goto(f"{server}/modulos/m04-la-denuncia.html", wait_until="commit")
    page.click("a.md-footer__link--next")
    page.wait_for_url("**/m05-*.html", wait_until="commit")
    page.wait_for_selector("[data-dc-salida-boton]")
    # The page stops reading at the script it waits for: what comes after has not run
    assert page.evaluate("() => document.readyState") == "loading"
    plant_traces(page)
    exit_and_go_back(page, server, exit_url)
    # The exit cleared what the site could keep in this tab
    page.goto(f"{server}/index.html", wait_until="commit")
    page.wait_for_selector("[data-dc-salida-boton]", state="attached")
    assert storage_sizes(page) == [0, 0]


def test_the_switch_on_the_safety_page_turns_discreet_navigation_off_and_on(page, server):
    page.goto(f"{server}/navega-con-seguridad.html")
    entries = page.evaluate("() => history.length")
    page.click(".dc-modo__discreta a[data-dc-modo]")
    page.wait_for_url("**/navega-con-seguridad.html?historial")
    assert page.is_visible(".dc-modo__historial") and page.is_hidden(".dc-modo__discreta")
    page.click(".dc-modo__historial a[data-dc-modo]")
    page.wait_for_url(lambda url: url.endswith("/navega-con-seguridad.html") or url.endswith("/navega-con-seguridad.html?"))
    assert page.is_visible(".dc-modo__discreta")
    # The switch replaced this page each time: no entry was added
    assert page.evaluate("() => history.length") == entries
