"""Facilitator guides and the workshop planner."""

import re
from pathlib import Path

import pytest

from defensoria.cli import cli
from defensoria.errors import SourceError
from defensoria.taller.checks import check_guides
from defensoria.taller.duration import BadDuration, parse_duration
from defensoria.taller.guides import guide_files, load_guide
from defensoria.taller.planner import plan_workshop, schedule
from defensoria.taller.render import plan_html, suggestions

from conftest import ROOT, plugin_page
from defensoria.site.context import page_context

REAL_GUIDES = guide_files(ROOT, "es") + guide_files(ROOT, "qu")


def test_there_are_guides_in_both_languages():
    spanish = {p.name.split("-")[0] for p in guide_files(ROOT, "es")}
    quechua = {p.name.split("-")[0] for p in guide_files(ROOT, "qu")}
    assert {"m01", "m02", "m03", "m04", "m05"} <= spanish
    assert {"m02", "m04"} <= quechua


@pytest.mark.parametrize("path", REAL_GUIDES, ids=lambda p: p.name)
def test_activity_minutes_add_up_to_the_duration(path):
    guide = load_guide(path)
    assert sum(a.minutos for a in guide.actividades) == guide.duracion


def test_real_guides_pass_the_guide_check(repo_root):
    problems = [p for p in check_guides(repo_root)]
    assert problems == [], "\n".join(f"{p.location(repo_root)}: {p.message}" for p in problems)


# --- the check reports broken guides by file:line ---------------------------------

def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path, fragment):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def test_check_reports_minutes_that_do_not_add_up(project_copy):
    guide = project_copy / "docs/formadores/guias/m04-guia.md"
    _edit(guide, "duracion: 110", "duracion: 120")
    problems = list(check_guides(project_copy))
    spanish = [p for p in problems if p.path == guide]
    assert [p.line for p in spanish] == [_line_of(guide, "duracion: 120")]
    assert "suman 110" in spanish[0].message
    # The Quechua guide no longer matches its Spanish guide either
    assert [p.path.name for p in problems if p not in spanish] == ["m04-guia.qu.md"]


def test_check_reports_a_bad_value_at_its_nested_line(project_copy):
    guide = project_copy / "docs/formadores/guias/m04-guia.md"
    _edit(guide, "    minutos: 25\n", "    minutos: veinticinco\n")
    problems = list(check_guides(project_copy))
    wanted = _line_of(guide, "minutos: veinticinco")
    assert any(p.path == guide and p.line == wanted and "actividades.3.minutos" in p.message for p in problems), problems
    with pytest.raises(SourceError) as error:
        load_guide(guide)
    assert str(error.value).startswith(f"{guide}:{wanted}: ")


def test_check_reports_a_missing_activity_section_and_safety_block(project_copy):
    guide = project_copy / "docs/formadores/guias/m04-guia.md"
    _edit(guide, "### 5. Grupos: el camino de la denuncia (20 min)", "### 5. Grupos: el camino de la denuncia (25 min)")
    _edit(guide, "## Seguridad y ética", "## Otras cosas")
    messages = [p.message for p in check_guides(project_copy) if p.path == guide]
    assert any("«Grupos: el camino de la denuncia» (20 min) no tiene su sección" in m and "25 min" in m for m in messages)
    assert any("falta la sección '## Seguridad y ética'" in m for m in messages)


def test_check_reports_an_unknown_module_and_a_learner_link(project_copy):
    guide = project_copy / "docs/formadores/guias/m04-guia.md"
    renamed = guide.with_name("m99-guia.md")
    _edit(guide, "guia_de: m04", "guia_de: m99")
    guide.rename(renamed)
    (project_copy / "docs/formadores/guias/m04-guia.qu.md").unlink()
    module = project_copy / "docs/modulos/m02-que-es-la-violencia.md"
    with module.open("a", encoding="utf-8") as stream:
        stream.write("\nVer la [guía](../formadores/guias/m02-guia.md).\n")
    problems = list(check_guides(project_copy))
    assert any(p.path == renamed and "no existe el módulo m99" in p.message for p in problems)
    link_line = len(module.read_text(encoding="utf-8").splitlines())
    assert any(p.path == module and p.line == link_line and "enlaza una guía" in p.message for p in problems)


# --- duration parsing ----------------------------------------------------------------

@pytest.mark.parametrize("text, minutes", [("4h", 240), ("3h30", 210), ("3h 30min", 210), ("3:30", 210),
                                           ("210m", 210), ("210", 210), ("2 horas", 120), ("90 min", 90)])
def test_durations_as_trainers_write_them(text, minutes):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["4x", "", "3h75", "0", "13h", "h30"])
def test_bad_durations_are_refused_in_spanish(text):
    with pytest.raises(BadDuration, match="duración|minutos"):
        parse_duration(text)


# --- the planner -----------------------------------------------------------------------

