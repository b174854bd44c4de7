"""MkDocs plugin `defensoria-cuestionarios`: the self-check quiz at the end of module pages.

The quiz is rendered at build time from quizzes/mNN.yml in the page's language; nothing
is copied into docs/. quiz.js and quiz.css (docs/assets/) are linked only from pages
that have a quiz, so other pages stay light. List it before `defensoria` in mkdocs.yml.
"""

import random
import re
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from defensoria.errors import DefensoriaError
from defensoria.quiz.bank import bank_paths, load_bank
from defensoria.quiz.citations import citation_link
from defensoria.quiz.layout import LETTERS, Shown, present
from defensoria.quiz.model import Bank
from defensoria.quiz.strings import UI
from defensoria.site.context import PageContext, build_project, page_context

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
        root = build_project(config).root
        try:
            self.banks = {path.stem: load_bank(path, root) for path in bank_paths(root)}
        except DefensoriaError as error:
            raise PluginError(str(error.message)) from None
        self.pages_with_quiz = set()
        return config

    # Add the heading (so the table of contents lists it) and a marker for the HTML
    def on_page_markdown(self, markdown, *, page, config, files):
        if not self.config.enabled:
            return markdown
        context = page_context(page, config)
        if self._bank_for(context) is None:
            return markdown
        heading = UI[context.language]["heading"]
        return f"{markdown.rstrip()}\n\n## {heading} {{ #cuestionario }}\n\n{MARKER}\n"

    # Replace the marker with the quiz rendered in the page's language
    def on_page_content(self, html, *, page, config, files):
        if not self.config.enabled or MARKER not in html:
            return html
        context = page_context(page, config)
        bank = self._bank_for(context)
        if bank is None:
            return html
        self.pages_with_quiz.add(context.source.as_posix())
        return html.replace(MARKER, render_quiz(bank, context))

    # Link the widget's script only from pages that show a quiz
    def on_post_page(self, output, *, page, config):
        if not self.config.enabled:
            return output
        context = page_context(page, config)
        if context.source.as_posix() not in self.pages_with_quiz:
            return output
        script = context.link(self.config.assets_script)
        return output.replace(BODY_CLOSE, f'<script src="{script}" defer></script>\n{BODY_CLOSE}', 1)

    def _bank_for(self, context: PageContext) -> Bank | None:
        match = MODULE_PAGE.match(context.source.as_posix())
        return self.banks.get(match.group(1)) if match else None


_ENV = Environment(
    loader=PackageLoader("defensoria.quiz", "templates"),
    autoescape=select_autoescape(["j2"], default_for_string=True, default=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render_quiz(bank: Bank, context: PageContext) -> str:
    """The quiz HTML of a bank for the page of `context`, in its language (options
    shuffled per item id)."""
    language = context.language
    prefix = "" if language == "es" else f"{language}/"
    questions = []
    for item in bank.preguntas:
        shown = present(item, random.Random(f"sitio:{item.id}"))
        law_url = context.link(prefix + citation_link(item.cita))
        questions.append(SiteQuestion(shown, law_url))
    template = _ENV.get_template("sitio.html.j2")
    # Printable quizzes are offered on the Spanish trainers' page
    trainers_url = context.link("formadores/index.html")
    return template.render(questions=questions, lang=language, t=UI[language], letters=LETTERS, trainers_url=trainers_url)
