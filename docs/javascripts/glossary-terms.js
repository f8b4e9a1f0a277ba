// Glossary terms (the <abbr> that includes/abbreviations.md adds) show their meaning in a small box
// on hover, on tap and on keyboard focus.
//
// Why not Material's own tooltips (the content.tooltips feature): it sets up watchers on every term
// while the page opens, and a page here holds up to 70 terms (the whole guide some 250). On a slow
// phone that was most of the page's blocking time (Lighthouse). This script listens once, on the
// document, and builds a single box the first time a reader asks for a meaning. The box reuses
// Material's tooltip look (.md-tooltip2), so both themes and both engines draw it the same way.
//
// A page full of underlined words is hard to read, so a term is marked once a page: its first use
// outside headings keeps the dotted underline and becomes a tab stop, so that keyboard users can
// reach its meaning too. Later uses, and every use in a heading, lose the underline
// (docs/stylesheets/extra.css) but still show the meaning on hover and tap. Terms are matched by
// meaning, so "Type 1 diabetes" and "type 1 diabetes" are one term.
//
// WCAG 1.4.13 (content on hover or focus): the box stays while the pointer moves onto it, and
// Escape closes it without moving the pointer or the focus.
(function () {
  var TERMS = ".md-content abbr[data-meaning]" // every term, once its meaning has moved out of `title` below
  var GAP = 8 // px between the term and the box
  var LINGER = 300 // ms the box stays after the pointer leaves the term, time to cross the gap onto it
  var box = null
  var shownFor = null
  var leaving = null

  var marked = new Set()
  document.querySelectorAll(".md-content abbr[title]").forEach(function (term) {
    // The meaning moves out of `title`, so that the browser's own tooltip does not show it a second time.
    term.setAttribute("data-meaning", term.title)
    term.removeAttribute("title")
    if (term.closest("h1, h2, h3, h4, h5, h6") || marked.has(term.dataset.meaning)) {
      term.classList.add("glossary-term--plain")
      return
    }
    marked.add(term.dataset.meaning)
    term.tabIndex = 0
  })

  function theBox() {
    if (!box) {
      box = document.createElement("div")
      box.className = "md-tooltip2"
      box.id = "glossary-meaning"
      box.setAttribute("role", "tooltip")
      box.innerHTML = '<div class="md-tooltip2__inner md-typeset"></div>'
      box.firstChild.addEventListener("mouseenter", stay)
      box.firstChild.addEventListener("mouseleave", function (event) {
        if (!(shownFor && shownFor.contains(event.relatedTarget))) hide()
      })
      document.body.appendChild(box)
    }
    return box
  }

  function stay() {
    clearTimeout(leaving)
  }

  function show(term) {
    stay()
    if (shownFor === term) return
    hide()
    var tooltip = theBox()
    tooltip.firstChild.textContent = term.dataset.meaning
    var where = term.getBoundingClientRect()
    tooltip.style.setProperty("--md-tooltip-width", "400px")
    tooltip.style.setProperty("--md-tooltip-tail", "0px")
    tooltip.style.setProperty("--md-tooltip-host-x", where.left + "px")
    tooltip.style.setProperty("--md-tooltip-host-y", where.top + window.scrollY + "px")
    tooltip.style.setProperty("--md-tooltip-x", where.width / 2 + "px")
    tooltip.style.setProperty("--md-tooltip-y", where.height + GAP + "px")
    // Above the term when there is no room below it on the screen.
    var height = tooltip.firstChild.offsetHeight
    var above = where.bottom + GAP + height > window.innerHeight && where.top > GAP + height
    if (above) tooltip.style.setProperty("--md-tooltip-y", -(GAP + height) + "px")
    tooltip.classList.toggle("md-tooltip2--top", above)
    tooltip.classList.toggle("md-tooltip2--bottom", !above)
    tooltip.classList.add("md-tooltip2--active")
    term.setAttribute("aria-describedby", tooltip.id)
    shownFor = term
  }

  function hide() {
    stay()
    if (!shownFor) return
    shownFor.removeAttribute("aria-describedby")
    box.classList.remove("md-tooltip2--active")
    shownFor = null
  }

  function termAt(target) {
    return target instanceof Element ? target.closest(TERMS) : null
  }

  document.addEventListener("mouseover", function (event) {
    var term = termAt(event.target)
    if (term) show(term)
  })
  document.addEventListener("mouseout", function (event) {
    var term = termAt(event.target)
    if (term && term === shownFor && !term.contains(event.relatedTarget) && !box.contains(event.relatedTarget)) {
      leaving = setTimeout(hide, LINGER)
    }
  })
  document.addEventListener("focusin", function (event) {
    var term = termAt(event.target)
    if (term) show(term)
    else hide()
  })
  document.addEventListener("click", function (event) {
    var term = termAt(event.target)
    if (term) show(term)
    else if (!(box && box.contains(event.target))) hide()
  })
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide()
  })
  window.addEventListener("resize", hide)
})()
