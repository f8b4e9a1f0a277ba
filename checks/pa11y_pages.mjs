// pa11y with HTML_CodeSniffer (WCAG 2 AA) on each address given, in the Chromium the tests use.
// Usage: node checks/pa11y_pages.mjs CHROMIUM_PATH [--after-first-touch] URL...; prints {url: [error, ...]}
// as JSON. With --after-first-touch each page is checked once Material's script has started, as it
// does at a reader's first touch (overrides/assets/javascripts/theme-on-first-use.js): a click on the
// title, then the <meta name="theme-color"> that Material's colour switch adds when it starts.
// Called by checks/pa11y.py. Puppeteer's own browser is never downloaded (PUPPETEER_SKIP_DOWNLOAD in
// the Makefile): the given Chromium is started once, through pa11y's own Puppeteer, and every page
// is checked in it (a browser per page would cost a second or more each).
import pa11y from "pa11y"
import puppeteer from "puppeteer"

const [executablePath, ...rest] = process.argv.slice(2)
const afterFirstTouch = rest[0] === "--after-first-touch"
const urls = afterFirstTouch ? rest.slice(1) : rest
const actions = afterFirstTouch ? ["click element h1", 'wait for element meta[name="theme-color"] to be added'] : []
const chromeLaunchConfig = {
  executablePath,
  // The same flags as tests/conftest.py: no sandbox (containers run as root), no calls to Google.
  args: [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
}
const browser = await puppeteer.launch(chromeLaunchConfig)
// pa11y waits for the network to be quiet for half a second on each page: four pages at a time, in
// separate tabs, so that those waits overlap.
const errors = {}
const queue = [...urls]
async function checkNext() {
  for (let url = queue.shift(); url; url = queue.shift()) {
    const result = await pa11y(url, { standard: "WCAG2AA", runners: ["htmlcs"], browser, timeout: 120000, actions })
    errors[url] = result.issues
      .filter((issue) => issue.type === "error")
      .map(({ code, message, selector, context }) => ({ code, message, selector, context }))
  }
}
await Promise.all([checkNext(), checkNext(), checkNext(), checkNext()])
await browser.close()
console.log(JSON.stringify(Object.fromEntries(urls.map((url) => [url, errors[url]]))))
