"""Aligned Spanish→Quechua segments, each with a stable id and its place in the files.

Sources:
- every page pair `x.md` / `x.qu.md`: headings, paragraphs, list items, table rows,
  admonition titles and bodies, paired in order within each section;
- the question banks (quizzes/mNN.yml) and the glossary (docs/_datos/glosario.yml):
  every `es`/`qu` (or `x_es`/`x_qu`) pair of strings.

Ids: `PAGE/SECTION/N` for pages (PAGE is the Spanish page path under docs/ without
`.md`, SECTION the slug of the Spanish heading, N the block's number in its section) and
`FILE/KEY/…` for YAML (list items named by their `id` when they have one). An edit in
another section, question or term leaves an id as it was; a segment whose Spanish text
changed after its review keeps its id and becomes stale.
"""

from dataclasses import dataclass
from pathlib import Path

from defensoria import paths
from defensoria.content.citations import slug
from defensoria.content.markdown import Block, read_page, spanish_source
from defensoria.content.yamlfile import MappingNode, ScalarNode, SequenceNode, read_yaml_nodes
from defensoria.errors import SourceError
from defensoria.revision.records import normalise, text_hash


@dataclass(frozen=True)
class Segment:
    id: str
    page: str          # what the segment belongs to: a page path under docs/ ('modulos/m05-….md') or a data file
    es: str
    qu: str
    es_file: Path
    es_line: int
    qu_file: Path
    qu_line: int
    kind: str          # heading | paragraph | item | table-row | admonition-title | cadena
    # Last line of the Quechua block (pages), to write an edited translation back
    qu_end: int = 0
    yaml_path: tuple = ()
    # For YAML strings: the Quechua scalar's span in the file (character offsets)
    qu_span: tuple[int, int] = (0, 0)

    @property
    def es_hash(self) -> str:
        return text_hash(self.es)

    @property
    def qu_hash(self) -> str:
        return text_hash(self.qu)


def _relative(path: Path, base: Path) -> str:
    return path.resolve().relative_to(base.resolve()).as_posix()


def _sections(blocks: list[Block]) -> list[tuple[str, list[Block]]]:
    """Blocks grouped by heading; the part before the first heading is section 'inicio'."""
    sections: list[tuple[str, list[Block]]] = [("inicio", [])]
    for block in blocks:
        if block.kind == "heading":
            sections.append((slug(block.text) or "seccion", [block]))
        else:
            sections[-1][1].append(block)
    return [(name, items) for name, items in sections if items]


def page_segments(spanish: Path, root: Path) -> list[Segment]:
    """Segments of one page pair (empty when there is no Quechua page)."""
    quechua = spanish.with_name(spanish.name[: -len(".md")] + ".qu.md")
    if not quechua.is_file():
        return []
    docs = paths.docs_dir(root)
    page_path = _relative(spanish, docs)
    key = page_path[: -len(".md")]
    es_page, qu_page = read_page(spanish), read_page(quechua)
    es_sections = _sections(es_page.blocks())
    qu_sections = _sections(qu_page.blocks())
    segments = []
    seen: dict[str, int] = {}
    for (name, es_blocks), (_, qu_blocks) in zip(es_sections, qu_sections):
        seen[name] = seen.get(name, 0) + 1
        section = name if seen[name] == 1 else f"{name}-{seen[name]}"
        for number, (es_block, qu_block) in enumerate(zip(es_blocks, qu_blocks)):
            segments.append(Segment(
                id=f"{key}/{section}/{number}", page=page_path, es=normalise(es_block.text),
                qu=normalise(qu_block.text), es_file=spanish, es_line=es_block.line, qu_file=quechua,
                qu_line=qu_block.line, kind=qu_block.kind, qu_end=qu_block.end,
            ))
    return segments


