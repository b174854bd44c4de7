"""`certificados`: bilingual (Spanish/Quechua) PDF certificates with a verification code.

Each certificate gets a random verification code (codes.new_verification_code) printed
with a QR code that opens the site's verification page. The site lists only sha256
hashes of valid codes (docs/_datos/certificados.json), never names or people codes.
Issuing again is idempotent: a person keeps the code of the certificate they already have.
"""

import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import segno

from defensoria.address import configured_site_url, is_placeholder
from defensoria.catalog import catalog, get_module
from defensoria.content.project import module_title
from defensoria.errors import DefensoriaError, SourceError
from defensoria.registro.codes import HASH_PREFIX, new_verification_code, normalize_verification_code, verification_hash
from defensoria.registro.db import today, transaction
from defensoria.registro.outputs import TEMPLATES, atomic_path, render_html, write_pdf
from defensoria.registro.progress import completed
from defensoria.registro.rules import Rules
from defensoria.registro.values import fold

HASHES = Path("docs") / "_datos" / "certificados.json"  # what the site's verification page reads
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre")
VERIFY_PAGE = "verificar.html"


@dataclass
class Certificate:
    person_code: str
    names: str
    kind: str
    subject: str
    subject_title: str
    subject_title_qu: str
    hours: float
    module_count: int
    issued_on: str
    verification_code: str

    @property
    def hours_text(self) -> str:
        return f"{self.hours:g}"

    @property
    def date_text(self) -> str:
        on = date.fromisoformat(self.issued_on)
        return f"{on.day} de {MONTHS[on.month - 1]} de {on.year}"

    @property
    def date_numbers(self) -> str:
        on = date.fromisoformat(self.issued_on)
        return f"{on.day:02d}/{on.month:02d}/{on.year}"


def site_url(root: Path | None = None) -> str:
    """site_url of mkdocs.yml, ending in '/' ('' when the project has none)."""
    try:
        return configured_site_url(root)
    except SourceError:
        return ""


def verify_url(code: str, base_url: str) -> str:
    """The QR payload: the verification page with the code after '#', which browsers never send."""
    return f"{base_url}{VERIFY_PAGE}#c={code}"


def qr_data_uri(payload: str) -> str:
    return segno.make(payload, error="m").svg_data_uri(scale=4, border=2)


def issue_certificates(conn: sqlite3.Connection, rules: Rules, kind: str, subject: str, *, council: str | None = None,
                       on: str | None = None, root: Path | None = None) -> tuple[list[Certificate], int]:
    """Certificates for everyone who completed `subject`; returns them and how many are new."""
    if kind == "modulo":
        module = get_module(subject, root)
        subject, title, title_qu, hours, count = module.modulo, module.title, module_title(module, "qu"), module.horas, 1
    else:
        programme = rules.programme(subject)
        modules = catalog(root)
        subject, title, title_qu = programme.codigo, programme.nombre, programme.nombre_qu
        hours = sum(modules[m].horas for m in programme.modulos if m in modules)
        count = len(programme.modulos)
    ids = completed(conn, rules, kind, subject, root)
    if council:
        key = fold(council)
        allowed = {r[0] for r in conn.execute("SELECT p.id FROM people p JOIN councils c ON c.id = p.council_id WHERE c.name_key = ?", (key,))}
        ids = [i for i in ids if i in allowed]
    new = 0
    issued_on = on or date.today().isoformat()
    with transaction(conn):
        for person_id in ids:
            exists = conn.execute("SELECT 1 FROM certificates WHERE person_id = ? AND kind = ? AND subject = ?", (person_id, kind, subject)).fetchone()
            if exists:
                continue
            while True:  # a clash of 60-bit random codes is next to impossible, but cheap to rule out
                code = new_verification_code()
                if not conn.execute("SELECT 1 FROM certificates WHERE verification_code = ?", (code,)).fetchone():
                    break
            conn.execute("INSERT INTO certificates (person_id, kind, subject, issued_on, verification_code) VALUES (?, ?, ?, ?, ?)",
                         (person_id, kind, subject, issued_on, code))
            new += 1
    certificates = []
    for person_id in ids:
        row = conn.execute(
            "SELECT p.code, p.given_names, p.surnames, c.issued_on, c.verification_code FROM certificates c JOIN people p ON p.id = c.person_id"
            " WHERE c.person_id = ? AND c.kind = ? AND c.subject = ? AND c.revoked = 0", (person_id, kind, subject)).fetchone()
        if row:
            names = " ".join(part for part in (row["given_names"], row["surnames"]) if part) or row["code"]
            certificates.append(Certificate(row["code"], names, kind, subject, title, title_qu, hours, count, row["issued_on"], row["verification_code"]))
    return certificates, new


