/*
 * Defensorías Comunitarias de Cusco: quick exit and privacy helpers.
 * Loaded in <head>, before Material's bundle. No storage, no network.
 *
 * Quick exit, after GOV.UK's "Exit this page": the button, or Shift pressed three
 * times within five seconds (not Escape, which stops page loads), covers the page at
 * once, clears what this site keeps in the browser and replaces the location with a
 * neutral site. Coming back (pageshow) removes the cover.
 *
 * Lazy search index: Material requests the search index at page load; holding the
 * request until the reader opens search saves most of a first visit's bytes.
 */
(function () {
  "use strict";

  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 5000;

  function bar() { return document.querySelector("[data-dc-salida]"); }
  function button() { return document.querySelector("[data-dc-salida-boton]"); }

  function announce(text) {
    var region = document.querySelector(".dc-salida__aviso");
    if (region) region.textContent = text;
  }

  function clearTraces() {
    try { window.localStorage.clear(); } catch (e) { /* storage may be disabled */ }
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
    if (window.__md_memory) window.__md_memory.clear();
  }

  function exit() {
    var link = button();
    if (!link) return;
    document.documentElement.classList.add("dc-saliendo");
    var cover = document.querySelector(".dc-salida__cortina");
    if (cover) cover.hidden = false;
    clearTraces();
    // replace(): the exited page does not stay as the current history entry
    window.location.replace(link.href);
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("[data-dc-salida-boton]") : null;
    if (!target || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    exit();
  });

  var presses = 0;
  var timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    presses += 1;
    clearTimeout(timer);
    if (presses >= SHIFT_PRESSES) {
      presses = 0;
      exit();
      return;
    }
    var link = button();
    if (link) announce(link.getAttribute("data-dc-faltan-" + (SHIFT_PRESSES - presses)) || "");
    timer = setTimeout(function () {
      presses = 0;
      if (link) announce(link.getAttribute("data-dc-cancelado") || "");
    }, SHIFT_WINDOW_MS);
  });

  // Back from the neutral site (bfcache): show the page again, ready for a new exit
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("dc-saliendo");
    var cover = document.querySelector(".dc-salida__cortina");
    if (cover) cover.hidden = true;
    presses = 0;
    announce("");
  });

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
  function release() {
    if (released) return;
    released = true;
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
