"""`defensoria registro …`: Spanish help on every command, and each command on fixtures."""

import csv

import pytest
from registro_fixtures import DATA, proyecto  # noqa: F401

from defensoria.cli import cli
from defensoria.registro.cli import registro

COMMANDS = sorted(registro.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_spanish_help_with_an_example(runner, name):
    result = runner.invoke(cli, ["registro", name, "--help"], prog_name="defensoria")
    assert result.exit_code == 0
    assert result.output.startswith(f"Uso: defensoria registro {name} [OPCIONES]")
    assert "Ejemplo:" in result.output and f"defensoria registro {name}" in result.output
    assert "Show this message" not in result.output and "Muestra esta ayuda y sale." in result.output


def test_the_group_is_registered_and_lists_its_commands(runner):
    result = runner.invoke(cli, ["registro", "--help"])
    assert result.exit_code == 0
    for name in ("plantilla", "importar", "fusionar", "reporte", "certificados", "persona", "archivar", "respaldo"):
        assert name in result.output


def run(runner, *args, ok=True):
    result = runner.invoke(cli, ["registro", *args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_a_season_of_work_from_the_command_line(runner, proyecto, tmp_path):
    run(runner, "defensoria", "Defensoría de Chinchaypujio", "--comunidad", "Chinchaypujio", "--distrito", "Chinchaypujio")
    run(runner, "defensoria", "Defensoría de Ccorca", "--comunidad", "Ccorca", "--distrito", "Ccorca")
    assert "Chinchaypujio" in run(runner, "defensoria").output

    first = run(runner, "importar", str(DATA / "asistencia-excel-1252.csv"), "--rechazos", str(tmp_path / "r.csv"), ok=False)
    assert "3 asistencia(s) nuevas" in first.output and "Línea 8: no existe el módulo 'm99'" in first.output
    assert first.exit_code == 1 and first.output.strip().startswith("⚠") and "6 fila(s) rechazadas" in first.output
    again = run(runner, "importar", str(DATA / "asistencia-excel-1252.csv"), "--rechazos", str(tmp_path / "r.csv"), ok=False)
    assert "0 asistencia(s) nuevas, 3 ya estaban; 0 persona(s) nuevas" in again.output
    kobo = run(runner, "importar", str(DATA / "kobo-export.csv"), "--rechazos", str(tmp_path / "r2.csv"))
    assert "Posible duplicado: P-00005-9 y P-00006-8" in kobo.output

    refused = run(runner, "importar", str(DATA / "asistencia-excel-1252.csv"), "--todo-o-nada", "--rechazos", str(tmp_path / "r.csv"), ok=False)
    assert refused.exit_code == 1 and "no se cargó nada" in refused.output

    assert "P-00005-9 y P-00006-8" in run(runner, "duplicados").output
    merged = run(runner, "fusionar", "P-00005-9", "P-00006-8", "--si")
    assert "P-00006-8 fusionado en P-00005-9: 0 asistencia(s)" in merged.output  # both rows were the same workshop
    assert "se fusionó con P-00005-9" in run(runner, "persona", "P-00006-8").output

    person = run(runner, "persona", "P-00001-3").output
    assert "Rosa Quispe Huamán" in person and "T-2026-0001" in person and "m01 Tema m01" in person
    run(runner, "archivar", "P-00001-3", "--si")
    archived = run(runner, "persona", "P-00001-3").output
    assert "Rosa" not in archived and "archivada" in archived

    out = tmp_path / "salida"
    run(runner, "reporte", "--por", "distrito", "--publico", "--salida", str(out / "r.html"), "--salida", str(out / "r.csv"), "--salida", str(out / "r.xlsx"))
    with (out / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][0] == "Distrito" and all(cell == "<5" for cell in rows[1][1:4])
    screen = run(runner, "reporte", "--por", "modulo").output
    assert "m03" in screen and "Total" in screen

    workshop = run(runner, "taller", "--fecha", "20/04/2026", "--lugar", "Local", "--modulos", "m01,m02", "--defensoria", "Defensoría de Ccorca")
    assert "T-2026-0003" in workshop.output
    sheet = run(runner, "plantilla", "--defensoria", "Defensoría de Ccorca", "--taller", "T-2026-0003", "--salida", str(out), "--filas", "3")
    assert "asistencia-t-2026-0003.pdf" in sheet.output and (out / "asistencia-t-2026-0003.xlsx").is_file()
    with (out / "asistencia-t-2026-0003.csv").open(encoding="utf-8-sig", newline="") as handle:
        typed = list(csv.reader(handle, delimiter=";"))
    assert typed[0][:7] == ["taller", "fecha", "lugar", "defensoria", "modulos", "horas_taller", "codigo"]
    assert [r[6] for r in typed[1:]] == ["P-00007-6", "P-00005-9", "", "", ""]  # active people, then blank rows

    none = run(runner, "certificados", "--programa", "basico", "--publicar", str(out / "certificados.json"))
    assert "0 certificado(s)" in none.output
    assert run(runner, "verificar", "AAAA-BBBB-CCCC", ok=False).exit_code == 1

    backup = run(runner, "respaldo", str(tmp_path / "copia.sqlite"))
    assert "Copia de respaldo" in backup.output and (tmp_path / "copia.sqlite").stat().st_size > 0


def test_spanish_errors_for_bad_input(runner, proyecto):
    bad_module = run(runner, "taller", "--fecha", "01/05/2026", "--lugar", "X", "--modulos", "m01,m1O", ok=False)
    assert bad_module.exit_code == 1 and "Error: no existe el módulo 'm1O'. Módulos disponibles: m01" in bad_module.output
    bad_date = run(runner, "taller", "--fecha", "31/02/2026", "--lugar", "X", "--modulos", "m01", ok=False)
    assert "la fecha '31/02/2026' no existe" in bad_date.output
    unknown = run(runner, "persona", "P-00012-5", ok=False)
    assert unknown.exit_code == 1 and "Error:" in unknown.output
    both = run(runner, "certificados", ok=False)
    assert "indique --programa o --modulo" in both.output
