"""What the site's trainers' area offers for download, and the trainer's pack cover.

- The blank sign-in sheet (PDF A4 and XLSX): no council and no names, so no personal data.
- Per module, the entry and exit quiz versions exactly as the module's guide prints them
  (same seed, versions and questions) but WITHOUT keys: the keys stay with the CLI, where
  the guide's own command gives them again (same seed, same versions).
- Per module, the trainer's pack as one ZIP: a cover, the guide, the assembly handout,
  the blank sign-in sheet and the two quizzes.

Each file is a `Download`: a name under descargas/formadores/, the sources its content
depends on (for the build cache) and a function that makes its bytes.
"""

import hashlib
import io
import shlex
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from defensoria import paths
from defensoria.catalog import Module, load_modules
from defensoria.errors import DefensoriaError
from defensoria.content.settings import site_settings
from defensoria.printing.cover import cover_pdf
from defensoria.revision import records as review_records

FOLDER = "formadores"
FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the same sources give the same bytes


@dataclass
class Download:
    name: str  # under descargas/formadores/
    label: str  # Spanish, for the page
    sources: list[Path]
    make: Callable[[], bytes]
    module: str = ""
    kind: str = ""  # 'hoja', 'cuestionario', 'paquete'
    extra: list[str] = field(default_factory=list)

    def key(self) -> str:
        """A hash of the sources, of what else the file shows (extra) and of the code and
        templates that render them."""
        digest = hashlib.sha256("\n".join([self.name, *self.extra]).encode())
        for path in sorted(set(self.sources)):
            if path.is_file():
                digest.update(path.read_bytes())
        for package in ("defensoria.printing", "defensoria.quiz", "defensoria.registro"):
            for item in sorted(_package_files(package)):
                digest.update(item.read_bytes())
        return digest.hexdigest()[:16]


