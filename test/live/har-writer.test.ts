import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readdir, readFile, symlink } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import { FileWriteError } from "../../src/files/write-file-atomic.js";
import { HarWriter } from "../../src/live/har-writer.js";
import type { RawExchange } from "../../src/model/exchange.js";
import { projectRoot, runNode } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

const exchange: RawExchange = {
  source: { file: "http://127.0.0.1:1/", index: 0 },
  request: { method: "POST", url: "http://127.0.0.1:1/", headers: {}, body: "{}" },
  response: { status: 200, headers: {}, body: '{"Response":{"RequestId":"x"}}', bodySize: 30 },
};

/** The error the kernel gives for a write to /dev/full: a real ENOSPC, not a made-up one. */
async function realEnospc(): Promise<NodeJS.ErrnoException> {
  const stream = createWriteStream("/dev/full");
  const failed = new Promise<NodeJS.ErrnoException>((resolve) => stream.on("error", resolve));
  stream.write("x");
  return failed;
}

/** A stream to `file` that takes the first `bytes` bytes, then fails as a full disk does. */
function fillsUpAfter(bytes: number, enospc: NodeJS.ErrnoException) {
  return (file: string) => {
    const disk = createWriteStream(file);
    let written = 0;
    return new Writable({
      write(chunk: Buffer, _encoding, callback) {
        if (written + chunk.length > bytes) {
          disk.end(() => callback(enospc));
          return;
        }
        written += chunk.length;
        disk.write(chunk, callback);
      },
      final(callback) {
        disk.end(callback);
      },
    });
  };
}

describe("HarWriter", () => {
  const tempDir = useTempDir();
  const onLinux = existsSync("/dev/full");

  it("closes a valid HAR with the entries written, and leaves no temporary file", async () => {
    const dir = path.join(tempDir(), "ok");
    const file = path.join(dir, "out.har");
    const har = new HarWriter(file);
    await har.open();
    har.write(exchange, new Date(0), 5);
    har.write(exchange, new Date(0), 6);
    expect(await har.close()).to.equal(2);
    const parsed = JSON.parse(await readFile(file, "utf8"));
    expect(parsed.log.entries).to.have.length(2);
    expect(await readdir(dir)).to.deep.equal(["out.har"]);
  });

  it("a full disk mid-recording: onError once, close() names the file and the reason, the temporary file is gone", async function () {
    if (!onLinux) this.skip();
    const dir = path.join(tempDir(), "full");
    await mkdir(dir);
    const file = path.join(dir, "out.har");
    const errors: FileWriteError[] = [];
    const har = new HarWriter(file, {
      onError: (error) => errors.push(error),
      openStream: fillsUpAfter(200, await realEnospc()),
    });
    await har.open();
    for (let i = 0; i < 5; i++) har.write(exchange, new Date(0), i);
    const closing = har.close();
    const error = await closing.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(FileWriteError);
    expect((error as Error).message).to.equal(`cannot write ${file}: no space left on device`);
    expect(errors.map((e) => e.message)).to.deep.equal([`cannot write ${file}: no space left on device`]);
    expect(har.failed).to.equal(true);
    expect(await readdir(dir)).to.deep.equal([]);
  });

  it("a device (a link to /dev/full) is written in place: ENOSPC is reported, nothing is renamed onto it", async function () {
    if (!onLinux) this.skip();
    const dir = path.join(tempDir(), "device");
    await mkdir(dir);
    const file = path.join(dir, "out.har");
    await symlink("/dev/full", file);
    let reported: FileWriteError | undefined;
    const har = new HarWriter(file, {
      onError: (error) => {
        reported = error;
      },
    });
    await har.open();
    har.write(exchange, new Date(0), 1);
    const error = await har.close().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error | undefined)?.message).to.equal(`cannot write ${file}: no space left on device`);
    expect(reported?.message).to.equal(`cannot write ${file}: no space left on device`);
    expect(await readdir(dir)).to.deep.equal(["out.har"]);
  });

  it("a folder where the file should be fails at open(), before any call is made", async () => {
    const dir = path.join(tempDir(), "folder");
    await mkdir(path.join(dir, "out.har"), { recursive: true });
    const har = new HarWriter(path.join(dir, "out.har"));
    const error = await har.open().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error | undefined)?.message).to.equal(
      `cannot write ${path.join(dir, "out.har")}: it is a directory`,
    );
    expect(await readdir(dir)).to.deep.equal(["out.har"]);
  });

  it("discard() removes the temporary file", async () => {
    const dir = path.join(tempDir(), "discard");
    const har = new HarWriter(path.join(dir, "out.har"));
    await har.open();
    har.write(exchange, new Date(0), 1);
    await har.discard();
    expect(await readdir(dir)).to.deep.equal([]);
  });
});

describe("HarWriter and a forced exit", () => {
  const tempDir = useTempDir();

  it("a process.exit() (a second Ctrl-C or SIGTERM) while recording removes the temporary file", async () => {
    const file = path.join(tempDir(), "out.har");
    const module = pathToFileURL(path.join(projectRoot, "src/live/har-writer.ts")).href;
    const script = `
      import { readdirSync } from "node:fs";
      const { HarWriter } = await import(${JSON.stringify(module)});
      const har = new HarWriter(${JSON.stringify(file)});
      await har.open();
      process.stdout.write(readdirSync(${JSON.stringify(tempDir())}).join(",") + "\\n");
      process.exit(143);
    `;
    const { code, stdout, stderr } = await runNode(["--import", "tsx", "--input-type=module", "-e", script]);
    expect(code, stderr).to.equal(143);
    expect(stdout).to.match(/^out\.har\.\d+\.tmp\n$/);
    expect(await readdir(tempDir())).to.deep.equal([]);
  });
});
