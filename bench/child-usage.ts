/**
 * Runs `node ARGS…` as a child process and measures what it cost: wall time (measured here, around the
 * child), CPU time (user + system) and peak resident set size. CPU and peak RSS come from GNU time
 * (`/usr/bin/time -f "%e %M %U %S"`) when it is present, else from process.resourceUsage(), written by a
 * module preloaded into the child (--import) when it exits. Both count every thread of the child (worker
 * threads included); GNU time also counts the child's own children, the preloaded module does not.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const GNU_TIME = "/usr/bin/time";
const GNU_TIME_FORMAT = "%e %M %U %S";

export interface ChildUsage {
  wallMs: number;
  /** user + system CPU time. */
  cpuMs: number;
  userMs: number;
  systemMs: number;
  peakRssKb: number;
  exitCode: number;
}

/** Where CPU time and peak RSS come from. */
export type UsageSource = "gnu-time" | "process.resourceUsage";

/** Whether GNU time is there and speaks the format this module reads. */
function hasGnuTime(): boolean {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ["-f", GNU_TIME_FORMAT, "true"], { encoding: "utf8" });
  return probe.status === 0 && /^\d+(\.\d+)? \d+ \d+(\.\d+)? \d+(\.\d+)?\s*$/m.test(probe.stderr);
}

/** Preloaded into a child when GNU time is missing: writes its own usage where the parent says. */
const USAGE_REPORTER = `import { writeFileSync } from "node:fs";
process.on("exit", () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  writeFileSync(process.env.CHILD_USAGE_FILE, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime }));
});
`;

export class ChildRunner {
  private counter = 0;
  readonly source: UsageSource;
  private reporter: string | undefined;

  /** `scratch`: a folder of this run's own, for the usage files (and the preloaded module). */
  constructor(
    private readonly scratch: string,
    private readonly cwd: string,
  ) {
    this.source = hasGnuTime() ? "gnu-time" : "process.resourceUsage";
  }

  /** How the figures are taken, for the printed header. */
  describe(): string {
    return this.source === "gnu-time"
      ? `GNU time (${GNU_TIME} -f "${GNU_TIME_FORMAT}")`
      : "process.resourceUsage() in the child";
  }

  /** Runs `node ARGS…` once; throws unless it exits with one of `okExitCodes`. */
  async run(nodeArgs: string[], okExitCodes: readonly number[]): Promise<ChildUsage & { stdout: string }> {
    const usageFile = path.join(this.scratch, `usage-${this.counter++}.txt`);
    let command: string;
    let args: string[];
    if (this.source === "gnu-time") {
      [command, args] = [GNU_TIME, ["-f", GNU_TIME_FORMAT, "-o", usageFile, process.execPath, ...nodeArgs]];
    } else {
      if (this.reporter === undefined) {
        this.reporter = path.join(this.scratch, "usage-reporter.mjs");
        await writeFile(this.reporter, USAGE_REPORTER);
      }
      [command, args] = [process.execPath, ["--import", pathToFileURL(this.reporter).href, ...nodeArgs]];
    }
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: this.cwd,
      env: { ...process.env, CHILD_USAGE_FILE: usageFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code) => resolve(code ?? -1));
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (!okExitCodes.includes(exitCode)) {
      throw new Error(`node ${nodeArgs.join(" ")} exited ${exitCode}:\n${stderr.slice(0, 2000)}`);
    }
    const recorded = (await readFile(usageFile, "utf8")).trim();
    const usage = this.source === "gnu-time" ? fromGnuTime(recorded) : fromReporter(recorded);
    return { wallMs, ...usage, exitCode, stdout };
  }
}

type Usage = Pick<ChildUsage, "cpuMs" | "userMs" | "systemMs" | "peakRssKb">;

/** GNU time's last line: "ELAPSED MAXRSS USER SYSTEM" (s, KiB, s, s); a line before it may say the exit code. */
function fromGnuTime(recorded: string): Usage {
  const [, maxRss, user, system] = (recorded.split("\n").at(-1) ?? "").trim().split(/\s+/).map(Number);
  return checked(recorded, {
    peakRssKb: maxRss ?? Number.NaN,
    userMs: (user ?? Number.NaN) * 1000,
    systemMs: (system ?? Number.NaN) * 1000,
  });
}

/** The preloaded module's JSON: maxRSS in KiB, CPU times in µs. */
function fromReporter(recorded: string): Usage {
  const { maxRSS, userCPUTime, systemCPUTime } = JSON.parse(recorded) as Record<string, number>;
  return checked(recorded, {
    peakRssKb: maxRSS ?? Number.NaN,
    userMs: (userCPUTime ?? Number.NaN) / 1000,
    systemMs: (systemCPUTime ?? Number.NaN) / 1000,
  });
}

function checked(recorded: string, usage: Omit<Usage, "cpuMs">): Usage {
  const { peakRssKb, userMs, systemMs } = usage;
  if (!(peakRssKb > 0) || !(userMs >= 0) || !(systemMs >= 0))
    throw new Error(`no usable usage recorded: ${JSON.stringify(recorded)}`);
  return { ...usage, cpuMs: userMs + systemMs };
}
