"""Spelling lint for Southern Quechua (Cusco) in the official alphabet.

The alphabet (RM 1218-85-ED; three vowels for Southern Quechua): a ch chh ch' h i k kh k'
l ll m n ñ p ph p' q qh q' r s t th t' u w y. What is reported, per word:

- error: e or o, or a letter foreign to the alphabet (b c d f g j v x z; c only in ch),
  in a word that is not an allowed loanword or name (docs/_datos/ortografia-qu.yml);
- error: a wrong apostrophe (´ ’ ` ‘ ʼ instead of '), a doubled apostrophe, an
  apostrophe after a letter that cannot be glottalised (only ch k p q t) or not followed
  by a vowel;
- error: a known confusion from the list, at the start of a word (khari → qhari, taqwi →
  t'aqwi) or, written between hyphens, inside it (-qti- → -pti-: maqaqtin → maqaptin), and
  the old Spanish-based spelling hua/hui for wa/wi (huasi → wasi);
- error: a loanword or name without its Spanish accent, or with one it does not have
  (policiaq → policíaq): loans keep their Spanish spelling under Quechua suffixes;
- warning: a capitalised word inside a sentence with e/o or foreign letters (probably a
  name: add it to the list), and accents on a Quechua word.

Skipped: acronyms (DEMUNA), words next to digits, parenthesised Spanish glosses
"(denuncia)", the word or emphasised phrase right before "nisqa" (how Quechua quotes a
foreign term: "**Historial** nisqata"), and everything text.clean() removes.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from defensoria import paths
from defensoria.content.validation import source_error
from defensoria.content.yamlfile import read_yaml
from defensoria.content.prose import WORD

RULES_FILE = Path("_datos") / "ortografia-qu.yml"
FOREIGN = set("bdfgjvxz")
WRONG_APOSTROPHES = "’´`‘ʼ"
GLOTTAL = ("ch", "k", "p", "q", "t")
VOWELS = set("aiueo")
OLD_W = re.compile(r"^hu[aei]")
SPANISH_ENDING = re.compile(r"^(?:[aeo]s?)")
ACRONYM = re.compile(r"^[A-ZÑ]{2,}(?=[a-zñ'])")
PAREN = re.compile(r"\(([^()]*)\)")
# **Historial** nisqata · [Línea 100] nisqaman · Shift nisqata: one quoted term per nisqa
BEFORE_NISQA = re.compile(r"(?:(\*\*|\*|_)[^*_]+?\1|\[[^\]]*\]|[^\s(\[*_]+)\s+(?=nisqa)", re.IGNORECASE)
SENTENCE_PREFIX = re.compile(r"[\s*_#>\[\]()¿¡\"“”«»|·\-+]+$")

ERROR = "error"
WARNING = "aviso"


class Rules(BaseModel):
    """docs/_datos/ortografia-qu.yml: what the lint accepts besides Quechua words."""

    model_config = ConfigDict(extra="forbid")

    prestamos: list[str] = Field(default_factory=list)
    nombres: list[str] = Field(default_factory=list)
    excepciones: list[str] = Field(default_factory=list)
    confusiones: dict[str, str] = Field(default_factory=dict)
    # Roots with an ejective or aspirate, as the Cusco lexicon writes them (k'iti, qhawa)
    conocidas: list[str] = Field(default_factory=list)
    _known: dict[str, str] = PrivateAttr(default_factory=dict)
    _loans: list[str] = PrivateAttr(default_factory=list)
    _names: set[str] = PrivateAttr(default_factory=set)
    _exceptions: set[str] = PrivateAttr(default_factory=set)
    _confusions: dict[str, str] = PrivateAttr(default_factory=dict)
    _infixes: dict[str, str] = PrivateAttr(default_factory=dict)
    _spellings: dict[str, str] = PrivateAttr(default_factory=dict)
    # Verdicts already given: the same words recur on every page and bank, and each one
    # is matched against every loan stem and name
    _stems: dict[str, str | None] = PrivateAttr(default_factory=dict)
    _verdicts: dict[tuple | str, tuple[str, str] | None] = PrivateAttr(default_factory=dict)

    def model_post_init(self, _context) -> None:
        self._loans = sorted({fold(w) for w in self.prestamos}, key=len, reverse=True)
        self._names = {fold(w) for w in self.nombres}
        self._exceptions = {w.casefold() for w in self.excepciones}
        # '-qti-' (between hyphens): a suffix searched inside words; 'khari': a word start
        self._confusions = {fold(k): v for k, v in self.confusiones.items() if not _is_infix(k)}
        self._infixes = {fold(k.strip("-")): v for k, v in self.confusiones.items() if _is_infix(k)}
        # A known root without its marks (kiti for k'iti) is the slip to find
        self._known = {plain(fold(w)): fold(w) for w in self.conocidas if plain(fold(w)) != fold(w)}
        # The written form of each loan stem and name, accents included (policía, Julián)
        self._spellings = {fold(w): _lower(w) for w in (*self.prestamos, *self.nombres)}


@dataclass(frozen=True)
class Finding:
    line: int
    word: str
    message: str
    level: str = ERROR


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, accents removed (ñ kept), every apostrophe as '."""
    text = text.casefold().replace("ñ", "\0")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for mark in WRONG_APOSTROPHES:
        text = text.replace(mark, "'")
    return text.replace("\0", "ñ")


