"""`defensoria revisar`: content checks. Each check is a function root → problems.

Features add their checks by decorating a function with @check in a module listed in
CHECK_MODULES; `run_checks` imports them all and runs every one, collecting problems so
that one run reports everything. A check may simply let a SourceError escape when it
cannot read what it checks: run_checks reports it at its file and line.
"""

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from defensoria.errors import SourceError

ERROR: Literal["error"] = "error"
WARNING: Literal["aviso"] = "aviso"

# Modules that register checks; a feature adds its module here
CHECK_MODULES = [
    "defensoria.checks.pages",
    "defensoria.checks.links",
    "defensoria.checks.translations",
    "defensoria.checks.quizzes",
    "defensoria.checks.citations",
    "defensoria.checks.readability",
    "defensoria.checks.translations_qu",
    "defensoria.taller.checks",
    "defensoria.checks.address",
    "defensoria.voz_alta",
    "defensoria.revision.checks",
]


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int | None
    message: str
    level: Literal["error", "aviso"] = ERROR

    def location(self, root: Path | None = None) -> str:
        path = self.path
        if root is not None:
            try:
                path = self.path.resolve().relative_to(root.resolve())
            except ValueError:
                pass
        return f"{path}:{self.line}" if self.line else f"{path}"

    @classmethod
    def from_error(cls, error: SourceError) -> "Problem":
        return cls(error.path, error.line, getattr(error, "detail", error.message))


CheckFunction = Callable[[Path], Iterable[Problem]]
_REGISTRY: dict[str, tuple[CheckFunction, bool]] = {}


def check(name: str, *, optional: bool = False) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check under a Spanish name. Optional checks run only when asked for."""

    def register(function: CheckFunction) -> CheckFunction:
        _REGISTRY[name] = (function, optional)
        return function

    return register


def registered_checks() -> dict[str, tuple[CheckFunction, bool]]:
    for module in CHECK_MODULES:
        importlib.import_module(module)
    return dict(_REGISTRY)


def run_checks(root: Path, only: Iterable[str] | None = None, include_optional: Iterable[str] = ()) -> list[Problem]:
    """Run the checks (all default ones, or `only`) and return every problem, sorted."""
    checks = registered_checks()
    wanted = set(only) if only else {n for n, (_, opt) in checks.items() if not opt}
    wanted |= set(include_optional)
    problems: list[Problem] = []
    for name, (function, _) in checks.items():
        if name in wanted:
            try:
                problems.extend(function(root))
            except SourceError as error:
                # A source the check cannot read is its problem: the other checks still run
                problems.append(Problem.from_error(error))
    return sorted(set(problems))
