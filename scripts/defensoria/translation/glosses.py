"""Spanish glosses in parentheses in the Quechua pages, counted.

A reader aloud stops at each "(denuncia)". Glosses of legal names people must
recognise at the police or in court (comisaría, juzgado de paz, medidas de protección,
Ficha de Valoración del Riesgo…) stay; the rest could move to the glossary. A gloss is a
legal name when it is the Spanish of a termbase term whose Quechua keeps a Spanish form
(the term itself or one of its variants is Spanish), or a name in the spelling rules.
"""

from dataclasses import dataclass, field
from pathlib import Path

from defensoria.glossary.model import Glossary, glossary_path, load_glossary
from defensoria.pages import read_page
from defensoria.translation.lint import quechua_pages
from defensoria.translation.orthography import PAREN, Rules, _is_spanish_gloss, fold, load_rules
from defensoria.content.prose import prose_lines, words


@dataclass
class GlossReport:
    glosses: int = 0
    legal_names: int = 0
    words: int = 0
    by_page: list[tuple[Path, int]] = field(default_factory=list)

    @property
    def words_per_gloss(self) -> float:
        return self.words / self.glosses if self.glosses else float(self.words)


def legal_names(glossary: Glossary, rules: Rules) -> set[str]:
    """Folded Spanish forms that are names to recognise: terms kept in Spanish in Quechua."""
    names = set()
    for term in glossary.terminos:
        spanish_forms = {fold(term.es), *(fold(v) for v in term.variantes_es)}
        quechua_forms = {fold(term.qu), *(fold(v) for v in term.variantes_qu)}
        if spanish_forms & quechua_forms:
            names |= spanish_forms
    return names


def gloss_report(root: Path) -> GlossReport:
    rules = load_rules(root)
    glossary = load_glossary(root) if glossary_path(root).is_file() else None
    names = legal_names(glossary, rules) if glossary else set()
    report = GlossReport()
    for path in quechua_pages(root):
        count = 0
        for _, text in prose_lines(read_page(path), front_matter=False, keep_spanish=True):
            report.words += len(words(text))
            for match in PAREN.finditer(text):
                inner = match.group(1).strip()
                if not _is_spanish_gloss(inner, rules):
                    continue
                count += 1
                folded = fold(inner)
                if any(folded == name or folded.startswith(name + " ") or folded.rstrip("s") == name for name in names):
                    report.legal_names += 1
        report.glosses += count
        if count:
            report.by_page.append((path, count))
    report.by_page.sort(key=lambda item: -item[1])
    return report
