// Material's colour switcher (light and dark), as a page opens, sets the palette on <body> again, even
// when it is the one already there, and first marks <body> with data-md-color-switching: its
// stylesheet then stops transitions with a rule on every element. Adding and removing that mark makes
// the browser restyle the whole page twice, which on a slow phone was the largest share of a page's
// blocking time (Lighthouse). This lets the mark through only when a colour really changes: when the
// reader's system or the reader switches between light and dark. The switcher also adds a
// color-scheme <meta> to the page's head, then fills it in: each makes the browser restyle every
// element, although only the page's own first <meta> counts (overrides/main.html), so a second one is
// kept out. This must load before Material's bundle (overrides/main.html).
(function () {
  var body = document.body
  var setAttribute = body.setAttribute
  var switching = false
  body.setAttribute = function (name, value) {
    if (name === "data-md-color-switching") {
      switching = true // held until a colour changes
      return
    }
    if (/^data-md-color-/.test(name) && body.getAttribute(name) === String(value)) return
    // data-md-color-media only records which system setting chose the palette: no colour depends on it.
    if (switching && /^data-md-color-(scheme|primary|accent)$/.test(name)) {
      switching = false
      setAttribute.call(body, "data-md-color-switching", "")
    }
    return setAttribute.call(body, name, value)
  }
  var removeAttribute = body.removeAttribute
  body.removeAttribute = function (name) {
    if (name === "data-md-color-switching") switching = false
    return removeAttribute.call(body, name)
  }

  var head = document.head
  var appendChild = head.appendChild
  head.appendChild = function (node) {
    var secondColourScheme = node.nodeName === "META" && node.getAttribute("name") === "color-scheme" &&
      head.querySelector('meta[name="color-scheme"]')
    return secondColourScheme ? node : appendChild.call(head, node)
  }
})()
