"""The self-check quiz on module pages: rendered at build time, light, keyboard-usable, stores nothing."""

import re
import shutil
from pathlib import Path

import pytest

from conftest import in_ci

ASSETS = Path(__file__).resolve().parents[1] / "docs" / "assets"
STORAGE_APIS = re.compile(r"localStorage|sessionStorage|document\.cookie|indexedDB|caches\.|navigator\.sendBeacon|fetch\(|XMLHttpRequest")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def test_quiz_script_uses_no_storage_or_network():
    script = (ASSETS / "javascripts" / "cuestionario.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.DOTALL)  # the header comment names the APIs it avoids
    assert not STORAGE_APIS.search(code)


def module_pages_with_bank(repo_root: Path) -> list[tuple[str, Path]]:
    pages = []
    for bank in sorted((repo_root / "quizzes").glob("m[0-9][0-9].yml")):
        page = next((repo_root / "docs" / "modulos").glob(f"{bank.stem}-*[a-z].md"), None)
        if page and page.name.count(".") == 1:
            pages.append((bank.stem, page))
    return pages


@pytest.fixture(scope="module")
def quiz_pages(repo_root):
    pages = module_pages_with_bank(repo_root)
    if not pages:
        pytest.skip("todavía no hay bancos con página de módulo")
    return pages


@pytest.mark.build
def test_module_pages_end_with_their_quiz(built_site, quiz_pages):
    for code, page in quiz_pages:
        html = (built_site / "modulos" / f"{page.stem}.html").read_text(encoding="utf-8")
        assert 'id="cuestionario"' in html and "Comprueba lo que aprendiste" in html
        assert html.count('class="dc-q"') >= 1 and f'id="{code}-' in html
        assert '<script src="../assets/javascripts/cuestionario.js" defer>' in html
        assert '<link rel="stylesheet" href="../assets/stylesheets/sitio.css">' in html
        assert 'href="../normas.html#' in html
        # the quiz is the last section of the page content
        assert html.index('id="cuestionario"') > html.index("Dónde pedir ayuda")
        quechua = page.with_name(page.stem + ".qu.md")
        if quechua.is_file():
            qu_html = (built_site / "qu" / "modulos" / f"{page.stem}.html").read_text(encoding="utf-8")
            assert "Yachasqaykita qhawakuy" in qu_html and "Qhawariy" in qu_html


@pytest.mark.build
def test_pages_without_quiz_do_not_load_it(built_site):
    assert "cuestionario.js" not in (built_site / "index.html").read_text(encoding="utf-8")
    assert "cuestionario.js" not in (built_site / "glosario.html").read_text(encoding="utf-8")


@pytest.fixture
def chromium(browser):
    """The session's shared browser (tests/conftest.py)."""
    return browser


def answer_by_keyboard(page, right: bool) -> str:
    """Answer the first single-choice question with the keyboard only; return the feedback text."""
    question = page.locator('.dc-q[data-tipo="unica"]').first
    correct = question.get_attribute("data-correct")
    keys = [i.get_attribute("value") for i in question.locator("input").all()]
    target = correct if right else next(k for k in keys if k != correct)
    question.locator("input").first.focus()
    # arrow keys move through a radio group and select; wrap around until the target is checked
    for _ in range(len(keys) + 1):
        if question.locator(f'input[value="{target}"]').is_checked():
            break
        page.keyboard.press("ArrowDown")
    assert question.locator(f'input[value="{target}"]').is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('dc-check')")
    page.keyboard.press("Enter")
    feedback = question.locator(".dc-feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    return feedback.inner_text()


@pytest.mark.browser
@pytest.mark.build
def test_keyboard_answer_shows_feedback_and_law(built_site, quiz_pages, chromium):
    code, page_path = quiz_pages[0]
    variants = [("es", built_site / "modulos" / f"{page_path.stem}.html", "¡Correcto!", "No es correcto.")]
    if page_path.with_name(page_path.stem + ".qu.md").is_file():
        variants.append(("qu", built_site / "qu" / "modulos" / f"{page_path.stem}.html", "¡Allinmi!", "Manam allinchu."))
    for language, path, right_text, wrong_text in variants:
        page = chromium.new_page(viewport={"width": 360, "height": 800})
        page.goto(path.as_uri())  # file://, as from a USB stick
        text = answer_by_keyboard(page, right=False)
        assert text.startswith(wrong_text), (language, text)
        law = page.locator('.dc-q[data-tipo="unica"]').first.locator(".dc-feedback .dc-law a")
        assert "normas.html#" in law.get_attribute("href")
        page.reload()
        assert answer_by_keyboard(page, right=True).startswith(right_text)
        # tap targets: every option label is at least 44 px high
        heights = page.eval_on_selector_all(".dc-opt label", "els => els.map(e => e.getBoundingClientRect().height)")
        assert min(heights) >= 44
        assert page.evaluate("document.cookie") == ""
        page.close()


@pytest.mark.browser
@pytest.mark.build
def test_partly_right_reads_almost_and_the_score_counts_answered_questions(built_site, chromium):
    path = built_site / "modulos" / "m04-la-denuncia.html"
    page = chromium.new_page(viewport={"width": 360, "height": 800})
    try:
        page.goto(path.as_uri())
        total = page.locator(".dc-q").count()
        question = page.locator('.dc-q[data-tipo="multiple"]').first
        correct = question.get_attribute("data-correct").split()
        assert len(correct) >= 2, "a multiple-answer question with two right options"
        question.locator(f'input[value="{correct[0]}"]').check()
        question.locator(".dc-check").click()
        verdict = question.locator(".dc-feedback .dc-verdict").inner_text()
        assert verdict == "Casi.", verdict
        score = page.locator(".dc-score").inner_text()
        assert score == f"Respondiste bien 0 de 1. Te faltan {total - 1} preguntas.", score
        # The instruction of each kind of question is given once
        hints = page.locator('.dc-q[data-tipo="multiple"] .dc-q-hint').count()
        assert hints == 1
        # On paper: one line to the printable quiz instead of empty questions
        page.emulate_media(media="print")
        assert page.locator(".dc-quiz").is_hidden()
        assert page.locator(".dc-quiz-impreso").is_visible()
        assert page.locator(".dc-quiz-impreso a").get_attribute("href") == "../formadores/index.html"
        page.emulate_media(media="screen")
        assert page.locator(".dc-quiz-impreso").is_hidden()
    finally:
        page.close()
