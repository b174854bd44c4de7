"""`revisar cuestionarios`: every bank quizzes/mNN.yml validates.

Errors: schema, languages, correct answers, ids, citations, modules (file:line + item id).
Warnings: a bank below the agreed size (15 items, 4 community scenarios), a module
page without a bank.
"""

from pathlib import Path

from defensoria.catalog import catalog
from defensoria.checks import WARNING, Problem, check
from defensoria.errors import SourceError
from defensoria.quiz.bank import bank_paths, validate_bank

MIN_ITEMS = 15
MIN_SCENARIOS = 4


@check("cuestionarios")
def check_quizzes(root: Path):
    owners: dict[str, Path] = {}
    modules_with_bank = set()
    for path in bank_paths(root):
        bank, problems = validate_bank(path, root)
        modules_with_bank.add(path.stem)
        for problem in problems:
            yield Problem(problem.path, problem.line, problem.detail)
        if bank is None:
            continue
        for item in bank.preguntas:
            if item.id in owners:
                yield Problem(path, None, f"pregunta '{item.id}': id repetido, ya está en {owners[item.id].name}.")
            owners[item.id] = path
        if len(bank.preguntas) < MIN_ITEMS:
            yield Problem(path, 1, f"el banco tiene {len(bank.preguntas)} preguntas; se esperan al menos {MIN_ITEMS}.", WARNING)
        scenarios = sum(item.escenario for item in bank.preguntas)
        if scenarios < MIN_SCENARIOS:
            yield Problem(path, 1, f"el banco tiene {scenarios} casos de la vida comunitaria (escenario: true); se esperan al menos {MIN_SCENARIOS}.", WARNING)
    try:
        modules = catalog(root)
    except SourceError:
        return
    for code, module in modules.items():
        if code not in modules_with_bank:
            yield Problem(module.path, 1, f"el módulo {code} no tiene banco de preguntas (quizzes/{code}.yml).", WARNING)
