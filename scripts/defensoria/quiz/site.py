"""MkDocs plugin `defensoria-cuestionarios`: the self-check quiz at the end of module pages.

The quiz is rendered at build time from quizzes/mNN.yml in the page's language; nothing
is copied into docs/. quiz.js and quiz.css (docs/assets/) are linked only from pages
that have a quiz, so other pages stay light. List it before `defensoria` in mkdocs.yml.
"""

import random
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.utils import get_relative_url

from defensoria.errors import DefensoriaError
from defensoria.pages import language_of
from defensoria.quiz.bank import bank_paths, load_bank
from defensoria.quiz.citations import citation_link
from defensoria.quiz.layout import LETTERS, Shown, present
from defensoria.quiz.model import Bank
from defensoria.quiz.strings import UI

MODULE_PAGE = re.compile(r"^modulos/(m\d{2})-[a-z0-9-]+(?:\.[a-z]{2})?\.md$")
MARKER = "<!-- defensoria-cuestionario -->"
BODY_CLOSE = "</body>"


class QuizConfig(Config):
    enabled = config_options.Type(bool, default=True)
    # Where the widget's script lives, relative to docs/ (its style is in the site's
    # one stylesheet: a separate file would cost a round trip before the first paint)
    assets_script = config_options.Type(str, default="assets/javascripts/cuestionario.js")


@dataclass(frozen=True)
class SiteQuestion:
    """A shown item plus what the page needs: correct keys and the law link."""

    shown: Shown
    law_url: str

    def __getattr__(self, name):
        return getattr(self.shown, name)

    @property
    def correct(self) -> str:
        return " ".join(c.key for c in self.shown.choices if c.correct)


class QuizPlugin(BasePlugin[QuizConfig]):

    def __init__(self):
        self.banks: dict[str, Bank] = {}
        self.pages_with_quiz: set[str] = set()

    # Load every bank once per build; a broken bank stops the build with file:line (run early)
    def on_config(self, config):
        if not self.config.enabled:
            return
        root = Path(config.config_file_path).parent
        try:
            self.banks = {path.stem: load_bank(path, root) for path in bank_paths(root)}
        except DefensoriaError as error:
            raise PluginError(str(error.message)) from None
        self.pages_with_quiz = set()
        return config

    # Add the heading (so the table of contents lists it) and a marker for the HTML
    def on_page_markdown(self, markdown, *, page, config, files):
        if not self.config.enabled or self._bank_for(page) is None:
            return markdown
        language = language_of(Path(page.file.src_uri))
        heading = UI[language]["heading"]
        return f"{markdown.rstrip()}\n\n## {heading} {{ #cuestionario }}\n\n{MARKER}\n"

    # Replace the marker with the quiz rendered in the page's language
    def on_page_content(self, html, *, page, config, files):
        bank = self._bank_for(page)
        if not self.config.enabled or bank is None or MARKER not in html:
            return html
        language = language_of(Path(page.file.src_uri))
        self.pages_with_quiz.add(page.file.src_uri)
        return html.replace(MARKER, render_quiz(bank, language, page.url))

    # Link the widget's script only from pages that show a quiz
    def on_post_page(self, output, *, page, config):
        if not self.config.enabled or page.file.src_uri not in self.pages_with_quiz:
            return output
        script = get_relative_url(self.config.assets_script, page.url)
        return output.replace(BODY_CLOSE, f'<script src="{script}" defer></script>\n{BODY_CLOSE}', 1)

    def _bank_for(self, page) -> Bank | None:
        match = MODULE_PAGE.match(page.file.src_uri)
        return self.banks.get(match.group(1)) if match else None


_ENV = Environment(
    loader=PackageLoader("defensoria.quiz", "templates"),
    autoescape=select_autoescape(["j2"], default_for_string=True, default=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render_quiz(bank: Bank, language: str, page_url: str) -> str:
    """The quiz HTML of a bank for a page at `page_url` (options shuffled per item id)."""
    prefix = "" if language == "es" else f"{language}/"
    questions = []
    for item in bank.preguntas:
        shown = present(item, random.Random(f"sitio:{item.id}"))
        law_url = get_relative_url(prefix + citation_link(item.cita), page_url)
        questions.append(SiteQuestion(shown, law_url))
    template = _ENV.get_template("sitio.html.j2")
    # Printable quizzes are offered on the Spanish trainers' page
    trainers_url = get_relative_url("formadores/index.html", page_url)
    return template.render(questions=questions, lang=language, t=UI[language], letters=LETTERS, trainers_url=trainers_url)
