"""Where Quechua text lives, and the spelling lint run over all of it.

- docs/**/*.qu.md: title, description and prose (content.prose.prose_lines);
- docs/_datos/glosario.yml: each term's `qu` and `definicion_qu`;
- the theme partials (scripts/defensoria/site/theme/partials/**/*.html): elements with
  lang="qu", strings chosen with `… if qu`, `{% if qu %}` branches, and the values of
  languages/qu.html;
- the quiz banks quizzes/mNN.yml: every `qu` string (question, options, feedback, pairs);
- mkdocs.yml: the Quechua site name, description, copyright and menu labels;
- the labels kept in the program (print, quiz, glossary, workshop: program_strings).
"""

import re
from collections.abc import Iterator
from pathlib import Path

from defensoria import paths
from defensoria.content.yamlfile import MappingNode, ScalarNode, SequenceNode, read_yaml_nodes
from defensoria.errors import SourceError
from defensoria.glossary.model import glossary_path
from defensoria.pages import iter_pages, language_of, read_page
from defensoria.quiz.bank import bank_paths
from defensoria.translation.orthography import (
    ERROR, Finding, Rules, lint_line, probable_names, strip_glosses_across_lines,
)
from defensoria.translation.program_strings import string_pairs
from defensoria.content.prose import clean, prose_lines
from defensoria.translation.yaml_strings import bank_strings, site_config_strings

THEME = Path(__file__).resolve().parents[1] / "site" / "theme"
QU_ELEMENT = re.compile(r"<(\w+)[^>]*\blang=\"qu\"[^>]*>(.*?)</\1>")
IF_QU_STRING = re.compile(r"\"([^\"]*)\"\s+if\s+qu\b")
BLOCK_TAG = re.compile(r"\{%-?\s*(if|elif|else|endif)\b(.*?)-?%\}")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
QU_VALUE = re.compile(r"^\s*\"([\w.]+)\":\s*\"([^\"]*)\"")
NOT_TEXT_KEYS = {"language", "direction", "search.config.lang"}
# str.format fields of program strings: {title}, {version}
PLACEHOLDER = re.compile(r"\{\w*\}")


def quechua_pages(root: Path) -> list[Path]:
    return [p for p in iter_pages(paths.docs_dir(root)) if language_of(p) == "qu"]


def page_findings(path: Path, rules: Rules) -> list[Finding]:
    page = read_page(path)
    lines = strip_glosses_across_lines(list(prose_lines(page)), rules)
    names = probable_names(lines, rules)
    return [f for number, text in lines for f in lint_line(text, number, rules, names)]


def yaml_findings(strings: Iterator[list[tuple[int, str]]], rules: Rules) -> list[Finding]:
    """Findings in the Quechua strings of one YAML file, each on its own line of the file."""
    pieces = [strip_glosses_across_lines(lines, rules) for lines in strings]
    lines = [line for string in pieces for line in string]
    names = probable_names(lines, rules)  # the file is one text: Rosa, Julián…
    return [f for number, text in lines for f in lint_line(text, number, rules, names)]


def glossary_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of the Quechua fields of the termbase, read without validating it."""
    _, root = read_yaml_nodes(path, "el glosario")
    for key, value in root.value if isinstance(root, MappingNode) else []:
        if key.value != "terminos" or not isinstance(value, SequenceNode):
            continue
        for item in value.value:
            if not isinstance(item, MappingNode):
                continue
            spanish = next((str(v.value).casefold() for k, v in item.value
                            if k.value == "es" and isinstance(v, ScalarNode)), None)
            for field, content in item.value:
                # A term kept in Spanish on purpose (qu: juzgado de paz) is not Quechua to lint
                if field.value == "qu" and isinstance(content, ScalarNode) and str(content.value).casefold() == spanish:
                    continue
                # variantes_qu may hold institution names kept in Spanish: not linted
                if field.value in ("qu", "definicion_qu"):
                    for node in content.value if isinstance(content, SequenceNode) else [content]:
                        if isinstance(node, ScalarNode):
                            # Folded scalars: report the first line of the value
                            yield node.start_mark.line + 1 + (1 if node.style in (">", "|") else 0), clean(str(node.value))


def template_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of the Quechua strings of one theme template."""
    is_language_file = path.name == "qu.html" and path.parent.name == "languages"
    # One frame per open {% if %}: (is it `if qu`, are we in its qu branch)
    stack: list[list[bool]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if is_language_file:
            if (match := QU_VALUE.match(line)) and match.group(1) not in NOT_TEXT_KEYS:
                yield number, match.group(2)
            continue
        for match in QU_ELEMENT.finditer(line):
            yield number, clean(match.group(2))
        for match in IF_QU_STRING.finditer(line):
            yield number, match.group(1)
        position, pieces = 0, []
        for tag in BLOCK_TAG.finditer(line):
            if any(frame[1] for frame in stack):
                pieces.append(line[position : tag.start()])
            keyword, condition = tag.group(1), tag.group(2).strip()
            if keyword == "if":
                stack.append([condition == "qu", condition == "qu"])
            elif keyword in ("elif", "else") and stack and stack[-1][0]:
                stack[-1][1] = False
            elif keyword == "endif" and stack:
                stack.pop()
            position = tag.end()
        if any(frame[1] for frame in stack):
            pieces.append(line[position:])
        text = clean(JINJA.sub(" ", " ".join(pieces)))
        if text.strip():
            yield number, text


def templates(theme: Path = THEME) -> list[Path]:
    return sorted((theme / "partials").rglob("*.html")) if (theme / "partials").is_dir() else []


def lint_project(root: Path, rules: Rules, theme: Path = THEME) -> Iterator[tuple[Path, Finding]]:
    """Every spelling finding in the project's Quechua text, by file."""
    for path in quechua_pages(root):
        try:
            findings = page_findings(path, rules)
        except SourceError:
            continue  # a broken front matter is reported by the 'encabezados' check
        for finding in findings:
            yield path, finding
    glossary = glossary_path(root)
    if glossary.is_file():
        try:
            for number, text in glossary_lines(glossary):
                for finding in lint_line(text, number, rules):
                    yield glossary, finding
        except SourceError:
            pass  # reported by the 'glosario' check
    for template in templates(theme):
        for number, text in template_lines(template):
            for finding in lint_line(text, number, rules):
                yield template, finding
    for bank in bank_paths(root):
        try:
            findings = yaml_findings(bank_strings(bank), rules)
        except SourceError:
            continue  # reported by the 'cuestionarios' check
        for finding in findings:
            yield bank, finding
    # Print, quiz, glossary and workshop labels kept in the program: one string per key
    for pair in string_pairs():
        for finding in lint_line(PLACEHOLDER.sub(" ", clean(pair.qu)), pair.line, rules):
            yield pair.path, Finding(finding.line, finding.word, f"{pair.key}: {finding.message}", finding.level)
    config = root / "mkdocs.yml"
    if config.is_file():
        try:
            findings = yaml_findings(site_config_strings(config), rules)
        except SourceError:
            findings = []  # MkDocs itself refuses a broken mkdocs.yml
        for finding in findings:
            yield config, finding


def count_levels(findings: list[tuple[Path, Finding]]) -> tuple[int, int]:
    errors = sum(f.level == ERROR for _, f in findings)
    return errors, len(findings) - errors
