// pa11y with HTML_CodeSniffer (WCAG 2 AA) on each address given, in the Chromium the tests use.
// Usage: node checks/pa11y_pages.mjs CHROMIUM_PATH URL...; prints {url: [error, ...]} as JSON.
// Called by checks/pa11y.py. Puppeteer's own browser is never downloaded (PUPPETEER_SKIP_DOWNLOAD in
// the Makefile): pa11y starts the given Chromium through its launch configuration.
import pa11y from "pa11y"

const [executablePath, ...urls] = process.argv.slice(2)
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
const errors = {}
for (const url of urls) {
  const result = await pa11y(url, { standard: "WCAG2AA", runners: ["htmlcs"], chromeLaunchConfig, timeout: 120000 })
  errors[url] = result.issues
    .filter((issue) => issue.type === "error")
    .map(({ code, message, selector, context }) => ({ code, message, selector, context }))
}
console.log(JSON.stringify(errors))
