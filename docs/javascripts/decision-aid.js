// "Is a pump right for me?" (docs/is-a-pump-right-for-me.md). The page works without this script:
// the reader ticks "Print only my answers" and prints, and print CSS does the rest. This script adds
// what CSS cannot: today's date and the page's address on the summary, and a "Print my summary"
// button. It stores nothing and sends nothing.
(function () {
  function setUp() {
    var form = document.querySelector("form.decision-aid")
    if (!form || form.dataset.ready) return
    form.dataset.ready = "true"

    var summaryMode = form.querySelector('[name="summary-mode"]')
    var printButton = form.querySelector('[data-decision-aid="print"]')
    var dateSlot = form.querySelector('[data-decision-aid="date"]')
    var addressSlot = form.querySelector('[data-decision-aid="address"]')

    // The canonical address is the published one, even in the offline copy opened from disk.
    function fillDateAndAddress() {
      dateSlot.textContent = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })
      var canonical = document.querySelector('link[rel="canonical"]')
      addressSlot.textContent = canonical ? canonical.href : location.href.split("#")[0]
    }
    fillDateAndAddress()
    window.addEventListener("beforeprint", fillDateAndAddress) // a page left open overnight prints today's date

    // The Print button is the worksheet's submit button (a form without one fails HTML_CodeSniffer's
    // H32.2). The form sends nothing (method="dialog" outside a dialog does nothing), and printing is
    // what pressing the button means. Enter in a tick box or choice would also "submit" the form
    // (the browser's implicit submission): in a worksheet it must change nothing, so it is held back.
    function printSummary(event) {
      event.preventDefault()
      summaryMode.checked = true
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
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp) // Material's "page ready" signal
  } else {
    document.addEventListener("DOMContentLoaded", setUp)
  }
})()