def _content_hash(sources: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(set(sources)):
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _package_files(package: str) -> list[Path]:
    base = Path(str(resources.files(package)))
    return [p for p in base.rglob("*") if p.is_file() and p.suffix in {".py", ".j2", ".html", ".css", ".yml"}
            and "__pycache__" not in p.parts]


# The sign-in sheet --------------------------------------------------------------------

def blank_sheet_files() -> dict[str, bytes]:
    """'hoja-asistencia.pdf' and '.xlsx' of the blank sheet."""
    from defensoria.registro.signin import blank_sheet, write_sheet

    with tempfile.TemporaryDirectory(prefix="hoja-") as folder:
        written = write_sheet(blank_sheet(), Path(folder), ("pdf", "xlsx"), stem="hoja-asistencia")
        return {path.name: path.read_bytes() for path in written}


# The quizzes, as the guides print them -------------------------------------------------

@dataclass(frozen=True)
class QuizCall:
    """One `defensoria cuestionario imprimir …` line of a guide, read as the CLI reads it."""
    command: str
    modules: str
    versions: int
    seed: str
    language: str
    questions: str | None

    @property
    def moment(self) -> str:
        return "salida" if "salida" in self.seed else "entrada"


def guide_quiz_calls(root: Path, module: str) -> list[QuizCall]:
    """The quiz commands of the module's guide (its evaluation section), entry first."""
    from defensoria.quiz.cli import print_command
    from defensoria.taller.planner import printed_pack
    from defensoria.taller.guides import load_guides

    guide = load_guides(root, "es").get(module)
    guides = [guide] if guide else []
    calls = []
    for _, command in printed_pack(guides, root) if guides else []:
        if not command.startswith("defensoria cuestionario imprimir"):
            continue
        args = shlex.split(command)[3:]
        params = print_command.make_context("imprimir", args, resilient_parsing=True).params
        calls.append(QuizCall(command, params["modulos"] or module, params["versiones"], params["semilla"],
                              params["idioma"], params["preguntas"]))
    return calls


def quiz_pdf(root: Path, call: QuizCall) -> bytes:
    """The versions of one guide command, without keys."""
    from defensoria.catalog import catalog
    from defensoria.quiz.bank import load_banks
    from defensoria.quiz.printing import PrintOptions, questions_pdf
    from defensoria.quiz.versions import parse_questions_option

    codes = [c.strip() for c in call.modules.split(",") if c.strip()]
    banks = load_banks(root, codes)
    titles = {code: m.title for code, m in catalog(root).items()}
    options = PrintOptions(seed=call.seed, versions=call.versions, language=call.language,
                           n_questions=parse_questions_option(call.questions), pdf=True)
    return questions_pdf(banks, options, titles, root)


# The trainer's pack -------------------------------------------------------------------

SITE_QUIZ_NOTE = ("Los cuestionarios van sin claves. Para calificarlos, ejecute en la computadora la orden de la guía "
                  "(la misma semilla da las mismas versiones y sus claves): {commands}")


def zip_bytes(files: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, FIXED_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def a4_handout(root: Path, module: Module, mode: str) -> bytes:
    """The module's assembly handout on A4 ('es', 'qu' or 'bilingue')."""
    from defensoria.printing.handouts import handout_pdf
    from defensoria.printing.model import load_handout

    return handout_pdf(load_handout(module, root), mode, "a4", root)


def module_pack(root: Path, module: Module, quiz: Callable[[QuizCall], bytes] | None = None,
                sheets: Callable[[], dict[str, bytes]] = blank_sheet_files,
                handout: Callable[[Module, str], bytes] | None = None) -> bytes:
    """ZIP: cover, guide (es, and qu when written), handout, blank sign-in sheet, quizzes without keys.

    `quiz`, `sheets` and `handout` (module, mode → A4 PDF) give those files when the caller
    has already rendered them (the trainers' area offers the same quizzes and sheet on their
    own; the site offers the same handouts).
    """
    from defensoria.printing.guide import guide_pdf, guide_source
    from defensoria.printing.model import load_handout

    handout = handout or (lambda module, mode: a4_handout(root, module, mode))

    files: list[tuple[str, bytes]] = []
    contents: list[tuple[str, str]] = []
    source = guide_source(root, module)
    if source:
        files.append((f"guia-{module.modulo}-es.pdf", guide_pdf(root, source, "es")))
        contents.append((f"guia-{module.modulo}-es.pdf", "la guía del taller, para usted (no se reparte)"))
        if (paths.docs_dir(root) / (source[: -len(".md")] + ".qu.md")).is_file():
            files.append((f"guia-{module.modulo}-qu.pdf", guide_pdf(root, source, "qu")))
            contents.append((f"guia-{module.modulo}-qu.pdf", "la guía en quechua"))
    try:
        sheet = handout(module, "bilingue") if "qu" in load_handout(module, root).sides else None
    except DefensoriaError:
        sheet = None  # too long for one bilingual A4 page: the Spanish sheet
    files.append((f"hoja-asamblea-{module.modulo}.pdf", sheet or handout(module, "es")))
    contents.append((f"hoja-asamblea-{module.modulo}.pdf", "la hoja del módulo para la asamblea, una por persona"))
    for name, data in sheets().items():
        files.append((name, data))
    contents.append(("hoja-asistencia.pdf / .xlsx", "la hoja de asistencia: PDF para imprimir, XLSX para digitarla e importarla"))
    calls = guide_quiz_calls(root, module.modulo)
    for call in calls:
        name = f"cuestionario-{module.modulo}-{call.moment}.pdf"
        files.append((name, quiz(call) if quiz else quiz_pdf(root, call)))
        contents.append((name, f"el cuestionario de {call.moment}, {call.versions} versiones, sin claves"))
    note = SITE_QUIZ_NOTE.format(commands=" · ".join(call.command for call in calls)) if calls else ""
    cover = cover_pdf(root, [module], [("00-portada.pdf", "esta portada"), *contents], note)
    return zip_bytes([("00-portada.pdf", cover), *files])


# Everything the trainers' area offers --------------------------------------------------

def downloads(root: Path, handout: Callable[[Module, str], bytes] | None = None) -> list[Download]:
    """Every file of the trainers' area, in the order the page lists them; `handout` gives a
    module's A4 handout when the caller has it already (see module_pack)."""
    docs = paths.docs_dir(root)
    quizzes = root / "quizzes"
    guides = docs / "formadores" / "guias"
    items = []
    sheet_cache: dict[str, bytes] = {}
    # A module's pack holds the same quizzes the area offers alone: each is rendered once
    # per content of its sources (a changed bank or guide renders again)
    quiz_cache: dict[tuple[QuizCall, str], bytes] = {}

    def sheets() -> dict[str, bytes]:
        if not sheet_cache:
            sheet_cache.update(blank_sheet_files())
        return sheet_cache

    def sheet(name: str) -> Callable[[], bytes]:
        return lambda: sheets()[name]

    def quiz(call: QuizCall, sources: list[Path]) -> bytes:
        key = (call, _content_hash(sources))
        if key not in quiz_cache:
            quiz_cache[key] = quiz_pdf(root, call)
        return quiz_cache[key]

    for suffix, what in (("pdf", "PDF A4 para imprimir"), ("xlsx", "XLSX para digitar e importar")):
        items.append(Download(f"hoja-asistencia.{suffix}", f"Hoja de asistencia en blanco ({what})", [], sheet(f"hoja-asistencia.{suffix}"), kind="hoja"))
    records = [docs / review_records.FOLDER / name for name in (review_records.LEGAL_FILE, review_records.QUECHUA_FILE)]
    address = site_settings(root).site_url
    for module in load_modules(root):
        code = module.modulo
        sources = [module.page_path("es"), module.page_path("qu"), quizzes / f"{code}.yml",
                   guides / f"{code}-guia.md", guides / f"{code}-guia.qu.md", root / "mkdocs.yml",
                   docs / "_datos" / "normas.yml", *records]
        if not (quizzes / f"{code}.yml").is_file():
            continue
        for call in guide_quiz_calls(root, code):
            items.append(Download(f"cuestionario-{code}-{call.moment}.pdf", f"{code}: cuestionario de {call.moment} (sin claves)",
                                  sources, lambda call=call, sources=sources: quiz(call, sources), module=code, kind="cuestionario",
                                  extra=[call.command]))
        # The pack's handout shows the module's review state and the site's address (QR)
        items.append(Download(f"paquete-{code}.zip", f"{code}: paquete del taller (ZIP)", sources,
                              lambda module=module, sources=sources: module_pack(root, module, lambda call: quiz(call, sources), sheets, handout),
                              module=code, kind="paquete", extra=[address]))
    return items
