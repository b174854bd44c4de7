"""`defensoria revisar`: what the review records say still needs work.

- A claim the lawyer marked `corregir` is listed with the lawyer's comment (a warning)
  until its words or citation change (then it is a new claim, pending review again).
- A front matter that says `estado: revisado` by hand, without the records to back it,
  is an error: only the review workflow says a page is reviewed.
"""

from pathlib import Path

from defensoria.checks import ERROR, WARNING, Problem, check
from defensoria.content.markdown import read_page
from defensoria.revision.status import snapshot


@check("revision")
def review_records(root: Path):
    state = snapshot(root)
    for code in sorted(state.claims):
        for claim, comment in state.legal(code).to_fix:
            yield Problem(claim.archivo, claim.linea, f"la abogada pidió corregir esta afirmación ({claim.id}): {comment}", WARNING)
    for code in sorted(state.claims):
        if not code.startswith("m"):
            continue
        claims = state.claims[code]
        page_path = next((c.archivo for c in claims if c.archivo.suffix == ".md"), None)
        if page_path is None:
            continue
        page = read_page(page_path)
        said = (page.meta.get("revision_legal") or {}).get("estado") if isinstance(page.meta.get("revision_legal"), dict) else None
        if said == "revisado" and state.legal(code).estado != "revisado":
            yield Problem(page_path, page.line_of("revision_legal"),
                          "dice «revisado» a mano, pero no hay decisiones de la abogada para todas sus afirmaciones; "
                          "use «pendiente»: el sitio calcula el estado con `defensoria revision`.", ERROR)
