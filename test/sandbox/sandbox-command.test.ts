import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { get as httpsGet } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { SANDBOX_USAGE, sandboxCommand } from "../../src/cli/sandbox-command.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { builtBin, projectRoot } from "../support/run-cli.js";
import { tencentCall } from "./support/sandbox-calls.js";

/** `conformance sandbox ARGS…` in its own process, from the build. */
function spawnSandbox(args: string[], env: Record<string, string> = {}): ChildProcess {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(TENCENTCLOUD|ALIBABA_CLOUD|ZENLAYERCLOUD)_/.test(name),
    ),
  );
  return spawn(process.execPath, [builtBin, "sandbox", ...args], {
    cwd: projectRoot,
    env: { ...clean, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Collects stdout until `pattern` appears (and keeps reading it, so the child can still write). */
function waitFor(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (pattern.test(text)) resolve(text);
    });
    child.on("close", () =>
      reject(new Error(`the sandbox exited before printing ${pattern}: ${text}${stderr}`)),
    );
  });
}

describe("conformance sandbox", () => {
  it("--help prints the usage, with every defect, and returns 0", async () => {
    const writes: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      writes.push(chunk);
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(await sandboxCommand(["-h"])).to.equal(0);
    } finally {
      process.stdout.write = original;
    }
    expect(writes.join("")).to.equal(SANDBOX_USAGE);
    expect(SANDBOX_USAGE)
      .to.contain("--defect NAME")
      .and.contain("wrong-xml-root")
      .and.contain("--no-rate-limit");
  });

  it("an unknown defect is a UsageError that lists the known ones", async () => {
    let error: unknown;
    try {
      await sandboxCommand(["--defect", "no-such-defect"]);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(UsageError);
    expect((error as Error).message)
      .to.contain('"no-such-defect"')
      .and.contain("missing-message, missing-request-id");
  });

  it("bad numbers and contradictory options are UsageErrors", async () => {
    for (const args of [
      ["--port", "x"],
      ["--rate", "0"],
      ["--burst", "1.5"],
      ["--no-rate-limit", "--rate", "5"],
    ]) {
      let error: unknown;
      try {
        await sandboxCommand(args);
      } catch (caught) {
        error = caught;
      }
      expect(error, args.join(" ")).to.be.instanceOf(UsageError);
    }
  });

  it("runs in the foreground, prints the URL and the key ids (never a secret), and stops on SIGTERM", async () => {
    const child = spawnSandbox(["--defect", "tencent-error-4xx", "--rate", "5", "--burst", "10"]);
    try {
      const banner = await waitFor(child, /Ctrl-C to stop/);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] as string;
      expect(url).to.be.a("string");
      expect(banner).to.contain(SANDBOX_CREDENTIALS.tencent.id).and.contain(SANDBOX_CREDENTIALS.zenlayer.id);
      for (const { secret } of Object.values(SANDBOX_CREDENTIALS)) expect(banner).to.not.contain(secret);
      expect(banner).to.contain("defects: tencent-error-4xx").and.contain("5/s, burst 10");
      const answer = await tencentCall(url, { secretKey: "wrong" });
      expect(answer.status, "the defect is on").to.equal(400);
      child.kill("SIGTERM");
      const [code] = await once(child, "close");
      expect(code).to.equal(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("--described-products serves a Tencent product that has an actions document but no folder", async () => {
    const child = spawnSandbox(["--described-products", "--no-rate-limit"]);
    try {
      const banner = await waitFor(child, /Ctrl-C to stop/);
      expect(banner).to.contain("described products: every Tencent and Zenlayer actions document");
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] as string;
      // Signed for service cbs (the credential scope names the product on a bare address).
      const answer = await tencentCall(url, { action: "DescribeDisks", service: "cbs" });
      expect(answer.json.Response).to.have.property("DiskSet");
      child.kill("SIGTERM");
      const [code] = await once(child, "close");
      expect(code).to.equal(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("--tls serves HTTPS and writes the CA certificate to trust where --ca-cert says", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sandbox-tls-"));
    const caFile = path.join(dir, "ca.pem");
    const child = spawnSandbox(["--tls", "--ca-cert", caFile, "--no-rate-limit"]);
    try {
      const banner = await waitFor(child, /Ctrl-C to stop/);
      const url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] as string;
      expect(url, banner).to.be.a("string");
      expect(banner).to.contain(`NODE_EXTRA_CA_CERTS=${caFile}`);
      const ca = await readFile(caFile, "utf8");
      expect(ca).to.match(/^-----BEGIN CERTIFICATE-----/);
      const status = await new Promise<number | string>((resolve) => {
        httpsGet(`${url}/`, { ca }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        }).on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });
      // A bare GET / names no dialect: the sandbox's 404, as over HTTP, but through a verified TLS session.
      expect(status).to.equal(404);
      child.kill("SIGTERM");
      const [code] = await once(child, "close");
      expect(code).to.equal(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("--ca-cert without --tls is a UsageError", async () => {
    let error: unknown;
    try {
      await sandboxCommand(["--ca-cert", "x.pem"]);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(UsageError);
    expect((error as Error).message).to.equal("--ca-cert needs --tls");
  });

  it("names the variable the credentials came from, without the secret", async () => {
    const child = spawnSandbox(["--no-rate-limit"], {
      ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIfromEnvironment",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "super-secret-value",
    });
    try {
      const banner = await waitFor(child, /Ctrl-C to stop/);
      expect(banner).to.contain("LTAIfromEnvironment (from ALIBABA_CLOUD_ACCESS_KEY_ID)");
      expect(banner).to.contain("throttling: off");
      expect(banner).to.contain("described products: off (--described-products)");
      expect(banner).to.not.contain("super-secret-value");
      child.kill("SIGINT");
      const [code] = await once(child, "close");
      expect(code).to.equal(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