MARKS = re.compile(r"(ch|[ptkq])['h]")


def plain(word: str) -> str:
    """The word without ejective and aspirate marks: k'iti → kiti, qhawa → qawa."""
    return MARKS.sub(r"\1", word)


def _is_infix(key: str) -> bool:
    return len(key) > 2 and key.startswith("-") and key.endswith("-")


def _lower(text: str) -> str:
    return unicodedata.normalize("NFC", text.casefold())


def _spanish_like(word: str, rules: Rules) -> bool:
    w = fold(word)
    return bool(set(w) & (FOREIGN | {"e", "o"})) or ("c" in w.replace("ch", "")) or w in rules._names


def _allowed(word: str, rules: Rules) -> bool:
    """A name or a loan stem, followed by Quechua suffixes (abogado+yuq, Qusqu+pi)."""
    return _allowing_stem(word, rules) is not None


def _allowing_stem(word: str, rules: Rules) -> str | None:
    """The folded name or loan stem that allows `word` ('' for an acronym), or None."""
    stems = rules._stems
    if word not in stems:
        stems[word] = _find_stem(word, rules)
    return stems[word]


def _find_stem(word: str, rules: Rules) -> str | None:
    w = fold(word)
    if w in rules._names:
        return w
    if ACRONYM.match(word):  # DEMUNApas, CEMkuna: Quechua suffixes on an acronym
        return "" if _clean_suffix(ACRONYM.sub("", word).casefold()) else None
    for name in rules._names:
        if w.startswith(name) and _clean_suffix(w[len(name):]):
            return name
    for stem in rules._loans:
        if w.startswith(stem):
            # The Spanish ending may follow the stem (abogad+o, taller+es), then Quechua suffixes
            return stem if _clean_suffix(SPANISH_ENDING.sub("", w[len(stem):], count=1)) else None
    return None


def _respelt(word: str, stem: str, rules: Rules) -> str | None:
    """`word` with its loan stem or name written as listed, if the accents differ (policiaq → policíaq)."""
    written = rules._spellings.get(stem)
    word = unicodedata.normalize("NFC", word)
    if not written or word.casefold().startswith(written) or len(word) != len(fold(word)):
        return None
    head = "".join(c.upper() if original.isupper() else c for c, original in zip(written, word))
    return head + word[len(written):]


def _infix_slips(word: str, stem: str | None, rules: Rules) -> tuple[list[str], str]:
    """The listed wrong suffixes inside `word`, and the word with all of them corrected."""
    w = fold(word)
    # Inside the word, never at its start; in a loan, only among its Quechua suffixes
    start = len(stem) if stem else 1
    found, rest = [], w[start:]
    for wrong, right in rules._infixes.items():
        if wrong in rest:
            found.append(wrong)
            rest = rest.replace(wrong, right.strip("-"))
    fixed = w[:start] + rest
    return found, fixed[:1].upper() + fixed[1:] if word[:1].isupper() else fixed