def test_breaks_come_before_work_passes_the_limit_and_never_at_the_end(repo_root):
    plan = plan_workshop(["m02", "m04"], 240, repo_root)
    assert plan.fits and plan.used == 240 == plan.needed
    assert not plan.slots[-1].is_break
    worked = 0
    for slot in plan.slots:
        worked = 0 if slot.is_break else worked + slot.minutes
        assert worked <= 90
    assert sum(s.is_break for s in plan.slots) == 2
    # Every activity of both guides is in the plan, in order
    names = [s.name for s in plan.slots if not s.is_break]
    assert names == [a.nombre for g in plan.guides for a in g.actividades]


def test_no_break_when_the_day_ends_soon_after_the_limit(repo_root):
    plan = plan_workshop(["m04"], 240, repo_root)
    assert not any(s.is_break for s in plan.slots)  # 110 min of work: ends within 20 min of the limit
    assert plan.used == 110


def test_a_plan_that_does_not_fit_says_what_and_proposes_a_second_session(repo_root):
    plan = plan_workshop(["m02", "m04"], 180, repo_root)
    assert not plan.fits
    assert plan.used <= 180 and plan.needed == 240
    assert plan.left_out and all(s.module == "m04" for s in plan.left_out)
    assert plan.second_session == ["m04"]
    advice = " ".join(suggestions(plan))
    assert "segunda sesión" in advice and "m04" in advice and "4 h" in advice


def test_joining_the_day_drops_repeated_openings_and_quizzes(repo_root):
    separate = plan_workshop(["m02", "m04"], 600, repo_root)
    joined = plan_workshop(["m02", "m04"], 600, repo_root, join=True)
    kinds = [(s.module, s.kind) for s in joined.slots if not s.is_break]
    assert kinds.count(("m04", "apertura")) == 0 and kinds.count(("m02", "cierre")) == 0
    assert [k for k in kinds if k[1] == "evaluacion"] == [("m02", "evaluacion"), ("m04", "evaluacion")]
    assert joined.used < separate.used
    assert any("--modulos m02,m04" in command for _, command in joined.printing)


def test_materials_are_merged_without_repeats(repo_root):
    plan = plan_workshop(["m02", "m04"], 240, repo_root)
    folded = [m.casefold() for m in plan.materials]
    assert len(folded) == len(set(folded))
    assert "papelógrafos" in folded and any("verdes y rojas" in m for m in folded)


def test_schedule_of_nothing_is_empty():
    assert schedule([]) == []


# --- the command -----------------------------------------------------------------------

def test_cli_plans_a_four_hour_workshop(runner, repo_root):
    result = runner.invoke(cli, ["taller", "planificar", "--raiz", str(repo_root), "--modulos", "m02,m04",
                                 "--duracion", "4h", "--inicio", "9:00", "--salida", "plan.html"])
    assert result.exit_code == 0, result.output
    assert "Todo cabe" in result.output and "13:00" in result.output
    assert "defensoria cuestionario imprimir --modulos m04" in result.output
    html = open("plan.html", encoding="utf-8").read()
    assert "Plan del taller" in html and "size: A4" in html
    assert not re.search(r"(src|href)=\"https?://", html), "the printable plan must not fetch anything"


def test_cli_names_the_valid_modules_for_an_unknown_one(runner, repo_root):
    result = runner.invoke(cli, ["taller", "planificar", "--raiz", str(repo_root), "--modulos", "m02,m99", "--duracion", "4h"])
    assert result.exit_code == 1
    assert "no existe el módulo 'm99'" in result.output and "m01, m02" in result.output


def test_cli_refuses_a_bad_duration_and_a_bad_output(runner, repo_root):
    bad = runner.invoke(cli, ["taller", "planificar", "--raiz", str(repo_root), "--modulos", "m04", "--duracion", "cuatro"])
    assert bad.exit_code == 1 and "4h, 3h30, 3,5h, 210m o 210" in bad.output
    wrong = runner.invoke(cli, ["taller", "planificar", "--raiz", str(repo_root), "--modulos", "m04", "--duracion", "2h", "--salida", "plan.pdf"])
    assert wrong.exit_code == 1 and ".html o .md" in wrong.output


def test_markdown_output(runner, repo_root):
    result = runner.invoke(cli, ["taller", "planificar", "--raiz", str(repo_root), "--modulos", "m04", "--duracion", "1h30", "--salida", "plan.md"])
    assert result.exit_code == 0, result.output
    text = open("plan.md", encoding="utf-8").read()
    assert text.startswith("# Plan del taller") and "No caben" in text and "Cierre" in text


def test_printable_plan_lists_what_does_not_fit(repo_root):
    html = plan_html(plan_workshop(["m02", "m04"], 180, repo_root))
    assert "No caben en esta sesión" in html and "segunda sesión" in html


def test_the_plan_points_to_the_print_tools_trainer_pack(repo_root):
    plan = plan_workshop(["m04"], 240, repo_root)
    commands = " ".join(command for _, command in plan.printing)
    assert "defensoria imprimir --solo taller --modulos m04" in commands
    assert "--semilla m04-entrada" in commands and "--semilla m04-salida" in commands


