import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import { FileWriteError, temporaryFileFor, writeFileAtomic } from "../../src/files/write-file-atomic.js";
import { projectRoot, runNode } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

async function rejection(promise: Promise<unknown>): Promise<Error | undefined> {
  return promise.then(
    () => undefined,
    (error: Error) => error,
  );
}

describe("writeFileAtomic", () => {
  const tempDir = useTempDir();
  const onLinux = existsSync("/dev/full");

  it("writes the file and leaves nothing else", async () => {
    const dir = path.join(tempDir(), "ok");
    await writeFileAtomic(path.join(dir, "conformance.json"), "{}\n");
    expect(await readdir(dir)).to.deep.equal(["conformance.json"]);
    expect(await readFile(path.join(dir, "conformance.json"), "utf8")).to.equal("{}\n");
  });

  it("a full disk while the temporary file is written: it is removed, the error names the file and why", async function () {
    if (!onLinux) this.skip();
    const dir = path.join(tempDir(), "full");
    await mkdir(dir);
    const file = path.join(dir, "conformance.json");
    await writeFile(file, "the previous report\n");
    // Half the content lands in the temporary file, then the disk is full (a real ENOSPC from /dev/full).
    const io = {
      writeFile: async (target: string, content: string) => {
        await writeFile(target, content.slice(0, content.length / 2));
        await writeFile("/dev/full", content);
      },
    };
    const error = await rejection(writeFileAtomic(file, '{"a":"new report"}\n', io));
    expect(error).to.be.instanceOf(FileWriteError);
    expect(error?.message).to.equal(`cannot write ${file}: no space left on device`);
    expect(await readdir(dir)).to.deep.equal(["conformance.json"]);
    expect(await readFile(file, "utf8")).to.equal("the previous report\n");
  });

  it("a device (a link to /dev/full) is written in place, never replaced: ENOSPC is reported", async function () {
    if (!onLinux) this.skip();
    const dir = path.join(tempDir(), "device");
    await mkdir(dir);
    const file = path.join(dir, "conformance.json");
    await symlink("/dev/full", file);
    const error = await rejection(writeFileAtomic(file, "{}\n"));
    expect(error?.message).to.equal(`cannot write ${file}: no space left on device`);
    expect(await readdir(dir)).to.deep.equal(["conformance.json"]);
  });

  it("a folder where the file should be: the rename fails, the temporary file is removed", async () => {
    const dir = path.join(tempDir(), "folder");
    const file = path.join(dir, "conformance.json");
    await mkdir(path.join(file, "inside"), { recursive: true });
    const error = await rejection(writeFileAtomic(file, "{}\n"));
    expect(error).to.be.instanceOf(FileWriteError);
    expect(error?.message).to.match(new RegExp(`^cannot write ${file.replace(/[.\\/]/g, "\\$&")}: `));
    expect(await readdir(dir)).to.deep.equal(["conformance.json"]);
  });

  it("a process.exit() while a temporary file is being written removes it", async () => {
    const dir = path.join(tempDir(), "exit");
    await mkdir(dir);
    const file = path.join(dir, "conformance.json");
    // The write never finishes: the process exits while the temporary file exists (a second Ctrl-C).
    const script = `
      import { writeFileSync, existsSync } from "node:fs";
      const { writeFileAtomic } = await import(${JSON.stringify(pathToFileURL(path.join(projectRoot, "src/files/write-file-atomic.ts")).href)});
      const io = { writeFile: async (target) => {
        writeFileSync(target, "half");
        process.stdout.write(existsSync(target) ? "temporary file written\\n" : "no temporary file\\n");
        process.exit(7);
      } };
      await writeFileAtomic(${JSON.stringify(file)}, "{}", io);
    `;
    const { code, stdout, stderr } = await runNode(["--import", "tsx", "--input-type=module", "-e", script]);
    expect(code, stderr).to.equal(7);
    expect(stdout).to.equal("temporary file written\n");
    expect(await readdir(dir)).to.deep.equal([]);
    expect(temporaryFileFor(file)).to.match(/conformance\.json\.\d+\.tmp$/);
  });
});
