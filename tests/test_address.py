"""The public address: example addresses are recognised, and the checks warn about them."""

import pytest

from defensoria.address import configured_site_url, is_placeholder
from defensoria.checks import WARNING, run_checks


@pytest.mark.parametrize("url", ["https://defensorias-cusco.example.org/", "https://example.com/", "http://sitio.test/",
                                 "https://x.example/", "http://localhost:8000/", "", None])
def test_example_addresses_are_placeholders(url):
    assert is_placeholder(url)


@pytest.mark.parametrize("url", ["https://defensorias-cusco.org.pe/", "https://www.example-ong.pe/", "https://exampleville.org/"])
def test_real_addresses_are_not(url):
    assert not is_placeholder(url)


def test_site_url_comes_from_the_environment(project_copy, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://defensorias-cusco.org.pe")
    assert configured_site_url(project_copy) == "https://defensorias-cusco.org.pe/"
    monkeypatch.delenv("SITE_URL")
    assert is_placeholder(configured_site_url(project_copy))


def test_revisar_warns_while_the_address_is_an_example(project_copy, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    [problem] = run_checks(project_copy, only=["direccion"])
    assert problem.level == WARNING and problem.path.name == "mkdocs.yml" and problem.line
    assert "example.org" in problem.message and "QR" in problem.message
    monkeypatch.setenv("SITE_URL", "https://defensorias-cusco.org.pe/")
    assert run_checks(project_copy, only=["direccion"]) == []
