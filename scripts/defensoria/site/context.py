"""What every site plugin knows of the page it renders: one small context for all of them.

mkdocs-static-i18n builds the site once per language. Each page's file keeps its real
source name (`modulos/m04-x.qu.md`) and the i18n plugin records on it two languages:

- `file.locale`: the language of the file itself (the suffix: `x.qu.md` is 'qu');
- `file.locale_alternate_of`: the edition the file is served in. A Spanish page that
  has no translation is served under qu/ too, as a fallback: its locale is 'es', its
  edition 'qu'.

Plugins render what a page *says* (quiz, glossary, catalogue, citations) in
`language`, so a fallback page stays wholly Spanish; the page's frame (print footer
and headers) follows `edition`. Without the i18n plugin (tests, other tools) both come
from the file name and from the folder the page is written to.

Links are MkDocs' own relative-URL helper: `link` between served URLs
('descargas/x.pdf' from this page), `source_link` between Markdown sources
('modulos/m04-x.md' from this source; MkDocs maps it to the page of the edition).

    context = page_context(page, config)
    context.language, context.edition, context.source, context.project.title("m04", context.language)
"""

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mkdocs.utils import get_relative_url

from defensoria.content.markdown import DEFAULT_LANGUAGE, LANGUAGES, language_of
from defensoria.content.project import Project, project


@dataclass(frozen=True)
class PageContext:
    project: Project
    source: PurePosixPath  # the page's file under docs/, with its language suffix
    url: str  # where the page is served, relative to the site ('qu/modulos/m04-x.html')
    language: str  # the language of the file: what the page says
    edition: str  # the language of the site the page is served in (qu for a fallback on qu/)
    path: Path  # the page's file on disk

    @property
    def is_fallback(self) -> bool:
        """A page served in an edition it is not written in (Spanish text under qu/)."""
        return self.language != self.edition

    def link(self, target: str) -> str:
        """A URL of the built site ('descargas/x.pdf') relative to this page."""
        return get_relative_url(target, self.url)

    def source_link(self, target: str | PurePosixPath) -> str:
        """A Markdown link from this page's source to another docs file ('modulos/m04-x.md')."""
        return relative_link(target, self.source)


def relative_link(target: str | PurePosixPath | Path, source: str | PurePosixPath | Path) -> str:
    """A Markdown link from one docs file to another, both given relative to docs/."""
    return get_relative_url(PurePosixPath(target).as_posix(), PurePosixPath(source).as_posix())


def build_project(config) -> Project:
    """The Project a build with `config` (the loaded mkdocs.yml) renders."""
    return project(Path(config.config_file_path).parent)


def page_context(page, config) -> PageContext:
    """The context of an MkDocs page during a build with `config` (the loaded mkdocs.yml)."""
    file = page.file
    source = PurePosixPath(file.src_uri)
    content = build_project(config)
    language = _known(getattr(file, "locale", None)) or language_of(source)
    edition = _known(getattr(file, "locale_alternate_of", None)) or _edition_of(file.dest_uri)
    path = Path(file.abs_src_path) if file.abs_src_path else content.docs / source
    return PageContext(content, source, page.url, language, edition, path)


def _known(locale) -> str | None:
    return locale if locale in LANGUAGES else None


def _edition_of(dest_uri: str | None) -> str:
    """The language folder a page is written to: 'qu/…' is qu, anything else Spanish."""
    first = (dest_uri or "").split("/", 1)[0]
    return first if first in LANGUAGES else DEFAULT_LANGUAGE
