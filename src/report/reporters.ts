import path from "node:path";
import { performance } from "node:perf_hooks";
import { writeFileAtomic } from "../files/write-file-atomic.js";
import type { ConformanceReport } from "../types/generated/report.js";
import { badgeReporter } from "./badge-report.js";
import { githubReporter } from "./github-report.js";
import { htmlReporter } from "./html-report.js";
import { jsonReporter } from "./json-report.js";
import { junitReporter } from "./junit-report.js";
import { markdownReporter } from "./markdown-report.js";
import type { ReportContext, Reporter, ReportOutput } from "./reporter.js";

/** Every report format, in the order they are written. */
export const REPORTERS: readonly Reporter[] = [
  jsonReporter,
  junitReporter,
  htmlReporter,
  markdownReporter,
  badgeReporter,
];

/**
 * Reporters that write to the CI job rather than into the report folder, chosen by name only (as
 * Playwright's `github` reporter): `github` (annotations on standard output, the job summary).
 */
export const CI_REPORTERS: readonly Reporter[] = [githubReporter];

/** What a run writes when `--reporter` is not given (no CI reporter: they are opt-in by name). */
export const DEFAULT_REPORTERS: readonly string[] = ["json", "junit", "html", "markdown", "badge"];

function byName(name: string): Reporter | undefined {
  return [...REPORTERS, ...CI_REPORTERS].find((reporter) => reporter.name === name);
}

/**
 * The reporters a `--reporter` value names: a comma-separated list ("json,junit"), spaces and repeats
 * ignored, in the order given; DEFAULT_REPORTERS when the value is undefined. An unknown or empty name
 * throws an Error that lists the known ones.
 */
export function parseReporters(value: string | undefined): Reporter[] {
  const known = [...REPORTERS, ...CI_REPORTERS].map((r) => r.name).join(", ");
  const names = value === undefined ? DEFAULT_REPORTERS : value.split(",").map((name) => name.trim());
  const chosen: Reporter[] = [];
  for (const name of names) {
    const reporter = byName(name);
    if (!reporter) {
      throw new Error(
        name === ""
          ? `empty reporter name in ${JSON.stringify(value)} (known: ${known})`
          : `unknown reporter ${JSON.stringify(name)} (known: ${known})`,
      );
    }
    if (!chosen.includes(reporter)) chosen.push(reporter);
  }
  return chosen;
}

export interface WrittenReport {
  reporter: string;
  /** The path written: the report folder joined with the reporter's file. */
  file: string;
  /** UTF-8 bytes written. */
  bytes: number;
  /** Time to render and write, in milliseconds. */
  ms: number;
}

/** The process's own standard output, environment and working directory (read when used). */
const processOutput = (): ReportOutput => ({
  stdout: (text) => {
    process.stdout.write(text);
  },
  env: process.env,
  cwd: process.cwd(),
});

/**
 * Renders each reporter and writes its file into `reportDir` (created if missing), one after the other. A
 * reporter with `publish` (the github reporter) writes where it says instead (`output`: the process's
 * standard output and environment unless given), one entry per file or stream it wrote.
 */
export async function writeReports(
  report: ConformanceReport,
  reportDir: string,
  reporters: readonly Reporter[],
  context: ReportContext = {},
  output: ReportOutput = processOutput(),
): Promise<WrittenReport[]> {
  const written: WrittenReport[] = [];
  for (const reporter of reporters) {
    const start = performance.now();
    if (reporter.publish) {
      for (const out of await reporter.publish(report, context, output)) {
        written.push({ reporter: reporter.name, ...out, ms: performance.now() - start });
      }
      continue;
    }
    const text = reporter.render(report, context);
    const file = path.join(reportDir, reporter.file);
    await writeFileAtomic(file, text);
    written.push({
      reporter: reporter.name,
      file,
      bytes: Buffer.byteLength(text),
      ms: performance.now() - start,
    });
  }
  return written;
}
