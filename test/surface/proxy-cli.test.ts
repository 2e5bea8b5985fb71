// `conformance proxy` end to end, from the build: tencentcloud-sdk-nodejs-cvm, unchanged, runs through it
// in forward mode (HTTPS_PROXY and TLS interception with the proxy's CA) and in reverse mode (the SDK's
// endpoint is the proxy, which re-signs), against the built-in sandbox served over TLS with its own CA;
// the providers' hosts are mapped to the sandbox with --upstream, since nothing else is reachable.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFile, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { expect } from "chai";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import type { DefectName } from "../../src/sandbox/defects.js";
import { sandboxCertificate } from "../../src/sandbox/sandbox-certificate.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { builtBin, projectRoot, runCli } from "../support/run-cli.js";
import { signedDescribeZones } from "../support/signed-describe-zones.js";
import { useTempDir } from "../support/temp-dir.js";

const CVM_CALLS = path.join(projectRoot, "test", "clients", "tencent-node", "cvm-calls.cjs");
const CVM_HOST = "cvm.tencentcloudapi.com";

interface CallLine {
  method: string;
  ok: boolean;
  code?: string;
  requestId?: string;
}

/** The environment of a user's CI job: the sandbox's credentials in the official SDKs' variables. */
function userEnv(sandboxCa: string): Record<string, string> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(TENCENTCLOUD|ALIBABA_CLOUD|ZENLAYERCLOUD)_|_proxy$|_PROXY$|^NODE_EXTRA_CA_CERTS$/.test(name),
    ),
  ) as Record<string, string>;
  return {
    ...clean,
    TENCENTCLOUD_SECRET_ID: SANDBOX_CREDENTIALS.tencent.id,
    TENCENTCLOUD_SECRET_KEY: SANDBOX_CREDENTIALS.tencent.secret,
    // The proxy trusts the sandbox's CA as Node trusts any extra CA; the command gets the proxy's instead.
    NODE_EXTRA_CA_CERTS: sandboxCa,
  };
}

const callLines = (stdout: string): CallLine[] =>
  stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as CallLine);

async function readReport(dir: string): Promise<ConformanceReport> {
  return JSON.parse(await readFile(path.join(dir, "conformance.json"), "utf8")) as ConformanceReport;
}

