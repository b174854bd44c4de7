"""Spanish readability of a page: Szigriszt-Pazos index on the INFLESZ scale.

    P = 206.835 − 62.3 × (sílabas / palabras) − (palabras / frases)

INFLESZ scale (Barrio-Cantalejo et al., 2008): < 40 muy difícil, 40–55 algo difícil,
55–65 normal, 65–80 bastante fácil, > 80 muy fácil. Learner pages should be at least
"bastante fácil" (P ≥ 65).

The page is read through the page model: its blocks (content.markdown) give the
structure — headings, list items, table rows, terms and their definitions each end a
sentence; front matter, code and diagram fences and admonition titles are not prose —
and content.prose cleans each block as for every word count (no citations [[…]], HTML,
link targets, URLs), so readability and the other measures read the same text.

No maintained PyPI library counts Spanish syllables by rule (textstat uses hyphenation
dictionaries, which undercount: "a-mor" is not hyphenated), so the counter is here and
tested in tests/test_readability.py.

Example:

    >>> score_text("La niña come pan.").szigriszt_pazos
    109.4
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from defensoria import paths
from defensoria.content.markdown import MarkdownPage, read_page
from defensoria.content.prose import clean

STRONG = set("aeoáéóíú")  # accented i/u break a diphthong, like a, e, o
WEAK = set("iuü")
VOWELS = STRONG | WEAK
THRESHOLD = 65.0  # "bastante fácil" starts here
SCALE = [(40, "muy difícil"), (55, "algo difícil"), (65, "normal"), (80, "bastante fácil"), (float("inf"), "muy fácil")]

WORD = re.compile(r"[a-záéíóúüñ]+(?:['’][a-záéíóúüñ]+)*", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n")
# Abbreviations whose period does not end a sentence
ABBREVIATIONS = re.compile(r"\b(?:arts?|N|n|núm|inc|incs|lit|fj|D|S|Leg|R|M|p|ej|etc|Sr|Sra|Dr|Dra|aprox|tel)\.(?:\s*°)?", re.IGNORECASE)

# Emphasis marks: "**Igualdad.** Mujeres…" ends a sentence after "Igualdad."
EMPHASIS = re.compile(r"[*_]")


def count_syllables(word: str) -> int:
    """Syllables of a Spanish word, by vowel nuclei: hiatus between strong vowels,
    diphthongs and triphthongs with weak ones, final y as a vowel ("hay", "muy")."""
    word = word.lower().replace("’", "").replace("'", "")
    letters = list(word)
    for i, char in enumerate(letters):
        following = letters[i + 1] if i + 1 < len(letters) else None
        # y sounds as a vowel at the end of a word or before a consonant ("hay", "y")
        if char == "y" and (following is None or (i > 0 and following not in VOWELS)):
            letters[i] = "i"
    count = 0
    group: list[str] = []
    for char in letters + [" "]:
        if char in VOWELS:
            group.append(char)
            continue
        if group:
            strong = sum(1 for vowel in group if vowel in STRONG)
            count += strong if strong else 1
            group = []
    return max(count, 1)


def scale_label(score: float) -> str:
    """INFLESZ label of a Szigriszt-Pazos score."""
    return next(label for limit, label in SCALE if score < limit)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def szigriszt_pazos(self) -> float:
        """Szigriszt-Pazos perspicuity (0 when there is no text), rounded to 0.1."""
        if not self.words or not self.sentences:
            return 0.0
        return round(206.835 - 62.3 * self.syllables / self.words - self.words / self.sentences, 1)

    @property
    def inflesz(self) -> str:
        return scale_label(self.szigriszt_pazos)

    @property
    def easy_enough(self) -> bool:
        return self.szigriszt_pazos >= THRESHOLD


def plain_text(page: MarkdownPage) -> str:
    """The prose of a page, one block a line, so that every block ends a sentence."""
    lines = []
    for block in page.blocks():
        if block.kind == "admonition-title":
            continue
        text = clean(block.text.replace("\n", " "), keep_spanish=True)
        if text := " ".join(EMPHASIS.sub("", text).split()):
            lines.append(text)
    return "\n".join(lines)


def score_text(text: str) -> Readability:
    """Words, sentences and syllables of plain Spanish text."""
    text = unicodedata.normalize("NFC", ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", ""), text))
    words = syllables = sentences = 0
    for sentence in SENTENCE_END.split(text):
        found = WORD.findall(sentence)
        if found:
            sentences += 1
            words += len(found)
            syllables += sum(count_syllables(word) for word in found)
    return Readability(words, sentences, syllables)


def score_page(path: Path) -> Readability:
    """Readability of a Markdown page's prose (front matter, code and citations removed)."""
    return score_text(plain_text(read_page(path)))


def learner_pages(root: Path | None = None) -> list[Path]:
    """Spanish pages a learner reads: modules, home, glossary, directory, safe browsing."""
    docs = paths.docs_dir(root)
    modules = sorted(p for p in paths.modules_dir(root).glob("m[0-9][0-9]-*.md") if not p.name.endswith(".qu.md"))
    others = [docs / name for name in ("index.md", "glosario.md", "directorio.md", "navega-con-seguridad.md")]
    return modules + [p for p in others if p.is_file()]


def module_readability(root: Path | None = None) -> list[tuple[str, Readability]]:
    """(module file stem, readability) for each Spanish module page."""
    return [(path.stem, score_page(path)) for path in learner_pages(root) if path.parent == paths.modules_dir(root)]


def print_module_readability(root: Path | None = None) -> None:
    """Print one line per module: score, INFLESZ label, words and sentences (for the lead's notes)."""
    for stem, result in module_readability(root):
        mark = "✅" if result.easy_enough else "⚠️"
        print(f"{mark} {stem}: {result.szigriszt_pazos:.1f} ({result.inflesz}); "
              f"{result.words} palabras, {result.sentences} frases, {result.syllables / max(result.words, 1):.2f} sílabas/palabra")
