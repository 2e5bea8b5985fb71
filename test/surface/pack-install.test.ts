import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import { projectRoot, staleBuildFiles } from "../support/run-cli.js";

/** Every child process is bounded: killed after this long. */
const CHILD_TIMEOUT_MS = 120_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without what `npm run`/`npm test` adds (npm_config_*, npm_lifecycle_*), which would steer npm. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_(config|lifecycle|package)_/i.test(name)),
  );
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: cleanEnv(), timeout: CHILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr: error && code === null ? `${stderr}\n${error.message}` : stderr });
      },
    );
  });
}

function expectExit(result: Run, code: number, what: string): void {
  expect(result.code, `${what}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`).to.equal(code);
}

const CONSUMER_TEST = `
import * as chai from ${JSON.stringify(pathToFileURL(path.join(projectRoot, "node_modules", "chai", "index.js")).href)};
import conformance from "cloud-envelope-conformance/chai";
import { createChecker } from "cloud-envelope-conformance";

chai.use(conformance);
const { expect } = chai;

const exchange = {
  request: { method: "POST", url: "https://cvm.tencentcloudapi.com/", headers: { "X-TC-Action": "DescribeZones" } },
  response: {
    status: 200,
    headers: { "Content-Type": "application/json" },
    body: { Response: { TotalCount: 0, ZoneSet: [], RequestId: "6e5e6d27-1f2a-4b3c-8d4e-5f6a7b8c9d0e" } },
  },
};
const broken = {
  request: { method: "POST", url: "https://cvm.tencentcloudapi.com/", headers: { "X-TC-Action": "DescribeZones" } },
  response: {
    status: 200,
    headers: { "Content-Type": "application/json" },
    body: { Response: { Error: { Code: "InternalError" }, RequestId: "6e5e6d27-1f2a-4b3c-8d4e-5f6a7b8c9d0e" } },
  },
};

describe("the installed package", () => {
  it("conforms", () => {
    expect(exchange).to.conform();
    expect(exchange).to.conformTo({ dialect: "tencent", product: "cvm", action: "DescribeZones" });
  });
  it("fails a broken exchange with the rule and pointer", () => {
    expect(broken).not.to.conform();
    expect(() => expect(broken).to.conform()).to.throw(/error-code-message[\\s\\S]*\\/Response\\/Error\\/Message/);
  });
  it("checks with createChecker", async () => {
    const checker = await createChecker();
    expect(checker.check(exchange).verdict).to.equal("pass");
    expect(checker.check(broken).verdict).to.equal("fail");
  });
});
`;

describe("the package, packed and installed from its tarball", function () {
  this.timeout(4 * CHILD_TIMEOUT_MS);
  let work = "";
  let consumer = "";

  before(async () => {
    const stale = await staleBuildFiles();
    if (stale.length > 0)
      throw new Error(`dist/ is older than src/ (${stale.slice(0, 3).join(", ")}): npm run build`);
    work = await mkdtemp(path.join(os.tmpdir(), "conformance-pack-"));
    consumer = path.join(work, "consumer");
    // The build is current: pack it as it is (`npm pack` would otherwise run `prepare`, a second build).
    const pack = await run("npm", ["pack", "--ignore-scripts", "--pack-destination", work], projectRoot);
    expectExit(pack, 0, "npm pack");
    const tarball = (await readdir(work)).find((name) => name.endsWith(".tgz"));
    expect(tarball, "the tarball npm pack wrote").to.be.a("string");
    await rm(consumer, { recursive: true, force: true });
    await mkdir(consumer);
    // Offline: npm's cache holds every dependency's tarball from this project's `npm ci`, but not the
    // registry's metadata an install resolves ranges with. So the consumer gets a lockfile: the package
    // (from the tarball) and this project's production dependencies as its lockfile resolved them.
    const lock = JSON.parse(await readFile(path.join(projectRoot, "package-lock.json"), "utf8")) as {
      packages: Record<string, { dev?: boolean; name?: string; version?: string; resolved?: string }>;
    };
    const manifest = lock.packages[""] as {
      version: string;
      dependencies?: object;
      bin?: object;
      license?: string;
      engines?: object;
    };
    const spec = `file:../${tarball}`;
    const packages: Record<string, unknown> = {
      "": { name: "consumer", version: "1.0.0", dependencies: { "cloud-envelope-conformance": spec } },
      "node_modules/cloud-envelope-conformance": {
        version: manifest.version,
        resolved: spec,
        license: manifest.license,
        dependencies: manifest.dependencies,
        bin: manifest.bin,
        engines: manifest.engines,
      },
    };
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (where === "" || entry.dev) continue;
      // An entry without `resolved` would send npm to the registry's metadata for the tarball's address.
      const name = entry.name ?? where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
      const file = `${name.split("/").pop()}-${entry.version}.tgz`;
      packages[where] = { resolved: `https://registry.npmjs.org/${name}/-/${file}`, ...entry };
    }
    await writeFile(
      path.join(consumer, "package.json"),
      JSON.stringify({
        name: "consumer",
        version: "1.0.0",
        private: true,
        type: "module",
        dependencies: { "cloud-envelope-conformance": spec },
      }),
    );
    await writeFile(
      path.join(consumer, "package-lock.json"),
      JSON.stringify({ name: "consumer", version: "1.0.0", lockfileVersion: 3, requires: true, packages }),
    );
    const install = await run("npm", ["ci", "--offline", "--no-audit", "--no-fund"], consumer);
    expectExit(install, 0, "npm ci --offline (the tarball and the dependencies from the cache)");
  });

  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("ships the built code, its declarations, the schemas and the recordings, and no sources or tests", async () => {
    const installed = path.join(consumer, "node_modules", "cloud-envelope-conformance");
    const top = (await readdir(installed)).sort();
    expect(top).to.include.members(["dist", "schemas", "recordings", "contracts", "package.json"]);
    expect(top).to.not.include.members(["src", "test", "node_modules"]);
    expect(await readdir(path.join(installed, "dist", "src", "package"))).to.include.members([
      "index.js",
      "index.d.ts",
    ]);
  });

  it("runs `npx conformance --version`", async () => {
    const result = await run("npx", ["--no", "conformance", "--version"], consumer);
    expectExit(result, 0, "npx conformance --version");
    expect(result.stdout).to.match(/\d+\.\d+\.\d+/);
  });

  it("runs `npx conformance check` on a shipped HAR and exits 0", async () => {
    const har = path.join("node_modules", "cloud-envelope-conformance", "recordings", "tencent-cvm.har");
    const result = await run("npx", ["--no", "conformance", "check", har], consumer);
    expectExit(result, 0, `npx conformance check ${har}`);
  });

  it("runs a mocha test that uses the chai plugin and createChecker", async () => {
    await writeFile(path.join(consumer, "conformance.test.mjs"), CONSUMER_TEST);
    const mocha = path.join(projectRoot, "node_modules", "mocha", "bin", "mocha.js");
    const result = await run(process.execPath, [mocha, "--no-config", "conformance.test.mjs"], consumer);
    expectExit(result, 0, "mocha conformance.test.mjs");
    expect(result.stdout).to.match(/3 passing/);
  });
});
