// The whole guide on one page (overrides/print.html) holds every glossary term of every page, some
// 250. Material's own tooltip on each of them costs a phone a long stretch of script and style work
// while the page opens (Lighthouse's blocking time). On this page the browser's own tooltip shows a
// term's meaning instead: this runs before Material's script and takes the feature out of the
// settings that script reads (the page's #__config).
(function () {
  var settings = document.getElementById("__config")
  if (!settings) return
  var app = JSON.parse(settings.textContent)
  app.features = (app.features || []).filter(function (feature) {
    return feature !== "content.tooltips"
  })
  settings.textContent = JSON.stringify(app)
})()
