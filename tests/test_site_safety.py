"""The built site: no example address anywhere, 404 pages in both languages, the other
language in words on both home pages and in the menu."""

import re

import pytest

pytestmark = pytest.mark.build


def test_no_page_or_index_carries_the_example_address(built_site):
    carriers = [path.relative_to(built_site).as_posix() for path in built_site.rglob("*")
                if path.suffix in {".html", ".json", ".js"} and "example.org" in path.read_text(encoding="utf-8", errors="ignore")]
    assert carriers == []


@pytest.mark.parametrize(("path", "lang", "title"), [("404.html", "es", "No encontramos esta página"),
                                                     ("qu/404.html", "qu", "Manam kay p'anqa tarikunchu")])
def test_not_found_pages_speak_their_language_with_the_exit_and_the_hotline(built_site, path, lang, title):
    html = (built_site / path).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert title in html and "Not found" not in html
    body = html.split("<body", 1)[1]
    assert body.index("data-dc-salida-boton") < body.index("<main"), "the exit comes first"
    assert html.count('href="tel:100"') >= 2


@pytest.mark.parametrize(("path", "label", "target"), [("index.html", "Runasimipi ñawinchay", "qu/index.html"),
                                                       ("qu/index.html", "Leer en castellano", "../index.html")])
def test_home_pages_name_the_other_language_in_words(built_site, path, label, target):
    html = (built_site / path).read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)"[^>]*data-dc-otra-lengua>([^<]+)</a>', html)
    assert (target, label) in links
    assert len(links) == 2, "in the page and in the menu"


def test_every_page_menu_names_the_other_language(built_site):
    html = (built_site / "modulos" / "m04-la-denuncia.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="../qu/modulos/m04-la-denuncia.html"[^>]*data-dc-otra-lengua>Runasimipi ñawinchay</a>', html)
