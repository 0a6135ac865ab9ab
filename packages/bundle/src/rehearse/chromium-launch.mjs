// How every Playwright run here launches Chromium (the e2e suites and `appbase rehearse`): the
// system browser, headless, with nothing that reaches the network on its own or needs a GPU or a
// sandbox (containers). Plain JS with no imports, so the rehearsal's plain-JS config can load it.

/** Launch options for Playwright's `use.launchOptions`. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
