import { spawn } from "node:child_process";
import { access, constants } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** Where a Go toolchain is looked for after PATH: Debian's golang-go, then the upstream tarball's place. */
export const GO_CANDIDATES = ["/usr/lib/go/bin/go", "/usr/bin/go", "/usr/local/go/bin/go"];

/** apt-get update plus the install can take minutes on a cold mirror. */
export const GO_INSTALL_TIMEOUT_MS = 10 * 60 * 1000;

/** Build cache and module cache, under the OS temp dir: kept between runs, needs no $HOME. */
export const GO_WORK_DIR = path.join(os.tmpdir(), "conformance-go");

/**
 * The environment `go` is run with by the tests: offline (no proxy, no checksum database, no toolchain
 * download), modules read from go.mod as it stands, no cgo (Debian's golang-go does not bring a C
 * compiler), caches under GO_WORK_DIR.
 */
export function goEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOPROXY: "off",
    GOSUMDB: "off",
    GOFLAGS: "-mod=mod",
    GOTOOLCHAIN: "local",
    GOTELEMETRY: "off",
    CGO_ENABLED: "0",
    GOCACHE: path.join(GO_WORK_DIR, "cache"),
    GOPATH: path.join(GO_WORK_DIR, "path"),
  };
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function log(line: string): void {
  process.stdout.write(`      [go] ${line}\n`);
}

/** The first `go` on PATH, then the usual places; undefined when there is none. */
export async function findGo(): Promise<string | undefined> {
  const onPath = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => dir !== "")
    .map((dir) => path.join(dir, "go"));
  for (const candidate of [...onPath, ...GO_CANDIDATES]) {
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
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
 * The path of a `go` binary to build the Go SDK's test program with. When there is none, installs Debian's
 * golang-go with apt-get (the tests run as root in a Debian image); any failure is thrown with what to do
 * about it, so that the Go SDK test fails loudly instead of skipping.
 */
export async function ensureGo(timeoutMs = GO_INSTALL_TIMEOUT_MS): Promise<string> {
  const found = await findGo();
  if (found) return found;
  const started = Date.now();
  const deadline = started + timeoutMs;
  log(
    `no go on PATH nor at ${GO_CANDIDATES.join(", ")}: installing Debian's golang-go (up to ${timeoutMs / 60000} min)`,
  );
  try {
    if (process.getuid?.() !== 0) throw new Error("installing it needs root");
    await run("apt-get", ["update"], deadline);
    await run("apt-get", ["install", "-y", "--no-install-recommends", "golang-go"], deadline);
  } catch (error) {
    throw new Error(
      `Go is needed for the official Zenlayer Go SDK's test and could not be installed: ${(error as Error).message}\n` +
        "Install it yourself (apt-get install golang-go, or Go 1.19 or later on PATH), then rerun.",
    );
  }
  const installed = await findGo();
  if (!installed) {
    throw new Error(
      `apt-get installed golang-go but no go is on PATH nor at ${GO_CANDIDATES.join(", ")}; install Go there and rerun`,
    );
  }
  log(`installed ${installed} in ${Math.round((Date.now() - started) / 1000)} s`);
  return installed;
}
