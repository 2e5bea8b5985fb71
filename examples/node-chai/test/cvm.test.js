// The SDK's own tests, with one assertion more per call: the answer conforms to Tencent Cloud API 3.0's
// documented envelope. Against CONFORMANCE_TARGET (a provider endpoint or a sandbox of yours), else against
// the suite's built-in sandbox, started here on a free port.
import { spawn } from "node:child_process";
import * as chai from "chai";
import conformance from "cloud-envelope-conformance/chai";
import { CvmError, createCvmClient } from "../src/cvm-client.js";

chai.use(conformance);
const { expect } = chai;

// The variables of Tencent's SDKs. The sandbox started below accepts the same pair (made up when unset;
// `||`, not `??`: CI sets an unset secret or variable as the empty string).
const target = process.env.CONFORMANCE_TARGET || undefined;
const secretId = process.env.TENCENTCLOUD_SECRET_ID || "AKIDexampleNodeChaiSecretId000000000";
const secretKey = process.env.TENCENTCLOUD_SECRET_KEY || "exampleNodeChaiSecretKey00000000";

/** `npx conformance sandbox --port 0`, resolved once it says where it listens (within `timeoutMs`). */
function startSandbox(timeoutMs) {
  const child = spawn("npx", ["--no", "conformance", "sandbox", "--port", "0", "--quiet"], {
    env: { ...process.env, TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true, // a process group of its own, stopped whole: npx does not pass SIGTERM on to the sandbox
  });
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`conformance sandbox did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const listening = /sandbox listening on (\S+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve({ url: listening[1], stop });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`conformance sandbox exited (${code}) before listening:\n${output}`));
    });
  });
}

describe("CVM client", () => {
  let sandbox;
  let endpoint;
  let client;
  const exchanges = [];
  const lastExchange = () => exchanges.at(-1);

  before(async function () {
    this.timeout(30_000);
    if (!target) sandbox = await startSandbox(20_000);
    endpoint = target ?? sandbox.url;
    client = createCvmClient({
      endpoint,
      secretId,
      secretKey,
      region: "ap-guangzhou",
      onExchange: (exchange) => exchanges.push(exchange),
    });
  });

  after(async () => {
    await sandbox?.stop();
  });

  it("DescribeZones lists zones, in a conformant envelope", async () => {
    const response = await client.call("DescribeZones");
    expect(response.ZoneSet).to.be.an("array");
    expect(lastExchange()).to.conform();
  });

  it("DescribeInstancesStatus pages the instances, read as tencent/cvm/DescribeInstancesStatus", async () => {
    const response = await client.call("DescribeInstancesStatus", { Limit: 10 });
    expect(response.TotalCount).to.be.a("number");
    expect(lastExchange()).to.conformTo({
      dialect: "tencent",
      product: "cvm",
      action: "DescribeInstancesStatus",
    });
  });

  it("an unsupported region is a CvmError, and the error envelope conforms too", async () => {
    const elsewhere = createCvmClient({
      endpoint,
      secretId,
      secretKey,
      region: "ap-nowhere-1",
      onExchange: (exchange) => exchanges.push(exchange),
    });
    const error = await elsewhere.call("DescribeZones").then(
      () => expect.fail("DescribeZones in ap-nowhere-1 succeeded"),
      (rejection) => rejection,
    );
    expect(error).to.be.instanceOf(CvmError);
    expect(error.code).to.equal("UnsupportedRegion");
    expect(lastExchange()).to.conformTo({ dialect: "tencent", product: "cvm", action: "DescribeZones" });
  });
});