def _clean_suffix(rest: str) -> bool:
    return not (set(rest) & (FOREIGN | {"e", "o"})) and "c" not in rest.replace("ch", "")


def _is_spanish_gloss(inner: str, rules: Rules) -> bool:
    """A parenthesised text with a Spanish word in it: '(denuncia)', '(personas con discapacidad)'."""
    return any(_spanish_like(w, rules) and not _allowed(w, rules) and not w.isupper() for w in WORD.findall(inner))


def strip_glosses_across_lines(lines: list[tuple[int, str]], rules: Rules) -> list[tuple[int, str]]:
    """Blank Spanish glosses whose parentheses open on one line and close on the next."""
    out = list(lines)
    for i in range(len(out) - 1):
        (number, text), (next_number, following) = out[i], out[i + 1]
        opening = text.rfind("(")
        closing = following.find(")")
        if opening == -1 or ")" in text[opening:] or closing == -1 or "(" in following[:closing]:
            continue
        if _is_spanish_gloss(text[opening + 1 :] + " " + following[:closing], rules):
            out[i] = (number, text[:opening] + " ")
            out[i + 1] = (next_number, " " + following[closing + 1 :])
    return out


def _strip_quoted(text: str, rules: Rules) -> str:
    """Drop Spanish glosses in parentheses and the term quoted before 'nisqa'."""
    def gloss(match):
        return " " if _is_spanish_gloss(match.group(1), rules) else match.group(0)

    text = PAREN.sub(gloss, text)
    return BEFORE_NISQA.sub(" ", text)


def _sentence_start(text: str, start: int) -> bool:
    before = SENTENCE_PREFIX.sub("", text[:start])
    return not before or before[-1] in ".!?:;"


