"""Markdown bodies cut into the blocks reviewers read: headings, paragraphs, list items,
table rows, admonition titles and bodies. Code fences and HTML comments are skipped.

Each block keeps its first and last line in the file, so an edited translation can be
written back in place.
"""

import re
from dataclasses import dataclass

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
ADMONITION = re.compile(r'^(?P<indent>\s*)(?:!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+"(?P<title>(?:[^"\\]|\\.)*)")?\s*$')
LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d+[.)])\s+(?P<text>.*)$")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")


@dataclass(frozen=True)
class Block:
    kind: str       # heading | paragraph | item | row | admonition
    text: str       # the text as a reviewer reads it (markers and indentation removed)
    start: int      # first line in the file (1-based)
    end: int        # last line in the file
    heading: str = ""  # for headings: the text, to name sections
    indent: int = 0    # columns of indentation of the block's continuation lines


def split_blocks(body: str, first_line: int) -> list[Block]:
    """The blocks of a Markdown body whose first line is line `first_line` of the file."""
    lines = body.split("\n")
    blocks: list[Block] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        number = first_line + i
        if not stripped:
            i += 1
            continue
        if FENCE.match(line):
            fence = FENCE.match(line).group(1)
            i += 1
            while i < n and not lines[i].strip().startswith(fence):
                i += 1
            i += 1
            continue
        if stripped.startswith("<!--"):
            while i < n and "-->" not in lines[i]:
                i += 1
            i += 1
            continue
        if heading := HEADING.match(line):
            blocks.append(Block("heading", heading.group(2), number, number, heading=heading.group(2)))
            i += 1
            continue
        if admonition := ADMONITION.match(line):
            if admonition.group("title"):
                title = admonition.group("title").replace('\\"', '"')
                blocks.append(Block("admonition", title, number, number))
            indent = len(admonition.group("indent")) + 4
            j = i + 1
            while j < n and (not lines[j].strip() or _indent(lines[j]) >= indent):
                j += 1
            while j > i + 1 and not lines[j - 1].strip():
                j -= 1
            inner = "\n".join(text[indent:] for text in lines[i + 1 : j])
            for block in split_blocks(inner, number + 1):
                blocks.append(Block(block.kind, block.text, block.start, block.end, block.heading, block.indent + indent))
            i = j
            continue
        if stripped.startswith("|"):
            if not TABLE_SEPARATOR.match(line):
                blocks.append(Block("row", stripped, number, number))
            i += 1
            continue
        if item := LIST_ITEM.match(line):
            indent = len(item.group("indent"))
            content = indent + len(item.group("marker")) + 1
            parts = [item.group("text")]
            j = i + 1
            while j < n and lines[j].strip() and not LIST_ITEM.match(lines[j]) and _indent(lines[j]) >= content:
                parts.append(lines[j].strip())
                j += 1
            blocks.append(Block("item", " ".join(parts), number, first_line + j - 1, indent=content))
            # Nested content (paragraphs under an item) is read as blocks of its own
            i = j
            continue
        j = i
        parts = []
        while j < n and lines[j].strip() and not _starts_block(lines[j]):
            parts.append(lines[j].strip())
            j += 1
        if j == i:  # a line that starts a block we do not read (e.g. attribute list)
            j += 1
            continue
        blocks.append(Block("paragraph", " ".join(parts), number, first_line + j - 1, indent=_indent(line)))
        i = j
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _starts_block(line: str) -> bool:
    return bool(HEADING.match(line) or FENCE.match(line) or ADMONITION.match(line) or LIST_ITEM.match(line)
                or line.strip().startswith(("|", "<!--")))
