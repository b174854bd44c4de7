"""```mermaid fences drawn at build time as HTML boxes (no JavaScript, no CDN)."""

import markdown
import pytest

from defensoria.flowchart import FlowchartError, format_flowchart, parse_flowchart

SMALL = """\
flowchart TD
    A[Te cuenta lo que pasa] --> B{¿Hay peligro ahora?}
    B -- Sí --> C(Llamar a la Línea 100)
    B -->|No| D["Explicar sus derechos (sin apuro)"]
    %% un comentario
    C --> E[Denuncia] --> F[Seguimiento]
    D --> E
"""


def render(source: str, page: str = "modulos/m08.md") -> str:
    md = markdown.Markdown(
        extensions=["pymdownx.superfences", "defensoria.legal.citations"],
        extension_configs={
            "defensoria.legal.citations": {"pagina": page},
            "pymdownx.superfences": {"custom_fences": [{"name": "mermaid", "class": "flujo", "format": format_flowchart}]},
        },
    )
    return md.convert(f"```mermaid\n{source}```\n")


def test_parse_nodes_in_order_with_shapes_and_labels():
    nodes = parse_flowchart(SMALL)
    assert [n.id for n in nodes] == ["A", "B", "C", "D", "E", "F"]
    assert [n.shape for n in nodes[:4]] == ["rect", "question", "round", "rect"]
    assert nodes[3].text == "Explicar sus derechos (sin apuro)"
    assert nodes[1].edges == [("Sí", "C"), ("No", "D")]
    assert nodes[2].edges == [(None, "E")]
    assert nodes[4].edges == [(None, "F")]  # chained A --> B --> C


def test_render_is_an_ordered_list_of_steps_without_mermaid():
    html = render(SMALL)
    assert html.startswith('<figure class="flujo-diagrama"><ol class="flujo"')
    assert html.count('<p class="flujo-paso') == 6
    assert '<span class="flujo-num">2.</span> ¿Hay peligro ahora?' in html
    assert '<p class="flujo-paso flujo-paso--question">' in html
    # branch labels lead to the numbered step they point at
    assert '<span class="flujo-etiqueta">Sí</span>: <a href="#flujo-' in html
    assert ">paso 3</a>" in html and ">paso 4</a>" in html
    # Material loads mermaid from a CDN for pre.mermaid: nothing may carry that class
    assert "mermaid" not in html
    assert "<script" not in html


def test_quechua_page_words():
    html = render(SMALL, "modulos/m08-la-ruta.qu.md")
    assert ">3-kaqman</a>" in html


def test_text_is_escaped():
    html = render("flowchart LR\n    A[a <b>negrita</b>] --> B\n")
    assert "&lt;b&gt;negrita&lt;/b&gt;" in html


@pytest.mark.parametrize("source, line, fragment", [
    ("flowchart TD\n    A --> B\n    subgraph Juzgado\n", 3, "«subgraph Juzgado»"),
    ("flowchart TD\n    A -.-> B\n", 2, "«A -.-> B»"),
    ("flowchart TD\n    A & B --> C\n", 2, "«A & B --> C»"),
    ("flowchart TD\n    A --> B\n    style A fill:#f00\n", 3, "«style A fill:#f00»"),
    ("sequenceDiagram\n    A->>B: hola\n", 1, "flowchart TD"),
])
def test_unsupported_syntax_is_a_spanish_error_naming_the_page(source, line, fragment):
    with pytest.raises(FlowchartError) as caught:
        render(source, "modulos/m08-la-ruta.md")
    message = str(caught.value)
    assert message.startswith(f"modulos/m08-la-ruta.md: diagrama mermaid, línea {line} del diagrama:")
    assert fragment in message