def _yaml_pairs(node, path: tuple, found: list) -> None:
    """Every (es node, qu node, key path) pair of strings in a YAML node tree."""
    if isinstance(node, MappingNode):
        items = {key.value: value for key, value in node.value}
        for key, value in node.value:
            name = key.value
            partner = "qu" if name == "es" else (name[:-3] + "_qu" if name.endswith("_es") else None)
            if partner and partner in items and isinstance(value, ScalarNode) and isinstance(items[partner], ScalarNode):
                found.append((value, items[partner], path + (name[:-3] if name.endswith("_es") else "",)))
            elif not isinstance(value, ScalarNode):
                _yaml_pairs(value, path + (name,), found)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            label = str(index + 1)
            if isinstance(item, MappingNode):
                ident = next((v.value for k, v in item.value if k.value == "id" and isinstance(v, ScalarNode)), None)
                label = ident or label
            _yaml_pairs(item, path + (label,), found)


def yaml_segments(path: Path, root: Path, prefix: str) -> list[Segment]:
    """Segments of a bilingual YAML file (question bank, glossary)."""
    _, node = read_yaml_nodes(path)
    found: list = []
    _yaml_pairs(node, (), found)
    segments = []
    for es_node, qu_node, key_path in found:
        es, qu = _construct(es_node), _construct(qu_node)
        if not isinstance(es, str) or not isinstance(qu, str):
            continue
        es, qu = normalise(es), normalise(qu)
        ident = "/".join(part for part in (prefix, *key_path) if part)
        segments.append(Segment(
            id=ident or prefix, page=prefix, es=es, qu=qu, es_file=path, es_line=es_node.start_mark.line + 1,
            qu_file=path, qu_line=qu_node.start_mark.line + 1, kind="cadena", yaml_path=key_path,
            qu_span=(qu_node.start_mark.index, qu_node.end_mark.index),
        ))
    return segments


def _construct(scalar: ScalarNode):
    """The text of a string scalar (None for numbers, booleans, dates: not translatable)."""
    return scalar.value if scalar.tag.endswith(":str") else None


def program_segments() -> list[Segment]:
    """UI and print strings kept in the program (print labels, quiz and glossary UI…).
    They can be approved from a PO or XLIFF; a correction is made in the Python file."""
    from defensoria.translation.program_strings import string_pairs

    segments = []
    for pair in string_pairs():
        ident = "programa/" + pair.key.replace(" → ", "/")
        segments.append(Segment(id=ident, page="programa", es=normalise(pair.es), qu=normalise(pair.qu),
                                es_file=pair.path, es_line=pair.line, qu_file=pair.path, qu_line=pair.line,
                                kind="programa"))
    return segments


def all_segments(root: Path | None = None, only: str | None = None) -> list[Segment]:
    """Every segment of the project, pages first; `only` keeps one page or file
    (a path under docs/, e.g. 'modulos/m05-medidas-de-proteccion.md', or 'quizzes/m05')."""
    root = root or paths.find_root()
    docs = paths.docs_dir(root)
    segments: list[Segment] = []
    for quechua in sorted(docs.rglob("*.qu.md")):
        if "_datos" in quechua.parts:
            continue
        spanish = spanish_source(quechua)
        if spanish.is_file():
            segments += page_segments(spanish, root)
    for bank in sorted(paths.quizzes_dir(root).glob("*.yml")):
        segments += yaml_segments(bank, root, f"quizzes/{bank.stem}")
    glossary = docs / "_datos" / "glosario.yml"
    if glossary.is_file():
        segments += yaml_segments(glossary, root, "glosario")
    segments += program_segments()
    if only:
        wanted = only.removeprefix("docs/")
        segments = [s for s in segments if s.page in (wanted, wanted.removesuffix(".qu.md") + ".md", wanted.removesuffix(".yml"))]
        if not segments:
            raise SourceError(Path(only), None, "no hay segmentos para esa página (¿existe su traducción al quechua?).")
    return segments


def page_segment_map(root: Path) -> dict[str, list[Segment]]:
    """Segments grouped by page or file."""
    grouped: dict[str, list[Segment]] = {}
    for segment in all_segments(root):
        grouped.setdefault(segment.page, []).append(segment)
    return grouped
