"""Site weight and build time, against a plain Material build of the same Markdown.

Run with `make bench` (or `.venv/bin/python benchmarks/site.py`). Both sites are built in
this run and served on loopback with gzip, as a static host would; a module page is
loaded in Debian's chromium and every response's transferred size is added up.

Prints, for a module page: first-visit bytes (HTML, CSS, JS, the language's search index
when fetched at load, fonts), next-page bytes, build time, external and failed requests;
each with the ratio ours / plain. Lighthouse scores are added when `lighthouse`
(npm lighthouse@12.2.3) is on PATH or LIGHTHOUSE points to it.
"""

import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
GOALS = {"first": 120 * 1024, "next": 20 * 1024}
# A provincial mobile link: 400 kbit/s down and up, 400 ms round trip, a slow phone's CPU
SLOW_LINK = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
SLOW_CPU = 4
SLOW_GOALS = {"fcp": 2.0, "search": 3.0}
SEARCH_WORDS = {"es": "denuncia", "qu": "maqay"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-encoded when the client accepts it (like a static host)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes()
        compress = "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        import io
        return io.BytesIO(body)


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def build(config: Path, target: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(target)],
                   cwd=config.parent, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def plain_material_project(work: Path) -> Path:
    """Same Markdown, default Material + i18n + search: no plugin, theme or CSS of ours."""
    project = work / "plain"
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("_datos"))
    from defensoria.content.project import project as content_project
    from defensoria.content.nav import catalogue_nav
    from defensoria.content.settings import site_settings

    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    settings = site_settings(ROOT)
    config = {
        "site_name": settings.site_name,
        "site_url": settings.site_url,
        "theme": {"name": "material", "language": "es"},
        "plugins": ["search", {"i18n": {"docs_structure": "suffix", "languages": [
            {"locale": "es", "default": True, "name": "Castellano"},
            {"locale": "qu", "name": "Runasimi", "theme": {"language": "es"}},
        ]}}],
        "markdown_extensions": ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"],
        # Our nav lists no module or guide: the catalogue fills them in, as our build does
        "nav": catalogue_nav(ours["nav"], content_project(ROOT)),
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return project / "mkdocs.yml"


def measure_page(browser, base: str, first: str, second: str) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    sizes: dict[str, int] = {}
    external, failed = [], []

    def on_response(response):
        try:
            sizes[response.url] = int(response.headers.get("content-length") or len(response.body()))
        except Exception:
            sizes[response.url] = 0

    page = context.new_page()
    page.on("response", on_response)
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith((base, "data:", "blob:", "about:")) else None)
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.route(lambda url: not url.startswith(base), lambda route: route.abort())
    page.goto(f"{base}/{first}", wait_until="networkidle")
    first_bytes = sum(sizes.values())
    first_urls = set(sizes)
    sizes.clear()
    page.goto(f"{base}/{second}", wait_until="networkidle")
    # Cached assets are not fetched again (Cache-Control); count what was transferred
    next_bytes = sum(size for url, size in sizes.items() if url not in first_urls or url.endswith(".html"))
    context.close()
    return {"first": first_bytes, "next": next_bytes, "external": len(set(external)), "failed": len(set(failed))}


PAINT_TIMES = """() => new Promise(resolve => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  let lcp = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) lcp = Math.max(lcp, entry.startTime);
  }).observe({type: "largest-contentful-paint", buffered: true});
  setTimeout(() => resolve({fcp: fcp ? fcp.startTime : NaN, lcp: lcp || NaN}), 100);
})"""


def measure_slow_link(browser, url: str, word: str) -> dict:
    """First and largest contentful paint of a first visit, and time until search shows a result.

    Chromium's own network and CPU emulation (DevTools protocol), a new context (empty
    cache), 360 px.
    Search time runs from the tap on the search icon to the first result on screen,
    so it includes fetching the index when the page holds it until search is opened.
    """
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_CPU})
    page.goto(url, wait_until="load", timeout=120_000)
    paints = page.evaluate(PAINT_TIMES)
    start = time.perf_counter()
    page.click("label[for='__search']")
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item", timeout=120_000)
    search = time.perf_counter() - start
    context.close()
    return {"fcp": paints["fcp"] / 1000, "lcp": paints["lcp"] / 1000, "search": search}


def slow_link_rows(browser, ours_base: str, plain_base: str, first: str, plain_first: str) -> list[tuple]:
    """The same module page in both languages on the slow link, ours against plain Material."""
    rows = []
    for language, prefix in (("es", ""), ("qu", "qu/")):
        ours = measure_slow_link(browser, f"{ours_base}/{prefix}{first}", SEARCH_WORDS[language])
        plain = measure_slow_link(browser, f"{plain_base}/{prefix}{plain_first}", SEARCH_WORDS[language])
        rows.append((language, ours, plain))
    return rows


