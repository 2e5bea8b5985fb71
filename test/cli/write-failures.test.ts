import { existsSync } from "node:fs";
import { mkdir, readdir, symlink } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { CREDENTIAL_VARIABLES } from "../../src/providers/credentials.js";
import { projectRoot, runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

/** The environment without any provider credential: the built-in sandbox's defaults apply. */
const noCredentials = Object.fromEntries(
  Object.values(CREDENTIAL_VARIABLES).flatMap(({ id, secret }) => [
    [id, ""],
    [secret, ""],
  ]),
);

const recording = path.join(projectRoot, "recordings", "tencent-cvm.har");

// A full disk, for real: a link to /dev/full is written in place and every write fails with ENOSPC.
describe("a report or recording that cannot be written", () => {
  const tempDir = useTempDir();

  before(function () {
    if (!existsSync("/dev/full")) this.skip();
  });

  it("record --out on a full disk: says which file and why, exits 2, leaves no temporary file and no report", async () => {
    const dir = path.join(tempDir(), "record-full");
    await mkdir(dir);
    const out = path.join(dir, "live.har");
    await symlink("/dev/full", out);
    const reportDir = path.join(tempDir(), "record-full-report");
    const { code, stdout, stderr } = await runCli(
      ["record", "--dialect", "tencent", "--quiet", "--out", out, "--report-dir", reportDir],
      { env: noCredentials },
    );
    expect(stderr).to.equal(`conformance: cannot write ${out}: no space left on device\n`);
    expect(code, stdout).to.equal(2);
    expect(await readdir(dir)).to.deep.equal(["live.har"]);
    expect(existsSync(reportDir)).to.equal(false);
  });

  it("record --out naming a folder: fails before any call, exit 2", async () => {
    const out = path.join(tempDir(), "a-folder.har");
    await mkdir(out);
    const { code, stderr } = await runCli(["record", "--dialect", "tencent", "--quiet", "--out", out], {
      env: noCredentials,
    });
    expect(stderr).to.equal(`conformance: cannot write ${out}: it is a directory\n`);
    expect(code).to.equal(2);
    expect(await readdir(out)).to.deep.equal([]);
  });

  it("check with a report on a full disk: names the report file, exits 2, leaves no temporary file", async () => {
    const reportDir = path.join(tempDir(), "check-full");
    await mkdir(reportDir);
    await symlink("/dev/full", path.join(reportDir, "junit.xml"));
    const { code, stdout, stderr } = await runCli(["check", recording, "--quiet", "--report-dir", reportDir]);
    expect(stderr).to.equal(
      `conformance: cannot write ${path.join(reportDir, "junit.xml")}: no space left on device\n`,
    );
    expect(code, stdout).to.equal(2);
    expect((await readdir(reportDir)).sort()).to.deep.equal(["conformance.json", "junit.xml"]);
  });

  it("check with a folder where conformance.json goes: the temporary report is removed, exit 2", async () => {
    const reportDir = path.join(tempDir(), "check-folder");
    await mkdir(path.join(reportDir, "conformance.json", "inside"), { recursive: true });
    const { code, stdout, stderr } = await runCli(["check", recording, "--quiet", "--report-dir", reportDir]);
    expect(stderr).to.match(
      new RegExp(`^conformance: cannot write ${path.join(reportDir, "conformance.json")}: [^\\n]+\\n$`),
    );
    expect(stderr).not.to.include("    at ");
    expect(code, stdout).to.equal(2);
    expect(await readdir(reportDir)).to.deep.equal(["conformance.json"]);
  });
});
