"""`cuestionario imprimir`: paper versions, keys and the answer template, byte-reproducible.

One call writes into the output folder:
- cuestionario.html / .pdf: every version (questions + answer grid), version code on every page;
- claves.html / .pdf: one answer key per version (for the facilitator);
- claves.json: the keys for `cuestionario calificar`;
- plantilla-respuestas.csv / .xlsx: one row per paper to type in.

Nothing depends on the clock: PDF dates are fixed, ZIP entries carry a fixed date.
"""

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from defensoria import outputs
from defensoria.errors import DefensoriaError
from defensoria.files import write_atomic
from defensoria.quiz.layout import LETTERS
from defensoria.quiz.model import Bank
from defensoria.quiz.strings import PRINT
from defensoria.quiz.versions import Version, dump_keys, keys_document, make_versions

LANGUAGE_MODES = ("es", "qu", "bilingue")
TEMPLATE_HEADERS = ("participante", "version")

_ENV = Environment(
    loader=PackageLoader("defensoria.quiz", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class PrintOptions:
    seed: str
    versions: int = 2
    language: str = "es"
    n_questions: int | None = None
    title: str | None = None
    pdf: bool = True


def _context(banks: list[Bank], options: PrintOptions, module_titles: dict[str, str]) -> dict:
    if options.language not in LANGUAGE_MODES:
        raise DefensoriaError(f"idioma '{options.language}' desconocido; use es, qu o bilingue.")
    modules = [bank.module for bank in banks]
    versions = make_versions(banks, options.versions, options.seed, options.n_questions)
    languages = ["es", "qu"] if options.language == "bilingue" else [options.language]
    return {
        "versions": versions,
        "modules": modules,
        "languages": languages,
        "main": languages[0],
        "t": PRINT[languages[0]],
        "t2": PRINT[languages[1]] if len(languages) > 1 else None,
        "letters": LETTERS,
        "title": options.title or " · ".join(f"{code} {module_titles.get(code, '')}".strip() for code in modules),
        "short_title": short_title(options.title, modules, module_titles),
        "lang_attr": "es" if options.language == "bilingue" else options.language,
    }


def short_title(title: str | None, modules: list[str], module_titles: dict[str, str]) -> str:
    """The running header: the title when short, else the range of modules ('m01–m12, 12 módulos')."""
    full = title or " · ".join(f"{code} {module_titles.get(code, '')}".strip() for code in modules)
    if len(full) <= 60:
        return full
    return f"{modules[0]}–{modules[-1]}, {len(modules)} módulos" if len(modules) > 1 else full[:57] + "…"


def questions_pdf(banks: list[Bank], options: PrintOptions, module_titles: dict[str, str], base: Path) -> bytes:
    """Only the versions to hand out, without their keys (what the site offers)."""
    html = _ENV.get_template("imprimible.html.j2").render(**_context(banks, options, module_titles))
    return html_to_pdf(html, base)


def print_quiz(banks: list[Bank], options: PrintOptions, out_dir: Path, module_titles: dict[str, str]) -> list[Path]:
    """Write versions, keys and templates into `out_dir`; return the files written."""
    context = _context(banks, options, module_titles)
    versions, modules = context["versions"], context["modules"]
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DefensoriaError(f"no se puede crear la carpeta de salida '{out_dir}' ({error.strerror}).") from None
    written = []
    for name, template in (("cuestionario", "imprimible.html.j2"), ("claves", "claves.html.j2")):
        html = _ENV.get_template(template).render(**context)
        written.append(write_atomic(out_dir / f"{name}.html", html.encode("utf-8")))
        if options.pdf:
            written.append(write_atomic(out_dir / f"{name}.pdf", html_to_pdf(html, out_dir)))
    written.append(write_atomic(out_dir / "claves.json", dump_keys(keys_document(versions, options.seed, modules, options.language)).encode("utf-8")))
    written.append(outputs.write_csv(out_dir / "plantilla-respuestas.csv", _template_header(versions), []))
    written.append(outputs.write_xlsx(out_dir / "plantilla-respuestas.xlsx", answer_template(versions)))
    return written


def answer_template(versions: list[Version]):
    """The answer sheet to type the papers into: participant and version stay in view."""
    return outputs.table_workbook(_template_header(versions), [], title="respuestas", freeze="C2")


def _template_header(versions: list[Version]) -> list[str]:
    n = len(versions[0].questions)
    return [*TEMPLATE_HEADERS, *(f"p{i:02d}" for i in range(1, n + 1))]


def html_to_pdf(html: str, base: Path) -> bytes:
    """PDF through defensoria.outputs: offline, DejaVu embedded, fixed metadata."""
    return outputs.html_to_pdf(html, base, identifier=b"defensoria-cuestionario")
