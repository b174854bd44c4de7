"""Shared fixtures. Each feature has its own test file; data lives in tests/<feature>/data/."""

import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]


# Test files whose page tours, parametrized by edition, are one unit of work per edition
TOURS_BY_EDITION = {"tests/test_browser_a11y.py": ("[es]", "[qu]")}


def work_unit(nodeid: str) -> str:
    """What one test process runs as a whole: a test file, so its module fixtures (rendered
    PDFs, a served ZIM) are made once; a page tour, one per edition."""
    file = nodeid.split("::")[0]
    return next((file + edition for edition in TOURS_BY_EDITION.get(file, ()) if nodeid.endswith(edition)), file)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Units of work (work_unit) are handed to whichever process is free, in the order the
    tests were collected (pytest_collection_modifyitems puts the longest first)."""
    from xdist.scheduler import LoadScopeScheduling

    class ByWorkUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    config.option.loadscopereorder = False
    return ByWorkUnit(config, log)


# Renders the manual and the trainers' packs and needs no site build: it goes first, so one
# process renders PDFs while the other builds the site that the browser files wait for
FIRST_UNIT = "tests/test_print_cli.py"


def pytest_collection_modifyitems(config, items):
    """The files that drive the browser, the longest, run first (after FIRST_UNIT): no test
    process is then left alone with one at the end of the run."""
    browser_files = {item.nodeid.split("::")[0] for item in items if item.get_closest_marker("browser")}

    def order(item) -> int:
        file = item.nodeid.split("::")[0]
        return 0 if file == FIRST_UNIT else 1 if file in browser_files else 2

    items.sort(key=order)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The real project (docs/, quizzes/, mkdocs.yml)."""
    return ROOT


@pytest.fixture
def runner(tmp_path, monkeypatch):
    """A CliRunner whose working directory is a fresh temporary folder."""
    monkeypatch.chdir(tmp_path)
    return CliRunner()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the content (docs/, quizzes/, mkdocs.yml) to break on purpose."""
    target = tmp_path / "proyecto"
    target.mkdir()
    for name in ("docs", "quizzes"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def plugin_page(root: Path, src_uri: str, *, locale: str | None = None, edition: str | None = None):
    """A page as the site plugins see it during a build, with `config` for their hooks.

    A real MkDocs File; with `locale`/`edition`, what mkdocs-static-i18n records on it:
    the file's own language and the edition it is served in (a Spanish page served as a
    fallback under qu/ has locale 'es', edition 'qu'), and the edition's folder."""
    from types import SimpleNamespace

    from mkdocs.structure.files import File

    name = src_uri.replace(f".{locale}.md", ".md") if locale else src_uri
    edition = edition or locale
    folder = f"{edition}/" if edition and edition != "es" else ""
    dest = folder + name[: -len(".md")] + ".html"
    file = File(src_uri, str(root / "docs"), str(root / "site"), False, dest_uri=dest)
    if locale:
        file.locale, file.locale_alternate_of = locale, edition
    page = SimpleNamespace(file=file, url=file.url, meta={}, title=None)
    return page, SimpleNamespace(config_file_path=str(root / "mkdocs.yml"), site_url=None, site_name="")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def build_site(root: Path, target: Path) -> subprocess.CompletedProcess:
    """Strict build of the site at `root` into `target`."""
    # Copies share the checkout's print cache: its keys hash every source, so a changed copy
    # renders what changed and nothing else
    env = {"DEFENSORIA_CACHE_IMPRESION": str(ROOT / ".cache" / "impresion"), **os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(root / "mkdocs.yml"), "-d", str(target)],
        cwd=root, env=env, capture_output=True, text=True,
    )


@pytest.fixture
def buildable_copy(tmp_path) -> Path:
    """A copy of the content that mkdocs can build, for tests that change it before building."""
    return copy_project(tmp_path / "proyecto")


# What the session's site project holds that must never reach the built site
TRACKED_NAMES = [("Wilfreda", "Ccahuana Quispe"), ("Zenobia", "Huillcahuaman Puma"), ("Eusebio", "Mamanisqa Condori")]
# A certificate code whose hash is published, to verify in the browser
VERIFIABLE_CODE = "7KQ2-M9PX-4TRB"


def copy_project(target: Path) -> Path:
    """A buildable copy of the content; the handout PDF cache is shared with the checkout
    (its entries are keyed by a hash of their sources), so no handout renders twice."""
    target.mkdir(parents=True)
    for name in ("docs", "quizzes"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "scripts").symlink_to(ROOT / "scripts")
    (ROOT / ".cache").mkdir(exist_ok=True)
    (target / ".cache").symlink_to(ROOT / ".cache")
    return target


