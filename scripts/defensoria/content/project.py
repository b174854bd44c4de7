"""`Project(root)`: the one way into the content of a checkout.

Every consumer (site plugins, checks, print, planner, quizzes, tracker, CLI, review)
asks a Project for what it needs instead of reading files itself. Reads are cached
for the life of the Project (pages and data files are re-read when they change).

    from defensoria.content.project import project

    p = project(root)                 # cached per root; project() finds the root
    p.title("m05", "qu")              # a module's title in Quechua (Spanish if untranslated)
    p.objectives("m05", "qu")         # its objectives in that language
    p.key_points("m05", "es")         # its `!!! puntos-clave` block (KeyPoints)
    p.module_page("m05", "qu")        # its page as a MarkdownPage (None if untranslated)
    p.norms().find("Ley 30364", "15") # norms data with one citation grammar
    p.glossary(), p.banks(), p.guides("es"), p.rules(), p.settings.site_url

The models themselves live beside their features (defensoria.catalog.Module,
defensoria.legal.norms.Norms, defensoria.glossary.model.Glossary, …); this class is
where they are loaded, so that answering "where is X read?" takes one function.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from defensoria import paths
from defensoria.catalog import Module, catalog, get_module
from defensoria.content.markdown import MarkdownPage, read_page
from defensoria.content.settings import SiteSettings, site_settings
from defensoria.errors import SourceError
from defensoria.glossary.model import Glossary, load_glossary
from defensoria.legal.norms import Norms, load_norms
from defensoria.quiz.bank import load_banks
from defensoria.registro.rules import Rules, load_rules
from defensoria.taller.guides import Guide, load_guides

KEY_POINTS = "puntos-clave"
# Headings that follow the key points block, in each language (where a missing block belongs)
AFTER_KEY_POINTS = re.compile(r"^(Para pensar|Yuyaymanaspa)$")
# The section that lists a translated module's objectives
OBJECTIVES_SECTION = re.compile(r"^(Lo que vas a aprender|Imatam yachanki)$")


@dataclass(frozen=True)
class KeyPoints:
    """A module page's `!!! puntos-clave "title"` block."""

    title: str | None  # None when the block has no title (callers use their default)
    markdown: str
    path: Path
    line: int


class Project:
    """The content of one checkout (the folder that holds mkdocs.yml)."""

    def __init__(self, root: Path | str | None = None):
        self.root = Path(root).resolve() if root else paths.find_root()

    def __repr__(self) -> str:
        return f"Project({str(self.root)!r})"

    # Places ----------------------------------------------------------------
    @property
    def docs(self) -> Path:
        return paths.docs_dir(self.root)

    @property
    def modules_dir(self) -> Path:
        return paths.modules_dir(self.root)

    @property
    def quizzes_dir(self) -> Path:
        return paths.quizzes_dir(self.root)

    # Site ------------------------------------------------------------------
    @property
    def settings(self) -> SiteSettings:
        """site_url, site names, languages and Markdown extensions from mkdocs.yml."""
        return site_settings(self.root)

    # Pages -----------------------------------------------------------------
    def page(self, path: Path | str) -> MarkdownPage:
        """A page by its path (absolute, or relative to docs/)."""
        path = Path(path)
        return read_page(path if path.is_absolute() else self.docs / path)

    # Modules ---------------------------------------------------------------
    def modules(self) -> dict[str, Module]:
        """The module catalogue (front matter of docs/modulos/mNN-*.md), by code."""
        return catalog(self.root)

    def module(self, code: str) -> Module:
        """A module by code ('m05', '5'); UnknownModule names the codes that exist."""
        return get_module(code, self.root)

    def module_page(self, code: str, language: str = "es") -> MarkdownPage | None:
        """The module's page in a language, or None when it is not translated yet."""
        return module_page(self.module(code), language)

    def title(self, code: str, language: str = "es") -> str:
        """The module's title in a language: the translated page's `title`, else the Spanish one."""
        return module_title(self.module(code), language)

    def objectives(self, code: str, language: str = "es") -> list[str]:
        """The module's objectives in a language (see module_objectives)."""
        return module_objectives(self.module(code), language)

    def key_points(self, code: str, language: str = "es") -> KeyPoints:
        """The module page's `!!! puntos-clave` block in a language.

        Raises SourceError (file:line, Spanish) when the page has none, has two, or it is
        empty, or when the page does not exist in that language.
        """
        page = self.module_page(code, language)
        if page is None:
            raise SourceError(self.module(code).page_path(language), None, "no existe esta página.")
        return key_points_of(page)

    def sections(self, code: str, language: str = "es"):
        page = self.module_page(code, language)
        return page.sections if page else []

    # Data ------------------------------------------------------------------
    def norms(self) -> Norms:
        """The norms data (docs/_datos/normas.yml with normas.qu.yml), a legal.norms.Norms."""
        return load_norms(self.root)

    def glossary(self) -> Glossary:
        """The termbase (docs/_datos/glosario.yml), a glossary.model.Glossary."""
        return load_glossary(self.root)

    def banks(self, modules=None):
        """The question banks (quizzes/mNN.yml), validated, as quiz.model.Bank objects."""
        return load_banks(self.root, modules)

    def guides(self, language: str = "es") -> dict[str, Guide]:
        """The facilitator guides by module code (taller.guides.Guide)."""
        return load_guides(self.root, language)

    def rules(self, path: Path | None = None) -> Rules:
        """The completion rules: `path`, else this checkout's registro/reglas.yml."""
        own = self.root / "scripts" / "defensoria" / "registro" / "reglas.yml"
        return load_rules(path or (own if own.is_file() else None))