def test_the_plan_gives_the_quiz_orders_each_guide_shows(repo_root):
    """The planner writes the entry/exit quiz orders itself; each guide's text shows the same."""
    from defensoria.taller.guides import guide_path

    plan = plan_workshop(["m04", "m05"], 600, repo_root)
    quizzes = [command for what, command in plan.printing if what.startswith("Cuestionario")]
    assert len(quizzes) == 4
    for command in quizzes:
        code = command.split("--modulos ")[1].split()[0]
        assert command in guide_path(code, repo_root).read_text(encoding="utf-8")


# --- the site plugin ---------------------------------------------------------------------

def _render(plugin, markdown: str, src_uri: str) -> str:
    page, config = plugin_page(ROOT, src_uri)
    return plugin.on_page_markdown(markdown, page=page, config=config, files=None)


def _plugin(root):
    from defensoria.taller.plugin import TalleresPlugin

    plugin = TalleresPlugin()
    plugin.load_config({})
    plugin.on_config(type("Config", (), {"config_file_path": str(root / "mkdocs.yml")})())
    return plugin


def test_plugin_fills_a_guide_with_its_modules_objectives_and_key_points(repo_root):
    plugin = _plugin(repo_root)
    source = (repo_root / "docs/formadores/guias/m04-guia.md").read_text(encoding="utf-8")
    html = _render(plugin, source, "formadores/guias/m04-guia.md")
    assert "<!-- objetivos-del-modulo -->" not in html and "<!-- puntos-clave-del-modulo -->" not in html
    assert "1. Explicar quién puede denunciar y dónde se presenta una denuncia." in html
    assert "- Es gratis y no necesitas abogado." in html
    assert "](../../modulos/m04-la-denuncia.md)" in html


def test_plugin_adds_a_discreet_trainers_note_only_to_modules_with_a_guide(repo_root, monkeypatch):
    plugin = _plugin(repo_root)
    with_guide = _render(plugin, "# La denuncia\n", "modulos/m04-la-denuncia.md")
    assert ('<small class="nota-formadores">Para formadoras y formadores: '
            '[guía del taller de este módulo](../formadores/guias/m04-guia.md).</small>') in with_guide
    # A module with a text to read aloud links it too, last
    assert with_guide.rstrip().endswith('[texto de este módulo](../formadores/voz-alta/m04.md).</small>')
    # Without a text to read aloud there is no such line
    monkeypatch.setattr("defensoria.taller.plugin.module_has_read_aloud", lambda root, module: False)
    without_text = _render(plugin, "# X\n", "modulos/m04-la-denuncia.md")
    assert "voz-alta" not in without_text and "guía del taller" in without_text
    quechua = _render(plugin, "# X\n", "modulos/m04-la-denuncia.qu.md")
    assert "Yachachiqkunapaq" in quechua
    other = _render(plugin, "# Glosario\n", "glosario.md")
    assert other == "# Glosario\n"


def test_plugin_lists_the_guides_from_their_front_matter(repo_root):
    table = _plugin(repo_root).guide_table(page_context(*plugin_page(repo_root, "formadores/index.md")))
    assert "| 4 | [La denuncia](guias/m04-guia.md) | 1&nbsp;h&nbsp;50&nbsp;min |" in table
    assert table.count("\n") == 2 + 12  # header, rule, one row per module


def test_a_module_that_does_not_fit_whole_moves_whole_to_the_second_session(repo_root):
    plan = plan_workshop(["m01", "m02", "m03"], 240, repo_root)
    assert {s.module for s in plan.slots if not s.is_break} == {"m01", "m02"}
    assert [s.name for s in plan.left_out] == [a.nombre for a in plan.guides[2].actividades]
    assert plan.second_session == ["m03"] and plan.second_session_minutes == 95


@pytest.mark.parametrize("text, minutes", [("3,5h", 210), ("3.5 horas", 210), ("1,25h", 75)])
def test_decimal_hours_with_a_comma_or_a_point(text, minutes):
    from defensoria.taller.duration import parse_duration

    assert parse_duration(text) == minutes


def test_a_negative_time_is_a_spanish_message_not_a_traceback(runner, repo_root):
    for option in (["--horas", "-3"], ["--duracion", "-3"]):
        result = runner.invoke(cli, ["taller", "planificar", "--modulos", "m02", *option, "--raiz", str(repo_root)])
        assert result.exit_code != 0 and "Traceback" not in result.output
        assert "la duración '-3' es negativa" in result.output
    hours = runner.invoke(cli, ["taller", "planificar", "--modulos", "m02", "--horas", "3,5", "--raiz", str(repo_root)])
    assert hours.exit_code == 0 and "Tiempo disponible: 3 h 30 min" in hours.output


def test_later_sessions_are_no_longer_than_this_one_when_modules_fit(repo_root):
    from defensoria.taller.planner import plan_workshop

    codes = ["m01", "m02", "m03", "m04", "m05"]
    plan = plan_workshop(codes, 240, repo_root)
    assert len(plan.next_sessions) >= 1
    assert all(minutes <= 240 for _, minutes in plan.next_sessions)  # no 19-hour second session
    assert [c for codes_, _ in plan.next_sessions for c in codes_] == plan.second_session
