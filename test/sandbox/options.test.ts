import { expect } from "chai";
import { exchangeRules } from "../../src/rules/index.js";
import { DEFECTS } from "../../src/sandbox/defects.js";
import { resolveSandboxOptions } from "../../src/sandbox/sandbox-options.js";
import { startSandbox } from "../../src/sandbox/start-sandbox.js";
import { startTestSandbox, tencentCall } from "./support/sandbox-calls.js";

describe("sandbox: options", () => {
  it("defaults: free port on 127.0.0.1, 20/s with a burst of 40, 300 s of skew, no defects", () => {
    const resolved = resolveSandboxOptions({});
    expect(resolved).to.deep.include({
      port: 0,
      host: "127.0.0.1",
      rateLimit: { perSecond: 20, burst: 40 },
      clockSkewSeconds: 300,
    });
    expect(resolved.defects.size).to.equal(0);
  });

  it("refuses values that cannot work, naming them", () => {
    expect(() => resolveSandboxOptions({ port: 70000 })).to.throw(/port/);
    expect(() => resolveSandboxOptions({ defects: ["nope" as never] })).to.throw(
      /unknown sandbox defect\(s\): nope/,
    );
    expect(() => resolveSandboxOptions({ rateLimit: { perSecond: 0, burst: 1 } })).to.throw(/rate/);
    expect(() => resolveSandboxOptions({ rateLimit: { perSecond: 1, burst: 0.5 } })).to.throw(/burst/);
    expect(() => resolveSandboxOptions({ clockSkewSeconds: -1 })).to.throw(/skew/);
  });

  it("every defect names the rule it must trip, and names are unique", () => {
    const known = new Set([...exchangeRules.map((r) => r.meta.id), "format-parity", "probe-expected-code"]);
    for (const defect of DEFECTS)
      expect(known.has(defect.rule), `${defect.name} → ${defect.rule}`).to.equal(true);
    expect(new Set(DEFECTS.map((d) => d.name)).size).to.equal(DEFECTS.length);
  });

  it("accepts the credentials it is given, and only those", async () => {
    const credentials = {
      tencent: { id: "AKIDcustomcustomcustomcustom00000000", secret: "custom-secret" },
      alibaba: { id: "LTAIcustom", secret: "custom" },
      zenlayer: { id: "ZLcustom", secret: "custom" },
    };
    const sandbox = await startSandbox({ credentials, rateLimit: null });
    try {
      const good = await tencentCall(sandbox.url, {
        secretId: credentials.tencent.id,
        secretKey: "custom-secret",
      });
      expect(good.json.Response.Error).to.equal(undefined);
      const defaultKey = await tencentCall(sandbox.url);
      expect(defaultKey.json.Response.Error.Code).to.equal("AuthFailure.SecretIdNotFound");
    } finally {
      await sandbox.close();
    }
  });

  it("clockSkewSeconds widens or narrows the accepted timestamps", async () => {
    const sandbox = await startTestSandbox({ clockSkewSeconds: 7200, rateLimit: null });
    try {
      const hourOld = await tencentCall(sandbox.url, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
      expect(hourOld.json.Response.Error).to.equal(undefined);
    } finally {
      await sandbox.close();
    }
  });

  it("listens where asked, and close() is idempotent", async () => {
    const first = await startSandbox();
    expect(first.url).to.equal(`http://127.0.0.1:${first.port}`);
    await Promise.all([first.close(), first.close()]);
    const again = await startSandbox({ port: first.port });
    expect(again.port).to.equal(first.port);
    await again.close();
  });

  it("a port in use is an error from startSandbox, not a crash", async () => {
    const first = await startSandbox();
    try {
      let error: unknown;
      try {
        await startSandbox({ port: first.port });
      } catch (caught) {
        error = caught;
      }
      expect((error as NodeJS.ErrnoException | undefined)?.code).to.equal("EADDRINUSE");
    } finally {
      await first.close();
    }
  });
});
