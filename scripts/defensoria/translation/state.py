"""Which version of its Spanish page each Quechua page translates.

A Quechua page records in its front matter the content hash of the Spanish body it was
translated from:

    traduccion:
      estado: borrador
      fuente: 3f2a9c0d41be

When the Spanish body changes, its hash no longer matches and the translation is stale:
`defensoria traducciones` and `revisar` report it and the built page shows a notice.
After updating the translation, `defensoria traducciones --fijar PÁGINA` records the new
hash. Only the body counts: front matter changes (e.g. the legal review date) do not.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from defensoria.errors import SourceError
from defensoria.files import write_atomic
from defensoria.pages import read_page, spanish_source

HASH_LENGTH = 12
STATES = ("borrador", "revisado")


def body_hash(body: str) -> str:
    """Hash prefix of a Markdown body; trailing spaces and blank edges do not count."""
    normal = "\n".join(line.rstrip() for line in body.replace("\r\n", "\n").splitlines()).strip("\n")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def source_hash(spanish: Path) -> str:
    return body_hash(read_page(spanish).body)


@dataclass(frozen=True)
class TranslationState:
    quechua: Path
    spanish: Path
    estado: str | None
    recorded: str | None
    current: str | None

    @property
    def stale(self) -> bool:
        return bool(self.recorded and self.current and self.recorded != self.current)


def translation_state(quechua: Path) -> TranslationState:
    """State of one Quechua page (raises SourceError on a broken front matter)."""
    page = read_page(quechua)
    spanish = spanish_source(quechua)
    info = page.meta.get("traduccion")
    info = info if isinstance(info, dict) else {}
    recorded = info.get("fuente")
    current = source_hash(spanish) if spanish.is_file() else None
    return TranslationState(quechua, spanish, info.get("estado"), str(recorded) if recorded else None, current)


def record_source_hash(quechua: Path) -> str:
    """Write the current Spanish hash into `traduccion.fuente`; return it.

    Only the front matter lines of `traduccion` change; the file is replaced atomically.
    """
    quechua = Path(quechua)
    spanish = spanish_source(quechua)
    if not spanish.is_file():
        raise SourceError(quechua, 1, f"no existe la página en castellano {spanish.name}.")
    digest = source_hash(spanish)
    text = quechua.read_text(encoding="utf-8")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        lines = ["---", "traduccion:", "  estado: borrador", f"  fuente: {digest}", "---", *lines]
    else:
        end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
        if end is None:
            raise SourceError(quechua, 1, "el encabezado abre con '---' pero no se cierra.")
        info = read_page(quechua).meta.get("traduccion")
        lines = lines[:1] + _with_hash(lines[1:end], digest, info if isinstance(info, dict) else {}) + lines[end:]
    new_text = "\n".join(lines)
    write_atomic(quechua, new_text)
    if translation_state(quechua).recorded != digest:
        write_atomic(quechua, text)
        raise SourceError(quechua, 1, "no se pudo escribir traduccion.fuente en el encabezado; escríbalo a mano.")
    return digest


def _with_hash(meta_lines: list[str], digest: str, info: dict) -> list[str]:
    """Front matter lines with traduccion.fuente set, touching only that block
    (`info` is the `traduccion` mapping as read, for the flow style)."""
    start = next((i for i, line in enumerate(meta_lines) if line.startswith("traduccion:")), None)
    if start is None:
        return [*meta_lines, "traduccion:", "  estado: borrador", f"  fuente: {digest}"]
    inline = meta_lines[start].split(":", 1)[1].strip()
    if inline:  # flow style: traduccion: {estado: borrador}
        value = {**info, "fuente": digest}
        flow = ", ".join(f"{k}: {v}" for k, v in value.items())
        return [*meta_lines[:start], f"traduccion: {{{flow}}}", *meta_lines[start + 1 :]]
    end = start + 1
    while end < len(meta_lines) and (meta_lines[end].startswith((" ", "\t")) or not meta_lines[end].strip()):
        end += 1
    block = meta_lines[start + 1 : end]
    indent = next((line[: len(line) - len(line.lstrip())] for line in block if line.strip()), "  ")
    for i, line in enumerate(block):
        if line.strip().startswith("fuente:") and line.startswith(indent) and not line[len(indent):].startswith(" "):
            block[i] = f"{indent}fuente: {digest}"
            break
    else:
        block.append(f"{indent}fuente: {digest}")
    return [*meta_lines[: start + 1], *block, *meta_lines[end:]]
