"""Texts to read aloud ("para leer en voz alta"): docs/formadores/voz-alta/mNN.md and its
Quechua twin mNN.qu.md, one per module, read by trainers in assemblies or on community
radio.

What a listener needs, checked by `defensoria revisar` (check "voz-alta"): the part
to read (the `<div class="dc-voz-alta">` block) has no parentheses, short sentences,
the Línea 100, and lasts 3 to 5 minutes read slowly. The norms go after the block and
are not read. The front matter names the module (`voz_alta: m04`) and the text's state
(`estado: borrador` until real reviewers say otherwise).
"""

import re
from dataclasses import dataclass
from pathlib import Path

from defensoria import paths
from defensoria.catalog import catalog
from defensoria.checks import WARNING, Problem, check
from defensoria.errors import SourceError
from defensoria.pages import language_of, read_page
from defensoria.content.prose import clean, words

FOLDER = Path("formadores") / "voz-alta"
FILE = re.compile(r"^(m\d{2})(?:\.qu)?\.md$")
BLOCK_OPEN = re.compile(r'^<div class="dc-voz-alta"')
BLOCK_CLOSE = re.compile(r"^</div>")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Slow reading in an assembly, words per minute: Quechua words are longer (suffixes)
WORDS_PER_MINUTE = {"es": 100, "qu": 70}
MINUTES = (3.0, 5.0)
# Longest sentence a listener follows, in words
LONGEST_SENTENCE = {"es": 16, "qu": 12}
HOTLINE = "Línea 100"


@dataclass(frozen=True)
class ReadAloud:
    path: Path
    module: str
    language: str
    estado: str | None
    lines: list[tuple[int, str]]  # (line number, readable text) of the part read aloud

    @property
    def text(self) -> str:
        return " ".join(text for _, text in self.lines)

    @property
    def word_count(self) -> int:
        return len(words(self.text))

    @property
    def minutes(self) -> float:
        return self.word_count / WORDS_PER_MINUTE[self.language]


def folder(root: Path) -> Path:
    return paths.docs_dir(root) / FOLDER


def read_aloud_paths(root: Path) -> list[Path]:
    base = folder(root)
    return sorted(p for p in base.glob("m*.md") if FILE.match(p.name)) if base.is_dir() else []


def load(path: Path) -> ReadAloud:
    page = read_page(path)
    lines, inside = [], False
    for number, raw in enumerate(page.body.splitlines(), start=page.body_line):
        if BLOCK_OPEN.match(raw):
            inside = True
            continue
        if inside and BLOCK_CLOSE.match(raw):
            break
        if inside and raw.strip():
            # **Bold** headings are read too; Spanish-marked names (*juzgado de paz*{lang=es}) stay
            lines.append((number, clean(raw, keep_spanish=True).replace("*", "").strip()))
    return ReadAloud(path, str(page.meta.get("voz_alta", "")), language_of(path), page.meta.get("estado"), lines)


def module_has_read_aloud(root: Path, module: str) -> bool:
    return (folder(root) / f"{module}.md").is_file()


def problems_of(text: ReadAloud, modules: set[str]) -> list[Problem]:
    expected = FILE.match(text.path.name).group(1)
    found = []
    if text.module != expected or expected not in modules:
        found.append(Problem(text.path, 1, f"el encabezado debe decir «voz_alta: {expected}» (un módulo del catálogo)."))
    if not text.estado:
        found.append(Problem(text.path, 1, "falta «estado:» en el encabezado (borrador mientras nadie lo revise)."))
    if not text.lines:
        return found + [Problem(text.path, 1, 'falta el bloque <div class="dc-voz-alta" markdown> con el texto para leer.')]
    for number, line in text.lines:
        if "(" in line or ")" in line:
            found.append(Problem(text.path, number, "paréntesis en el texto para leer: quien escucha no los oye; escriba otra frase."))
        for sentence in SENTENCE_END.split(line):
            if len(words(sentence)) > LONGEST_SENTENCE[text.language]:
                found.append(Problem(text.path, number, f"frase de {len(words(sentence))} palabras: para escuchar, "
                                     f"no más de {LONGEST_SENTENCE[text.language]}.", WARNING))
    if HOTLINE not in text.text:
        found.append(Problem(text.path, text.lines[-1][0], "el texto para leer termina con la ayuda: falta la Línea 100."))
    low, high = MINUTES
    if not low <= text.minutes <= high:
        found.append(Problem(text.path, text.lines[0][0], f"{text.word_count} palabras: unos {text.minutes:.1f} minutos "
                             f"leídos despacio; el texto debe durar de {low:.0f} a {high:.0f} minutos.", WARNING))
    return found


@check("voz-alta")
def check_read_aloud(root: Path):
    try:
        modules = set(catalog(root))
    except SourceError:
        modules = set()
    for path in read_aloud_paths(root):
        try:
            text = load(path)
        except SourceError as error:
            yield Problem.from_error(error)
            continue
        yield from problems_of(text, modules)
        if text.language == "es" and not path.with_name(f"{path.stem}.qu.md").is_file():
            yield Problem(path, 1, "falta su versión en quechua (mNN.qu.md).", WARNING)

