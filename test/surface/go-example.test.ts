// examples/go-zenlayer-sdk run as its README says: `conformance proxy -- go test ./...`, the Go tests calling
// Zenlayer's official Go SDK (read in place from ../shared/corpus through a `replace`, built offline) with its
// default endpoint, https://console.zenlayer.com, which the proxy intercepts and sends to the built-in
// sandbox over TLS (--upstream). Slow (installs Go when missing, builds the tests): npm run test:surface.
import { type ChildProcess, spawn } from "node:child_process";
import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { GO_SDK_DIR } from "../../scripts/gen-go-calls.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { allCells } from "../../src/report/matrix-cells.js";
import { DEFECTS } from "../../src/sandbox/defects.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { ensureGo, GO_INSTALL_TIMEOUT_MS, goEnvironment } from "../support/go-toolchain.js";
import { builtBin, projectRoot, staleBuildFiles } from "../support/run-cli.js";
import { type CommandRun, runCommand } from "../support/run-command.js";
import { useTempDir } from "../support/temp-dir.js";

const EXAMPLE = path.join(projectRoot, "examples", "go-zenlayer-sdk");
const SDK_MODULE = "github.com/zenlayer/zenlayercloud-sdk-go";
/** Bound on `go vet` and on one proxy run (go test builds the test binary first). */
const GO_TIMEOUT_MS = 5 * 60 * 1000;
const SANDBOX_START_TIMEOUT_MS = 30_000;
/** The example's tests, each one call of the SDK (the last one answered with an error). */
const GO_TESTS = [
  "TestDescribeZones",
  "TestDescribeInstances",
  "TestDescribeImages",
  "TestDescribeInstancesInAnUnknownZone",
];
/** One key pair for the sandbox, the proxy's re-signing and the SDK: the variables the SDK reads. */
const CREDENTIAL_ENV = {
  ZENLAYERCLOUD_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.zenlayer.id,
  ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: SANDBOX_CREDENTIALS.zenlayer.secret,
};

function log(line: string): void {
  process.stdout.write(`      [go example] ${line}\n`);
}

interface Sandbox {
  url: string;
  stop(): Promise<void>;
}

/** `conformance sandbox --tls --ca-cert FILE --port 0`, resolved on its "sandbox listening on" line. */
function startTlsSandbox(caCert: string, defects: string[]): Promise<Sandbox> {
  const args = ["sandbox", "--tls", "--ca-cert", caCert, "--port", "0", "--quiet"];
  for (const defect of defects) args.push("--defect", defect);
  const child: ChildProcess = spawn(process.execPath, [builtBin, ...args], {
    env: { ...process.env, ...CREDENTIAL_ENV },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the sandbox did not listen within ${SANDBOX_START_TIMEOUT_MS / 1000} s: ${stderr}`));
    }, SANDBOX_START_TIMEOUT_MS);
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const listening = /sandbox listening on (https:\/\/\S+)/.exec(stdout);
      if (listening?.[1]) {
        clearTimeout(timer);
        resolve({ url: listening[1], stop });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited (${code}) before listening: ${stderr}`));
    });
  });
}

