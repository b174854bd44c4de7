"""The search indexes the site publishes, one per language and audience.

mkdocs-static-i18n writes one index for both languages (its maintainer says the plugin
cannot split it); the site plugin splits it here after the build:

- one index per language; Spanish pages served on the Quechua site as a fallback are
  left out of the Quechua index, so a Quechua search never returns Spanish pages;
- a learner index (`search/`, `qu/search/`) without the trainers' pages (guides,
  read-aloud texts; only the trainers' home page stays, as a way in), and a trainers'
  index (`formadores/search/`, `qu/formadores/search/`) with every page, which only
  pages under `formadores/` load. A defender searching "denuncia" on a phone does not
  download the guides' workshop procedures;
- compact documents: tags are dropped and each section keeps its first words to show
  as the result, then every other word of the section once, leaving out words the
  search never matches (Spanish stop words, which lunr drops from the index anyway)
  or that nobody searches for (Quechua function words such as "chay", "mana").
  Material searches the whole text and shows the teaser; repeated words only made the
  download bigger. In Quechua the hidden part keeps one stem per word family
  ("maqa" for maqay, maqasqa, maqaykunamanta): the browser's Quechua search stems
  every word it indexes and every query term the same way, so the stem finds them all.
"""

import html
import json
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

TRAINERS = "formadores/"
TRAINERS_HOME = "formadores/index.html"
# Ranking: a learner's page first, then the glossary, then the rest, trainers' pages last
# (Material multiplies a document's score by its `boost`)
BOOSTS = (("modulos/", 2.0), ("glosario.html", 1.5), (TRAINERS, 0.75))
TEASER_CHARS = 200
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
WORD = re.compile(r"[\w'’ʼ]+")
STOP_WORD_LIST = re.compile(r'generateStopWordFilter\("([^"]+)"')
# The Quechua search script the browser runs; its suffix list and minimum root are read
# from it, so both sides stem alike
QUECHUA_SEARCH_SCRIPT = Path(__file__).parent / "search" / "lunr.qu.min.js"
# Demonstratives, pronouns, negation, "is", "or", "more"...: in nearly every Quechua
# section, never what a reader looks for (lunr has no Quechua stop word filter)
QUECHUA_FUNCTION_WORDS = frozenset("""
    kay kayqa kaypi kaymanta chay chayqa chaypi chaymanta chaymi chayta wak
    mana manam manan manaraq ima imam imapas imaynam pi pim pipas hina hinam hinaspa
    utaq icha ichaqa aswan astawan huk sapa ñuqa qam pay ñuqanchik ñuqayku qamkuna
    paykuna kan kanmi kanku kachkan kaptin kaptinqa kaq kaqmi ari
""".split())


def split_search_index(merged: dict, pipeline_es: list[str], is_translated=lambda location: True) -> dict[str, dict]:
    """One full index per language; Quechua locations become relative to qu/."""
    config = dict(merged.get("config", {}))
    spanish = {"config": {**config, "lang": ["es"], "pipeline": pipeline_es}, "docs": []}
    quechua = {"config": {**config, "lang": ["qu"], "pipeline": []}, "docs": []}
    for doc in merged.get("docs", []):
        location = doc.get("location", "")
        if location.startswith("qu/"):
            if is_translated(location[len("qu/") :]):
                quechua["docs"].append({**doc, "location": location[len("qu/") :]})
        else:
            spanish["docs"].append(doc)
    return {"es": spanish, "qu": quechua}


def _fold_as_the_browser(text: str) -> str:
    """As lunr.qu.min.js folds: lowercase, accents (and ñ's tilde) and the ejectives'
    apostrophe removed. Not orthography.fold, which keeps ñ and the apostrophe."""
    text = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
    return re.sub(r"['’ʼ]", "", text)