def lighthouse(url: str) -> dict | None:
    binary = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
    if not binary:
        return None
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run([binary, url, "--quiet", "--output=json", "--only-categories=performance,accessibility",
                             "--form-factor=mobile", "--chrome-flags=--headless=new " + " ".join(FLAGS)],
                            capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        print(f"lighthouse failed: {result.stderr[-400:]}")
        return None
    report = json.loads(result.stdout)
    return {name: report["categories"][name]["score"] for name in ("performance", "accessibility")}


def module_pages(site: Path) -> tuple[str, str]:
    pages = sorted(p.name for p in (site / "modulos").glob("m*.html"))
    if len(pages) < 2:
        return "modulos/index.html", "glosario.html"
    return f"modulos/{pages[3 if len(pages) > 3 else 0]}", f"modulos/{pages[4 if len(pages) > 4 else 1]}"


def kib(n: float) -> str:
    return f"{n / 1024:7.1f} KiB"


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ours_site, plain_site = work / "ours", work / "plain-site"
        ours_time = build(ROOT / "mkdocs.yml", ours_site)
        plain_time = build(plain_material_project(work), plain_site)
        first, second = module_pages(ours_site)
        # The plain build keeps directory URLs: same page, other address
        plain_first = first.replace(".html", "/").replace("index/", "")
        plain_second = second.replace(".html", "/").replace("index/", "")
        ours_base, ours_server = serve(ours_site)
        plain_base, plain_server = serve(plain_site)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            ours = measure_page(browser, ours_base, first, second)
            plain = measure_page(browser, plain_base, plain_first, plain_second)
            slow = slow_link_rows(browser, ours_base, plain_base, first, plain_first)
            browser.close()
        scores = lighthouse(f"{ours_base}/{first}")
        plain_scores = lighthouse(f"{plain_base}/{plain_first}") if scores else None
        ours_server.shutdown()
        plain_server.shutdown()

    print(f"Module page: {first} (next page: {second}), gzip, 360 px, Debian chromium")
    print(f"{'':24}{'ours':>12}{'plain Material':>16}{'ratio':>8}   goal")
    rows = [
        ("first visit", ours["first"], plain["first"], f"≤ {kib(GOALS['first']).strip()}"),
        ("next page", ours["next"], plain["next"], f"≤ {kib(GOALS['next']).strip()}"),
    ]
    for label, mine, base, goal in rows:
        print(f"{label:24}{kib(mine):>12}{kib(base):>16}{mine / base:8.2f}   {goal} {'✅' if mine <= GOALS['first' if label == 'first visit' else 'next'] else '❌'}")
    print(f"{'build time':24}{ours_time:11.2f}s{plain_time:15.2f}s{ours_time / plain_time:8.2f}")
    print(f"{'external requests':24}{ours['external']:>12}{plain['external']:>16}{'':8}   0")
    print(f"{'failed requests':24}{ours['failed']:>12}{plain['failed']:>16}{'':8}   0")
    link = f"{SLOW_LINK['downloadThroughput'] * 8 / 1000:.0f} kbit/s, {SLOW_LINK['latency']} ms RTT, CPU ×{SLOW_CPU}"
    print(f"\nSlow link ({link}), first visit, empty cache")
    print(f"{'':24}{'ours':>12}{'plain Material':>16}{'ratio':>8}   goal")
    for language, mine, base in slow:
        for key, label in (("fcp", "first contentful paint"), ("lcp", "largest contentful paint"), ("search", "search → first result")):
            goal = SLOW_GOALS.get(key)
            verdict = "" if goal is None else f"≤ {goal:.1f} s {'✅' if mine[key] <= goal else '❌'}"
            print(f"{language + ' ' + label:24}{mine[key]:11.2f}s{base[key]:15.2f}s{mine[key] / base[key]:8.2f}   {verdict}")
    if scores:
        for name in ("performance", "accessibility"):
            goal = "≥ 0.98" if name == "performance" else "1.00"
            print(f"{'lighthouse ' + name:24}{scores[name]:>12.2f}{(plain_scores or {}).get(name, float('nan')):>16.2f}{'':8}   {goal}")
    else:
        print("lighthouse: not installed (npm install lighthouse@12.2.3; put it on PATH or set LIGHTHOUSE)")


if __name__ == "__main__":
    main()
