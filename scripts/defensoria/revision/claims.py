"""Legal claims: each sentence or list item that carries a `[[…]]` citation, in module
pages (handout key points included), the glossary, the Normas page and quiz feedback.

A claim's id is a hash of its normalised words and citations, so it survives edits
elsewhere in the page and changes when the claim's own words or citation change. The
record of a decision also keeps a `huella` of the claim plus the literal text of the
cited articles in normas.yml: if that text changes, the approval is stale.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from defensoria import paths
from defensoria.catalog import load_modules
from defensoria.content.citations import ANY_BRACKETS, parse_citation, resolve
from defensoria.content.markdown import read_page
from defensoria.content.yamlfile import YamlDocument, read_yaml
from defensoria.legal.norms import load_norms
from defensoria.revision.records import normalise, text_hash

# A sentence ends with . ! ? (or a citation after them) before a capital or an opening sign
SENTENCE_END = re.compile(r"(?<=[.!?])(?:\s*\[\[[^\]]+\]\][.]?)?\s+(?=[¿¡«\"(*]*[A-ZÁÉÍÓÚÑ])")
EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)[*_]|[*_](?!\w))")


@dataclass(frozen=True)
class Claim:
    id: str
    modulo: str        # module code, or 'glosario' / 'normas'
    archivo: Path
    linea: int
    texto: str         # the claim as written (Markdown, citations included)
    citas: tuple[str, ...]
    texto_norma: str   # the cited articles' literal text (normas.yml 'extracto'), '' when none
    origen: str        # pagina | puntos-clave | cuestionario | glosario | normas

    @property
    def afirmacion(self) -> str:
        """The claim in plain words for the lawyer: no emphasis, citations in parentheses."""
        plain = ANY_BRACKETS.sub(lambda m: f"({m.group(0)[2:-2].strip()})", self.texto)
        return normalise(EMPHASIS.sub("", plain))

    @property
    def cita(self) -> str:
        return "; ".join(self.citas)

    @property
    def huella(self) -> str:
        return text_hash(self.texto, *self.citas, self.texto_norma)


def claim_id(text: str, citations: tuple[str, ...]) -> str:
    return "L-" + text_hash(text, *citations)[:10]


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; a citation after the full stop stays with its sentence."""
    parts, start = [], 0
    for match in SENTENCE_END.finditer(text):
        parts.append(text[start : match.end()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [part for part in parts if part]


class _Collector:
    def __init__(self, root: Path):
        self.root = root
        self.norms = load_norms(root)
        self.claims: dict[str, Claim] = {}

    def literal(self, citations: tuple[str, ...]) -> str:
        texts = []
        for raw in citations:
            citation = parse_citation(raw)
            found = resolve(citation, self.norms) if citation else None
            if found:
                norm, article = found
                texts.append(((article or norm).extracto or "").strip())
        return "\n".join(text for text in texts if text)

    def add(self, modulo: str, path: Path, line: int, text: str, citations: tuple[str, ...], origen: str) -> None:
        text = normalise(text)
        ident = claim_id(text, citations)
        # The same words with the same citation are one claim, reviewed once
        self.claims.setdefault(ident, Claim(ident, modulo, path, line, text, citations, self.literal(citations), origen))

    def page(self, modulo: str, path: Path) -> None:
        for block in read_page(path).blocks():
            if "[[" not in block.text or block.kind == "heading":
                continue
            origen = "puntos-clave" if block.admonition == "puntos-clave" else "pagina"
            text = normalise(block.text)
            pieces = [text] if block.kind in ("item", "table-row", "admonition-title") else split_sentences(text)
            for piece in pieces:
                citations = tuple(m.group(1).strip() for m in ANY_BRACKETS.finditer(piece))
                if citations:
                    self.add(modulo, path, block.line, piece, citations, origen)

    def quiz(self, modulo: str, path: Path) -> None:
        document = read_yaml(path, "el cuestionario")
        questions = (document.data or {}).get("preguntas") or []
        for index, question in enumerate(questions):
            cita = question.get("cita")
            if not cita:
                continue
            for retro, line in _feedback(question, ("preguntas", index), document):
                self.add(modulo, path, line, retro, _citations(cita), "cuestionario")

    def glossary(self, path: Path) -> None:
        document = read_yaml(path, "el glosario")
        for index, term in enumerate((document.data or {}).get("terminos") or []):
            cita = term.get("cita")
            if cita and term.get("definicion_es"):
                line = document.line(("terminos", index)) or 1
                self.add("glosario", path, line, f"{term.get('es')}: {term['definicion_es']}", _citations(cita), "glosario")

    def normas(self) -> None:
        path = self.norms.path
        document = read_yaml(path, "el archivo de normas")
        for code, norm in self.norms.items():
            for number, article in norm.articulos.items():
                citation = f"{code}, {norm.unidad} {number}"
                line = document.line((code, "articulos", number)) or 1
                self.add("normas", path, line, article.resumen, (citation,), "normas")


def _citations(cita: str | list) -> tuple[str, ...]:
    return tuple(str(c).strip() for c in (cita if isinstance(cita, list) else [cita]))


def _feedback(question: dict, location: tuple, document: YamlDocument) -> list[tuple[str, int]]:
    """(Spanish feedback, line) of a question: per option and per true/false answer."""
    found: list[tuple[str, int]] = []

    def walk(value, here: tuple):
        if isinstance(value, dict):
            for key, child in value.items():
                (collect if key == "retro" else walk)(child, here + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, here + (index,))

    def collect(value, here: tuple):
        if isinstance(value, dict):
            for key, child in value.items():
                if key == "es" and child is not None and not isinstance(child, (dict, list)):
                    found.append((str(child), document.line(here + (key,))))
                else:
                    collect(child, here + (key,))

    walk(question, location)
    return found


def all_claims(root: Path | None = None) -> list[Claim]:
    """Every legal claim of the project, by module, then glossary and norms."""
    root = root or paths.find_root()
    collector = _Collector(root)
    for module in load_modules(root):
        collector.page(module.modulo, module.page_path("es"))
        bank = paths.quizzes_dir(root) / f"{module.modulo}.yml"
        if bank.is_file():
            collector.quiz(module.modulo, bank)
    glossary = paths.docs_dir(root) / "_datos" / "glosario.yml"
    if glossary.is_file():
        collector.glossary(glossary)
    collector.normas()
    return list(collector.claims.values())
