"""IMS QTI 2.1 driver: one assessmentItem per question, zipped with an imsmanifest.xml.

Choices: choiceInteraction (maxChoices 1 or 0) with feedbackInline per choice, shown
through the FEEDBACK outcome; matching: matchInteraction with directedPair. Multiple-answer
and matching items give partial credit as Moodle and GIFT do (a response mapping: right
options share 1, wrong ones −1, each pair 1/n; the score never goes below 0). The ZIP has
sorted entries and a fixed date, so the same banks give the same bytes.
"""

from xml.etree import ElementTree as ET

from defensoria.outputs import zip_bytes
from defensoria.quiz.export_common import dispatch, multiple_fractions
from defensoria.quiz.model import Bank, Item
from defensoria.quiz.strings import UI

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
QTI_SCHEMA = f"{QTI} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_SCHEMA = f"{CP} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"


def fraction_of_one(percent: str | float) -> str:
    """Moodle's percent (33.33333, -50) as QTI's share of one point (0.3333333, -0.5)."""
    return f"{float(percent) / 100:.7f}".rstrip("0").rstrip(".")


def _tag(name: str) -> str:
    return f"{{{QTI}}}{name}"


def make_writer(language: str, titles: dict[str, str]):
    t = UI[language]

    def sub(parent, name: str, attrs: dict | None = None, text: str | None = None) -> ET.Element:
        element = ET.SubElement(parent, _tag(name), attrs or {})
        if text is not None:
            element.text = text
        return element

    def item_root(item: Item, cardinality: str, base_type: str, correct: list[str],
                  credit: dict[str, str] | None = None) -> ET.Element:
        root = ET.Element(_tag("assessmentItem"), {
            "identifier": item.id, "title": item.id, "adaptive": "false", "timeDependent": "false",
            f"{{{XSI}}}schemaLocation": QTI_SCHEMA, "{http://www.w3.org/XML/1998/namespace}lang": language,
        })
        response = sub(root, "responseDeclaration", {"identifier": "RESPONSE", "cardinality": cardinality, "baseType": base_type})
        values = sub(response, "correctResponse")
        for value in correct:
            sub(values, "value", text=value)
        if credit:
            mapping = sub(response, "mapping", {"lowerBound": "0", "upperBound": "1", "defaultValue": "0"})
            for key, value in credit.items():
                sub(mapping, "mapEntry", {"mapKey": key, "mappedValue": value, "caseSensitive": "false"})
        score = sub(root, "outcomeDeclaration", {"identifier": "SCORE", "cardinality": "single", "baseType": "float"})
        sub(sub(score, "defaultValue"), "value", text="0")
        feedback_cardinality = "single" if base_type == "directedPair" else cardinality
        sub(root, "outcomeDeclaration", {"identifier": "FEEDBACK", "cardinality": feedback_cardinality, "baseType": "identifier"})
        return root

    def processing(root: ET.Element, feedback_from_response: bool, partial: bool = False) -> None:
        rules = sub(root, "responseProcessing")
        if partial:
            # SCORE = the mapped values of the response, within the mapping's bounds (0 to 1)
            sub(sub(rules, "setOutcomeValue", {"identifier": "SCORE"}), "mapResponse", {"identifier": "RESPONSE"})
        else:
            _match_correct(rules)
        feedback = sub(rules, "setOutcomeValue", {"identifier": "FEEDBACK"})
        if feedback_from_response:
            sub(feedback, "variable", {"identifier": "RESPONSE"})
        else:
            sub(feedback, "baseValue", {"baseType": "identifier"}, "general")

    def _match_correct(rules: ET.Element) -> None:
        condition = sub(rules, "responseCondition")
        when = sub(condition, "responseIf")
        match = sub(when, "match")
        sub(match, "variable", {"identifier": "RESPONSE"})
        sub(match, "correct", {"identifier": "RESPONSE"})
        sub(sub(when, "setOutcomeValue", {"identifier": "SCORE"}), "baseValue", {"baseType": "float"}, "1")
        sub(sub(sub(condition, "responseElse"), "setOutcomeValue", {"identifier": "SCORE"}), "baseValue", {"baseType": "float"}, "0")

    def law(root: ET.Element, item: Item, before: str = "") -> None:
        # Choices: FEEDBACK never holds "ley", so "hide" shows it after any answer;
        # matching: FEEDBACK is set to "general"
        identifier, show_hide = ("general", "show") if before else ("ley", "hide")
        modal = sub(root, "modalFeedback", {"outcomeIdentifier": "FEEDBACK", "identifier": identifier, "showHide": show_hide})
        modal.text = " ".join(part for part in (before, t["law"], item.cita) if part)

    def choice_item(item: Item) -> ET.Element:
        choices = item.choices()
        multiple = item.tipo == "multiple"
        credit = {key: fraction_of_one(value) for key, value in multiple_fractions(item).items()} if multiple else None
        root = item_root(item, "multiple" if multiple else "single", "identifier", [c.key for c in choices if c.correct], credit)
        body = sub(root, "itemBody")
        sub(body, "p", text=item.enunciado[language])
        interaction = sub(body, "choiceInteraction", {
            "responseIdentifier": "RESPONSE", "shuffle": "true" if item.shuffles else "false", "maxChoices": "0" if multiple else "1",
        })
        sub(interaction, "prompt", text=t[f"hint_{item.tipo}"])
        for choice in choices:
            element = sub(interaction, "simpleChoice", {"identifier": choice.key}, choice.text[language] + " ")
            sub(element, "feedbackInline", {"outcomeIdentifier": "FEEDBACK", "identifier": choice.key, "showHide": "show"}, choice.feedback[language])
        processing(root, feedback_from_response=True, partial=multiple)
        law(root, item)
        return root

    def match_item(item: Item) -> ET.Element:
        n = len(item.pares)
        pairs = [f"L{i} R{i}" for i in range(1, n + 1)]
        root = item_root(item, "multiple", "directedPair", pairs, {pair: fraction_of_one(100 / n) for pair in pairs})
        body = sub(root, "itemBody")
        sub(body, "p", text=item.enunciado[language])
        interaction = sub(body, "matchInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "true", "maxAssociations": str(n)})
        sub(interaction, "prompt", text=t["hint_relacionar"])
        for side in ("L", "R"):
            match_set = sub(interaction, "simpleMatchSet")
            for i, pair in enumerate(item.pares, start=1):
                text = (pair.izquierda if side == "L" else pair.derecha)[language]
                sub(match_set, "simpleAssociableChoice", {"identifier": f"{side}{i}", "matchMax": "1"}, text)
        processing(root, feedback_from_response=False, partial=True)
        law(root, item, item.retro[language])
        return root

    handlers = {"unica": choice_item, "multiple": choice_item, "verdadero_falso": choice_item, "relacionar": match_item}

    def manifest(names: list[tuple[str, str]]) -> bytes:
        ET.register_namespace("", CP)
        root = ET.Element(f"{{{CP}}}manifest", {"identifier": "defensorias-cuestionarios", f"{{{XSI}}}schemaLocation": CP_SCHEMA})
        ET.SubElement(root, f"{{{CP}}}organizations")
        resources = ET.SubElement(root, f"{{{CP}}}resources")
        for identifier, href in names:
            resource = ET.SubElement(resources, f"{{{CP}}}resource", {"identifier": f"res-{identifier}", "type": "imsqti_item_xmlv2p1", "href": href})
            ET.SubElement(resource, f"{{{CP}}}file", {"href": href})
        ET.indent(root, space=" ")
        return ET.tostring(root, encoding="utf-8", xml_declaration=True)

    def write(banks: list[Bank]) -> bytes:
        ET.register_namespace("", QTI)
        ET.register_namespace("xsi", XSI)
        files: dict[str, bytes] = {}
        names = []
        for bank in banks:
            for item in bank.preguntas:
                root = dispatch(handlers, "QTI 2.1", item)(item)
                ET.indent(root, space=" ")
                href = f"items/{item.id}.xml"
                files[href] = ET.tostring(root, encoding="utf-8", xml_declaration=True)
                names.append((item.id, href))
        files["imsmanifest.xml"] = manifest(names)
        return zip_bytes((name, files[name]) for name in sorted(files))

    return write
