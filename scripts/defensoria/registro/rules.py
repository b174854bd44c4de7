"""Completion rules, read from a YAML file (reglas.yml beside this module by default).

A module is complete for a person when the hours they attended of it reach
`asistencia_minima` × the module's `horas` in the catalogue and (if required) their best
quiz score reaches `nota_minima`. A programme is complete when all its modules are.
"""

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from defensoria.catalog import MODULE_ID, catalog
from defensoria.errors import SourceError

DEFAULT_RULES = Path(__file__).with_name("reglas.yml")


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
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
    except FileNotFoundError:
        raise SourceError(path, None, "no existe el archivo de reglas.") from None
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise SourceError(path, line + 1 if line is not None else None, f"el YAML está mal escrito ({getattr(error, 'problem', error)}).") from None
    try:
        rules = Rules.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise SourceError(path, _line_of(text, str(first["loc"][-1] if first["loc"] else "")), f"'{where}': {first['msg']}") from None
    for programme in rules.programas:
        bad = [m for m in programme.modulos if not MODULE_ID.match(m)]
        if bad:
            raise SourceError(path, _line_of(text, "modulos"), f"código de módulo mal escrito: {', '.join(bad)} (use m01, m02…).")
    rules.path = path
    return rules


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith((f"{key}:", f"- {key}:")):
            return number
    return None