def populate_tracker(project: Path, scratch: Path) -> list[str]:
    """A tracker inside the project as a coordinator would have it (people, results,
    certificates, sheets, a report, published hashes); returns every secret it holds."""
    from defensoria.catalog import catalog
    from defensoria.registro import QuizResult, db, model, record_quiz_results
    from defensoria.registro import certificates as certs
    from defensoria.registro.codes import verification_hash
    from defensoria.registro.importer import import_file
    from defensoria.registro.report_files import write_report
    from defensoria.registro.reports import build_report
    from defensoria.registro.rules import load_rules
    from defensoria.registro.signin import build_sheet, write_sheet

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DEFENSORIA_RAIZ", str(project))
        patch.delenv(db.ENV_VAR, raising=False)
        first = next(iter(catalog(project)))
        conn = db.connect(project / "data" / "registro.sqlite")
        model.add_council(conn, "Defensoría de Ccorca", "Ccorca", "Ccorca")
        sheet = scratch / "asistencia.csv"
        sheet.write_text("fecha;lugar;defensoria;modulos;nombres;apellidos;sexo\n" + "".join(
            f"02/04/2026;Local;Defensoría de Ccorca;{first};{given};{surnames};F\n" for given, surnames in TRACKED_NAMES), encoding="utf-8")
        codes = import_file(conn, sheet).people_added
        record_quiz_results([QuizResult(code, first, 90, "2026-04-03") for code in codes], conn=conn)
        issued, _ = certs.issue_certificates(conn, load_rules(), "modulo", first)
        assert len(issued) == len(TRACKED_NAMES)
        # Everything the tracker writes by default: hashes into docs/_datos, documents into salida/
        hashes = project / "docs" / "_datos" / "certificados.json"
        certs.publish_hashes(conn, hashes)
        certs.write_certificates(issued, project / "salida" / "registro" / "certificados", certs.site_url(project))
        write_sheet(build_sheet(conn, "Defensoría de Ccorca"), project / "salida" / "registro", ("html", "csv"))
        write_report(build_report(conn, load_rules(), "defensoria"), project / "salida" / "registro" / "reporte.html")
        conn.close()
    published = json.loads(hashes.read_text(encoding="utf-8"))
    published["certificados"].append({"hash": verification_hash(VERIFIABLE_CODE), "tipo": "modulo", "tema": "m04", "fecha": "2026-11-20"})
    hashes.write_text(json.dumps(published), encoding="utf-8")
    return list(codes) + [c.verification_code for c in issued] + [w for pair in TRACKED_NAMES for w in pair]


# What the test reviewers of the session's site decided on
REVIEW_DAY = date(2026, 12, 2)
M05_QU = "modulos/m05-medidas-de-proteccion.qu.md"
M04_QU = "modulos/m04-la-denuncia.qu.md"


def approve_po(source: Path, target: Path, edit: dict[int, str] | None = None, keep_fuzzy=()):
    """What a reviewer does in Poedit: remove 'fuzzy' (and maybe correct a text)."""
    import polib

    po = polib.pofile(str(source))
    for index, entry in enumerate(po):
        if "fuzzy" in entry.flags and index not in keep_fuzzy:
            entry.flags.remove("fuzzy")
        if edit and index in edit:
            entry.msgstr = edit[index]
    po.save(str(target))
    return po


def populate_reviews(project: Path, scratch: Path) -> int:
    """Test reviewers approve m05 (legal and Quechua) and the first ten segments of m04 in
    Quechua, through the review workflow; returns the share of m04 approved, in percent."""
    from openpyxl import load_workbook

    from defensoria.revision.importer import import_file
    from defensoria.revision.legal_export import export_legal
    from defensoria.revision.quechua_export import export_quechua

    scratch.mkdir(parents=True)
    legal = export_legal(scratch, project, paper=False)
    book = load_workbook(legal.xlsx)
    for row in book["afirmaciones"].iter_rows(min_row=2):
        if row[1].value == "m05":
            row[7].value = "ok"
    book.save(scratch / "hecha.xlsx")
    import_file(scratch / "hecha.xlsx", "Abogada del consejo", REVIEW_DAY, project)
    full = export_quechua(scratch / "m05", "po", project, pagina=M05_QU)
    approve_po(full.path, scratch / "m05.po")
    import_file(scratch / "m05.po", "Defensora de Ccapi", REVIEW_DAY, project)
    part = export_quechua(scratch / "m04", "po", project, pagina=M04_QU)
    approve_po(part.path, scratch / "m04.po", keep_fuzzy=set(range(10, part.segments)))
    import_file(scratch / "m04.po", "Defensora de Ccapi", REVIEW_DAY, project)
    return (100 * 10) // part.segments


@dataclass(frozen=True)
class SessionSite:
    project: Path
    site: Path
    secrets: list[str]
    # Share of m04's Quechua segments that test reviewers approved (see populate_reviews)
    m04_reviewed_percent: int


def once_per_run(tmp_path_factory, name: str, make: Callable[[Path], dict]) -> dict:
    """make(folder) once per test run. Under pytest-xdist the first worker makes it in the
    run's shared temporary folder and the others wait for it and read what it returned
    (a JSON-able dict), so parallel workers share one site build."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return make(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent  # the run's folder, above each worker's
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / f"{name}.json"
        if done.is_file():
            return json.loads(done.read_text(encoding="utf-8"))
        result = make(shared / name)
        done.write_text(json.dumps(result), encoding="utf-8")
        return result


def make_session_site(base: Path) -> dict:
    project = copy_project(base / "proyecto")
    secrets = populate_tracker(project, base)
    percent = populate_reviews(project, base / "revision")
    target = base / "site"
    result = build_site(project, target)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return {"project": str(project), "site": str(target), "secrets": secrets, "percent": percent}


@pytest.fixture(scope="session")
def session_site(tmp_path_factory) -> SessionSite:
    """The one site build of the session. The project is a copy of the real content with a
    populated tracker and one verifiable certificate (hashes only reach the site), and with
    test reviewers' records (m05 reviewed, m04 in part); the build is strict and fails
    loudly with its log."""
    built = once_per_run(tmp_path_factory, "sitio", make_session_site)
    return SessionSite(Path(built["project"]), Path(built["site"]), built["secrets"], built["percent"])


@pytest.fixture(scope="session")
def site_build(session_site) -> tuple[Path, Path, list[str]]:
    """(project, site, secrets) of the session's site build."""
    return session_site.project, session_site.site, session_site.secrets


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    """The real site, built once per test session (see session_site)."""
    return site_build[1]


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright, one per test session (Playwright's sync API
    allows a single running instance). Skips only off CI when chromium is missing."""
    if not Path(CHROMIUM).exists():
        if in_ci():
            pytest.fail("chromium is missing in CI: .ci/run must install Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()
