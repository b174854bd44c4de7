"""Loading the banks quizzes/mNN.yml: YAML → Bank, every error as file:line + item id.

`validate_bank()` collects every problem of a file (for `defensoria revisar`);
`load_bank()`/`load_banks()` raise the first one (for the drivers).

Example:

    >>> banks = load_banks(root, ["m04"])
    >>> banks[0].preguntas[0].id
    'm04-quien-denuncia'
"""

import re
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from defensoria import paths
from defensoria.catalog import catalog
from defensoria.content.validation import source_error
from defensoria.content.yamlfile import YamlDocument, parse_yaml
from defensoria.errors import DefensoriaError, SourceError
from defensoria.quiz.citations import citation_problem
from defensoria.quiz.model import Bank, Item

BANK_FILE = re.compile(r"^(m\d{2})\.yml$")
# What the generic Spanish messages cannot know about these fields
MESSAGES = {
    "string_pattern_mismatch": "el id debe empezar por el código del módulo y usar minúsculas, cifras y guiones (por ejemplo m04-quien-denuncia).",
    "greater_than_equal": "debe ser 1 o más.",
}
# Discriminator tags of the item union: in pydantic's location, not in the file
TAGS = ("vf", "texto")
LANGUAGE_NAMES = {"es": "castellano", "qu": "quechua"}


class BankError(SourceError):
    """A problem in a question bank, located by file, line and item id."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        super().__init__(path, line, message)
        # ClickException keeps the full "file:line: …" text in .message; keep the bare one
        self.detail = message


def validate_bank(path: Path, root: Path | None = None) -> tuple[Bank | None, list[BankError]]:
    """Parse and validate one bank; return it (None if unusable) and every problem found."""
    path = Path(path)
    match = BANK_FILE.match(path.name)
    if not match:
        return None, [BankError(path, None, "un banco de preguntas se llama 'mNN.yml', con el código del módulo (por ejemplo m04.yml).")]
    module = match.group(1)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [BankError(path, None, "el archivo no está en UTF-8; guárdelo como UTF-8.")]
    try:
        document = parse_yaml(text, path)
    except SourceError as error:
        return None, [BankError(path, error.line, error.detail)]
    data = document.data
    if not isinstance(data, dict):
        return None, [BankError(path, 1, "el banco debe empezar con 'preguntas:' y una lista de preguntas.")]

    problems: list[BankError] = []
    try:
        modules = catalog(root)
    except SourceError:
        modules = None  # a broken module page: the pages check reports it; skip module checks
    if modules is not None and module not in modules:
        known = ", ".join(modules) or "ninguno"
        problems.append(BankError(path, 1, f"módulo desconocido '{module}': no hay página docs/modulos/{module}-*.md (módulos: {known})."))
    items = data.get("preguntas") if isinstance(data.get("preguntas"), list) else []
    try:
        bank = Bank.model_validate(data)
    except ValidationError as error:
        for detail in error.errors():
            problems.append(_problem_from_pydantic(error, document, items, detail))
        bank = None
    # Per-item checks that need the catalogue, the norms data or the whole bank
    seen: dict[str, int] = {}
    for index, raw in enumerate(items):
        item_id = raw.get("id") if isinstance(raw, dict) else None
        line = document.line(("preguntas", index))
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            problems.append(BankError(path, line, f"pregunta '{item_id}': id repetido (ya se usa en la línea {seen[item_id]})."))
        else:
            seen[item_id] = line
        if not item_id.startswith(module + "-"):
            problems.append(BankError(path, document.line(("preguntas", index, "id")), f"pregunta '{item_id}': el id debe empezar por '{module}-' (el módulo del archivo)."))
        if isinstance(raw.get("cita"), str) and (message := citation_problem(raw["cita"], root)):
            problems.append(BankError(path, document.line(("preguntas", index, "cita")), f"pregunta '{item_id}': {message}"))
        objective = raw.get("objetivo")
        if modules and module in modules and isinstance(objective, int) and objective > len(modules[module].objetivos):
            n = len(modules[module].objetivos)
            problems.append(BankError(path, document.line(("preguntas", index, "objetivo")), f"pregunta '{item_id}': el objetivo {objective} no existe; el módulo {module} tiene {n} objetivo(s)."))
    if bank is not None:
        bank.module = module
    return (None if problems else bank), sorted(problems, key=lambda p: p.line or 0)


def load_bank(path: Path, root: Path | None = None) -> Bank:
    """One valid bank, or BankError for its first problem."""
    bank, problems = validate_bank(path, root)
    if problems:
        raise problems[0]
    return bank


def bank_paths(root: Path | None = None) -> list[Path]:
    folder = paths.quizzes_dir(root)
    return sorted(folder.glob("*.yml")) if folder.is_dir() else []


def load_banks(root: Path | None = None, modules: Iterable[str] | None = None) -> list[Bank]:
    """The banks of `modules` (default: every bank), sorted by module; ids unique across banks."""
    wanted = list(modules) if modules is not None else None
    available = {path.stem: path for path in bank_paths(root)}
    if wanted is not None:
        missing = [code for code in wanted if code not in available]
        if missing:
            raise DefensoriaError(f"no hay banco de preguntas para {', '.join(missing)} (se busca quizzes/<módulo>.yml). Bancos: {', '.join(available) or 'ninguno'}.")
    banks = [load_bank(available[code], root) for code in sorted(wanted if wanted is not None else available)]
    owners: dict[str, str] = {}
    for bank in banks:
        for item in bank.preguntas:
            if item.id in owners:
                raise DefensoriaError(f"la pregunta '{item.id}' aparece en {owners[item.id]} y en {bank.module}.yml.")
            owners[item.id] = f"{bank.module}.yml"
    return banks


def all_items(banks: Iterable[Bank]) -> list[Item]:
    return [item for bank in banks for item in bank.preguntas]


def _problem_from_pydantic(error: ValidationError, document: YamlDocument, items: list, detail: dict) -> BankError:
    loc = tuple(detail["loc"])
    prefix = ""
    if len(loc) >= 2 and loc[0] == "preguntas" and isinstance(loc[1], int):
        raw = items[loc[1]] if loc[1] < len(items) else None
        item_id = raw.get("id") if isinstance(raw, dict) else None
        prefix = f"pregunta '{item_id}': " if item_id else f"pregunta n.º {loc[1] + 1} (sin id): "
        loc = loc[2:]
    messages = MESSAGES
    if detail["type"] == "missing" and loc and loc[-1] in LANGUAGE_NAMES:
        messages = {"missing": f"falta el texto en {LANGUAGE_NAMES[loc[-1]]} ({loc[-1]})."}
    where = _field_path(loc)
    located = source_error(error, document, detail=detail, ignore=TAGS, messages=messages,
                           describe=lambda _: f"{prefix}{where}" if where else prefix.removesuffix(": "))
    return BankError(located.path, located.line, located.detail)


def _field_path(loc: tuple) -> str:
    """('opciones', 1, 'retro', 'qu') → 'opciones[2].retro.qu' (1-based, tags dropped)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        elif part not in ("vf", "texto"):
            text += ("." if text else "") + part
    return text
