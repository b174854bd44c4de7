"""Exports: Moodle XML has what Moodle's importer reads, GIFT parses with gift-pegjs, QTI 2.1 is complete."""

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from conftest import in_ci
from defensoria.cli import cli
from defensoria.quiz.export_common import UnsupportedType, dispatch
from defensoria.quiz.bank import load_banks
from quiz_fixtures import quiz_project  # noqa: F401

GIFT_DIR = Path(__file__).parent / "quiz" / "gift"
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def export(runner, project, fmt, language="es", *extra) -> bytes:
    result = runner.invoke(cli, ["cuestionario", "exportar", "--raiz", str(project), "--formato", fmt, "--idioma", language, *extra])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_moodle_xml_structure(runner, quiz_project):
    root = ET.fromstring(export(runner, quiz_project, "moodle-xml"))
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    assert questions[0].findtext("category/text") == "$course$/top/Defensorías Comunitarias/m04 La denuncia"
    by_name = {q.findtext("name/text"): q for q in questions[1:]}
    single = by_name["m04-quien-denuncia"]
    assert single.get("type") == "multichoice" and single.findtext("single") == "true"
    assert [a.get("fraction") for a in single.findall("answer")] == ["100", "0", "0"]
    assert all(a.findtext("feedback/text") for a in single.findall("answer"))
    assert "<p>Una vecina" in single.findtext("questiontext/text")
    multiple = by_name["m04-donde"]
    assert multiple.findtext("single") == "false"
    assert [a.get("fraction") for a in multiple.findall("answer")] == ["50", "50", "-100"]
    truefalse = by_name["m04-sin-abogado"]
    assert truefalse.get("type") == "truefalse"
    assert [(a.findtext("text"), a.get("fraction")) for a in truefalse.findall("answer")] == [("true", "0"), ("false", "100")]
    matching = by_name["m04-relacionar"]
    assert matching.get("type") == "matching" and len(matching.findall("subquestion")) == 3
    assert "ley-30364-art-22" in [t.text for t in matching.findall("tags/tag/text")]


def test_moodle_xml_in_quechua(runner, quiz_project):
    root = ET.fromstring(export(runner, quiz_project, "moodle-xml", "qu"))
    texts = [q.findtext("questiontext/text") for q in root.findall("question")[1:]]
    assert any("Huk wasimasi warmi" in text for text in texts)


def gift_parser_ready() -> bool:
    if (GIFT_DIR / "node_modules" / "gift-pegjs").is_dir():
        return True
    if shutil.which("npm") is None:
        return False
    result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=GIFT_DIR, capture_output=True, text=True)
    return result.returncode == 0


