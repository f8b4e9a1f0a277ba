// Glossary terms show their meaning on hover and tap; this lets keyboard users reach them too.
// Only the first use of each term on a page (outside links) becomes a tab stop, so that pages
// full of terms do not bury the real links under dozens of stops.
document$.subscribe(function () {
  var seen = new Set()
  document.querySelectorAll(".md-content abbr").forEach(function (term) {
    var name = term.textContent.toLowerCase()
    if (seen.has(name) || term.closest("a")) return
    seen.add(name)
    term.tabIndex = 0
  })
})
