// Material's script (the search box, the colour switch, the back-to-top button, the menu kept in step
// with the page) starts when the reader first touches, scrolls, presses a key or moves the focus, not
// as the page opens. Started as the page opened, it held a slow phone's page still for a third of a
// second after the words appeared, and longer on the decision aid and the whole guide (make bench,
// Lighthouse's blocking time). Nothing on the first screen needs it: the words, the links, the menu
// (a checkbox) and the reader's colours (partials/palette.html) are there without it.
//
// It starts at once when the address needs it: a link to a section (#...), which may lie in a folded
// section that it opens, a shared search (?q=) or a page opened from a search result (?h=).
// Until it starts, this does what a reader would miss, as Material's script does it:
// - the header's search button puts the cursor in the search box, within the tap, which is what
//   brings up a phone's keyboard;
// - a colour switch is kept where Material keeps it, and shown at once;
// - folded sections open for printing and close again after.
//
// overrides/main.html loads this in place of the bundle, whose address is data-theme-script.
(function () {
  var themeScript = document.currentScript.getAttribute("data-theme-script");
  var firstUse = ["pointerdown", "touchstart", "click", "keydown", "focusin", "scroll", "wheel"];
  var pageRead = false; // the page's HTML is all read: Material's script waits for that signal
  var running = false;
  var keysBeforeRunning = [];
  document.addEventListener("DOMContentLoaded", function () { pageRead = true; });
  function keepKey(event) { keysBeforeRunning.push(event); }
  window.addEventListener("keydown", keepKey, true);

  function start() {
    firstUse.forEach(function (name) { window.removeEventListener(name, start, true); }); // once
    var script = document.createElement("script");
    script.src = themeScript;
    script.onload = function () {
      running = true;
      // Material sets up the page's parts when the page has been read, and hears that only once: a
      // script that starts later is told so (window.document$ is Material's and Zensical's signal).
      if (pageRead) window.document$.next(document);
      // The keys pressed before it ran are Material's to answer too, where they were pressed: "/" puts
      // the cursor in the search box, Enter on the colour switch switches. Not Tab, which has already
      // moved the focus, nor a key typed into a box, which has already typed: Material would take them
      // for new keys (Tab leaving search).
      window.removeEventListener("keydown", keepKey, true);
      keysBeforeRunning.forEach(function (event) {
        var target = event.target instanceof Element && event.target.isConnected ? event.target : document.body;
        if (event.key === "Tab" || target.matches("input:not([type=radio], [type=checkbox]), textarea, [contenteditable]")) return;
        target.dispatchEvent(new KeyboardEvent("keydown", {
          key: event.key, code: event.code, shiftKey: event.shiftKey, altKey: event.altKey,
          ctrlKey: event.ctrlKey, metaKey: event.metaKey, bubbles: true, cancelable: true
        }));
      });
    };
    document.body.appendChild(script);
  }

  if (location.hash || /[?&][qh]=/.test(location.search)) {
    start();
  } else {
    firstUse.forEach(function (name) { window.addEventListener(name, start, { capture: true, passive: true }); });
  }

  document.addEventListener("click", function (event) {
    if (running || !event.target.closest || !event.target.closest('header [for="__search"]')) return;
    var box = document.querySelector('[data-md-component="search-query"]');
    if (box) box.focus();
  });

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (running || !input.closest || !input.closest('[data-md-component="palette"]')) return;
    var inputs = Array.prototype.slice.call(input.closest('[data-md-component="palette"]').querySelectorAll("input"));
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    inputs.forEach(function (each) {
      if (each.nextElementSibling) each.nextElementSibling.hidden = each !== input;
    });
    // Material's own record of the reader's choice, which it reads when it starts and on every page.
    __md_set("__palette", { index: inputs.indexOf(input), color: color });
  });

  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    if (running) return;
    openedForPrint = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    openedForPrint.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) { details.open = false; });
    openedForPrint = [];
  });
})();
