"""Translation tooling for the Quechua edition: coverage, staleness, terminology, spelling.

`defensoria traducciones` reports all of it; `defensoria revisar` runs the same checks
(defensoria.checks.translations_qu).
"""