# The same reads for a Module already in hand (plugins and print iterate the catalogue)

def module_page(module: Module, language: str = "es") -> MarkdownPage | None:
    """The module's page in a language, or None when it is not translated yet."""
    path = module.page_path(language)
    return read_page(path) if path.is_file() else None


def module_title(module: Module, language: str = "es") -> str:
    """The module's title in a language: the translated page's `title`, else the Spanish one."""
    page = module_page(module, language) if language != "es" else None
    return str(page.meta.get("title") or module.title) if page else module.title


def translated_objectives(module: Module, language: str) -> list[str] | None:
    """The translated page's own objectives (its 'Imatam yachanki' list), or None."""
    page = module_page(module, language) if language != "es" else None
    if page is not None and (section := page.section(OBJECTIVES_SECTION)):
        items = [line[2:] for line in page.lines_between(section.start + 1, section.end) if line.startswith("- ")]
        return items or None
    return None


def module_objectives(module: Module, language: str = "es") -> list[str]:
    """The module's objectives in a language: the translated page's own list when it has
    one, else the catalogue's (Spanish)."""
    return translated_objectives(module, language) or list(module.objetivos)


def key_points_of(page: MarkdownPage) -> KeyPoints:
    """The `!!! puntos-clave` block of a page; SourceError when missing, doubled or empty."""
    blocks = [a for a in page.admonitions if a.kind == KEY_POINTS]
    if not blocks:
        # Point at where the block belongs: just before "Para pensar" (or "Yuyaymanaspa")
        after = page.section(AFTER_KEY_POINTS)
        raise SourceError(page.path, after.start if after else page.body_line,
                          'falta el bloque de puntos clave (!!! puntos-clave "…"); las hojas para imprimir lo usan.')
    if len(blocks) > 1:
        raise SourceError(page.path, blocks[1].line, "hay dos bloques de puntos clave; deje uno solo.")
    block = blocks[0]
    if not block.body:
        raise SourceError(page.path, block.line, "el bloque de puntos clave está vacío.")
    return KeyPoints(block.title, block.body, page.path, block.line)


@lru_cache(maxsize=16)
def _project(root: Path) -> Project:
    return Project(root)


def project(root: Path | str | None = None) -> Project:
    """The Project of `root` (found from the working folder when None), one per root."""
    return _project(Path(root).resolve() if root else paths.find_root())
