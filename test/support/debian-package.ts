import { spawn } from "node:child_process";
import { access, constants } from "node:fs/promises";

/** apt-get update plus an install can take minutes on a cold mirror. */
export const APT_INSTALL_TIMEOUT_MS = 10 * 60 * 1000;

export async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A progress printer that prefixes its lines with `[tag]`, indented under mocha's test titles. */
export function tagged(tag: string): (line: string) => void {
  return (line) => process.stdout.write(`      [${tag}] ${line}\n`);
}

/** Runs one command, echoing its output line by line; rejects on a non-zero exit or past the deadline. */
function run(command: string, args: string[], deadline: number, log: (line: string) => void): Promise<void> {
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
 * Installs one package from Debian's archive with apt-get (the tests run as root in a Debian image), as a
 * test's set-up does for a tool it needs (Chromium, Go): bounded in time, with progress, and rejecting with
 * `why` and what to do about it, so that the test fails loudly instead of skipping.
 */
export async function aptInstall(
  pkg: string,
  options: { why: string; advice: string; timeoutMs: number; log: (line: string) => void },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  try {
    if (process.getuid?.() !== 0) throw new Error("installing it needs root");
    await run("apt-get", ["update"], deadline, options.log);
    await run("apt-get", ["install", "-y", "--no-install-recommends", pkg], deadline, options.log);
  } catch (error) {
    throw new Error(
      `${options.why} and could not be installed: ${(error as Error).message}\n${options.advice}`,
    );
  }
}
