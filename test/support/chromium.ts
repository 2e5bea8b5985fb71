import { APT_INSTALL_TIMEOUT_MS, aptInstall, isExecutable, tagged } from "./debian-package.js";

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_INSTALL_TIMEOUT_MS = APT_INSTALL_TIMEOUT_MS;

/** The flags the browser tests launch Chromium with: headless, no sandbox (root), no network of its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const log = tagged("chromium");

/**
 * The path of a Chromium to drive with playwright-core. When Debian's package is missing, installs it with
 * apt-get (the tests run as root in a Debian image); any failure is thrown with what to do about it, so
 * that a browser test fails loudly instead of skipping.
 */
export async function ensureChromium(timeoutMs = CHROMIUM_INSTALL_TIMEOUT_MS): Promise<string> {
  if (await isExecutable(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const started = Date.now();
  log(`${CHROMIUM_PATH} is missing: installing Debian's chromium package (up to ${timeoutMs / 60000} min)`);
  await aptInstall("chromium", {
    why: "Chromium is needed for the HTML report's browser test",
    advice: "Install it yourself (apt-get install chromium) so that it is at /usr/bin/chromium, then rerun.",
    timeoutMs,
    log,
  });
  if (!(await isExecutable(CHROMIUM_PATH))) {
    throw new Error(
      `apt-get installed chromium but ${CHROMIUM_PATH} is not there; install Chromium at that path and rerun`,
    );
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return CHROMIUM_PATH;
}
