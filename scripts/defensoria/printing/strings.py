"""Words printed on handouts, manuals and the site's download box, in Spanish and Quechua.

Quechua wording follows the site's own pages where they say the same thing (the hotline
bar, the directory, the notices), so a reader meets the same phrases on paper.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A service every district has a version of; no addresses (they change)."""

    pictogram: str
    name: str
    what: str
    # A few words, for the bilingual sheet where both languages share the row
    brief: str
    citation: str = ""


@dataclass(frozen=True)
class Labels:
    language_name: str
    kind: str
    module: str
    key_points: str
    hotline: str
    # The site's hotline bar wording, for the tight bilingual sheet
    hotline_short: str
    hotline_also: str
    danger: str
    where: str
    places: tuple[Place, ...]
    qr: str
    qr_short: str
    laws: str
    law_version: str
    reviewed: str
    pending: str
    pending_undated: str
    draft: str
    manual_title: str
    contents: str
    edition: str
    untranslated_title: str
    untranslated: str
    download_title: str
    download_single: str
    download_bilingual: str
    download_booklet: str


LABELS = {
    "es": Labels(
        language_name="Castellano",
        kind="Hoja para la asamblea",
        module="Módulo {n}",
        key_points="Puntos clave",
        hotline="Llamada gratis · las 24 horas · en castellano, quechua y aimara",
        hotline_short="Gratis · 24 horas · en castellano, quechua y aimara",
        hotline_also="También puedes llamar si conoces un caso.",
        danger="Si hay peligro ahora mismo, llama a la Línea 100 o ve a la comisaría.",
        where="Dónde pedir ayuda en tu distrito",
        places=(
            Place("comisaria", "Comisaría", "Recibe tu denuncia. Es gratis y no necesitas abogado.", "Recibe denuncias.", "Ley 30364, art. 15"),
            Place("cuidado", "Centro Emergencia Mujer (CEM)", "Orientación legal, apoyo psicológico y social. Es gratis.", "Orientación legal y apoyo psicológico, gratis."),
            Place("juzgado", "Juzgado de paz", "Recibe denuncias donde no hay juzgado de familia.", "Si no hay juzgado de familia.", "Ley 30364, art. 15"),
            Place("nino", "DEMUNA", "Si se trata de niñas, niños o adolescentes. En tu municipio.", "Para niñas, niños y adolescentes."),
        ),
        qr="Lee el módulo completo en el celular",
        qr_short="Léelo en el celular",
        laws="Normas citadas",
        law_version="Texto legal usado: {version}",
        reviewed="Revisión legal: {fecha}",
        pending="Revisión legal pendiente (texto del {fecha})",
        pending_undated="Revisión legal pendiente",
        draft="Traducción sin revisar",
        manual_title="Manual de la defensora y el defensor comunitario",
        contents="Contenido",
        edition="Edición: {fecha}",
        untranslated_title="",
        untranslated="",
        download_title="Para imprimir (PDF)",
        download_single="Hoja para la asamblea (A4)",
        download_bilingual="Castellano y quechua en una hoja (A4)",
        download_booklet="Folleto A5 para doblar",
    ),
    "qu": Labels(
        language_name="Runasimi",
        kind="Ayllu huñunakuypaq p'anqa",
        module="Yachay {n}",
        key_points="Yuyarinapaq",
        hotline="Mana qullqiyuq waqyay · p'unchawpas tutapas · runasimipi, kastilla simipi, aymara simipipas",
        hotline_short="Mana qullqiyuq · p'unchawpas tutapas · runasimipi, kastilla simipi, aymara simipipas",
        hotline_also="Maqasqa runata riqsispaqa, qampas waqyayta atinki.",
        danger="Kunallan peligro kaptinqa, Línea 100 nisqaman waqyay, utaq aswan qayllapi kaq comisaríapi policíata maskay.",
        where="Maypi yanapayta mañakuy",
        places=(
            Place("comisaria", "Comisaría", "Policíam kamachiqman willakuyta chaskin. Mana qullqiyuqmi, manam abogadota necesitankichu.", "Policíam kamachiqman willakuyta chaskin.", "Ley 30364, art. 15"),
            Place("cuidado", "Centro Emergencia Mujer (CEM)", "Kamachiymanta yuyaychan, sunqu yanapayta, ayllu yanapaytapas qun. Mana qullqiyuqmi.", "Kamachiymanta yuyaychan, sunqu yanapayta qun."),
            Place("juzgado", "Juzgado de paz", "Ayllukunapaq juzgado mana kaptinqa, kamachiqman willakuyta chaskin.", "Ayllukunapaq juzgado mana kaptinqa.", "Ley 30364, art. 15"),
            Place("nino", "DEMUNA", "Municipalidadpi wawakunata amachaq defensoríam.", "Wawakunata amachan."),
        ),
        qr="Tukuy yachayta celularniykipi ñawinchay",
        qr_short="Celularniykipi ñawinchay",
        laws="Kamachiykuna",
        law_version="Kamachiy: {version}",
        reviewed="Kamachiy yachaqwan qhawasqa {fecha}",
        pending="Manaraq kamachiy yachaqwan qhawasqa (qillqa {fecha} p'unchawmanta)",
        pending_undated="Manaraq kamachiy yachaqwan qhawasqa",
        draft="T'ikrasqa manaraq qhawasqa",
        manual_title="Ayllu defensorakunapaq, defensorkunapaqpas yachaykuna",
        contents="Kaypi tarinki",
        edition="Qillqasqa: {fecha}",
        untranslated_title="Manaraqmi runasimiman t'ikrasqachu",
        untranslated="Kay p'anqaqa manaraqmi runasimipi kanchu; kastilla simipi rikuchikuchkan.",
        download_title="Imprimirnapaq (PDF)",
        download_single="Ayllu huñunakuypaq p'anqa (A4)",
        download_bilingual="Runasimipi kastilla simipipas huk p'anqapi (A4)",
        download_booklet="A5 folleto",
    ),
}
