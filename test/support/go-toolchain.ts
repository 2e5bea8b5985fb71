import os from "node:os";
import path from "node:path";
import { APT_INSTALL_TIMEOUT_MS, aptInstall, isExecutable, tagged } from "./debian-package.js";

/** Where a Go toolchain is looked for after PATH: Debian's golang-go, then the upstream tarball's place. */
export const GO_CANDIDATES = ["/usr/lib/go/bin/go", "/usr/bin/go", "/usr/local/go/bin/go"];

export const GO_INSTALL_TIMEOUT_MS = APT_INSTALL_TIMEOUT_MS;

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

const log = tagged("go");

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

/**
 * The path of a `go` binary to build the Go SDK's test program with. When there is none, installs Debian's
 * golang-go with apt-get (the tests run as root in a Debian image); any failure is thrown with what to do
 * about it, so that the Go SDK test fails loudly instead of skipping.
 */
export async function ensureGo(timeoutMs = GO_INSTALL_TIMEOUT_MS): Promise<string> {
  const found = await findGo();
  if (found) return found;
  const started = Date.now();
  log(
    `no go on PATH nor at ${GO_CANDIDATES.join(", ")}: installing Debian's golang-go (up to ${timeoutMs / 60000} min)`,
  );
  await aptInstall("golang-go", {
    why: "Go is needed for the official Zenlayer Go SDK's test",
    advice: "Install it yourself (apt-get install golang-go, or Go 1.19 or later on PATH), then rerun.",
    timeoutMs,
    log,
  });
  const installed = await findGo();
  if (!installed) {
    throw new Error(
      `apt-get installed golang-go but no go is on PATH nor at ${GO_CANDIDATES.join(", ")}; install Go there and rerun`,
    );
  }
  log(`installed ${installed} in ${Math.round((Date.now() - started) / 1000)} s`);
  return installed;
}
