import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { runFromNpmScript } from "../../src/cli/npm-script-cwd.js";
import { packageRoot } from "../../src/project-paths.js";
import { TOOL } from "../../src/tool.js";

describe("npm run conformance from a subfolder", () => {
  const moves = (env: NodeJS.ProcessEnv) => {
    const to: string[] = [];
    runFromNpmScript(env, (dir) => to.push(dir));
    return to;
  };

  it("moves back to the folder the user ran npm from, for this package's own scripts only", () => {
    const ours = { npm_lifecycle_event: "conformance", npm_package_name: TOOL.name, INIT_CWD: "/home/u/x" };
    expect(moves(ours)).to.deep.equal(["/home/u/x"]);
    expect(moves({ ...ours, npm_lifecycle_event: "start" })).to.deep.equal(["/home/u/x"]);
    // Another package's script that calls the installed CLI keeps npm's folder (its own root).
    expect(moves({ ...ours, npm_package_name: "my-sdk" })).to.deep.equal([]);
    expect(moves({ ...ours, npm_lifecycle_event: "test" })).to.deep.equal([]);
    expect(moves({})).to.deep.equal([]);
  });

  it("`npm run conformance -- check traffic.har` in a subfolder reads and writes there", async () => {
    // Inside the package (npm looks upwards for package.json), in the git-ignored reports/ folder.
    const sub = await mkdtemp(path.join(packageRoot, "reports", "subfolder-"));
    try {
      await mkdir(path.join(sub, "traffic"));
      const har = await readFile(path.join(packageRoot, "recordings", "tencent-cvm.har"), "utf8");
      await writeFile(path.join(sub, "traffic", "mine.har"), har);
      const args = [
        "run",
        "--silent",
        "conformance",
        "--",
        "check",
        "traffic/mine.har",
        "--report-dir",
        "out",
      ];
      const code = await new Promise<number>((resolve) => {
        execFile("npm", [...args, "--quiet"], { cwd: sub }, (error) =>
          resolve(error ? Number(error.code) : 0),
        );
      });
      expect(code).to.equal(0);
      const report = JSON.parse(await readFile(path.join(sub, "out", "conformance.json"), "utf8"));
      expect(report.targets).to.deep.equal([{ kind: "recorded", location: "traffic/mine.har" }]);
      expect(report.summary.checked).to.be.greaterThan(0);
    } finally {
      await rm(sub, { recursive: true, force: true });
    }
  });
});
