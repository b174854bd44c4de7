"""Accessibility in the browser: axe-core finds nothing on any page (es and qu), and at
200 % text size a 360 px phone needs no sideways scrolling and shows the whole exit button.

axe-core comes from npm (tests/axe/package.json, installed here with `npm ci` and by
.ci/run) and is injected into each page by Playwright.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import in_ci
from test_browser import exit_url, page, server  # noqa: F401 (fixtures)

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


def test_axe_finds_no_violation_on_any_page(page, server, built_site, axe_script):
    pages = site_pages(built_site)
    assert any(p.startswith("qu/") for p in pages) and "index.html" in pages
    found = {}
    # Injected into every page the context opens (once, instead of sending it per page)
    page.context.add_init_script(script=axe_script)
    for path in pages:
        page.goto(f"{server}/{path}")
        violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
            .violations.map(v => v.id + ': ' + v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(' | '))""")
        if violations:
            found[path] = violations
    assert found == {}


# Material sizes text in rem from html's 125 %: twice that is 200 % text
DOUBLE_TEXT = "html { font-size: 250% !important; }"


def test_double_text_size_needs_no_sideways_scrolling_on_any_page(page, server, built_site):
    """Every page, es and qu: quiz questions with long Quechua words, citations, the
    'pendiente de verificación' marks, the verification form, the menu's hidden lists."""
    pages = site_pages(built_site)
    assert len(pages) > 50 and "qu/modulos/m04-la-denuncia.html" in pages
    wide = {}
    for path in pages:
        page.goto(f"{server}/{path}")
        page.add_style_tag(content=DOUBLE_TEXT)
        page.wait_for_timeout(50)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 360:
            wide[path] = width
    assert wide == {}


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
