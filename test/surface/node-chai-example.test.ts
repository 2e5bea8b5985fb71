// examples/node-chai run as a user runs it: copied to a folder of its own, with the package installed under
// its name (a symbolic link to this project, whose exports resolve to dist/, as `npm install` of a folder
// would make it), chai and mocha from this project's node_modules, and `conformance` on node_modules/.bin
// for its `npx conformance sandbox`. Its mocha runs as a child process; first as it is (it starts the
// sandbox itself), then against a sandbox that breaks one rule, which its conform() must catch.
import { chmod, cp, mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { DEFECTS } from "../../src/sandbox/defects.js";
import { startSandbox } from "../../src/sandbox/start-sandbox.js";
import { builtBin, projectRoot, staleBuildFiles } from "../support/run-cli.js";
import { runCommand } from "../support/run-command.js";
import { useTempDir } from "../support/temp-dir.js";

const EXAMPLE = path.join(projectRoot, "examples", "node-chai");
/** Bound on one run of the example's mocha (it takes about a second). */
const RUN_TIMEOUT_MS = 30_000;
/** The example's three tests, as mocha lists them. */
const TEST_NAMES = [
  "DescribeZones lists zones, in a conformant envelope",
  "DescribeInstancesStatus pages the instances, read as tencent/cvm/DescribeInstancesStatus",
  "an unsupported region is a CvmError, and the error envelope conforms too",
];
/** The credentials the example signs with when the variables say so (any pair the sandbox is told). */
const KEYS = { id: "AKIDnodeChaiExampleTestKeyId00000000", secret: "nodeChaiExampleTestSecretKey0000" };

interface Ran {
  code: number | null;
  output: string;
  ms: number;
}

function log(line: string): void {
  process.stdout.write(`      [node-chai example] ${line}\n`);
}

/**
 * The example's `npx mocha` in `dir`, with `env` over this process's environment cleared of the example's
 * variables and of what npm sets for this project's scripts (its npx must resolve from the example's folder).
 */
async function runExampleMocha(dir: string, env: Record<string, string>): Promise<Ran> {
  const inherited = { ...process.env };
  for (const name of Object.keys(inherited))
    if (name.startsWith("npm_") || name === "INIT_CWD" || name === "CONFORMANCE_TARGET")
      delete inherited[name];
  for (const name of ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"]) delete inherited[name];
  const ran = await runCommand(
    process.execPath,
    [path.join(dir, "node_modules", "mocha", "bin", "mocha.js")],
    {
      cwd: dir,
      env: { ...inherited, ...env, NO_COLOR: "1" },
      timeoutMs: RUN_TIMEOUT_MS,
    },
  );
  return { code: ran.code, output: `${ran.stdout}\n${ran.stderr}`, ms: ran.ms };
}

describe("examples/node-chai (the chai plugin in an SDK's own mocha tests)", () => {
  const tempDir = useTempDir();
  let dir = "";

  before(async () => {
    const stale = await staleBuildFiles();
    if (stale.length > 0)
      throw new Error(
        `dist/ is older than src/ (${stale.slice(0, 5).join(", ")}): run \`npm run build\` first`,
      );
    dir = path.join(tempDir(), "node-chai");
    await cp(EXAMPLE, dir, { recursive: true, filter: (source) => path.basename(source) !== "node_modules" });
    const modules = path.join(dir, "node_modules");
    await mkdir(path.join(modules, ".bin"), { recursive: true });
    await symlink(projectRoot, path.join(modules, "cloud-envelope-conformance"), "dir");
    for (const name of ["chai", "mocha"])
      await symlink(path.join(projectRoot, "node_modules", name), path.join(modules, name), "dir");
    // What npm's bin link does (the build's bin.js is not marked executable until npm installs it).
    const bin = path.join(modules, ".bin", "conformance");
    await writeFile(bin, `#!/bin/sh\nexec "${process.execPath}" "${builtBin}" "$@"\n`);
    await chmod(bin, 0o755);
  });

  it("passes as it is: it starts `npx conformance sandbox` itself and every call conforms", async () => {
    const ran = await runExampleMocha(dir, {});
    log(`npx mocha (sandbox started by the example): exit ${ran.code} in ${ran.ms} ms`);
    expect(ran.code, ran.output).to.equal(0);
    for (const name of TEST_NAMES) expect(ran.output).to.include(name);
    expect(ran.output).to.include("3 passing");
  });

  it("fails by the rule's id against CONFORMANCE_TARGET, a sandbox that leaves the message out of errors", async () => {
    const defect = DEFECTS.find((d) => d.name === "missing-message");
    if (!defect) throw new Error("src/sandbox/defects.ts has no missing-message defect any more");
    const sandbox = await startSandbox({
      defects: [defect.name],
      credentials: { ...SANDBOX_CREDENTIALS, tencent: KEYS },
      rateLimit: null,
    });
    try {
      const ran = await runExampleMocha(dir, {
        CONFORMANCE_TARGET: sandbox.url,
        TENCENTCLOUD_SECRET_ID: KEYS.id,
        TENCENTCLOUD_SECRET_KEY: KEYS.secret,
      });
      log(`npx mocha against --defect ${defect.name}: exit ${ran.code} in ${ran.ms} ms`);
      expect(ran.code, ran.output).to.equal(1); // mocha exits with the number of failed tests
      expect(ran.output).to.include("2 passing").and.include("1 failing");
      expect(ran.output).to.include(`violate ${defect.rule}`);
      expect(ran.output).to.include("/Response/Error/Message");
    } finally {
      await sandbox.close();
    }
  });
});
