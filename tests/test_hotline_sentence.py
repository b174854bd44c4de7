"""One Línea 100 sentence everywhere: every place that says which languages it serves says all three."""

from pathlib import Path

from defensoria.printing.strings import LABELS

ROOT = Path(__file__).resolve().parents[1]
SPANISH = "castellano, quechua y aimara"
QUECHUA = "runasimipi, kastilla simipi, aymara simipipas"


def test_print_strings_name_the_same_three_languages():
    assert SPANISH in LABELS["es"].hotline and SPANISH in LABELS["es"].hotline_short
    assert QUECHUA in LABELS["qu"].hotline and QUECHUA in LABELS["qu"].hotline_short


def test_the_site_bar_and_the_workshop_plan_say_the_same():
    theme = ROOT / "scripts/defensoria/site/theme/partials"
    bar = "".join(p.read_text(encoding="utf-8") for p in sorted(theme.glob("*.html")))  # the bar and its texts
    assert "linea100" in bar and SPANISH in bar and QUECHUA in bar and "quechua y castellano" not in bar
    plan = (ROOT / "scripts/defensoria/taller/templates/plan.html.j2").read_text(encoding="utf-8")
    assert SPANISH in plan
