import { readdir, readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect } from "chai";
import { CREDENTIAL_VARIABLES } from "../../src/providers/credentials.js";
import { DIALECTS } from "../../src/providers/dialect.js";
import { productsOf } from "../../src/providers/registry.js";
import { startFaultServer } from "../support/fault-server.js";
import { readValidReport } from "../support/report-validator.js";
import { type CliResult, runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

const credentials = {
  tencent: { id: "AKIDEchoTestSecretId00000000000000000", secret: "EchoTestTencentSecretKey00000000" },
  alibaba: { id: "LTAI5tEchoTestKeyId00000", secret: "EchoTestAlibabaAccessSecret00000" },
  zenlayer: { id: "ZLECHOTESTKEYID000000000", secret: "EchoTestZenlayerPassword00000000" },
};
const env = Object.fromEntries(
  (["tencent", "alibaba", "zenlayer"] as const).flatMap((d) => [
    [CREDENTIAL_VARIABLES[d].id, credentials[d].id],
    [CREDENTIAL_VARIABLES[d].secret, credentials[d].secret],
  ]),
);
const user = "conformance-user";
const password = "TargetPassw0rdSecret";
const token = "TargetAccessToken0123";

const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A target that echoes every request's credentials back, in bodies and headers, in each dialect's
 * envelope: the Authorization value (with signature and key id), the query (Alibaba's AccessKeyId and
 * Signature) and the body. Its request-id copies disagree and its JSON and XML answers differ, so the
 * echoes reach finding messages (request-id-consistent, format-parity), excerpts and the terminal.
 * Every credential value it sees is kept in `seen`.
 */
async function startEchoTarget(): Promise<{ url: string; seen: Set<string>; close: () => Promise<void> }> {
  const seen = new Set<string>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      const auth = req.headers.authorization ?? "";
      const url = req.url ?? "";
      const query = new URL(url, "http://x").searchParams;
      if (auth) seen.add(auth);
      for (const match of auth.matchAll(/(?:Signature|Credential)=([^,\s/]+)/g)) seen.add(match[1] as string);
      for (const name of ["Signature", "AccessKeyId"]) {
        const value = query.get(name);
        if (value) seen.add(value).add(encodeURIComponent(value));
      }
      const echo = `${auth} ${url} ${body}`;
      if (req.headers["x-tc-action"]) {
        res.writeHead(200, { "content-type": "application/json", "x-tc-requestid": auth, "x-echo": echo });
        res.end(JSON.stringify({ Response: { RequestId: "echo-request-1", Echo: { auth, url, body } } }));
      } else if (req.headers["x-zc-action"]) {
        res.writeHead(200, { "content-type": "application/json", "x-echo": echo });
        res.end(JSON.stringify({ requestId: "echo-request-2", response: { requestId: auth, echo } }));
      } else if (query.get("Format") === "XML") {
        const root = `${query.get("Action")}Response`;
        res.writeHead(200, {
          "content-type": "text/xml;charset=utf-8",
          "x-acs-request-id": url,
          "x-echo": echo,
        });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><${root}><RequestId>echo-request-3</RequestId><Echo>${xmlText(url)}</Echo></${root}>`,
        );
      } else {
        res.writeHead(200, { "content-type": "application/json", "x-acs-request-id": url, "x-echo": echo });
        res.end(JSON.stringify({ RequestId: "echo-request-3", Echo: url, Auth: auth }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${user}:${password}@127.0.0.1:${port}/?access_token=${token}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every file under `dir`, with its text. */
async function filesUnder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), await readFile(file, "utf8"));
  }
  return files;
}

/** "file holds secret" for every secret found in a text (a whole scan: 1,000s of signatures, a few MB). */
function leaks(texts: { where: string; text: string }[], secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const { where, text } of texts) {
    for (const secret of secrets) if (text.includes(secret)) found.push(`${where} holds ${secret}`);
  }
  return found;
}

describe("no credential reaches an output", () => {
  const tempDir = useTempDir();

  it("a password and a token in --target's URL: not in any report, the HAR, stdout or stderr", async () => {
    // The first call is reset (a transport failure, with its source), the others get an answer that fails.
    let requests = 0;
    const server = await startFaultServer(() => (++requests === 1 ? "reset" : "ok"));
    const withSecrets = `${server.url.replace("http://", `http://${user}:${password}@`)}/?access_token=${token}`;
    const outputs: CliResult[] = [];
    try {
      const dir = path.join(tempDir(), "target-url");
      const tencentOnly = ["--target", withSecrets, "--dialect", "tencent", "--concurrency", "1"];
      outputs.push(await runCli(["run", ...tencentOnly, "--report-dir", path.join(dir, "run")], { env }));
      outputs.push(
        await runCli(
          [
            "record",
            ...tencentOnly,
            "--out",
            path.join(dir, "live.har"),
            "--report-dir",
            path.join(dir, "rec"),
          ],
          { env },
        ),
      );
      for (const { code, stdout, stderr } of outputs) expect(code, stderr + stdout).to.equal(1);
      const files = await filesUnder(dir);
      expect(files.size).to.equal(11);
      const texts = [
        ...[...files].map(([file, text]) => ({ where: file, text })),
        ...outputs.flatMap(({ stdout, stderr }, i) => [
          { where: `stdout of command ${i}`, text: stdout },
          { where: `stderr of command ${i}`, text: stderr },
        ]),
      ];
      expect(leaks(texts, [user, password, token, `${user}:${password}`])).to.deep.equal([]);
      const report = readValidReport(path.join(dir, "run", "conformance.json"));
      const shown = `${server.url}/?access_token=%5BREDACTED%5D`;
      expect(report.targets).to.deep.equal([{ kind: "live", location: shown }]);
      expect(report.transportFailures.map((f) => f.source.file)).to.deep.equal([shown]);
      expect(report.results.length).to.be.greaterThan(0);
      expect(report.results.every((r) => r.source.file === shown)).to.equal(true);
    } finally {
      await server.close();
    }
  });

  it("a target that echoes them back: run and record against http://user:pw@…/?access_token=…: no key id, secret, signature, password or token in any file, stdout or stderr", async () => {
    const target = await startEchoTarget();
    const outputs: CliResult[] = [];
    try {
      const dir = path.join(tempDir(), "echo");
      const runDir = path.join(dir, "run");
      // One product of each dialect: the products of a dialect share its credentials and its signing, and
      // each throttling probe repeats its call up to 200 times against a target that never throttles.
      const oneProductEach = DIALECTS.flatMap((dialect) => ["--product", productsOf(dialect)[0]?.id ?? ""]);
      outputs.push(
        await runCli(["run", "--target", target.url, ...oneProductEach, "--report-dir", runDir], { env }),
      );
      const har = path.join(dir, "recorded", "live.har");
      const recordDir = path.join(dir, "record");
      outputs.push(
        await runCli(
          ["record", "--target", target.url, ...oneProductEach, "--out", har, "--report-dir", recordDir],
          { env },
        ),
      );
      for (const { code, stdout, stderr } of outputs) expect(code, stderr + stdout).to.equal(1);

      const files = await filesUnder(dir);
      expect([...files.keys()].sort()).to.deep.equal(
        [
          ...["run", "record"].flatMap((dir) =>
            ["badge.json", "conformance.json", "index.html", "junit.xml", "summary.md"].map((f) =>
              path.join(dir, f),
            ),
          ),
          path.join("recorded", "live.har"),
        ].sort(),
      );

      const secrets = [
        ...Object.values(credentials).flatMap(({ id, secret }) => [id, secret]),
        user,
        password,
        token,
        Buffer.from(`${user}:${password}`).toString("base64"),
        ...target.seen,
      ];
      // The target did see credentials: what is looked for is real.
      expect(target.seen.size).to.be.greaterThan(100);
      const texts = [
        ...[...files].map(([file, text]) => ({ where: file, text })),
        ...outputs.flatMap(({ stdout, stderr }, i) => [
          { where: `stdout of command ${i}`, text: stdout },
          { where: `stderr of command ${i}`, text: stderr },
        ]),
      ];
      expect(leaks(texts, secrets)).to.deep.equal([]);

      // The echoes did reach the outputs, redacted: the test looked where they would be.
      const report = readValidReport(path.join(runDir, "conformance.json"));
      const port = new URL(target.url).port;
      const shownTarget = `http://127.0.0.1:${port}/?access_token=%5BREDACTED%5D`;
      expect(report.targets).to.deep.equal([{ kind: "live", location: shownTarget }]);
      expect(report.results.length).to.be.greaterThan(0);
      for (const result of report.results) expect(result.source.file).to.equal(shownTarget);
      const messages = report.results.flatMap((r) => r.findings.map((f) => `${f.rule}: ${f.message}`));
      expect(messages.some((m) => m.startsWith("format-parity:") && m.includes("[REDACTED]"))).to.equal(true);
      expect(
        messages.some((m) => m.startsWith("request-id-consistent:") && m.includes("[REDACTED]")),
      ).to.equal(true);
      const excerpts = report.results.map((r) => r.response?.body ?? "").join("\n");
      expect(excerpts).to.include("[REDACTED]");
      expect(outputs[0]?.stdout).to.include(shownTarget);
      const recording = JSON.parse(files.get(path.join("recorded", "live.har")) ?? "");
      expect(recording.log.entries.length).to.be.greaterThan(100);
      const echoed = recording.log.entries.map(
        (e: { response: { headers: { name: string; value: string }[] } }) =>
          e.response.headers.find((h) => h.name === "x-echo")?.value ?? "",
      );
      expect(echoed.every((value: string) => value.includes("[REDACTED]"))).to.equal(true);
    } finally {
      await target.close();
    }
  });
});
