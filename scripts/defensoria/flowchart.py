"""```mermaid fences drawn at build time as plain HTML: no JavaScript, nothing fetched.

A pymdownx.superfences custom fence format. It understands a small part of mermaid's
flowchart syntax and writes an ordered list of boxes: each step numbered, with its way
out under it ("↓ Sí: paso 3"). It reads on a 360 px phone, with a screen reader and in
black-and-white print. Material loads mermaid from a CDN for `pre.mermaid`, so the fence
class must not be `mermaid` (mkdocs.yml uses `flujo`).

Supported:

    flowchart TD            (or LR, TB, RL, BT; `graph` too; drawn top-down anyway)
    A[texto]  A(texto)  A{pregunta}  A["texto con (paréntesis)"]
    A --> B   A -- texto --> B   A -->|texto| B   A --> B --> C
    %% comentario

Anything else (subgraph, style, classDef, click, -.->, ==>, A & B) stops the build with a
Spanish message naming the page and the line.

mkdocs.yml:

    - pymdownx.superfences:
        custom_fences:
          - name: mermaid
            class: flujo
            format: !!python/name:defensoria.flowchart.format_flowchart
"""

import hashlib
import re
from dataclasses import dataclass, field
from html import escape

from mkdocs.exceptions import PluginError
from pymdownx.superfences import SuperFencesException

from defensoria.pages import language_of

HEADER = re.compile(r"^(?:flowchart|graph)\s+(?:TD|TB|LR|RL|BT)\s*;?$")
NODE = re.compile(r"""(?x)
    \s*(?P<id>[A-Za-z][\w]*)
    (?:\[(?P<rect>"[^"]*"|[^\]\[]*)\]       # A[texto]
      |\((?P<round>"[^"]*"|[^()]*)\)         # A(texto)
      |\{(?P<question>"[^"]*"|[^{}]*)\}      # A{pregunta}
    )?\s*
""")
EDGE = re.compile(r"""(?x)
    \s*(?:-->\s*\|(?P<pipe>[^|]*)\|         # A -->|texto| B
      |--\s+(?P<text>[^>]+?)\s*-->          # A -- texto --> B
      |-->                                  # A --> B
    )\s*
""")
BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
WORDS = {
    "es": {"step": "paso {n}", "label": "Diagrama de pasos"},
    "qu": {"step": "{n}-kaqman", "label": "Ruwanakuna, sapanka"},
}


class FlowchartError(SuperFencesException, PluginError):
    """A mermaid fence the site cannot draw; stops the build (superfences lets it through)."""


@dataclass
class Node:
    id: str
    text: str = ""
    shape: str = "rect"
    edges: list[tuple[str | None, str]] = field(default_factory=list)


def _clean(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return text.strip()


def parse_flowchart(source: str) -> list[Node]:
    """Nodes in order of first appearance, with their outgoing edges; ValueError on anything else."""
    nodes: dict[str, Node] = {}

    def node_from(match: re.Match) -> Node:
        node = nodes.setdefault(match.group("id"), Node(match.group("id")))
        for shape in ("rect", "round", "question"):
            if match.group(shape) is not None:
                node.text, node.shape = _clean(match.group(shape)), shape
        return node

    lines = [(n, line.strip()) for n, line in enumerate(source.splitlines(), start=1)]
    lines = [(n, line) for n, line in lines if line and not line.startswith("%%")]
    if not lines or not HEADER.match(lines[0][1]):
        number = lines[0][0] if lines else 1
        raise ValueError(number, "el diagrama debe empezar con «flowchart TD» o «flowchart LR»")
    for number, line in lines[1:]:
        line = line.rstrip(";")
        match = NODE.match(line)
        if not match:
            raise ValueError(number, f"no se entiende la línea «{line}»")
        current, position = node_from(match), match.end()
        while position < len(line):
            edge = EDGE.match(line, position)
            target = NODE.match(line, edge.end()) if edge else None
            if not edge or not target or target.end() == edge.end():
                raise ValueError(number, f"no se entiende la línea «{line}»")
            label = edge.group("pipe") if edge.group("pipe") is not None else edge.group("text")
            following = node_from(target)
            current.edges.append((_clean(label) if label else None, following.id))
            current, position = following, target.end()
    if not nodes:
        raise ValueError(lines[0][0], "el diagrama no tiene pasos")
    return list(nodes.values())


def render_flowchart(nodes: list[Node], key: str, language: str = "es") -> str:
    """Ordered list of boxes; each way out links to the step it leads to."""
    words = WORDS.get(language, WORDS["es"])
    number = {node.id: i for i, node in enumerate(nodes, start=1)}
    anchor = lambda node_id: f"flujo-{key}-{node_id}"  # noqa: E731
    items = []
    for node in nodes:
        text = "<br>".join(escape(part.strip()) for part in BREAK.split(node.text or node.id))
        exits = []
        for label, target in node.edges:
            step = words["step"].format(n=number[target])
            lead = f'<span class="flujo-etiqueta">{escape(label)}</span>: ' if label else ""
            exits.append(f'<li>{lead}<a href="#{anchor(target)}">{step}</a></li>')
        outs = f'<ul class="flujo-salidas">{"".join(exits)}</ul>' if exits else ""
        items.append(
            f'<li id="{anchor(node.id)}"><p class="flujo-paso flujo-paso--{node.shape}">'
            f'<span class="flujo-num">{number[node.id]}.</span> {text}</p>{outs}</li>'
        )
    return f'<figure class="flujo-diagrama"><ol class="flujo" aria-label="{words["label"]}">{"".join(items)}</ol></figure>'


def format_flowchart(source, language, css_class, options, md, **kwargs) -> str:
    """superfences format function: HTML for the fence, or FlowchartError naming the page."""
    page = getattr(md, "defensoria_pagina", "") or "(página desconocida)"
    try:
        nodes = parse_flowchart(source)
    except ValueError as error:
        line, problem = error.args
        raise FlowchartError(
            f"{page}: diagrama mermaid, línea {line} del diagrama: {problem}. Solo se dibujan "
            "«flowchart TD/LR», pasos A[texto], A(texto), A{pregunta} y flechas A --> B, "
            "A -- texto --> B, A -->|texto| B."
        ) from None
    key = hashlib.sha1(source.encode("utf-8")).hexdigest()[:6]
    language = getattr(md, "defensoria_idioma", "") or (language_of(page) if page.endswith(".md") else "es")
    return render_flowchart(nodes, key, language)