describe("examples/go-zenlayer-sdk: conformance proxy -- go test ./... (Zenlayer's official Go SDK)", () => {
  const tempDir = useTempDir();
  let go = "";
  let moduleDir = "";

  before(async function () {
    this.timeout(GO_INSTALL_TIMEOUT_MS + 60_000);
    const stale = await staleBuildFiles();
    if (stale.length > 0)
      throw new Error(
        `dist/ is older than src/ (${stale.slice(0, 5).join(", ")}): run \`npm run build\` first`,
      );
    go = await ensureGo();
    moduleDir = path.join(tempDir(), "go-zenlayer-sdk");
    await cp(EXAMPLE, moduleDir, { recursive: true });
    // The SDK from the corpus instead of the module proxy: the only change to the example.
    const edit = await runCommand(go, ["mod", "edit", "-replace", `${SDK_MODULE}=${GO_SDK_DIR}`], {
      cwd: moduleDir,
      env: goEnvironment(),
      timeoutMs: 60_000,
    });
    expect(edit.code, edit.stderr).to.equal(0);
  });

  it("builds offline against the SDK: go vet ./...", async function () {
    this.timeout(GO_TIMEOUT_MS + 10_000);
    const vet = await runCommand(go, ["vet", "./..."], {
      cwd: moduleDir,
      env: goEnvironment(),
      timeoutMs: GO_TIMEOUT_MS,
    });
    log(`go vet ./...: exit ${vet.code} in ${(vet.ms / 1000).toFixed(1)} s`);
    expect(vet.code, vet.stderr).to.equal(0);
  });

  /** `conformance proxy --upstream console.zenlayer.com=SANDBOX -- go test -count=1 -v ./...`, its report. */
  async function proxyGoTest(
    defects: string[],
    name: string,
  ): Promise<{ ran: CommandRun; report: ConformanceReport }> {
    const dir = tempDir();
    const sandboxCa = path.join(dir, `sandbox-ca-${name}.pem`);
    const sandbox = await startTlsSandbox(sandboxCa, defects);
    const reportDir = path.join(dir, `reports-${name}`);
    try {
      const ran = await runCommand(
        process.execPath,
        [
          builtBin,
          "proxy",
          "--upstream",
          `console.zenlayer.com=${sandbox.url}`,
          "--ca-dir",
          path.join(dir, "proxy-ca"),
          "--report-dir",
          reportDir,
          "--",
          go,
          "test",
          "-count=1", // Go caches test results: the calls must be made every time
          "-v",
          "./...",
        ],
        {
          cwd: moduleDir,
          // The proxy trusts the sandbox's CA; go test gets the proxy's (SSL_CERT_FILE) from the proxy.
          env: { ...goEnvironment(), ...CREDENTIAL_ENV, NODE_EXTRA_CA_CERTS: sandboxCa },
          timeoutMs: GO_TIMEOUT_MS,
        },
      );
      log(
        `conformance proxy -- go test ./...${defects.map((d) => ` (sandbox --defect ${d})`).join("")}: ` +
          `exit ${ran.code ?? ran.signal} in ${(ran.ms / 1000).toFixed(1)} s`,
      );
      if (/unknown command "proxy"/.test(ran.stderr))
        throw new Error(`the CLI has no proxy command yet (src/cli/proxy-command.ts): ${ran.stderr.trim()}`);
      const text = await readFile(path.join(reportDir, "conformance.json"), "utf8").catch((error: Error) => {
        throw new Error(`no report (${error.message}); the proxy said:\n${ran.stderr}\n${ran.stdout}`);
      });
      return { ran, report: JSON.parse(text) as ConformanceReport };
    } finally {
      await sandbox.stop();
    }
  }

  it("passes: every call of the Go tests is checked as zenlayer/bmc and conforms", async function () {
    this.timeout(GO_TIMEOUT_MS + 60_000);
    const { ran, report } = await proxyGoTest([], "pass");
    const output = `${ran.stdout}\n${ran.stderr}`;
    expect(ran.code, output).to.equal(0);
    for (const test of GO_TESTS) expect(output).to.include(`--- PASS: ${test} `);
    expect(report.summary.checked, "checked exchanges").to.be.at.least(GO_TESTS.length);
    expect(report.summary.failed, JSON.stringify(report.results, null, 2)).to.equal(0);
    const cells = allCells(report).filter((cell) => cell.dialect === "zenlayer" && cell.product === "bmc");
    expect(new Set(cells.map((cell) => cell.action))).to.include.members([
      "DescribeZones",
      "DescribeInstances",
      "DescribeImages",
    ]);
    log(
      `report: ${report.summary.checked} checked, ${report.summary.passed} passed, score ${report.summary.score}`,
    );
  });

  it("fails by the gate (exit 1), naming the rule, when the Zenlayer errors lose their message", async function () {
    this.timeout(GO_TIMEOUT_MS + 60_000);
    const defect = DEFECTS.find((d) => d.name === "missing-message");
    if (!defect) throw new Error("src/sandbox/defects.ts has no missing-message defect any more");
    const { ran, report } = await proxyGoTest([defect.name], "defect");
    const output = `${ran.stdout}\n${ran.stderr}`;
    // The Go tests pass (the SDK reads the code, not the message): the exit is the gate's.
    for (const test of GO_TESTS) expect(output).to.include(`--- PASS: ${test} `);
    expect(ran.code, output).to.equal(1);
    const broken = report.matrix.filter((cell) => cell.rule === defect.rule && cell.failed > 0);
    expect(broken.map((cell) => `${cell.dialect}/${cell.product}/${cell.action}`)).to.deep.equal([
      "zenlayer/bmc/DescribeInstances",
    ]);
    const rules = report.results.flatMap((result) => result.findings.map((finding) => finding.rule));
    expect(rules).to.include(defect.rule);
    expect(output).to.include(defect.rule);
  });
});
