import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** A fresh temporary folder for the enclosing describe block, removed after it. */
export function useTempDir(): () => string {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "conformance-test-"));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
