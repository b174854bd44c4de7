"""The certificate verification page: hashes only, checked in the browser."""

import json
import re
import shutil
from pathlib import Path

import pytest

from defensoria.registro.codes import HASH_PREFIX, verification_hash
from defensoria.site.verification import render_verification
from defensoria.site.context import page_context
from tests.conftest import VERIFIABLE_CODE as CODE, plugin_page


def write_hashes(root: Path, code: str = CODE) -> None:
    target = root / "docs" / "_datos" / "certificados.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"algoritmo": "sha256", "prefijo": HASH_PREFIX, "certificados": [
        {"hash": verification_hash(code), "tipo": "modulo", "tema": "m04", "fecha": "2026-11-20"}]}), encoding="utf-8")


def test_page_embeds_hashes_and_module_names_but_no_code(project_copy):
    write_hashes(project_copy)
    html = render_verification(page_context(*plugin_page(project_copy, "verificar.qu.md", locale="qu")))
    assert verification_hash(CODE) in html
    assert CODE not in html and CODE.replace("-", "") not in html
    assert 'src="../assets/javascripts/verificar.js"' in html
    assert "Chiqaqchay" in html and "m04 · " in html


def test_without_certificates_the_page_says_so(project_copy):
    (project_copy / "docs" / "_datos" / "certificados.json").unlink(missing_ok=True)
    assert "Todavía no hay certificados" in render_verification(page_context(*plugin_page(project_copy, "verificar.md")))


@pytest.mark.browser
@pytest.mark.build
def test_a_scanned_code_is_verified_offline_and_a_wrong_one_is_not(built_site, browser):
    # The session's site publishes the hash of VERIFIABLE_CODE (tests/conftest.py)
    site = built_site
    context = browser.new_context()
    try:
        page = context.new_page()
        # As the QR code opens it: the code after '#', typed the way people misread it
        page.goto((site / "verificar.html").as_uri() + "#c=" + CODE.lower())
        assert "Certificado válido" in page.inner_text(".dc-verificar__resultado")
        assert "m04" in page.inner_text(".dc-verificar__resultado")
        page.fill("#dc-codigo", "7KQ2-M9PX-4TRO")  # O read as 0: another code
        page.click(".dc-verificar button")
        assert "No encontramos" in page.inner_text(".dc-verificar__resultado")
        # The mark is drawn (a CSS mask), not an emoji a phone without emoji fonts shows as a box
        assert not any(ord(c) > 0x2600 for c in page.inner_text(".dc-verificar__resultado"))
        assert page.evaluate("() => getComputedStyle(document.querySelector('.dc-verificar__resultado'), '::before').maskImage").startswith("url(")
        page.fill("#dc-codigo", "7kq2 m9px 4trb")
        page.click(".dc-verificar button")
        assert "válido" in page.inner_text(".dc-verificar__resultado")
        assert page.evaluate("() => [localStorage.length, sessionStorage.length]") == [0, 0]
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.build
def test_with_nothing_published_a_code_is_not_called_wrong(built_site, browser, tmp_path):
    # The session's site publishes a test certificate; this is its page with the list emptied
    site = tmp_path / "sitio"
    shutil.copytree(built_site / "assets", site / "assets")
    html = (built_site / "verificar.html").read_text(encoding="utf-8")
    island = re.search(r'(<script type="application/json" id="dc-certificados">)(.*?)(</script>)', html, re.DOTALL)
    data = {**json.loads(island.group(2).replace("<\\/", "</")), "certificados": []}
    (site / "verificar.html").write_text(html.replace(island.group(0), island.group(1) + json.dumps(data) + island.group(3)),
                                         encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto((site / "verificar.html").as_uri())
        page.fill("#dc-codigo", "7KQ2-M9PX-4TRB")
        page.click(".dc-verificar button")
        result = page.inner_text(".dc-verificar__resultado")
        assert "Todavía no hay certificados" in result and "No encontramos" not in result
    finally:
        page.close()