def certificate_html(cert: Certificate, base_url: str) -> str:
    css = (TEMPLATES / "base.css").read_text(encoding="utf-8")
    if is_placeholder(base_url):  # an example address: the code alone, no QR that leads nowhere
        return render_html("certificado.html", cert=cert, qr=None, verify_url=None, css=css)
    url = verify_url(cert.verification_code, base_url)
    return render_html("certificado.html", cert=cert, qr=qr_data_uri(url), verify_url=f"{base_url}{VERIFY_PAGE}", css=css)


def write_certificates(certificates: list[Certificate], folder: Path, base_url: str,
                       progress: Callable[[int], None] | None = None) -> list[Path]:
    """One PDF per certificate, named by code and subject (no names in file names)."""
    written = []
    for cert in certificates:
        target = Path(folder) / f"certificado-{cert.person_code}-{cert.subject}.pdf"
        written.append(write_pdf(target, certificate_html(cert, base_url)))
        if progress:
            progress(1)
    return written


def publish_hashes(conn: sqlite3.Connection, target: Path) -> int:
    """Write the public list of valid certificates: hash, kind, subject and date only."""
    rows = conn.execute("SELECT verification_code, kind, subject, issued_on FROM certificates WHERE revoked = 0").fetchall()
    entries = sorted(({"hash": verification_hash(r[0]), "tipo": r[1], "tema": r[2], "fecha": r[3]} for r in rows), key=lambda e: e["hash"])
    document = {
        "descripcion": "Certificados válidos de las Defensorías Comunitarias de Cusco. Solo huellas sha256 de los códigos de verificación; sin nombres.",
        "algoritmo": "sha256",
        "prefijo": HASH_PREFIX,
        "normalizacion": "mayúsculas, sin espacios; O se lee 0, I y L se leen 1; formato XXXX-XXXX-XXXX",
        "certificados": entries,
    }
    target = Path(target)
    with atomic_path(target) as partial:
        partial.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(entries)


def verify(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    """The certificate with this verification code (as typed), if it is valid."""
    wanted = verification_hash(code)
    for row in conn.execute("SELECT * FROM certificates WHERE revoked = 0"):
        if verification_hash(row["verification_code"]) == wanted:
            return row
    return None


def find_certificate(conn: sqlite3.Connection, code: str) -> sqlite3.Row:
    """The certificate with this verification code (valid or revoked), as a person types it."""
    wanted = normalize_verification_code(code)
    if not re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", wanted):
        raise DefensoriaError(f"el código de verificación '{code}' no tiene la forma XXXX-XXXX-XXXX (12 letras y números).")
    row = conn.execute("SELECT c.*, p.code AS person_code FROM certificates c JOIN people p ON p.id = c.person_id"
                       " WHERE c.verification_code = ?", (wanted,)).fetchone()
    if row is None:
        raise DefensoriaError(f"no existe ningún certificado con el código de verificación {wanted}. Revise si se copió bien.")
    return row


def revoke_certificate(conn: sqlite3.Connection, code: str, reason: str, published: Path, on: str | None = None) -> tuple[sqlite3.Row, bool]:
    """Mark a certificate revoked (kept, with date and reason) and re-publish the list of valid hashes.

    Both happen in one transaction: if the list cannot be written, nothing is revoked.
    Revoking again only re-publishes. Returns the certificate as it is now and whether it
    was revoked by this call.
    """
    reason = " ".join(str(reason).split())
    if not reason:
        raise DefensoriaError("indique el motivo de la anulación con --motivo.")
    certificate = find_certificate(conn, code)
    try:
        with transaction(conn):
            changed = conn.execute("UPDATE certificates SET revoked = 1, revoked_on = ?, revoked_reason = ? WHERE id = ? AND revoked = 0",
                                   (on or today(), reason, certificate["id"])).rowcount == 1
            publish_hashes(conn, published)
    except OSError as error:
        raise DefensoriaError(f"no se pudo escribir la lista de certificados válidos {published} ({error.strerror or error}); "
                              "no se anuló nada.") from None
    return find_certificate(conn, code), changed


def revoked_certificate(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    """The revoked certificate with this code, if there is one (to say why a code is not valid)."""
    try:
        row = find_certificate(conn, code)
    except DefensoriaError:
        return None
    return row if row["revoked"] else None
