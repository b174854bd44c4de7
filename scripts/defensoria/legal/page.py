"""The body of the Normas page, generated from normas.yml in the page's language.

Each norm is an H2 and each article an H3 with a stable id (`ley-30364-art-15`), so
that the citation links land on it. A verified article shows its literal text (Spanish on
both pages: the law has no official Quechua text); unverified entries carry a discreet mark.
"""

import html
from datetime import date
from urllib.parse import urlsplit

from defensoria.legal.norms import Article, Norm, Norms, anchor

LABELS = {
    "es": {
        "fuente": "Fuente",
        "texto": "Texto usado",
        "literal": "Texto del artículo",
        "parte": "Parte copiada",
        "leido": "leído el",
        "fecha": "Fecha del texto",
        "sin_fecha": "por confirmar",
        "pendiente": "pendiente de verificación",
        "pendiente_ayuda": "Falta compararlo con el texto oficial; lo revisa una abogada o un abogado.",
        "sin_articulos": "El sitio cita esta norma completa, sin un artículo en particular.",
        "sin_traduccion": "",
    },
    "qu": {
        "fuente": "Maymanta hurqusqa",
        "texto": "",
        "literal": "Artículoq qillqan (kastilla simipi)",
        "parte": "",
        "leido": "",
        "fecha": "Qillqaq p'unchawnin",
        "sin_fecha": "manaraq yachakunchu",
        "pendiente": "manaraq chiqaqchasqa",
        "pendiente_ayuda": "Estadoq qillqanwan manaraq tupachisqachu; huk abogadam qhawanqa.",
        "sin_articulos": "Kay kamachiytaqa tukuyninta willayku, mana huk artículollatachu.",
        "sin_traduccion": "(kastilla simipi, manaraq runasimiman t'ikrasqa)",
    },
}
UNIT_LABEL = {"art.": "Art.", "fj.": "Fundamento jurídico"}


def format_date(value: date | None, language: str) -> str:
    return value.strftime("%d-%m-%Y") if value else LABELS[language]["sin_fecha"]


def _summary(item: Norm | Article, language: str) -> str:
    """Quechua summary on qu pages when written; else the Spanish one, marked as such."""
    if language == "qu":
        if item.qu:
            return item.qu.resumen
        return f'<span lang="es">{item.resumen}</span> {LABELS["qu"]["sin_traduccion"]}'
    return item.resumen


def _pending(verified: bool, language: str) -> str:
    if verified:
        return ""
    labels = LABELS[language]
    return f' <span class="norma-pendiente" title="{labels["pendiente_ayuda"]}">{labels["pendiente"]}</span>'


def _source_line(item: Norm | Article, language: str) -> str:
    labels = LABELS[language]
    parts = [f'{labels["fuente"]}: [{urlsplit(item.fuente).netloc}]({item.fuente})']
    if language == "es":
        parts.append(f'{labels["texto"]}: {item.edicion.strip()}')
    parts.append(f'{labels["fecha"]}: {format_date(item.fecha_texto, language)}')
    return " · ".join(parts) + _pending(item.verificado, language) + "\n{ .norma-fuente data-search-exclude }"


def literal_text(article: Article, language: str) -> str:
    """The article's literal text as read (Spanish on both pages), in a quiet box; '' if none."""
    if not article.texto:
        return ""
    labels = LABELS[language]
    paragraphs = "".join(f"<p>{html.escape(paragraph.strip())}</p>" for paragraph in article.texto.split("\n\n") if paragraph.strip())
    part = f' <span class="norma-parte">({labels["parte"] + ": " if labels["parte"] else ""}{html.escape(article.parte)})</span>' if article.parte else ""
    read = f' · {labels["leido"]} {format_date(article.leido, language)}' if article.leido and labels["leido"] else ""
    # Not searched: the summaries say it in plain words, and the literal Spanish text
    # would fill the Quechua index with Spanish words
    return (f'<div class="norma-texto" lang="es" data-search-exclude><p class="norma-texto-titulo">{labels["literal"]}{part}{read}</p>'
            f"{paragraphs}</div>")


def render_article(code: str, norm: Norm, number: str, article: Article, language: str) -> str:
    title = article.qu.titulo if language == "qu" and article.qu and article.qu.titulo else article.titulo
    lines = [f"### {UNIT_LABEL[norm.unidad]} {number}. {title} {{ #{anchor(code, number, norm.unidad)} }}", ""]
    lines += [_summary(article, language), ""]
    if article.texto:
        lines += [literal_text(article, language), ""]
    elif article.extracto:
        lines += [f"> «{article.extracto.strip()}»", ""]
    lines += [_source_line(article, language), ""]
    return "\n".join(lines)


def render_norm(code: str, norm: Norm, language: str) -> str:
    lines = [f"## {code} {{ #{anchor(code)} }}", "", f"**{norm.nombre}**", ""]
    lines += [_summary(norm, language), ""]
    if norm.extracto:
        lines += [f"> «{norm.extracto.strip()}»", ""]
    lines += [_source_line(norm, language), ""]
    if not norm.articulos:
        lines += [LABELS[language]["sin_articulos"], ""]
    for number, article in norm.articulos.items():
        lines.append(render_article(code, norm, number, article, language))
    return "\n".join(lines)


def render_norms_page(norms: Norms, language: str = "es") -> str:
    """Markdown for every norm and article, in the data's order."""
    language = language if language in LABELS else "es"
    return "\n".join(render_norm(code, norm, language) for code, norm in norms.items())
