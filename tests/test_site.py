"""The built site: languages, translations, privacy (no outside requests), search split."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from defensoria.checks.translations import untranslated_pages

pytestmark = pytest.mark.build

# Elements and attributes that make a browser fetch something
FETCHING = {
    "script": "src", "img": "src", "iframe": "src", "audio": "src", "video": "src",
    "source": "src", "track": "src", "embed": "src", "object": "data", "input": "src",
}
FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon", "dns-prefetch", "preconnect"}
EXTERNAL = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class FetchCollector(HTMLParser):
    """Collects what a page would fetch, and the external links it only points to."""

    def __init__(self):
        super().__init__()
        self.fetches: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.first_body_child: str | None = None
        self._in_body = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._in_body and self.first_body_child is None:
            self.first_body_child = attrs.get("class", tag)
        if tag == "body":
            self._in_body = True
        if tag in FETCHING and attrs.get(FETCHING[tag]):
            self.fetches.append(attrs[FETCHING[tag]])
        if tag == "link":
            rels = set((attrs.get("rel") or "").lower().split())
            if rels & FETCHING_LINK_RELS:
                self.fetches.append(attrs.get("href", ""))
        if tag == "a" and EXTERNAL.match(attrs.get("href") or ""):
            self.links.append((attrs["href"], attrs.get("rel") or ""))
        for url in CSS_URL.findall(attrs.get("style") or ""):
            self.fetches.append(url)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.fetches.append(attrs.get("content", ""))


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(path: Path) -> FetchCollector:
    collector = FetchCollector()
    text = path.read_text(encoding="utf-8")
    collector.feed(text)
    collector.fetches += CSS_URL.findall("".join(re.findall(r"<style[^>]*>(.*?)</style>", text, re.DOTALL)))
    return collector


def test_html_lang_matches_the_language_of_each_edition(built_site):
    for page in pages(built_site):
        lang = re.search(r'<html lang="([^"]+)"', page.read_text(encoding="utf-8")).group(1)
        expected = "qu" if page.relative_to(built_site).parts[0] == "qu" else "es"
        assert lang == expected, f"{page.relative_to(built_site)} has lang={lang}"


def test_quechua_edition_interface_is_in_quechua(built_site):
    html = (built_site / "qu" / "index.html").read_text(encoding="utf-8")
    assert 'placeholder="Maskay"' in html
    assert "Utqhaylla lluqsiy" in html
    assert "Buscar" not in html and "Salir rápido" not in html


def test_quechua_partial_translates_every_key_of_materials_spanish_file(repo_root):
    import material

    spanish = Path(material.__file__).parent / "templates" / "partials" / "languages" / "es.html"
    ours = repo_root / "scripts" / "defensoria" / "site" / "theme" / "partials" / "languages" / "qu.html"
    keys = lambda path: set(re.findall(r'^\s*"([a-z.]+)":', path.read_text(encoding="utf-8"), re.MULTILINE))
    missing = keys(spanish) - keys(ours)
    assert not missing, f"qu.html lacks {sorted(missing)}"


def test_every_spanish_page_has_a_quechua_page_or_a_reported_fallback(repo_root, built_site):
    for source, _reason in untranslated_pages(repo_root):
        relative = source.relative_to(repo_root / "docs").with_suffix(".html")
        served = built_site / "qu" / relative
        assert served.is_file(), f"no Quechua page is served for {relative}"
        html = served.read_text(encoding="utf-8")
        assert 'data-dc-aviso="sin-traduccion"' in html, f"qu/{relative} serves Spanish without the fallback notice"


def test_translated_quechua_pages_show_no_fallback_notice(built_site):
    html = (built_site / "qu" / "navega-con-seguridad.html").read_text(encoding="utf-8")
    assert 'data-dc-aviso="sin-traduccion"' not in html
    assert "Mana manchakuspa puriy" in html


def test_nothing_in_the_site_makes_the_browser_fetch_from_outside(built_site):
    offenders = []
    for page in pages(built_site):
        for url in parse(page).fetches:
            if EXTERNAL.match(url.strip()):
                offenders.append(f"{page.relative_to(built_site)}: {url}")
    for stylesheet in built_site.rglob("*.css"):
        for url in CSS_URL.findall(stylesheet.read_text(encoding="utf-8")):
            if EXTERNAL.match(url.strip()):
                offenders.append(f"{stylesheet.relative_to(built_site)}: url({url})")
    assert not offenders, "external fetches:\n" + "\n".join(offenders)


def test_no_page_would_trigger_materials_cdn_loaders(built_site):
    # Material fetches mermaid from a CDN when it finds a .mermaid element
    for page in pages(built_site):
        assert 'class="mermaid"' not in page.read_text(encoding="utf-8"), page


def test_external_links_are_listed_and_open_without_referrer(built_site, capsys):
    found = {}
    for page in pages(built_site):
        for href, rel in parse(page).links:
            assert "noopener" in rel and "noreferrer" in rel, f"{page.name}: {href} lacks rel=noopener noreferrer"
            found.setdefault(href, page.relative_to(built_site).as_posix())
    with capsys.disabled():
        print(f"\nExternal links in the text ({len(found)}):")
        for href, where in sorted(found.items()):
            print(f"  {href}  (first on {where})")


def test_every_page_has_a_strict_content_security_policy(built_site):
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert policy, f"{page.name} has no CSP"
        assert "default-src 'self'" in policy.group(1)
        assert "http" not in policy.group(1)


def test_quick_exit_is_the_first_thing_in_every_page(built_site):
    for page in pages(built_site):
        collector = parse(page)
        assert collector.first_body_child == "dc-barra", f"{page.relative_to(built_site)} starts with {collector.first_body_child}"
        html = page.read_text(encoding="utf-8")
        assert 'href="tel:100"' in html


def test_no_material_storage_remains(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "localStorage" not in re.search(r"<script>__md_scope.*?</script>", html, re.DOTALL).group(0)


def test_no_sitemap_points_to_an_example_address(built_site):
    # The session site is built with mkdocs.yml's example site_url
    assert not (built_site / "sitemap.xml").exists() and not (built_site / "sitemap.xml.gz").exists()


def test_a_real_address_keeps_its_sitemap(tmp_path):
    from defensoria.site.plugin import drop_example_sitemaps

    def left_after_build(site_url: str) -> list[str]:
        site = tmp_path / site_url.split("//")[1].strip("/")
        site.mkdir()
        (site / "sitemap.xml").write_text(f"<urlset><url><loc>{site_url}index.html</loc></url></urlset>", encoding="utf-8")
        (site / "sitemap.xml.gz").write_bytes(b"")
        drop_example_sitemaps(site, site_url)
        return sorted(path.name for path in site.glob("sitemap*"))

    assert left_after_build("https://defensorias-cusco.org.pe/") == ["sitemap.xml", "sitemap.xml.gz"]
    assert left_after_build("https://defensorias-cusco.example.org/") == []


def test_each_language_has_its_own_search_index(built_site):
    spanish = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    quechua = json.loads((built_site / "qu" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert spanish["docs"] and quechua["docs"]
    assert not any(doc["location"].startswith("qu/") for doc in spanish["docs"])
    assert quechua["config"]["lang"] == ["qu"] and spanish["config"]["lang"] == ["es"]
    # Only pages really written in Quechua: every location has a .qu.md source
    docs = Path(__file__).resolve().parents[1] / "docs"
    for doc in quechua["docs"]:
        page = doc["location"].split("#")[0]
        assert (docs / page.replace(".html", ".qu.md")).is_file(), f"{page} in the Quechua index is not a Quechua page"
    offline = (built_site / "qu" / "search" / "search_index.js").read_text(encoding="utf-8")
    assert offline.startswith("var __index = ") and json.loads(offline[len("var __index = "):]) == quechua


def test_quechua_pages_search_their_own_index(built_site):
    html = (built_site / "qu" / "glosario.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.DOTALL).group(1))
    assert config["base"] == "../qu/"


def test_search_scripts_fold_accents(built_site):
    lunr = built_site / "assets" / "javascripts" / "lunr" / "min"
    assert "dc-fold-es" in (lunr / "lunr.es.min.js").read_text(encoding="utf-8")
    assert (lunr / "lunr.qu.min.js").is_file()
    assert not list(built_site.rglob("*.map")), "source maps should be pruned"


def test_neutral_exit_destination_comes_from_mkdocs_yml(repo_root, built_site):
    config = yaml.load((repo_root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    url = config["extra"]["salida"]["url"]
    assert url.startswith("https://")
    assert f'href="{url}"' in (built_site / "index.html").read_text(encoding="utf-8").replace("&amp;", "&")


def test_search_dialog_has_an_accessible_name_in_the_page_language(built_site):
    assert 'role="dialog" aria-label="Búsqueda"' in (built_site / "index.html").read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="Maskay"' in (built_site / "qu" / "index.html").read_text(encoding="utf-8")


def test_every_stylesheet_closes_its_blocks(repo_root):
    # A brace lost in a merge silently moves every later rule into the block above it
    # (an unclosed @media print hid the screen rules of later pages)
    for sheet in (repo_root / "docs" / "assets" / "stylesheets").glob("*.css"):
        depth = 0
        for number, line in enumerate(sheet.read_text(encoding="utf-8").splitlines(), 1):
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{sheet.name}:{number}: '}}' without '{{'"
        assert depth == 0, f"{sheet.name}: {depth} block(s) never closed"
