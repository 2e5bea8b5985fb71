import { spawn } from "node:child_process";
import { access, constants } from "node:fs/promises";

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** apt-get update plus the install can take minutes on a cold mirror. */
export const CHROMIUM_INSTALL_TIMEOUT_MS = 10 * 60 * 1000;

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

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function log(line: string): void {
  process.stdout.write(`      [chromium] ${line}\n`);
}

/** Runs one command, echoing its output line by line; rejects on a non-zero exit or past the deadline. */
function run(command: string, args: string[], deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    log(`$ ${command} ${args.join(" ")}`);
    const child = spawn(command, args, {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tail: string[] = [];
    const echo = (chunk: Buffer): void => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() === "") continue;
        log(`  ${line}`);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    };
    child.stdout.on("data", echo);
    child.stderr.on("data", echo);
    const timer = setTimeout(
      () => {
        child.kill("SIGTERM");
        reject(new Error(`${command} ${args.join(" ")} did not finish in time`));
      },
      Math.max(0, deadline - Date.now()),
    );
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${command} ${args.join(" ")} exited with ${code ?? signal}; last output:\n${tail.join("\n")}`,
          ),
        );
    });
  });
}

/**
 * The path of a Chromium to drive with playwright-core. When Debian's package is missing, installs it with
 * apt-get (the tests run as root in a Debian image); any failure is thrown with what to do about it, so
 * that a browser test fails loudly instead of skipping.
 */
export async function ensureChromium(timeoutMs = CHROMIUM_INSTALL_TIMEOUT_MS): Promise<string> {
  if (await isExecutable(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const started = Date.now();
  const deadline = started + timeoutMs;
  log(`${CHROMIUM_PATH} is missing: installing Debian's chromium package (up to ${timeoutMs / 60000} min)`);
  try {
    if (process.getuid?.() !== 0) throw new Error("installing it needs root");
    await run("apt-get", ["update"], deadline);
    await run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], deadline);
  } catch (error) {
    throw new Error(
      `Chromium is needed for the HTML report's browser test and could not be installed: ${(error as Error).message}\n` +
        "Install it yourself (apt-get install chromium) so that it is at /usr/bin/chromium, then rerun.",
    );
  }
  if (!(await isExecutable(CHROMIUM_PATH))) {
    throw new Error(
      `apt-get installed chromium but ${CHROMIUM_PATH} is not there; install Chromium at that path and rerun`,
    );
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return CHROMIUM_PATH;
}
