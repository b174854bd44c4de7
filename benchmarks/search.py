"""Search: index size per language and recall on the readers' queries, before and after.

Run `.venv/bin/python benchmarks/search.py [--antes REV]`. Builds this checkout's site
and, with --antes, the site of another git revision (its own code and content, in a
temporary worktree) in the same run; then, in Debian's chromium, types each query of
benchmarks/search_queries.yml (30 Spanish, 30 Quechua) into the site's real search and
counts a hit when one of the expected pages is among the first five pages listed.

Prints, per site: the learner index (search/, qu/search/) and the trainers' index
(formadores/search/) gzip size, and recall per language, with the ratio after/before.
"""

import argparse
import gzip
import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import yaml

# benchmarks/site.py (not importable by name: `site` is a standard module)
_spec = importlib.util.spec_from_file_location("site_benchmark", Path(__file__).with_name("site.py"))
site_benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(site_benchmark)
CHROMIUM, FLAGS, serve = site_benchmark.CHROMIUM, site_benchmark.FLAGS, site_benchmark.serve

ROOT = Path(__file__).resolve().parents[1]
QUERIES = Path(__file__).with_name("search_queries.yml")
GOAL_KIB = 60
TOP = 5
# Material's result count ("5 documentos encontrados") or its "nothing found" text; not
# its placeholder or "initialising" text, which a slow index shows first
RESULTS_SHOWN = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const none = JSON.parse(document.getElementById('__config').textContent).translations['search.result.none'];
  const text = meta ? meta.textContent.trim() : '';
  return /\\d/.test(text) || text === none;
}"""


def build(project: Path, target: Path, scripts: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(scripts)}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(target)],
                   cwd=project, env=env, check=True, capture_output=True)


def gzip_kib(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), compresslevel=6)) / 1024 if path.is_file() else float("nan")


def top_pages(page, query: str, language: str) -> list[str]:
    """The first pages the site's search lists for a query, as paths under the language root."""
    # Blank the result count, then wait for Material to write the new one
    page.eval_on_selector(".md-search-result__meta", "meta => { meta.textContent = '' }")
    page.locator(".md-search__input").fill("")
    page.keyboard.type(query)
    page.wait_for_function(RESULTS_SHOWN, timeout=60_000)
    page.wait_for_timeout(250)  # Material renders results in batches
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href)")
    root = "/qu/" if language == "qu" else "/"
    pages = []
    for href in hrefs:
        path = urlparse(href).path
        path = path[len(root):] if path.startswith(root) else path.lstrip("/")
        if path not in pages:
            pages.append(path)
    return pages[:TOP]


def recall(browser, base: str, queries: dict) -> dict[str, tuple[int, int, list[str]]]:
    results = {}
    for language, items in queries.items():
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(f"{base}/{'qu/' if language == 'qu' else ''}index.html")
        page.click("label[for='__search']")
        page.wait_for_timeout(1500)  # the index is fetched when search opens; let the worker load it
        hits, misses = 0, []
        for item in items:
            found = top_pages(page, item["query"], language)
            if any(expected in found for expected in item["pages"]):
                hits += 1
            else:
                misses.append(item["query"])
        context.close()
        results[language] = (hits, len(items), misses)
    return results


def measure(browser, site: Path, queries: dict) -> dict:
    base, server = serve(site)
    try:
        return {
            "sizes": {
                "es": gzip_kib(site / "search" / "search_index.json"),
                "qu": gzip_kib(site / "qu" / "search" / "search_index.json"),
                "es formadores": gzip_kib(site / "formadores" / "search" / "search_index.json"),
                "qu formadores": gzip_kib(site / "qu" / "formadores" / "search" / "search_index.json"),
            },
            "recall": recall(browser, base, queries),
        }
    finally:
        server.shutdown()


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--antes", help="git revision to compare with (built in the same run)")
    args = parser.parse_args()
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sites = {"ahora": work / "ahora"}
        build(ROOT, sites["ahora"], ROOT / "scripts")
        if args.antes:
            before = work / "antes-src"
            subprocess.run(["git", "worktree", "add", "--detach", str(before), args.antes],
                           cwd=ROOT, check=True, capture_output=True)
            try:
                sites["antes"] = work / "antes"
                build(before, sites["antes"], before / "scripts")
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=ROOT, capture_output=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            measured = {name: measure(browser, site, queries) for name, site in sites.items()}
            browser.close()

    now, before = measured["ahora"], measured.get("antes")
    print(f"Search, gzip -6 sizes and recall@{TOP} on {QUERIES.name} (Debian chromium, the site's own search)")
    print(f"{'':24}{'now':>12}{'before':>12}{'ratio':>8}   goal")
    for key, size in now["sizes"].items():
        old = before["sizes"][key] if before else float("nan")
        goal = f"≤ {GOAL_KIB} KiB {'✅' if size <= GOAL_KIB else '❌'}" if "formadores" not in key else "loaded on trainers' pages"
        print(f"{'index ' + key:24}{size:8.1f} KiB{old:8.1f} KiB{size / old if old == old else float('nan'):8.2f}   {goal}")
    for language in ("es", "qu"):
        hits, total, misses = now["recall"][language]
        old = before["recall"][language] if before else None
        old_text = f"{old[0]}/{old[1]}" if old else "—"
        goal = "≥ before" if language == "es" else "≥ 90 % and ≥ before"
        print(f"{'recall ' + language:24}{hits:>9}/{total}{old_text:>12}{'':8}   {goal}")
        if misses:
            print(f"{'':26}missed now: {', '.join(misses)}")
        if old and old[2]:
            print(f"{'':26}missed before: {', '.join(old[2])}")


if __name__ == "__main__":
    main()
