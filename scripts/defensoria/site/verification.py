"""The certificate verification page: a form and the public list of valid hashes.

`defensoria registro certificados` writes docs/_datos/certificados.json (sha256 of each
verification code, with its kind, subject and date; never names or people codes). The
page embeds that list and docs/assets/javascripts/verificar.js checks a typed or scanned
code in the browser.
"""

import html
import json
from pathlib import Path

from defensoria.content.project import project
from defensoria.site.context import PageContext

MARKER = "<!-- verificar-certificados -->"
HASHES = Path("docs") / "_datos" / "certificados.json"

STRINGS = {
    "es": {
        "label": "Código de verificación",
        "button": "Verificar",
        "valid": "Certificado válido: {tema}, emitido el {fecha}.",
        "missing": "No encontramos ese código. Revise que lo copió bien, o pregunte a la coordinación.",
        "empty": "Todavía no hay certificados publicados en esta versión del sitio: aquí no se puede verificar ningún código. Pregunte a la coordinación.",
    },
    "qu": {
        "label": "Chiqaqchana yupay (código)",
        "button": "Chiqaqchay",
        "valid": "Chiqaq certificado: {tema}, {fecha} p'unchawpi qusqa.",
        "missing": "Manam chay yupayta tarinchikchu. Allinta qillqasqaykita qhaway, utaq coordinaciónta tapuy.",
        "empty": "Kay p'anqapiqa manaraqmi certificadokuna kanchu: manam ima yupaytapas kaypi chiqaqchayta atikunchu. Coordinaciónta tapuy.",
    },
}


def subjects(root: Path, language: str) -> dict[str, str]:
    """Readable names of what a certificate is for: module titles and programme names."""
    content = project(root)
    names = {code: f"{code} · {content.title(code, language)}" for code in content.modules()}
    for programme in content.rules().programas:
        names[programme.codigo] = programme.nombre_qu if language == "qu" else programme.nombre
    return names


def render_verification(context: PageContext) -> str:
    """HTML for the marker, in the page's language: form, embedded list and the page's own script."""
    root, language = context.project.root, context.language
    strings = STRINGS.get(language, STRINGS["es"])
    hashes = root / HASHES
    listing = json.loads(hashes.read_text(encoding="utf-8")) if hashes.is_file() else {"prefijo": "", "certificados": []}
    data = {"prefijo": listing.get("prefijo", ""), "certificados": listing.get("certificados", []), "temas": subjects(root, language)}
    # A JSON island: "</" must not close the <script> element early
    island = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    script = context.link("assets/javascripts/verificar.js")
    empty = "" if data["certificados"] else f'<p class="dc-verificar__vacio">{html.escape(strings["empty"])}</p>'
    return f"""<form class="dc-verificar" data-dc-verificar data-valido="{html.escape(strings['valid'])}" data-no-encontrado="{html.escape(strings['missing'])}" data-vacio="{html.escape(strings['empty'])}">
<label for="dc-codigo">{html.escape(strings['label'])}</label>
<input id="dc-codigo" name="codigo" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="XXXX-XXXX-XXXX">
<button type="submit" class="md-button md-button--primary">{html.escape(strings['button'])}</button>
<p class="dc-verificar__resultado" aria-live="polite"></p>
</form>
{empty}
<script type="application/json" id="dc-certificados">{island}</script>
<script src="{script}"></script>
"""
