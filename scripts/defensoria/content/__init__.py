"""The content core: one model of the project's content that every other part reads.

    content.project     Project(root): modules, pages, norms, glossary, banks, guides,
                        completion rules, site settings — the only way in (start here)
    content.markdown    MarkdownPage: front matter, fences, headings, sections,
                        admonitions, blocks, prose lines (file:line), front matter editing
    content.prose       what a reader reads of a page: words, readability, spelling lint
    content.citations   the one citation grammar ([[Ley 30364, art. 15]])
    content.yamlfile    the one YAML loader and writer (data + line of every key, or nodes)
    content.validation  the one translator of validation errors to Spanish file:line
    content.settings    mkdocs.yml: site_url, languages, site names, extensions

Consumers (site plugins, checks, print, planner, quizzes, tracker, CLI) import from
here; modules of this package import no consumer.
"""


def __getattr__(name: str):
    # `from defensoria.content import Project, project` without importing the models at
    # package import (the models themselves import content.markdown and content.citations)
    if name in ("Project", "project"):
        from defensoria.content import project as module

        return getattr(module, name)
    raise AttributeError(name)
