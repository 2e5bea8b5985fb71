// Zenlayer's official Go SDK (zenlayercloud-sdk-go, read in place from ../shared/corpus) against the built-in
// sandbox: every method of its bmc 2022-11-20 Client, signed by the SDK itself (ZC2-HMAC-SHA256), through
// the Go program of test/clients/zenlayer-go. Slow (installs Go when missing, builds the program): it runs
// under npm run test:surface, not npm test. A method the sandbox cannot serve fails by name; nothing skips.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { BMC_CLIENT_GO, parseClientMethods } from "../../scripts/gen-go-calls.js";
import { schemasDir } from "../../src/project-paths.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { failureAnswer, findProduct } from "../../src/providers/registry.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import { GO_INSTALL_TIMEOUT_MS, goEnvironment } from "../support/go-toolchain.js";
import { useTempDir } from "../support/temp-dir.js";
import {
  BUILD_TIMEOUT_MS,
  buildZenlayerGoProgram,
  type CallLine,
  callLines,
  RUN_TIMEOUT_MS,
  runToExit,
} from "../support/zenlayer-go-program.js";

const ACTIONS_DOCUMENT = path.join(schemasDir, "zenlayer", "actions", "bmc", "2022-11-20.actions.json");
/** Zenlayer request IDs: "T" and an upper-case UUID (provider-facts.md §3). */
const REQUEST_ID = /^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
/** The Go type of the SDK's errors, as the program prints it (%T). */
const SDK_ERROR_TYPE = "*common.ZenlayerCloudSdkError";

/** The methods of the Client, read when the file loads so that each gets its own `it` (--grep works). */
const METHODS = parseClientMethods(readFileSync(BMC_CLIENT_GO, "utf8"));

function log(line: string): void {
  process.stdout.write(`      [zenlayer-go] ${line}\n`);
}

/** Why a call's line is not a success the SDK parsed, or undefined when it is one. */
function problemOf(line: CallLine): string | undefined {
  if (!line.ok) return `${line.errorType ?? "error"}: ${line.error ?? "(no message)"}`;
  if (!REQUEST_ID.test(line.requestId ?? ""))
    return `requestId ${JSON.stringify(line.requestId)} is not T+UUID`;
  if (!line.hasResponse) return "the SDK parsed no response object";
  if (line.responseRequestId !== undefined && line.responseRequestId !== line.requestId)
    return `response.requestId ${line.responseRequestId} differs from requestId ${line.requestId}`;
  return undefined;
}

describe("official SDK: zenlayercloud-sdk-go (Go), every method of its bmc 2022-11-20 Client", () => {
  const tempDir = useTempDir();
  let sandbox: RunningSandbox | undefined;
  const calls = new Map<string, CallLine>();
  let wrongSecret: CallLine | undefined;

  before(async function () {
    this.timeout(GO_INSTALL_TIMEOUT_MS + BUILD_TIMEOUT_MS + RUN_TIMEOUT_MS + 60_000);
    const { binary, go, ms } = await buildZenlayerGoProgram(tempDir());
    const version = await runToExit(go, ["version"], { env: goEnvironment(), timeoutMs: 60_000 });
    log(`${go}: ${version.stdout.trim()}; go build: ${(ms / 1000).toFixed(1)} s`);

    sandbox = await startSandbox({ credentials: SANDBOX_CREDENTIALS, rateLimit: null });
    const endpoint = new URL(sandbox.url).host;
    const ran = await runToExit(binary, ["-endpoint", endpoint, "-scheme", "http"], {
      env: {
        ...process.env,
        ZENLAYERCLOUD_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.zenlayer.id,
        ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: SANDBOX_CREDENTIALS.zenlayer.secret,
      },
      timeoutMs: RUN_TIMEOUT_MS,
    });
    for (const line of callLines(ran.stdout)) {
      if (line.kind === "wrong-secret") wrongSecret = line;
      else if (calls.has(line.method)) throw new Error(`the program called ${line.method} twice`);
      else calls.set(line.method, line);
    }
    const passed = [...calls.values()].filter((line) => problemOf(line) === undefined).length;
    log(`${calls.size} calls in ${ran.ms} ms against ${sandbox.url}, ${passed} passed`);
    if (ran.stderr.trim() !== "") log(`stderr:\n${ran.stderr}`);
  });
  after(async () => {
    await sandbox?.close();
  });

  it("calls every method of the Client in client.go once", () => {
    const expected = METHODS.map((m) => m.method);
    expect(calls.size, "methods called").to.equal(expected.length);
    expect(
      expected.filter((m) => !calls.has(m)),
      "methods of client.go the program did not call",
    ).to.deep.equal([]);
    expect(
      [...calls.keys()].filter((m) => !expected.includes(m)),
      "calls of methods client.go does not have",
    ).to.deep.equal([]);
  });

  it("has a method for every action of the bmc actions document (x-actions)", () => {
    const document = JSON.parse(readFileSync(ACTIONS_DOCUMENT, "utf8")) as { "x-actions": object };
    const sent = new Set([...calls.values()].map((line) => line.action));
    const missing = Object.keys(document["x-actions"]).filter((action) => !sent.has(action));
    expect(missing, `${missing.length} actions no method of the Go Client sends`).to.deep.equal([]);
  });

  it("gets from every method the parsed success, with a T… requestId, from the sandbox", () => {
    const failed = [...calls.values()].flatMap((line) => {
      const problem = problemOf(line);
      return problem ? [`${line.method}: ${problem}`] : [];
    });
    expect(
      failed,
      `${failed.length} of ${calls.size} methods failed:\n  ${failed.join("\n  ")}\n`,
    ).to.deep.equal([]);
  });

  it("fails with the SDK's ZenlayerCloudSdkError, carrying code, message and requestId, when the password is wrong", () => {
    const product = findProduct("zenlayer", "bmc");
    if (!product) throw new Error("the registry has no zenlayer/bmc");
    expect(wrongSecret, "the program's wrong-secret line").to.not.be.undefined;
    const line = wrongSecret as CallLine;
    expect(line.ok, JSON.stringify(line)).to.be.false;
    expect(line.errorType).to.equal(SDK_ERROR_TYPE);
    expect(line.code).to.equal(failureAnswer(product, "bad-signature").code);
    expect(line.message).to.be.a("string").and.not.empty;
    expect(line.errorRequestId).to.match(REQUEST_ID);
  });

  describe("each method", () => {
    for (const { method, action } of METHODS) {
      it(`${method}${action === method ? "" : ` (X-ZC-Action ${action})`}`, () => {
        const line = calls.get(method);
        expect(line, `${method} was not called`).to.not.be.undefined;
        expect(problemOf(line as CallLine), `${method}`).to.be.undefined;
      });
    }
  });
});
