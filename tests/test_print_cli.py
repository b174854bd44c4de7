"""`defensoria imprimir`: files and names, reported skips, bad input, manual, trainer's pack."""

import re

import pytest
from pypdf import PdfReader

from defensoria.cli import cli
from print_fixtures import print_project  # noqa: F401


def run(runner, project, out, *args):
    return runner.invoke(cli, ["imprimir", "--raiz", str(project), "--salida", str(out), *args])


def test_handouts_in_every_language_with_bilingue_in_the_name(runner, print_project, tmp_path):
    result = run(runner, print_project, tmp_path / "out", "--modulos", "m04", "--solo", "hojas", "--formato", "a4")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out" / "hojas").iterdir())
    assert names == ["m04-la-denuncia-bilingue-a4.pdf", "m04-la-denuncia-es-a4.pdf", "m04-la-denuncia-qu-a4.pdf"]
    # Written through temporary files that were renamed: nothing else is left
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.startswith(".")]
    assert "✅ 3 archivo(s)" in result.output


def test_module_without_quechua_is_reported_and_skipped(runner, print_project, tmp_path):
    page = print_project / "docs" / "modulos" / "m04-la-denuncia.qu.md"
    saved = page.read_bytes()
    page.unlink()
    try:
        result = run(runner, print_project, tmp_path / "out", "--modulos", "m04", "--solo", "hojas", "--formato", "a4")
    finally:
        page.write_bytes(saved)
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "out" / "hojas").iterdir()] == ["m04-la-denuncia-es-a4.pdf"]
    assert "m04: sin página en quechua (m04-la-denuncia.qu.md); se omiten sus hojas qu y bilingüe." in result.output


def test_unknown_module_fails_before_writing(runner, print_project, tmp_path):
    result = run(runner, print_project, tmp_path / "out", "--modulos", "m4,m77")
    assert result.exit_code == 1
    assert "no existe el módulo 'm77'" in result.output
    assert not (tmp_path / "out").exists()


def test_unknown_language_is_rejected_in_spanish(runner, print_project, tmp_path):
    result = run(runner, print_project, tmp_path / "out", "--idioma", "en")
    assert result.exit_code == 2
    assert "valor desconocido: en. Use es, qu, bilingue" in result.output


def test_help_is_spanish_with_an_example(runner):
    result = runner.invoke(cli, ["imprimir", "--help"])
    assert result.exit_code == 0
    assert "Ejemplo:" in result.output and "defensoria imprimir --modulos m04" in result.output


@pytest.fixture(scope="module")
def manual(print_project, tmp_path_factory):
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("manual")
    result = CliRunner().invoke(cli, ["imprimir", "--raiz", str(print_project), "--salida", str(out), "--solo", "manual", "--idioma", "es"])
    assert result.exit_code == 0, result.output
    return PdfReader(out / "manual" / "manual-es.pdf")


def test_manual_has_cover_contents_with_page_numbers_and_every_module(manual, print_project):
    from defensoria.catalog import load_modules

    contents = " ".join(manual.pages[1].extract_text().split())
    assert contents.startswith(("Defensorías Comunitarias de Cusco Contenido", "Contenido"))
    for module in load_modules(print_project):
        line = re.search(rf"Módulo {int(module.modulo[1:])} · {re.escape(module.title)}[ .]*(\d+)", contents)
        assert line, module.title
        # The number in the contents is the page where the module's title is
        page = manual.pages[int(line.group(1)) - 1].extract_text()
        assert module.title in page
    for appendix in ("Glosario", "Directorio de servicios", "Normas"):
        assert appendix in contents


def test_manual_pages_carry_running_header_and_number(manual):
    page = " ".join(manual.pages[5].extract_text().split())
    assert "Defensorías Comunitarias de Cusco" in page
    assert re.search(r"(^|\s)6(\s|$)", page)
    assert "Línea 100" in page


def test_trainers_pack_has_guide_handouts_signin_sheet_and_quiz(runner, print_project, tmp_path):
    from defensoria.registro import db
    from defensoria.registro.model import add_council

    base = tmp_path / "registro.sqlite"
    conn = db.connect(base)
    add_council(conn, "Defensoría de Ccorca", "Ccorca", "Ccorca", "Cusco")
    conn.commit()
    conn.close()
    result = run(runner, print_project, tmp_path / "out", "--solo", "taller", "--modulos", "m04", "--idioma", "es",
                 "--defensoria", "Defensoría de Ccorca", "--base", str(base), "--semilla", "prueba")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "taller" / "taller-m04"
    names = {p.name for p in folder.rglob("*") if p.is_file()}
    assert {"00-portada.pdf", "hojas-asamblea.pdf", "asistencia-defensoria-1.pdf", "asistencia-defensoria-1.csv", "claves.pdf", "cuestionario.pdf"} <= names
    guide = print_project / "docs" / "formadores" / "guias" / "m04-guia.md"
    assert ("guia-m04-es.pdf" in names) == guide.is_file()
    assert "datos personales" in result.output


def test_an_example_address_is_reported_once_and_printed_nowhere(runner, print_project, tmp_path, monkeypatch):
    import shutil

    from print_fixtures import with_real_address

    project = tmp_path / "proyecto"
    shutil.copytree(print_project, project)
    with_real_address(project, "https://defensorias-cusco.example.org/")
    monkeypatch.delenv("SITE_URL", raising=False)
    result = run(runner, project, tmp_path / "out", "--modulos", "m04", "--solo", "hojas", "--formato", "a4", "--idioma", "es")
    assert result.exit_code == 0, result.output
    assert result.output.count("dirección de ejemplo") == 1
    [pdf] = (tmp_path / "out" / "hojas").iterdir()
    assert "example" not in PdfReader(pdf).pages[0].extract_text()
