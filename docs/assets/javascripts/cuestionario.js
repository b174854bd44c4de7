/* Self-check quiz of the module pages (built by the defensoria-cuestionarios plugin).
 *
 * Answers, feedback and the law link are already in the page (hidden); "Comprobar"
 * shows the feedback for what was chosen. Nothing is stored or sent: no cookies, no
 * web storage, no requests. A shared phone keeps no trace of who practised what.
 * Labels come from data-t-* attributes in the page's language.
 */
(function () {
  "use strict";

  function text(quiz, name) {
    return quiz.getAttribute("data-t-" + name) || "";
  }

  function para(content, className) {
    var p = document.createElement("p");
    if (className) p.className = className;
    p.textContent = content;
    return p;
  }

  function stored(question, key) {
    var node = question.querySelector('.dc-store [data-fb="' + key + '"]');
    return node ? node.cloneNode(true) : null;
  }

  // Which options were chosen, and is that exactly the right set?
  function gradeChoices(question) {
    var inputs = question.querySelectorAll("input");
    var correct = (question.getAttribute("data-correct") || "").split(" ");
    var chosen = [];
    var i;
    for (i = 0; i < inputs.length; i++) {
      if (inputs[i].checked) chosen.push(inputs[i].value);
    }
    var right = chosen.length === correct.length && chosen.every(function (key) {
      return correct.indexOf(key) !== -1;
    });
    var hits = chosen.filter(function (key) { return correct.indexOf(key) !== -1; }).length;
    return { answered: chosen.length > 0, right: right, partly: !right && hits > 0, chosen: chosen, correct: correct };
  }

  function gradePairs(question) {
    var selects = question.querySelectorAll("select");
    var answered = true;
    var right = true;
    var hits = 0;
    var i;
    for (i = 0; i < selects.length; i++) {
      if (!selects[i].value) answered = false;
      if (selects[i].value !== selects[i].getAttribute("data-right")) right = false;
      else hits++;
    }
    return { answered: answered, right: right, partly: !right && hits > 0, chosen: [], correct: [] };
  }

  // Mark each option in words as well as colour (not colour alone)
  function markOptions(quiz, question, result) {
    var options = question.querySelectorAll(".dc-opt");
    var i;
    for (i = 0; i < options.length; i++) {
      var key = options[i].getAttribute("data-key");
      var mark = options[i].querySelector(".dc-mark");
      var isRight = result.correct.indexOf(key) !== -1;
      var wasChosen = result.chosen.indexOf(key) !== -1;
      options[i].classList.remove("dc-right", "dc-wrong");
      mark.textContent = "";
      if (wasChosen || isRight) {
        options[i].classList.add(isRight ? "dc-right" : "dc-wrong");
        mark.textContent = "(" + text(quiz, isRight ? "mark-right" : "mark-wrong") + ")";
      }
    }
  }

  function check(quiz, question, results) {
    var multipleChoice = question.getAttribute("data-tipo") !== "relacionar";
    var result = multipleChoice ? gradeChoices(question) : gradePairs(question);
    var box = question.querySelector(".dc-feedback");
    box.textContent = "";
    box.className = "dc-feedback";
    if (!result.answered) {
      box.appendChild(para(text(quiz, "choose-first"), "dc-verdict"));
      return;
    }
    // Partly right (some right options or pairs, not all): "Almost", not "Not correct"
    var verdict = result.right ? "correct" : (result.partly ? "partly" : "incorrect");
    box.classList.add(result.right ? "dc-is-right" : "dc-is-wrong");
    box.appendChild(para(text(quiz, verdict), "dc-verdict"));
    if (multipleChoice) {
      markOptions(quiz, question, result);
      result.chosen.forEach(function (key) {
        var node = stored(question, key);
        if (node) box.appendChild(node);
      });
    } else {
      box.appendChild(stored(question, "general"));
    }
    if (!result.right) box.appendChild(stored(question, "answer"));
    box.appendChild(stored(question, "law"));
    results[question.id] = result.right;
    showScore(quiz, results);
  }

  // Right answers over the questions answered so far, and how many are left
  function showScore(quiz, results) {
    var total = quiz.querySelectorAll(".dc-q").length;
    var answered = Object.keys(results).length;
    var right = 0;
    Object.keys(results).forEach(function (id) {
      if (results[id]) right++;
    });
    var score = text(quiz, "score").replace("{n}", String(right)).replace("{answered}", String(answered));
    if (total > answered) score += " " + text(quiz, "score-left").replace("{left}", String(total - answered));
    quiz.querySelector(".dc-score").textContent = score;
  }

  function setUp(quiz) {
    var results = {}; // lives only as long as the page is open
    var questions = quiz.querySelectorAll(".dc-q");
    var i;
    for (i = 0; i < questions.length; i++) {
      (function (question) {
        question.querySelector(".dc-check").addEventListener("click", function () {
          check(quiz, question, results);
        });
      })(questions[i]);
    }
    quiz.classList.add("dc-ready");
  }

  var quizzes = document.querySelectorAll("[data-cuestionario]");
  for (var q = 0; q < quizzes.length; q++) setUp(quizzes[q]);
})();
