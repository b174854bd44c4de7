"""Print on the site: handout downloads on module pages, and how a page prints."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import in_ci
from defensoria.catalog import load_modules

pytestmark = pytest.mark.build
CHROMIUM = shutil.which("chromium")
DOWNLOAD = re.compile(r'<aside class="dc-descargas".*?</aside>', re.DOTALL)


def test_every_module_page_offers_its_handouts_with_working_relative_links(built_site, repo_root):
    for module in load_modules(repo_root):
        for language in ("es", "qu"):
            page = built_site / module.url(language)
            box = DOWNLOAD.search(page.read_text(encoding="utf-8"))
            assert box, page
            links = re.findall(r'href="([^"]+)"', box.group(0))
            own = language if module.page_path("qu").is_file() else "es"
            assert any(link.endswith(f"-{own}-a4.pdf") for link in links), (page, links)
            for link in links:
                assert not link.startswith(("http", "/")), link
                target = (page.parent / link).resolve()
                assert target.is_file(), f"{page}: {link}"
                assert PdfReader(target).pages


def test_site_pdfs_fetch_nothing_and_link_nowhere(built_site):
    pdfs = sorted((built_site / "descargas").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        for page in PdfReader(pdf).pages:
            for annotation in page.get("/Annots", []):
                action = annotation.get_object().get("/A")
                assert action is None or action.get("/S") not in ("/URI", "/Launch", "/JavaScript"), pdf


def test_every_page_prints_with_its_title_language_and_date(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if path.name == "404.html" or "<title>" not in html or 'http-equiv="refresh"' in html:
            continue
        header = re.search(r'<style media="print">@page \{ @top-left \{ content: "([^"]*)"; \} @top-right \{ content: "([^"]*)"', html)
        assert header, path
        language = "Runasimi" if '<html lang="qu"' in html else "Castellano"
        assert header.group(2).startswith(language + " · "), path
        assert re.search(r"\d\d/\d\d/\d{4}$", header.group(2))


def test_the_hotline_print_rule_lives_in_one_stylesheet(built_site):
    styles = built_site / "assets" / "stylesheets"
    assert "Línea 100" in (styles / "impresion.css").read_text(encoding="utf-8")
    assert "Línea 100" not in (styles / "sitio.css").read_text(encoding="utf-8")


@pytest.mark.browser
def test_a_module_page_prints_without_chrome_and_with_its_footer_once(built_site, tmp_path):
    if CHROMIUM is None:
        if in_ci():
            pytest.fail("chromium is missing in CI")
        pytest.skip("chromium is not installed")
    page = built_site / "modulos" / "m04-la-denuncia.html"
    pdf = tmp_path / "pagina.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    reader = PdfReader(pdf)
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    whole = " ".join(texts)
    assert "Salir rápido" not in whole and "Buscar" not in whole
    # The footer once; while site_url is an example address it names no address
    assert whole.count("Versión del sitio") == 1
    assert "Esta página en internet" not in whole and "example" not in whole
    # Each sheet names the page and its language
    for text in texts:
        assert "La denuncia" in text and "Castellano ·" in text
