"""Accessibility in the browser: axe-core finds nothing on any page (es and qu), and at
200 % text size a 360 px phone needs no sideways scrolling and shows the whole exit button.

axe-core comes from npm (tests/axe/package.json, installed here with `npm ci` and by
.ci/run) and is injected into each page by Playwright.
"""

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import in_ci
from test_browser import exit_url, new_tab, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.build]

AXE_DIR = Path(__file__).parent / "axe"
AXE = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_script() -> str:
    if not AXE.is_file() and shutil.which("npm"):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=AXE_DIR, capture_output=True, text=True)
    if not AXE.is_file():
        if in_ci():
            pytest.fail("axe-core is missing in CI: .ci/run must run npm ci in tests/axe")
        pytest.skip("axe-core not installed (npm ci in tests/axe)")
    return AXE.read_text(encoding="utf-8")


def site_pages(built_site: Path) -> list[str]:
    pages = []
    for path in sorted(built_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8", errors="ignore")
        if 'http-equiv="refresh"' not in html and "<main" in html:
            pages.append(path.relative_to(built_site).as_posix())
    return pages


# Material sizes text in rem from html's 125 %: twice that is 200 % text
DOUBLE_TEXT = "html { font-size: 250% !important; }"


@dataclass
class Tour:
    # The edition's folder ("" or "qu/") and its pages
    folder: str
    pages: list[str]
    # page → what axe-core found at normal size ("rule: first nodes")
    violations: dict[str, list[str]]
    # page → its width in px at 200 % text, when wider than the 360 px phone
    too_wide: dict[str, int]


@pytest.fixture(scope="module", params=["es", "qu"])
def tour(request, browser, exit_url, server, built_site, axe_script) -> Tour:
    """Every page of one edition, visited once: axe-core at normal text size, then the page's
    width at 200 % text. One visit serves both checks; each edition is one unit of work,
    so the two can run in parallel test processes."""
    folder = "" if request.param == "es" else f"{request.param}/"
    pages = [p for p in site_pages(built_site) if p.startswith("qu/") == (folder == "qu/")]
    tab = new_tab(browser, exit_url)
    # Injected into every page the context opens (once, instead of sending it per page)
    tab.context.add_init_script(script=axe_script)
    violations, too_wide = {}, {}
    try:
        for path in pages:
            tab.goto(f"{server}/{path}")
            found = tab.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
                .violations.map(v => v.id + ': ' + v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(' | '))""")
            if found:
                violations[path] = found
            tab.add_style_tag(content=DOUBLE_TEXT)
            tab.wait_for_timeout(50)
            width = tab.evaluate("() => document.documentElement.scrollWidth")
            if width > 360:
                too_wide[path] = width
    finally:
        tab.context.close()
    return Tour(folder, pages, violations, too_wide)


def test_axe_finds_no_violation_on_any_page(tour):
    assert len(tour.pages) > 40 and f"{tour.folder}index.html" in tour.pages
    assert tour.violations == {}


def test_double_text_size_needs_no_sideways_scrolling_on_any_page(tour):
    """Every page: quiz questions with long Quechua words, citations, the 'pendiente de
    verificación' marks, the verification form, the menu's hidden lists."""
    assert f"{tour.folder}modulos/m04-la-denuncia.html" in tour.pages
    assert tour.too_wide == {}


def test_double_text_size_menu_fits_the_phone(page, server):
    """Material's drawer is 12.1rem: at 200 % text it would be 484 px on a 360 px phone."""
    page.goto(f"{server}/modulos/m04-la-denuncia.html")
    page.add_style_tag(content=DOUBLE_TEXT)
    page.click(".md-header label[for='__drawer']")
    page.wait_for_timeout(400)
    box = page.locator(".md-sidebar--primary").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    # Its first link is on screen and can be tapped
    link = page.locator(".md-sidebar--primary .md-nav__link").first.bounding_box()
    assert 0 <= link["x"] and link["x"] + link["width"] <= 360, link


@pytest.mark.parametrize("path", ["index.html", "qu/index.html", "modulos/m04-la-denuncia.html",
                                  "qu/modulos/m04-la-denuncia.html", "glosario.html", "qu/navega-con-seguridad.html"])
def test_double_text_size_keeps_the_exit_button_whole(page, server, path):
    page.goto(f"{server}/{path}")
    page.add_style_tag(content=DOUBLE_TEXT)
    page.wait_for_timeout(200)
    box = page.locator("[data-dc-salida-boton]").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, box
