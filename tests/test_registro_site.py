"""After a site build with a populated tracker, no name or code of a person is in the site."""

import re

import pytest

pytestmark = pytest.mark.build
PERSON_CODE = re.compile(r"P-?\d{5,}-?\d")


def test_no_personal_data_reaches_the_built_site(site_build):
    # The session's build is of a project whose tracker holds people, results and certificates
    project, site, secrets = site_build
    assert (project / "data" / "registro.sqlite").is_file() and any((project / "salida" / "registro").iterdir())
    for path in site.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="ignore")
            found = [s for s in secrets if s in text]
            assert not found, f"{path.relative_to(site)} contiene {found}"
            assert path.suffix not in {".html", ".json"} or not PERSON_CODE.search(text), path
    leaked = [p.name for p in site.rglob("*") if p.suffix == ".sqlite" or p.name.startswith(("certificado-", "asistencia-", "reporte"))]
    assert not leaked
