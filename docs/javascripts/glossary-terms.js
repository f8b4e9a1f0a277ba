// Glossary terms show their meaning on hover and tap (Material's tooltips). A page full of
// underlined words is hard to read, so a term is marked once a page: its first use outside headings
// keeps the dotted underline and becomes a tab stop, so that keyboard users can reach its meaning
// too. Later uses, and every use in a heading, lose the underline (docs/stylesheets/extra.css) but
// still show the meaning on hover and tap. Terms are matched by meaning, so "Type 1 diabetes" and
// "type 1 diabetes" are one term.
document$.subscribe(function () {
  var marked = new Set()
  document.querySelectorAll(".md-content abbr[title]").forEach(function (term) {
    if (term.closest("h1, h2, h3, h4, h5, h6") || marked.has(term.title)) {
      term.classList.add("glossary-term--plain")
      return
    }
    marked.add(term.title)
    term.tabIndex = 0
  })
})