def test_gift_parses_with_gift_pegjs(runner, quiz_project, tmp_path):
    if shutil.which("node") is None or not gift_parser_ready():
        if in_ci():
            pytest.fail("node/npm o gift-pegjs no disponibles en CI")
        pytest.skip("node o gift-pegjs no disponibles")
    path = tmp_path / "banco.gift.txt"
    path.write_bytes(export(runner, quiz_project, "gift"))
    result = subprocess.run(["node", str(GIFT_DIR / "parse.js"), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert [q["type"] for q in parsed] == ["Category", "MC", "TF", "MC", "Matching"]
    single = parsed[1]
    assert single["title"] == "m04-quien-denuncia"
    assert [c["isCorrect"] for c in single["choices"]] == [True, False, False]
    assert single["globalFeedback"]["text"] == "Lo dice la ley: Ley 30364, art. 15"  # ':' escaped and restored
    assert parsed[2]["isTrue"] is False
    assert [c["weight"] for c in parsed[3]["choices"]] == [50, 50, -100]
    assert len(parsed[4]["matchPairs"]) == 3


def test_gift_escapes_special_characters():
    from defensoria.quiz.gift import escape

    assert escape("a=b ~c #d {e} f:g \\h") == "a\\=b \\~c \\#d \\{e\\} f\\:g \\\\h"


def test_qti_zip_is_complete_and_deterministic(runner, quiz_project):
    data = export(runner, quiz_project, "qti")
    assert data == export(runner, quiz_project, "qti")
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert names == sorted(names) and "imsmanifest.xml" in names
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    hrefs = [r.get("href") for r in manifest.iter(f"{CP}resource")]
    assert sorted(hrefs) == sorted(n for n in names if n.startswith("items/")) and len(hrefs) == 4
    for href in hrefs:
        item = ET.fromstring(archive.read(href))
        assert item.tag == f"{QTI}assessmentItem" and item.get("identifier") == Path(href).stem
        response = item.find(f"{QTI}responseDeclaration")
        assert response.get("identifier") == "RESPONSE" and response.find(f"{QTI}correctResponse/{QTI}value") is not None
        assert item.find(f"{QTI}outcomeDeclaration[@identifier='SCORE']") is not None
        assert item.find(f"{QTI}itemBody") is not None and item.find(f"{QTI}responseProcessing") is not None
    multiple = ET.fromstring(archive.read("items/m04-donde.xml"))
    assert multiple.find(f"{QTI}responseDeclaration").get("cardinality") == "multiple"
    assert multiple.find(f".//{QTI}choiceInteraction").get("maxChoices") == "0"
    assert len(multiple.findall(f".//{QTI}feedbackInline")) == 3
    matching = ET.fromstring(archive.read("items/m04-relacionar.xml"))
    assert matching.find(f"{QTI}responseDeclaration").get("baseType") == "directedPair"
    assert len(matching.findall(f".//{QTI}simpleMatchSet")) == 2


def test_qti_to_salida_file(runner, quiz_project, tmp_path):
    target = tmp_path / "preguntas.zip"
    result = runner.invoke(cli, ["cuestionario", "exportar", "--raiz", str(quiz_project), "--formato", "qti", "--salida", str(target)])
    assert result.exit_code == 0 and zipfile.is_zipfile(target)


def test_a_type_the_format_cannot_hold_is_rejected(quiz_project):
    item = load_banks(quiz_project)[0].preguntas[3]  # relacionar
    with pytest.raises(UnsupportedType, match="no puede representar preguntas de tipo 'relacionar' \\(pregunta 'm04-relacionar'\\)"):
        dispatch({"unica": print}, "Formato X", item)


def test_unknown_module_is_refused(runner, quiz_project):
    result = runner.invoke(cli, ["cuestionario", "exportar", "--raiz", str(quiz_project), "--formato", "gift", "--modulo", "m77"])
    assert result.exit_code == 1 and "no existe el módulo 'm77'" in result.output


def _qti_score(item, response: set[str]) -> float:
    """What a QTI player does with mapResponse: sum the mapped values, within the bounds."""
    mapping = item.find(f"{QTI}responseDeclaration/{QTI}mapping")
    values = {e.get("mapKey"): float(e.get("mappedValue")) for e in mapping.iter(f"{QTI}mapEntry")}
    total = sum(values.get(key, float(mapping.get("defaultValue"))) for key in response)
    return min(max(total, float(mapping.get("lowerBound"))), float(mapping.get("upperBound")))


def test_qti_gives_partial_credit_like_moodle(runner, quiz_project):
    from defensoria.quiz.export_common import multiple_fractions

    archive = zipfile.ZipFile(io.BytesIO(export(runner, quiz_project, "qti")))
    multiple = ET.fromstring(archive.read("items/m04-donde.xml"))
    assert multiple.find(f"{QTI}responseProcessing/{QTI}setOutcomeValue/{QTI}mapResponse") is not None
    item = next(i for b in load_banks(quiz_project) for i in b.preguntas if i.id == "m04-donde")
    moodle = {key: float(value) / 100 for key, value in multiple_fractions(item).items()}
    right = [k for k, v in moodle.items() if v > 0]
    wrong = [k for k, v in moodle.items() if v < 0]
    for response in ({right[0]}, set(right), {right[0], wrong[0]}, set(moodle)):
        expected = min(max(sum(moodle[k] for k in response), 0), 1)  # Moodle: never below 0
        assert _qti_score(multiple, response) == pytest.approx(expected, abs=1e-6)
    assert 0 < _qti_score(multiple, {right[0]}) < 1  # partial, not all-or-nothing
    matching = ET.fromstring(archive.read("items/m04-relacionar.xml"))
    pairs = [e.get("mapKey") for e in matching.iter(f"{QTI}mapEntry")]
    assert _qti_score(matching, set(pairs[:1])) == pytest.approx(1 / len(pairs))
