"""The prose of a Markdown page: what a reader reads, without code, links or citations.

Used to count words, to score readability and to lint Quechua spelling, so all skip the
same things: code (fenced and inline), HTML comments and tags, URLs and link targets,
citation shorthand `[[Ley 30364, art. 15]]`, attribute lists `{#id .class}`, and elements
marked as Spanish (`<span lang="es">…</span>`, `**denuncia**{lang=es}`). Admonition lines
keep their title.
"""

import re
from collections.abc import Iterator

from defensoria.content.markdown import MarkdownPage as Page

COMMENT_OPEN = "<!--"
COMMENT_CLOSE = "-->"
ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:"([^"]*)")?\s*$')
SPANISH_ELEMENT = re.compile(r"<(\w+)[^>]*\blang=[\"']?es[\"']?[^>]*>.*?</\1>", re.DOTALL)
SPANISH_INLINE = re.compile(r"(\*\*|\*|_)[^*_]+\1\{[^}]*\blang=[\"']?es[\"']?[^}]*\}")
REMOVALS = [
    re.compile(r"`[^`]*`"),                       # inline code
    re.compile(r"\[\[[^\]]*\]\]"),                # citation shorthand
    re.compile(r"\]\([^)]*\)"),                   # link targets: keep the link text
    re.compile(r"<https?://[^>]*>"),              # autolinks
    re.compile(r"\b(?:https?://|www\.|tel:|mailto:)\S+"),
    re.compile(r"\{[:#.]?[^{}]*[#.=][^{}]*\}"),   # attribute lists
    re.compile(r"<!--.*?-->"),
    re.compile(r"</?[A-Za-z][^>]*>"),             # HTML tags (their text stays)
]
# Words: letters with apostrophes inside (p'anqa), including wrong apostrophes to report
WORD = re.compile(r"[^\W\d_]+(?:['’´`‘ʼ]+[^\W\d_]+)*")
FRONT_MATTER_PROSE = ("title", "description")


def clean(text: str, *, keep_spanish: bool = False) -> str:
    """One line of Markdown reduced to its readable words (Spanish-marked words dropped)."""
    if not keep_spanish:
        text = SPANISH_ELEMENT.sub(" ", text)
        text = SPANISH_INLINE.sub(" ", text)
    for pattern in REMOVALS:
        text = pattern.sub(lambda m: "]" if m.group(0).startswith("](") else " ", text)
    return text


def prose_lines(page: Page, *, front_matter: bool = True, keep_spanish: bool = False) -> Iterator[tuple[int, str]]:
    """(line number, cleaned text) of every line a reader reads.

    keep_spanish keeps words marked lang=es (the terminology check counts them).
    """
    if front_matter:
        for key in FRONT_MATTER_PROSE:
            value = page.meta.get(key)
            if isinstance(value, str):
                yield page.line_of(key), clean(value, keep_spanish=keep_spanish)
    in_comment = False
    for number, line in page.text_lines():
        if in_comment:
            if COMMENT_CLOSE in line:
                in_comment = False
                line = line.split(COMMENT_CLOSE, 1)[1]
            else:
                continue
        if COMMENT_OPEN in line and COMMENT_CLOSE not in line.split(COMMENT_OPEN, 1)[1]:
            in_comment = True
            line = line.split(COMMENT_OPEN, 1)[0]
        if admonition := ADMONITION.match(line):
            line = admonition.group(2) or ""
        yield number, clean(line, keep_spanish=keep_spanish)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def word_count(page: Page) -> int:
    """Words of the body a reader reads (front matter excluded)."""
    return sum(len(words(text)) for _, text in prose_lines(page, front_matter=False))
