"""Terminology, occurrence by occurrence: in each segment, every use of a Spanish
termbase term against the uses of its Quechua term in the Quechua twin.

Segments: a page section (under the same heading level, paired by order when both
pages have as many sections, else the whole page), one `es`/`qu` pair of a quiz bank,
one glossary definition, one program string (program_strings). Longer terms are
counted first and their words masked, so "violencia familiar" does not also count as
"violencia". A Spanish gloss in parentheses in the Quechua text — "(denuncia)" — does
not count as the Quechua term.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from defensoria.content.yamlfile import MappingNode, ScalarNode, SequenceNode, read_yaml_nodes
from defensoria.errors import SourceError
from defensoria.glossary.model import Glossary, Term
from defensoria.pages import read_page
from defensoria.quiz.bank import bank_paths
from defensoria.translation.orthography import fold
from defensoria.translation.program_strings import string_pairs
from defensoria.translation.terminology import quechua_pattern, spanish_pattern, translated_pages
from defensoria.content.prose import prose_lines

SECTION = re.compile(r"^#{2,3}\s")
PARENTHESES = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class Segment:
    path: Path      # the Quechua file (or the program file)
    line: int
    label: str      # what it is: a section heading, a question id, a string key
    es: str
    qu: str


@dataclass
class Shortfall:
    segment: Segment
    term: Term
    spanish: int
    quechua: int


@dataclass
class Report:
    occurrences: int = 0                       # Spanish term occurrences counted
    consistent: int = 0                        # … matched by the Quechua term in the twin
    segments: int = 0
    shortfalls: list[Shortfall] = field(default_factory=list)
    by_term: dict[str, list[int]] = field(default_factory=dict)  # id → [spanish, matched]

    @property
    def share(self) -> float:
        return self.consistent / self.occurrences if self.occurrences else 1.0


def _sections(path: Path) -> list[tuple[int, str, str]]:
    """(first line, heading, prose) of each section of a page; the intro is the first."""
    sections: list[tuple[int, str, list[str]]] = []
    for number, text in prose_lines(read_page(path), keep_spanish=True):
        raw = text.strip()
        if SECTION.match(raw) or not sections:
            sections.append((number, raw.lstrip("# ") if SECTION.match(raw) else "", []))
        sections[-1][2].append(text)
    return [(line, heading, " ".join(lines)) for line, heading, lines in sections]


def page_segments(root: Path) -> Iterator[Segment]:
    for spanish, quechua in translated_pages(root):
        try:
            es_sections, qu_sections = _sections(spanish), _sections(quechua)
        except SourceError:
            continue
        if len(es_sections) != len(qu_sections):
            es_sections = [(1, "", " ".join(text for _, _, text in es_sections))]
            qu_sections = [(qu_sections[0][0] if qu_sections else 1, "", " ".join(text for _, _, text in qu_sections))]
        for (_, _, es), (line, heading, qu) in zip(es_sections, qu_sections):
            yield Segment(quechua, line, heading or quechua.name, es, qu)


def _pairs(node, label: str) -> Iterator[tuple[int, str, str, str]]:
    """(line, label, es, qu) of every mapping holding both an `es` and a `qu` string."""
    if isinstance(node, MappingNode):
        values = {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}
        es, qu = values.get("es"), values.get("qu")
        if isinstance(es, ScalarNode) and isinstance(qu, ScalarNode):
            yield qu.start_mark.line + 1, label, str(es.value), str(qu.value)
        for key, child in node.value:
            if isinstance(values.get("id"), ScalarNode):
                label = str(values["id"].value)
            if key.value not in ("es", "qu"):
                yield from _pairs(child, label)
    elif isinstance(node, SequenceNode):
        for child in node.value:
            yield from _pairs(child, label)


def bank_segments(root: Path) -> Iterator[Segment]:
    for bank in bank_paths(root):
        try:
            _, node = read_yaml_nodes(bank, "el cuestionario")
        except SourceError:
            continue  # reported by the 'cuestionarios' check
        for line, label, es, qu in _pairs(node, bank.stem):
            yield Segment(bank, line, label, es, qu)


def glossary_segments(glossary: Glossary, path: Path) -> Iterator[Segment]:
    for term in glossary.terminos:
        yield Segment(path, term.line, term.id, term.definicion_es, term.definicion_qu)


def program_segments() -> Iterator[Segment]:
    for pair in string_pairs():
        yield Segment(pair.path, pair.line, pair.key, pair.es, pair.qu)


def _count(pattern: re.Pattern, text: str, mask: int | None = None) -> tuple[int, str]:
    """Occurrences of a term, and the text with (the first `mask` of) them masked, so a
    shorter term does not count them again."""
    found = list(pattern.finditer(text))
    for match in reversed(found[:mask] if mask is not None else found):
        text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end():]
    return len(found), text


def count_segment(segment: Segment, terms: list[Term], patterns: dict, report: Report) -> None:
    es = fold(segment.es).replace("\n", " ")
    qu = PARENTHESES.sub(" ", fold(segment.qu).replace("\n", " "))
    report.segments += 1
    # Spanish side: longer terms first ('violencia familiar' before 'violencia')
    spanish_counts = {}
    for term in terms:
        spanish, es = _count(patterns[term.id][0], es)
        if spanish:
            spanish_counts[term.id] = (term, spanish)
    # Quechua side: the more specific (longer) Quechua term first, and only as many uses
    # as the Spanish ones, so 'maqa' (violencia) leaves 'maqasqa' (víctima) to its term
    for term, spanish in sorted(spanish_counts.values(), key=lambda item: -len(item[0].qu)):
        quechua, qu = _count(patterns[term.id][1], qu, mask=spanish)
        matched = min(spanish, quechua)
        report.occurrences += spanish
        report.consistent += matched
        totals = report.by_term.setdefault(term.id, [0, 0])
        totals[0] += spanish
        totals[1] += matched
        if matched < spanish:
            report.shortfalls.append(Shortfall(segment, term, spanish, quechua))


def segments(root: Path, glossary: Glossary, glossary_file: Path) -> Iterator[Segment]:
    yield from page_segments(root)
    yield from bank_segments(root)
    yield from glossary_segments(glossary, glossary_file)
    yield from program_segments()


def occurrence_report(root: Path, glossary: Glossary, glossary_file: Path) -> Report:
    """Every checked term, counted in every segment of the project."""
    terms = sorted((t for t in glossary.terminos if t.comprobar_uso), key=lambda t: -len(t.es))
    patterns = {t.id: (spanish_pattern(t), quechua_pattern(t)) for t in terms}
    report = Report()
    for segment in segments(root, glossary, glossary_file):
        count_segment(segment, terms, patterns, report)
    return report
