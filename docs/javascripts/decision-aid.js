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

    printButton.hidden = false
    printButton.addEventListener("click", function () {
      summaryMode.checked = true
      window.print()
    })
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp) // Material's "page ready" signal
  } else {
    document.addEventListener("DOMContentLoaded", setUp)
  }
})()