def check_word(word: str, rules: Rules, *, sentence_start: bool = True,
               page_names: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(level, message) for a misspelt word, or None."""
    # Only a capitalised word's verdict depends on where it stands and on the page's names
    key = (word, sentence_start, page_names) if word[:1].isupper() else word
    verdicts = rules._verdicts
    if key not in verdicts:
        verdicts[key] = _check_word(word, rules, sentence_start, page_names)
    return verdicts[key]


def _check_word(word: str, rules: Rules, sentence_start: bool, page_names: frozenset[str]) -> tuple[str, str] | None:
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or (word.isupper() and len(letters) >= 2):
        return None
    if "''" in word:
        return ERROR, f"«{word}»: apóstrofo repetido; las consonantes glotalizadas llevan uno solo (p'anqa)."
    wrong = next((c for c in word if c in WRONG_APOSTROPHES), None)
    if wrong:
        return ERROR, f"«{word}»: apóstrofo «{wrong}» incorrecto; escriba el apóstrofo recto ' (p'anqa, ch'aki)."
    if word.casefold() in rules._exceptions:
        return None
    w = fold(word)
    for position, char in enumerate(w):
        if char != "'":
            continue
        if not w[:position].endswith(GLOTTAL):
            return ERROR, f"«{word}»: el apóstrofo solo va después de ch, k, p, q o t (consonantes glotalizadas)."
        if position + 1 >= len(w) or w[position + 1] not in VOWELS:
            return ERROR, f"«{word}»: después de una consonante glotalizada (p', t'…) viene una vocal."
    for wrong_form, right in rules._confusions.items():
        if w.startswith(wrong_form):
            return ERROR, f"«{word}»: se escribe «{right}» (no «{wrong_form}»)."
    stem = _allowing_stem(word, rules)
    if stem is None:
        for bare, root in rules._known.items():
            if w.startswith(bare) and not w.startswith(root) and plain(w).startswith(bare):
                return ERROR, (f"«{word}»: la raíz se escribe «{root}» (consonante glotalizada o aspirada, "
                               "léxico de Cusco en docs/_datos/ortografia-qu.yml).")
    slips, fixed = _infix_slips(word, stem, rules)
    if slips:
        forms = " y ".join(f"«{rules._infixes[wrong]}» (no «-{wrong}-»)" for wrong in slips)
        return ERROR, f"«{word}»: se escribe {forms}: «{fixed}»."
    if stem is not None:
        if respelt := _respelt(word, stem, rules):
            what = "el nombre" if stem in rules._names else "el préstamo"
            return ERROR, (f"«{word}»: {what} conserva la ortografía castellana, con sus tildes: «{respelt}» "
                           f"(como «{rules._spellings[stem]}»).")
        return None
    capitalised = word[:1].isupper()
    if OLD_W.match(w) and not capitalised:
        return ERROR, f"«{word}»: escritura antigua; en el alfabeto oficial se escribe w (wasi, no huasi)."
    foreign = sorted(set(w) & FOREIGN) + (["c"] if "c" in w.replace("ch", "") else [])
    vowels = sorted(set(w) & {"e", "o"})
    if foreign or vowels:
        named_in_page = any(w.startswith(name) and _clean_suffix(w[len(name):]) for name in page_names)
        if capitalised and (not sentence_start or named_in_page):
            return WARNING, f"«{word}»: ¿nombre propio? Si lo es, agréguelo a «nombres» en docs/_datos/ortografia-qu.yml."
        if vowels:
            letters = "la e y la o no se usan" if len(vowels) == 2 else f"la {vowels[0]} no se usa"
            return ERROR, (f"«{word}»: {letters} en palabras quechuas (tres vocales: a, i, u). "
                           "Si es un préstamo del castellano, agréguelo a «prestamos» en docs/_datos/ortografia-qu.yml.")
        return ERROR, (f"«{word}»: la letra {', '.join(foreign)} no es del alfabeto quechua. "
                       "Si es un préstamo o un nombre, agréguelo a docs/_datos/ortografia-qu.yml.")
    if any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", word)) and "ñ" not in word.lower():
        return WARNING, f"«{word}»: el quechua no lleva tildes (salvo exclamaciones); revise la palabra."
    return None


def _words(text: str, rules: Rules):
    """(word, starts a sentence) of a cleaned line, quoted terms and numbers left out."""
    text = _strip_quoted(text, rules)
    for match in WORD.finditer(text):
        end = match.end()
        if (match.start() > 0 and text[match.start() - 1].isdigit()) or (end < len(text) and text[end].isdigit()):
            continue
        yield match.group(0), _sentence_start(text, match.start())


def probable_names(lines: list[tuple[int, str]], rules: Rules) -> frozenset[str]:
    """Capitalised non-Quechua words used inside a sentence somewhere in the page: names
    (Rosa, Justina), so the same word starting a sentence is not reported as a slip."""
    names = set()
    for _, text in lines:
        for word, sentence_start in _words(text, rules):
            if word[:1].isupper() and not sentence_start and not word.isupper() and _spanish_like(word, rules):
                names.add(re.sub(r"(?:pa|q|ta|pi|man|wan|kuna|mi|m|qa|pas|taq)+$", "", fold(word)) or fold(word))
    return frozenset(names)


def lint_line(text: str, line: int, rules: Rules, page_names: frozenset[str] = frozenset()) -> list[Finding]:
    """Findings in one cleaned line of Quechua text."""
    findings = []
    for word, sentence_start in _words(text, rules):
        result = check_word(word, rules, sentence_start=sentence_start, page_names=page_names)
        if result:
            findings.append(Finding(line, word, result[1], result[0]))
    return findings


def rules_path(root: Path | None = None) -> Path:
    return paths.docs_dir(root) / RULES_FILE


@lru_cache(maxsize=8)
def _load_cached(path: Path, mtime: float) -> Rules:
    document = read_yaml(path, "la lista de ortografía")
    try:
        return Rules.model_validate(document.data or {})
    except ValidationError as error:
        raise source_error(error, document) from None


def load_rules(root: Path | None = None, path: Path | None = None) -> Rules:
    """The allow-lists of a project (empty rules when the file does not exist)."""
    path = Path(path) if path else rules_path(root)
    if not path.is_file():
        return Rules()
    return _load_cached(path.resolve(), path.stat().st_mtime)
