import { execFileSync } from "node:child_process";
import { close, constants, open } from "node:fs";
import { readdir, readFile, readlink, realpath } from "node:fs/promises";
import { promisify } from "node:util";

/** Helpers for tests of FIFOs and devices. They read /proc, so these tests run on Linux only. */

const openDescriptor = promisify(open);
const closeDescriptor = promisify(close);

export const onLinux = process.platform === "linux";

export function makeFifo(file: string): string {
  execFileSync("mkfifo", [file]);
  return file;
}

/**
 * Opens the FIFO for reading and for writing without waiting, and closes it again, so that an open() of it
 * that waits for the other side (in this process's threadpool or in another process) returns. Cleanups call
 * it: a test of code that blocks must not leave a thread stuck behind it.
 */
export async function releaseFifo(file: string): Promise<void> {
  for (const flags of [constants.O_RDONLY, constants.O_WRONLY]) {
    try {
      await closeDescriptor(await openDescriptor(file, flags | constants.O_NONBLOCK));
    } catch {
      // ENXIO: nobody is reading it; ENOENT: it is gone already.
    }
  }
}

/** Rejects with `what` when `promise` has not settled within `ms` milliseconds. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `condition` until it holds; rejects with `what` after `ms` milliseconds. */
export async function until(condition: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Whether process `pid` has `file` open (one of /proc/PID/fd/* leads to it). */
export async function hasOpen(pid: number | "self", file: string): Promise<boolean> {
  const target = await realpath(file);
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "")) === target) return true;
  }
  return false;
}

/** Bytes process `pid` has read so far, by any means (`rchar` of /proc/PID/io); 0 once it is gone. */
export async function bytesReadBy(pid: number): Promise<number> {
  const io = await readFile(`/proc/${pid}/io`, "utf8").catch(() => "");
  return Number(/^rchar:\s*(\d+)$/m.exec(io)?.[1] ?? 0);
}

/** The peak resident memory of process `pid` so far, in bytes (`VmHWM` of /proc/PID/status). */
export async function peakMemoryOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/^VmHWM:\s*(\d+) kB$/m.exec(status)?.[1]) * 1024;
}