/** Everything the proxy wrote, as one text, to look for credentials in. */
async function writtenText(dir: string, files: string[]): Promise<string> {
  return (await Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")))).join("\n");
}

describe("conformance proxy (CLI, with tencentcloud-sdk-nodejs-cvm)", function () {
  this.timeout(60_000);
  const tempDir = useTempDir();
  let sandbox: RunningSandbox;
  let defective: RunningSandbox;
  let sandboxCa: string;

  before(async () => {
    const { ca, server } = await sandboxCertificate();
    sandboxCa = path.join(tempDir(), "sandbox-ca.pem");
    await writeFile(sandboxCa, ca.cert);
    const start = (defects: DefectName[]) =>
      startSandbox({ tls: server, credentials: SANDBOX_CREDENTIALS, rateLimit: null, defects });
    [sandbox, defective] = await Promise.all([start([]), start(["missing-message"])]);
  });
  after(async () => {
    await Promise.all([sandbox?.close(), defective?.close()]);
  });

  /** `conformance proxy ARGS -- node cvm-calls.cjs` with reports in DIR/reports; the run and its report. */
  async function proxied(name: string, args: string[], clientEnv: Record<string, string> = {}) {
    const dir = path.join(tempDir(), name);
    const result = await runCli(
      [
        "proxy",
        "--ca-dir",
        path.join(tempDir(), "ca"),
        "--report-dir",
        path.join(dir, "reports"),
        "--record",
        path.join(dir, "traffic.har"),
        ...args,
        "--",
        process.execPath,
        CVM_CALLS,
      ],
      { env: { ...userEnv(sandboxCa), ...clientEnv } },
    );
    const report = await readReport(path.join(dir, "reports"));
    return { result, report, dir, lines: callLines(result.stdout) };
  }

  const expectCallsAnswered = (lines: CallLine[], where: string) => {
    expect(
      lines.map((l) => l.method),
      where,
    ).to.deep.equal(["DescribeZones", "DescribeRegions", "DescribeInstances", "CreateKeyPair"]);
    for (const line of lines.slice(0, 3))
      expect(line.ok, `${line.method}: ${JSON.stringify(line)}`).to.equal(true);
    expect(lines[3]).to.include({ ok: false, code: "MissingParameter" });
  };

  it("forward mode, --keep-host: the SDK's own signature reaches the sandbox unchanged, every exchange judged", async () => {
    const { result, report, dir, lines } = await proxied("forward-keep-host", [
      "--upstream",
      `${CVM_HOST}=${sandbox.url}`,
      "--keep-host",
    ]);
    expect(result.code, result.stderr).to.equal(0);
    expectCallsAnswered(lines, result.stderr);
    expect(result.stderr).to.match(/proxy listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(report.summary).to.include({ exchanges: 4, checked: 4, failed: 0, transportFailures: 0 });
    expect(report.targets).to.deep.equal([{ kind: "live", location: sandbox.url }]);
    const har = JSON.parse(await readFile(path.join(dir, "traffic.har"), "utf8"));
    const hosts = har.log.entries.map(
      (e: { request: { headers: { name: string; value: string }[] } }) =>
        e.request.headers.find((h) => h.name === "host")?.value,
    );
    expect(hosts, "the Host the SDK signed").to.deep.equal([CVM_HOST, CVM_HOST, CVM_HOST, CVM_HOST]);
    expect(har.log.entries[0].request.url).to.equal(`https://${CVM_HOST}/`);
    const written = await writtenText(dir, ["traffic.har", "reports/conformance.json", "reports/index.html"]);
    expect(written)
      .to.not.contain(SANDBOX_CREDENTIALS.tencent.secret)
      .and.not.contain(SANDBOX_CREDENTIALS.tencent.id);
  });

  it("forward mode, mapped: the Host becomes the upstream's and the request is re-signed for it", async () => {
    const { result, report, dir, lines } = await proxied("forward-mapped", [
      "--upstream",
      `${CVM_HOST}=${sandbox.url}`,
    ]);
    expect(result.code, result.stderr).to.equal(0);
    expectCallsAnswered(lines, result.stderr);
    expect(report.summary).to.include({ checked: 4, failed: 0 });
    const har = await readFile(path.join(dir, "traffic.har"), "utf8");
    expect(har).to.contain(`"name":"host","value":"${new URL(sandbox.url).host}"`);
  });

  it("reverse mode: the SDK's endpoint is the proxy, which sends each call to --reverse, re-signed", async () => {
    const { result, report, dir, lines } = await proxied(
      "reverse",
      ["--reverse", `https://${CVM_HOST}`, "--upstream", `${CVM_HOST}=${sandbox.url}`],
      { CVM_ENDPOINT: "proxy" },
    );
    expect(result.code, result.stderr).to.equal(0);
    expectCallsAnswered(lines, result.stderr);
    expect(report.summary).to.include({ exchanges: 4, checked: 4, failed: 0 });
    expect(report.results).to.deep.equal([]);
    // The proxy's own signature, made with the variables' secret, is redacted as the SDK's would be.
    const written = await writtenText(dir, ["traffic.har", "reports/conformance.json", "reports/index.html"]);
    expect(written).to.contain('"name":"authorization","value":"[REDACTED]"');
    expect(written)
      .to.not.contain(SANDBOX_CREDENTIALS.tencent.secret)
      .and.not.contain(SANDBOX_CREDENTIALS.tencent.id);
    expect(written).to.not.match(/Signature=[0-9a-f]{64}/);
  });

  it("a sandbox defect shows in the proxy's report and fails its gate (exit 1), while the SDK's tests pass", async () => {
    const { result, report, lines } = await proxied("defect", ["--upstream", `${CVM_HOST}=${defective.url}`]);
    expect(lines.map((l) => l.method)).to.have.length(4);
    expect(result.code, result.stderr).to.equal(1);
    expect(result.stdout).to.contain("gate: FAILED");
    expect(report.summary.failed).to.equal(1);
    const [failure] = report.results;
    expect(failure?.action).to.equal("CreateKeyPair");
    expect(failure?.findings.map((f) => f.rule)).to.include("error-code-message");
  });

  it("a command that fails gives its own exit code; the report is written all the same", async () => {
    const dir = path.join(tempDir(), "failing-command");
    const result = await runCli(
      [
        "proxy",
        "--ca-dir",
        path.join(tempDir(), "ca"),
        "--report-dir",
        dir,
        "--allow-empty",
        "--",
        process.execPath,
        "-e",
        "process.exit(3)",
      ],
      { env: userEnv(sandboxCa) },
    );
    expect(result.code, result.stderr).to.equal(3);
    expect(result.stderr).to.contain("exited with code 3").and.contain("exiting with the command's code");
    expect((await readReport(dir)).summary.exchanges).to.equal(0);
  });

  it("a command that cannot be started is exit 2, named", async () => {
    const result = await runCli(
      [
        "proxy",
        "--ca-dir",
        path.join(tempDir(), "ca"),
        "--report-dir",
        path.join(tempDir(), "no-command"),
        "--",
        "no-such-command-xyz",
      ],
      { env: userEnv(sandboxCa) },
    );
    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain('cannot run "no-such-command-xyz": not found');
  });

  it("--until-idle stops by itself; with nothing checked the gate fails unless --allow-empty", async () => {
    const base = ["proxy", "--ca-dir", path.join(tempDir(), "ca"), "--until-idle", "0.2"];
    const empty = await runCli([...base, "--report-dir", path.join(tempDir(), "idle-1")], {
      env: userEnv(sandboxCa),
    });
    expect(empty.code, empty.stderr).to.equal(1);
    expect(empty.stderr).to.contain("proxy stopped (idle for 0.2 s)");
    const allowed = await runCli([...base, "--allow-empty", "--report-dir", path.join(tempDir(), "idle-2")], {
      env: userEnv(sandboxCa),
    });
    expect(allowed.code, allowed.stderr).to.equal(0);
  });

  it("stops on SIGTERM: the exchanges so far are judged and the gate decides (a stop, not an interruption)", async () => {
    const dir = path.join(tempDir(), "sigterm");
    const child: ChildProcess = spawn(
      process.execPath,
      [
        builtBin,
        "proxy",
        "--ca-dir",
        path.join(tempDir(), "ca"),
        "--report-dir",
        dir,
        "--upstream",
        `${CVM_HOST}=${sandbox.url}`,
      ],
      { cwd: projectRoot, env: userEnv(sandboxCa), stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      let stderr = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr?.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          const match = /proxy listening on (http:\/\/[\d.:]+)/.exec(stderr);
          if (match?.[1]) resolve(match[1]);
        });
        child.once("close", () => reject(new Error(`the proxy exited before listening: ${stderr}`)));
      });
      // Signed for the proxy's address, for service cvm: the proxy finds cvm.tencentcloudapi.com from
      // the credential scope (no --reverse), maps it to the sandbox and re-signs.
      const signed = signedDescribeZones(url);
      const answer = await new Promise<string>((resolve, reject) => {
        http
          .request(signed.url, { method: signed.method, headers: signed.headers }, (res) => {
            let body = "";
            res.on("data", (chunk: Buffer) => {
              body += chunk.toString();
            });
            res.on("end", () => resolve(body));
          })
          .on("error", reject)
          .end(signed.body);
      });
      expect(answer).to.contain('"ZoneSet"');
      child.kill("SIGTERM");
      const [code] = await once(child, "close");
      expect(code).to.equal(0);
      const report = await readReport(dir);
      expect(report.complete).to.equal(true);
      expect(report.summary.exchanges).to.equal(1);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("usage errors: a malformed --upstream, --keep-host alone, a command without --", async () => {
    for (const [args, message] of [
      [["--upstream", "cvm.tencentcloudapi.com"], "--upstream takes HOST=URL"],
      [["--upstream", "cvm.tencentcloudapi.com=ftp://x"], "not an http(s) URL"],
      [["--keep-host"], "--keep-host applies to --upstream"],
      [["go", "test"], 'proxy takes its command after "--"'],
      [["--"], 'nothing after "--"'],
    ] as const) {
      const result = await runCli(["proxy", ...args], { env: userEnv(sandboxCa) });
      expect(result.code, args.join(" ")).to.equal(2);
      expect(result.stderr, args.join(" ")).to.contain(message);
    }
  });
});
