"""The module catalogue and the core checks of `defensoria revisar`."""

import pytest

from defensoria.catalog import get_module, load_modules, parse_module_list, UnknownModule
from defensoria.checks import run_checks
from defensoria.cli import cli
from defensoria.errors import SourceError


def test_catalogue_reads_every_module_in_order(repo_root):
    modules = load_modules(repo_root)
    codes = [m.modulo for m in modules]
    assert codes == sorted(codes) and codes[0] == "m01"
    for module in modules:
        assert module.horas > 0 and module.objetivos and module.fuentes
        assert module.url("qu").startswith("qu/modulos/") and module.url().endswith(".html")


def test_module_codes_are_forgiving_but_typos_are_named(repo_root):
    assert get_module("4", repo_root).modulo == "m04"
    assert get_module("M04", repo_root).modulo == "m04"
    assert [m.modulo for m in parse_module_list("m02, m04", repo_root)] == ["m02", "m04"]
    with pytest.raises(UnknownModule, match="no existe el módulo 'm99'.*m01"):
        parse_module_list("m02,m99", repo_root)


def test_broken_front_matter_is_reported_with_file_and_line(project_copy):
    page = next((project_copy / "docs" / "modulos").glob("m04-*.md"))
    text = page.read_text(encoding="utf-8").replace("horas:", "horas: [", 1)
    page.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as error:
        load_modules(project_copy)
    assert error.value.path == page and error.value.line is not None and error.value.line > 1
    problems = [p for p in run_checks(project_copy, only=["encabezados"]) if p.path == page]
    assert problems and "YAML" in problems[0].message


def test_invalid_module_field_names_the_key_and_line(project_copy):
    page = next((project_copy / "docs" / "modulos").glob("m03-*.md"))
    lines = page.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines) if text.startswith("horas:"))
    lines[line] = "horas: muchas"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = [p for p in run_checks(project_copy, only=["encabezados"]) if p.path == page]
    assert problems[0].line == line + 1
    assert "'horas'" in problems[0].message and "número" in problems[0].message


def test_broken_link_and_anchor_are_reported(project_copy):
    page = project_copy / "docs" / "navega-con-seguridad.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nVer [esto](no-existe.md) y [aquello](index.md#nada).\n", encoding="utf-8")
    messages = [p.message for p in run_checks(project_copy, only=["enlaces"]) if p.path == page]
    assert any("no existe: 'no-existe.md'" in m for m in messages)
    assert any("'#nada'" in m for m in messages)


def test_quechua_page_without_spanish_source_is_an_error(project_copy):
    orphan = project_copy / "docs" / "huerfana.qu.md"
    orphan.write_text("---\ntitle: Sapalla\n---\n\n# Sapalla\n", encoding="utf-8")
    problems = [p for p in run_checks(project_copy, only=["traducciones"]) if p.path == orphan]
    assert problems and problems[0].level == "error"


def test_revisar_exits_1_on_errors_and_speaks_spanish(runner, project_copy):
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[roto](nada.md)\n", encoding="utf-8")
    result = runner.invoke(cli, ["revisar", "--raiz", str(project_copy), "--solo", "enlaces"])
    assert result.exit_code == 1
    assert "Error en docs/index.md:" in result.output and "error(es)" in result.output


def test_revisar_rejects_an_unknown_check_name(runner, repo_root):
    result = runner.invoke(cli, ["revisar", "--raiz", str(repo_root), "--solo", "enlace"])
    assert result.exit_code == 2 and "no existe la revisión enlace" in result.output


def test_modulos_lists_the_catalogue(runner, repo_root):
    result = runner.invoke(cli, ["modulos", "--raiz", str(repo_root)])
    assert result.exit_code == 0
    assert "m01" in result.output and "m11" in result.output and "Revisión legal" in result.output


def test_every_command_has_spanish_help(runner):
    import click

    def walk(command, path):
        yield command, path
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                yield from walk(sub, path + [name])

    for command, path in walk(cli, []):
        result = runner.invoke(cli, path + ["--help"])
        assert result.exit_code == 0, path
        assert "Uso:" in result.output and "Muestra esta ayuda y sale." in result.output, path
        assert "Show this message" not in result.output and "Usage:" not in result.output, path
