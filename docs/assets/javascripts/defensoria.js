/*
 * Defensorías Comunitarias de Cusco: quick exit, privacy helpers, lazy search.
 * Loaded at the end of <body>, before Material's bundle. No storage, no network.
 *
 * Quick exit, after GOV.UK's "Exit this page": the button, or Shift pressed three
 * times within five seconds (not Escape, which stops page loads). A Shift press counts
 * only when Shift is released with no other key pressed since it went down, and any
 * other key starts the count again: typing capitals never exits. The exit covers the
 * page with a blank sheet at once, clears what this site could keep in the browser and
 * replaces the location with a neutral site. Coming back (pageshow) removes the cover.
 * The button's click, the exit itself and discreet navigation are inline in <head>
 * (theme partials/primeros-clics.html), so they work before this script arrives.
 *
 * Discreet navigation (on unless the address carries ?historial): following a link
 * replaces the current history entry instead of adding one, so the site holds a single
 * entry that the exit then replaces; Back never shows a page of the site. The choice
 * lives only in the address (no storage), carried from link to link when it is off.
 *
 * Lazy search: Material requests the search index and starts its search worker at page
 * load; holding both until the reader opens search saves most of a first visit's bytes
 * (the index, and the worker's 12 KiB). Opened, both are fetched at once.
 */
(function () {
  "use strict";

  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 5000;
  var NOTICE_MS = 2000;

  // From the inline script in <head> (partials/primeros-clics.html)
  var salida = window.dcSalida;
  var button = salida.button;
  var announce = salida.announce;
  var exit = salida.exit;

  // ---- Shift ×3 ----
  var presses = 0;
  var clean = false;      // Shift is down and no other key has been pressed since
  var windowTimer = null;
  var noticeTimer = null;

  function resetCount() {
    presses = 0;
    clearTimeout(windowTimer);
    windowTimer = null;
  }

  function expire() {
    resetCount();
    var link = button();
    announce(link ? link.getAttribute("data-dc-cancelado") || "" : "");
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(function () { announce(""); }, NOTICE_MS);
  }

  // Capture phase on window: seen before Material's own keyboard handlers
  window.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) clean = true;
      return;
    }
    clean = false;
    if (presses > 0) {
      resetCount();
      clearTimeout(noticeTimer);
      announce("");
    }
  }, true);

  window.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !clean) return;
    clean = false;
    presses += 1;
    if (presses >= SHIFT_PRESSES) {
      resetCount();
      exit();
      return;
    }
    if (windowTimer === null) windowTimer = setTimeout(expire, SHIFT_WINDOW_MS);
    clearTimeout(noticeTimer);
    var link = button();
    if (link) announce(link.getAttribute("data-dc-faltan-" + (SHIFT_PRESSES - presses)) || "");
  }, true);

  // Switching window or tab between presses is not a clean press
  window.addEventListener("blur", function () { clean = false; });

  // Back from the neutral site (bfcache): show the page again, ready for a new exit
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("dc-saliendo");
    var cover = document.querySelector(".dc-salida__cortina");
    if (cover) cover.hidden = true;
    resetCount();
    clean = false;
    announce("");
  });

  // Material's one-key shortcuts (p/n: previous/next page, s/f//: search) fire on a
  // stray key in the page (WCAG 2.1.4) and p/n add history entries: switch them off
  var SHORTCUTS = ["p", ",", "n", ".", "s", "f", "/"];
  window.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || SHORTCUTS.indexOf(event.key) < 0) return;
    var target = event.target;
    if (target instanceof Element && target.closest("input, textarea, select, [contenteditable]")) return;
    event.stopImmediatePropagation();
  }, true);

  // Hold the search index request until search is first opened
  var held = [];
  var released = false;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__dcHold = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.__dcHold && !released) {
      held.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };
  // Material only posts to its worker once the index has arrived, so until then a
  // stand-in keeps its listeners; the real worker starts when search is opened
  var NativeWorker = window.Worker;
  var heldWorkers = [];
  if (NativeWorker) {
    window.Worker = function (url, options) {
      if (released || !/\/workers\/search\.[^/]*\.js$/.test(String(url))) return new NativeWorker(url, options);
      var listeners = [];
      var messages = [];
      var worker = null;
      heldWorkers.push(function () {
        worker = new NativeWorker(url, options);
        listeners.forEach(function (args) { worker.addEventListener.apply(worker, args); });
        messages.forEach(function (message) { worker.postMessage(message); });
      });
      return {
        postMessage: function (message) { if (worker) worker.postMessage(message); else messages.push(message); },
        addEventListener: function () {
          if (worker) worker.addEventListener.apply(worker, arguments); else listeners.push(arguments);
        },
        removeEventListener: function (type, listener) {
          if (worker) worker.removeEventListener.apply(worker, arguments);
          else listeners = listeners.filter(function (args) { return args[0] !== type || args[1] !== listener; });
        },
        terminate: function () { if (worker) worker.terminate(); }
      };
    };
  }

  function release() {
    if (released) return;
    released = true;
    heldWorkers.splice(0).forEach(function (start) { start(); });
    held.splice(0).forEach(function (go) { go(); });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target instanceof Element && event.target.matches(".md-search__input")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.id === "__search") release();
  });
  document.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("label[for='__search']")) release();
  });
}());
