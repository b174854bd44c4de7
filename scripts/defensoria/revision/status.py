"""What readers see, computed from the review records (never typed by hand).

- A module's legal status: "revisado" only when every claim of the module (page, key
  points, quiz feedback) has an `ok` decision whose huella still matches; otherwise
  "pendiente (n de m afirmaciones revisadas)".
- A Quechua page's status: "revisado" when every segment of the page has a decision
  whose Spanish and Quechua hashes still match; "parcial" with a percentage; or
  "sin-revisar". A segment whose Spanish text changed after its review is stale.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from defensoria import paths
from defensoria.revision.claims import Claim, all_claims
from defensoria.revision.records import Records, load_records
from defensoria.revision.segments import Segment, all_segments


def _names(decisions) -> tuple[str, date | None]:
    names = list(dict.fromkeys(d.por for d in decisions))
    when = max((d.fecha for d in decisions), default=None)
    return " y ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " y " + names[-1], when


def _date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


@dataclass
class LegalStatus:
    total: int = 0
    ok: int = 0
    stale: int = 0
    to_fix: list[tuple[Claim, str]] = field(default_factory=list)
    por: str = ""
    fecha: date | None = None

    @property
    def estado(self) -> str:
        return "revisado" if self.total and self.ok == self.total else "pendiente"

    def text(self, language: str = "es") -> str:
        """One line for the page and the printed footers (no final full stop)."""
        if language == "qu":
            if self.estado == "revisado":
                return f"Kamachiy yachaqwan qhawasqa: {self.por}, {_date(self.fecha)}"
            return f"Manaraq kamachiy yachaqwan qhawasqa ({self.ok}/{self.total})"
        if self.estado == "revisado":
            return f"Revisión legal: revisado por {self.por} el {_date(self.fecha)}"
        return f"Revisión legal: pendiente ({self.ok} de {self.total} afirmaciones revisadas)"


@dataclass
class QuechuaStatus:
    total: int = 0
    reviewed: int = 0
    stale: int = 0
    por: str = ""
    fecha: date | None = None

    @property
    def estado(self) -> str:
        if self.total and self.reviewed == self.total:
            return "revisado"
        return "parcial" if self.reviewed else "sin-revisar"

    @property
    def percent(self) -> int:
        # Floor, so that "100 %" is never shown for a page that is not fully reviewed
        return (100 * self.reviewed) // self.total if self.total else 0

    def text(self, language: str = "es") -> str:
        """One line of the Quechua page's banner (it shows both languages)."""
        if language == "qu":
            if self.estado == "revisado":
                return f"Runasimi rimaqmi qhawarqan: {self.por}, {_date(self.fecha)}."
            return f"T'ikrasqa wakinllan qhawasqa ({self.percent} %)." if self.estado == "parcial" else "T'ikrasqa manaraq qhawasqa."
        if self.estado == "revisado":
            return f"Traducción revisada por {self.por} el {_date(self.fecha)}."
        return f"Traducción revisada en parte ({self.percent} %)." if self.estado == "parcial" else "Traducción sin revisar."


def _decided(items: list, decisions: dict) -> Iterator[tuple]:
    """(item, decision) for each claim or segment that has a recorded decision."""
    for item in items:
        if (decision := decisions.get(item.id)) is not None:
            yield item, decision


def legal_status(claims: list[Claim], records: Records) -> LegalStatus:
    status = LegalStatus(total=len(claims))
    approved = []
    for claim, decision in _decided(claims, records.afirmaciones):
        if decision.huella != claim.huella:
            status.stale += 1
        elif decision.decision == "ok":
            status.ok += 1
            approved.append(decision)
        else:
            status.to_fix.append((claim, decision.comentario))
    status.por, status.fecha = _names(approved)
    return status


def quechua_status(segments: list[Segment], records: Records) -> QuechuaStatus:
    status = QuechuaStatus(total=len(segments))
    approved = []
    for segment, decision in _decided(segments, records.segmentos):
        if decision.huella_es != segment.es_hash:
            status.stale += 1
        elif decision.huella_qu == segment.qu_hash:
            status.reviewed += 1
            approved.append(decision)
    status.por, status.fecha = _names(approved)
    return status


@dataclass
class Snapshot:
    """Claims, segments and records of a project at one moment, grouped for lookups."""

    records: Records
    claims: dict[str, list[Claim]]      # module code / 'glosario' / 'normas' → claims
    segments: dict[str, list[Segment]]  # page path under docs/ or data file → segments

    def legal(self, modulo: str) -> LegalStatus:
        return legal_status(self.claims.get(modulo, []), self.records)

    def quechua(self, page: str) -> QuechuaStatus:
        """`page` is the Spanish or Quechua page path under docs/ ('modulos/m05-….qu.md')."""
        key = page.removesuffix(".qu.md") + ".md" if page.endswith(".qu.md") else page
        return quechua_status(self.segments.get(key, []), self.records)


def _signature(root: Path) -> tuple:
    """Modification times of everything the snapshot reads, to know when to recompute."""
    docs, quizzes = paths.docs_dir(root), paths.quizzes_dir(root)
    files = [*docs.rglob("*.md"), *docs.glob("_datos/*.yml"), *docs.glob("_datos/revision/*.yml"), *quizzes.glob("*.yml")]
    return tuple(sorted((str(f), f.stat().st_mtime_ns) for f in files if f.is_file()))


@lru_cache(maxsize=4)
def _snapshot(root: Path, signature: tuple) -> Snapshot:
    claims: dict[str, list[Claim]] = {}
    for claim in all_claims(root):
        claims.setdefault(claim.modulo, []).append(claim)
    segments: dict[str, list[Segment]] = {}
    for segment in all_segments(root):
        segments.setdefault(segment.page, []).append(segment)
    return Snapshot(load_records(root), claims, segments)


def snapshot(root: Path | None = None) -> Snapshot:
    """The project's review state (recomputed only when a source or record changed)."""
    root = (root or paths.find_root()).resolve()
    return _snapshot(root, _signature(root))


def for_page(path: Path) -> tuple[Snapshot, str]:
    """The snapshot of the project a page belongs to, and the page's path under docs/."""
    # The project the file is in (not DEFENSORIA_RAIZ): print may read a copy's pages
    root = next((folder for folder in Path(path).resolve().parents if (folder / "mkdocs.yml").is_file()), None)
    root = root or paths.find_root()
    relative = Path(path).resolve().relative_to(paths.docs_dir(root).resolve()).as_posix()
    return snapshot(root), relative


def translation_reviewed(quechua_page: Path) -> bool:
    """Whether every segment of a Quechua page is reviewed and unchanged."""
    state, relative = for_page(quechua_page)
    return state.quechua(relative).estado == "revisado"


def module_legal_text(module_page: Path, modulo: str, language: str) -> str:
    state, _ = for_page(module_page)
    return state.legal(modulo).text(language)
