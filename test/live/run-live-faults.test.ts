import { expect } from "chai";
import { ReportBuilder } from "../../src/engine/report-builder.js";
import { runLive } from "../../src/live/run-live.js";
import { selectCalls } from "../../src/live/select-calls.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { startFaultServer } from "../support/fault-server.js";
import { sharedEngine } from "../support/shared-engine.js";

describe("runLive against a target that refuses, resets, stalls and truncates", () => {
  it("never hangs, records every call as a transport failure, and goes on with the rest", async () => {
    // Tencent calls stall, Alibaba calls are reset, Zenlayer bodies are cut short.
    const server = await startFaultServer((req) =>
      req.headers["x-tc-action"]
        ? "stall-headers"
        : req.headers["x-zc-action"]
          ? "truncated"
          : req.url?.includes("Action=")
            ? "reset"
            : "ok",
    );
    try {
      const engine = await sharedEngine();
      const builder = new ReportBuilder(engine, [{ kind: "live", location: server.url }]);
      const calls = selectCalls({ noProbes: true });
      const summary = await runLive({
        target: new URL(server.url),
        calls,
        credentials: SANDBOX_CREDENTIALS,
        engine,
        builder,
        concurrency: 8,
        timeouts: { connectMs: 1000, headersMs: 200, bodyMs: 200 },
        maxBodyBytes: 1 << 20,
        throttleRetries: 2,
      });
      const report = builder.build();
      // DeleteScalingGroup needs CreateScalingGroup's answer, which never came: it is not sent.
      expect(summary.transportFailures).to.equal(calls.length - 1);
      expect(report.summary.exchanges).to.equal(0);
      const kinds = new Map(report.transportFailures.map((f) => [f.source.probe, f.kind]));
      expect(kinds.get("tencent/cvm/DescribeInstancesStatus")).to.equal("headers-timeout");
      expect(kinds.get("alibaba/kms/Encrypt.xml")).to.equal("reset");
      expect(kinds.get("zenlayer/bmc/CreateInstances")).to.equal("truncated");
    } finally {
      await server.close();
    }
  });
});
