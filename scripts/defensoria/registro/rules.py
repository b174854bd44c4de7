"""Completion rules, read from a YAML file (reglas.yml beside this module by default).

A module is complete for a person when the hours they attended of it reach
`asistencia_minima` × the module's `horas` in the catalogue and (if required) their best
quiz score reaches `nota_minima`. A programme is complete when all its modules are.
"""

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from defensoria.catalog import MODULE_ID, catalog
from defensoria.content.validation import source_error
from defensoria.content.yamlfile import read_yaml
from defensoria.errors import SourceError

DEFAULT_RULES = Path(__file__).with_name("reglas.yml")
MESSAGES = {"string_pattern_mismatch": "el código solo lleva minúsculas, cifras y guiones (por ejemplo basico-defensoria)."}


class ModuleRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    asistencia_minima: float = Field(1.0, gt=0, le=1)
    nota_minima: float = Field(70, ge=0, le=100)
    requiere_cuestionario: bool = True


class Programme(BaseModel):
    model_config = ConfigDict(extra="forbid")

    codigo: str = Field(pattern=r"^[a-z0-9-]+$")
    nombre: str = Field(min_length=3)
    nombre_qu: str = Field(min_length=3)
    modulos: list[str] = Field(min_length=1)


class Rules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    modulo: ModuleRule = ModuleRule()
    programas: list[Programme] = Field(min_length=1)
    path: Path = Field(default=DEFAULT_RULES, exclude=True)

    def programme(self, code: str | None = None) -> Programme:
        if code is None:
            return self.programas[0]
        for programme in self.programas:
            if programme.codigo == code:
                return programme
        known = ", ".join(p.codigo for p in self.programas)
        raise SourceError(self.path, None, f"no hay un programa '{code}'. Programas: {known}.")

    def required_hours(self, root: Path | None = None) -> dict[str, float]:
        """Hours a person must attend of each catalogue module."""
        return {code: module.horas * self.modulo.asistencia_minima for code, module in catalog(root).items()}

    def missing_modules(self, root: Path | None = None) -> list[str]:
        """Programme modules the catalogue does not have yet (nobody can complete those)."""
        known = catalog(root)
        return sorted({m for p in self.programas for m in p.modulos if m not in known})


def load_rules(path: Path | None = None) -> Rules:
    """Read and check the rules; errors name the file and line, in Spanish."""
    path = Path(path or DEFAULT_RULES)
    document = read_yaml(path, "el archivo de reglas")
    try:
        rules = Rules.model_validate(document.data or {})
    except ValidationError as error:
        raise source_error(error, document, messages=MESSAGES) from None
    for index, programme in enumerate(rules.programas):
        bad = [m for m in programme.modulos if not MODULE_ID.match(m)]
        if bad:
            line = document.line(("programas", index, "modulos", programme.modulos.index(bad[0])))
            raise SourceError(path, line, f"código de módulo mal escrito: {', '.join(bad)} (use m01, m02…).")
    rules.path = path
    return rules