def quechua_stemmer(script: Path = QUECHUA_SEARCH_SCRIPT) -> Callable[[str], str]:
    """The browser's Quechua stemmer: fold, then strip suffixes (longest first, again and
    again) while at least MIN_ROOT letters remain. Stemming a stem changes nothing."""
    source = script.read_text(encoding="utf-8")
    listed = re.sub(r"//[^\n]*", "", re.search(r"var SUFFIXES = \[(.*?)\];", source, re.DOTALL).group(1))
    suffixes = sorted({_fold_as_the_browser(suffix) for suffix in re.findall(r'"([^"]*)"', listed)}, key=len, reverse=True)
    min_root = int(re.search(r"var MIN_ROOT = (\d+);", source).group(1))

    @lru_cache(maxsize=None)
    def stem(word: str) -> str:
        root = _fold_as_the_browser(word)
        stripped = True
        while stripped:
            stripped = False
            for suffix in suffixes:
                if len(root) - len(suffix) >= min_root and root.endswith(suffix):
                    root, stripped = root[: -len(suffix)], True
                    break
        return root

    return stem


def learner_index(index: dict, skip: frozenset[str] = frozenset(), stem: Callable[[str], str] | None = None) -> dict:
    """Every page but the trainers' (their home page stays), compact and ranked."""
    docs = [ranked(compact_document(doc, skip, stem), doc["location"]) for doc in index["docs"] if _for_learners(doc["location"])]
    return {**index, "docs": docs}


def ranked(doc: dict, location: str) -> dict:
    """The document with the boost of its kind of page (none for ordinary pages)."""
    for prefix, boost in BOOSTS:
        if location.startswith(prefix):
            return {**doc, "boost": boost}
    return doc


def _for_learners(location: str) -> bool:
    return not location.startswith(TRAINERS) or location.split("#")[0] == TRAINERS_HOME


def trainers_index(index: dict, skip: frozenset[str] = frozenset(), stem: Callable[[str], str] | None = None) -> dict:
    """Every page, compact, with locations relative to formadores/ (where it is served)."""
    docs = []
    for doc in index["docs"]:
        location = doc["location"]
        relative = location[len(TRAINERS) :] if location.startswith(TRAINERS) else "../" + location
        docs.append(ranked(compact_document({**doc, "location": relative}, skip, stem), location))
    return {**index, "docs": docs}


def unsearched_words(locale: str, lunr_folder: Path) -> frozenset[str]:
    """Words left out of the hidden part: lunr's own stop words for Spanish (read from
    the lunr file the browser uses, so both lists are one), function words for Quechua."""
    if locale == "qu":
        return QUECHUA_FUNCTION_WORDS
    script = lunr_folder / f"lunr.{locale}.min.js"
    found = STOP_WORD_LIST.search(script.read_text(encoding="utf-8")) if script.is_file() else None
    return frozenset(found.group(1).split()) if found else frozenset()


def compact_document(doc: dict, skip: frozenset[str] = frozenset(), stem: Callable[[str], str] | None = None) -> dict:
    """The section's first words as shown, then each remaining word once, hidden.

    Material tokenises the text inside and outside tags alike, so the hidden paragraph is
    searched; it is not shown in the result (nor read by screen readers). With `stem`,
    the hidden part holds each stem once instead of each word.
    """
    plain = SPACE.sub(" ", html.unescape(TAG.sub(" ", doc.get("text", "")))).strip()
    teaser, rest = _cut(plain, TEASER_CHARS)
    key = stem or str.casefold
    seen = {key(word) for word in WORD.findall(teaser)}
    extra = []
    for word in WORD.findall(rest):
        if word.casefold() in skip:
            continue
        form = key(word)
        if form not in seen:
            seen.add(form)
            extra.append(form if stem else word)
    text = f"<p>{html.escape(teaser, quote=False)}{' …' if rest else ''}</p>" if teaser else ""
    if extra:
        text += f'<p hidden>{html.escape(" ".join(extra), quote=False)}</p>'
    return {**doc, "text": text}


def _cut(text: str, limit: int) -> tuple[str, str]:
    """Split at the last space before `limit` characters."""
    if len(text) <= limit:
        return text, ""
    cut = text.rfind(" ", 0, limit)
    cut = cut if cut > 0 else limit
    return text[:cut], text[cut:].strip()


def write_search_index(folder: Path, index: dict) -> None:
    """search_index.json for served sites, search_index.js for file:// (offline plugin format)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(data, encoding="utf-8")
    (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
