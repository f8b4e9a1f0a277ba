// "Is a pump right for me?" (docs/is-a-pump-right-for-me.md). The page works without this script:
// the reader ticks "Print only my answers" and prints, and print CSS does the rest. This script adds
// what CSS cannot: today's date and the page's address on the summary, a "Print my summary" button,
// a question before "Clear my answers" wipes everything, a smaller print size when many answers
// would not fit on one sheet, and clearing every answer when the reader leaves the page, so that
// Back (which browsers answer from their back/forward cache) never shows them to the next person.
// It stores nothing and sends nothing.
(function () {
  // Printed lines of answers that fit on one A4 sheet in two columns at each size (measured with
  // tests/test_decision_aid.py's longest summary); above the last, the smallest size is used.
  var PRINT_SIZES = [
    { lines: 70, className: "" },
    { lines: 95, className: "decision-aid--compact" },
    { lines: Infinity, className: "decision-aid--smallest" },
  ]
  var CHARACTERS_PER_PRINTED_LINE = 55
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"]

  // The date as each edition writes it ("29 November 2026", "2026年11月29日"). Written out here, not
  // with toLocaleDateString: the browser's first date formatting loads its locale data, which took
  // 35 to 45 ms as this page opened, up to four times that on a slow phone.
  function today() {
    var now = new Date()
    if (document.documentElement.lang.indexOf("zh") === 0) {
      return now.getFullYear() + "年" + (now.getMonth() + 1) + "月" + now.getDate() + "日"
    }
    return now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear()
  }

  function setUp() {
    var form = document.querySelector("form.decision-aid")
    if (!form || form.dataset.ready) return
    form.dataset.ready = "true"

    var summaryMode = form.querySelector('[name="summary-mode"]')
    var printButton = form.querySelector('[data-decision-aid="print"]')
    var dateSlot = form.querySelector('[data-decision-aid="date"]')
    var addressSlot = form.querySelector('[data-decision-aid="address"]')
    var leaving = false

    // The canonical address is the published one, even in the offline copy opened from disk.
    function fillDateAndAddress() {
      dateSlot.textContent = today()
      var canonical = document.querySelector('link[rel="canonical"]')
      addressSlot.textContent = canonical ? canonical.href : location.href.split("#")[0]
    }

    // Roughly how many printed lines the summary needs: a line or two for each answer, and the
    // reader's own words at the width of one column.
    function printedLines() {
      var answers = form.querySelectorAll("input:checked:not([name='summary-mode'])").length
      var words = form.querySelector("textarea").value
      var ownLines = words.split("\n").reduce(function (total, line) {
        return total + Math.max(1, Math.ceil(line.length / CHARACTERS_PER_PRINTED_LINE))
      }, 0)
      return answers * 2 + (words.trim() ? ownLines + 2 : 0)
    }

    function fitToOneSheet() {
      var lines = printedLines()
      PRINT_SIZES.forEach(function (size) {
        if (size.className) form.classList.remove(size.className)
      })
      var size = PRINT_SIZES.filter(function (size) { return lines <= size.lines })[0]
      if (size.className) form.classList.add(size.className)
    }

    function beforePrinting() {
      fillDateAndAddress() // a page left open overnight prints today's date
      fitToOneSheet()
    }
    fillDateAndAddress()
    window.addEventListener("beforeprint", beforePrinting)

    // The Print button is the worksheet's submit button (a form without one fails HTML_CodeSniffer's
    // H32.2). The form sends nothing (method="dialog" outside a dialog does nothing), and printing is
    // what pressing the button means. Enter in a tick box or choice would also "submit" the form
    // (the browser's implicit submission): in a worksheet it must change nothing, so it is held back.
    function printSummary(event) {
      event.preventDefault()
      summaryMode.checked = true
      beforePrinting()
      window.print()
    }
    printButton.hidden = false
    printButton.addEventListener("click", printSummary)
    form.addEventListener("submit", function (event) {
      event.preventDefault()
    })
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target instanceof HTMLInputElement) event.preventDefault()
    })

    // "Clear my answers" asks first, in the page's own words (the button's data-confirm): one slip
    // should not wipe a page of answers.
    var question = form.querySelector("button[type=reset]").dataset.confirm
    form.addEventListener("reset", function (event) {
      if (!leaving && !window.confirm(question)) {
        event.preventDefault()
      }
    })

    // Leaving the page (a link, Back, closing the tab) clears the answers, so the page a browser keeps
    // for Back holds none. A page brought back from that cache is cleared again, in case.
    function clearOnLeaving() {
      leaving = true
      form.reset()
      form.querySelectorAll("details[open]").forEach(function (details) { details.open = false })
      leaving = false
    }
    window.addEventListener("pagehide", clearOnLeaving)
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) clearOnLeaving()
    })
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp) // Material's "page ready" signal
  } else {
    document.addEventListener("DOMContentLoaded", setUp)
  }
})()
