"""Moodle XML driver: multichoice (single/multiple), truefalse, matching; a category per module.

Per-answer feedback, the citation as general feedback and as a tag, names = item ids.
"""

from xml.etree import ElementTree as ET

from defensoria.content.citations import parse_citation
from defensoria.quiz.export_common import category, dispatch, multiple_fractions, paragraph
from defensoria.quiz.model import Bank, Item
from defensoria.quiz.strings import UI


def make_writer(language: str, titles: dict[str, str]):
    t = UI[language]

    def html(parent, tag: str, text: str, **attrs) -> ET.Element:
        element = ET.SubElement(parent, tag, {"format": "html", **attrs})
        ET.SubElement(element, "text").text = text
        return element

    def common(question: ET.Element, item: Item) -> None:
        name = ET.SubElement(question, "name")
        ET.SubElement(name, "text").text = item.id
        html(question, "questiontext", paragraph(item.enunciado[language]))
        html(question, "generalfeedback", paragraph(f"{t['law']} {item.cita}"))
        ET.SubElement(question, "defaultgrade").text = "1"
        ET.SubElement(question, "penalty").text = "0"
        ET.SubElement(question, "hidden").text = "0"
        ET.SubElement(question, "idnumber").text = item.id

    def tags(question: ET.Element, item: Item) -> None:
        container = ET.SubElement(question, "tags")
        citation = parse_citation(item.cita)
        labels = [item.module, f"dificultad-{item.dificultad}", f"objetivo-{item.objetivo}"]
        if citation:
            labels.append(citation.anchor)
        for label in labels:
            ET.SubElement(ET.SubElement(container, "tag"), "text").text = label

    def overall_feedback(question: ET.Element) -> None:
        html(question, "correctfeedback", paragraph(t["correct"]))
        html(question, "partiallycorrectfeedback", paragraph(t["incorrect"]))
        html(question, "incorrectfeedback", paragraph(t["incorrect"]))

    def multichoice(quiz: ET.Element, item: Item) -> None:
        question = ET.SubElement(quiz, "question", {"type": "multichoice"})
        common(question, item)
        single = item.tipo == "unica"
        ET.SubElement(question, "single").text = "true" if single else "false"
        ET.SubElement(question, "shuffleanswers").text = "true"
        ET.SubElement(question, "answernumbering").text = "ABCD"
        ET.SubElement(question, "showstandardinstruction").text = "0"
        overall_feedback(question)
        fractions = multiple_fractions(item)
        for choice in item.choices():
            value = ("100" if choice.correct else "0") if single else fractions[choice.key]
            answer = html(question, "answer", paragraph(choice.text[language]), fraction=value)
            html(answer, "feedback", paragraph(choice.feedback[language]))
        tags(question, item)

    def truefalse(quiz: ET.Element, item: Item) -> None:
        question = ET.SubElement(quiz, "question", {"type": "truefalse"})
        common(question, item)
        for choice, word in zip(item.choices(), ("true", "false")):
            answer = ET.SubElement(question, "answer", {"fraction": "100" if choice.correct else "0", "format": "moodle_auto_format"})
            ET.SubElement(answer, "text").text = word
            html(answer, "feedback", paragraph(choice.feedback[language]))
        tags(question, item)

    def matching(quiz: ET.Element, item: Item) -> None:
        question = ET.SubElement(quiz, "question", {"type": "matching"})
        common(question, item)
        question.find("generalfeedback/text").text = paragraph(f"{item.retro[language]} {t['law']} {item.cita}")
        ET.SubElement(question, "shuffleanswers").text = "true"
        overall_feedback(question)
        for pair in item.pares:
            sub = html(question, "subquestion", paragraph(pair.izquierda[language]))
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = pair.derecha[language]
        tags(question, item)

    handlers = {"unica": multichoice, "multiple": multichoice, "verdadero_falso": truefalse, "relacionar": matching}

    def write(banks: list[Bank]) -> bytes:
        quiz = ET.Element("quiz")
        for bank in banks:
            entry = ET.SubElement(quiz, "question", {"type": "category"})
            ET.SubElement(ET.SubElement(entry, "category"), "text").text = f"$course$/top/{category(bank, titles)}"
            for item in bank.preguntas:
                dispatch(handlers, "Moodle XML", item)(quiz, item)
        ET.indent(quiz, space=" ")
        return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8", xml_declaration=False) + b"\n"

    return write
