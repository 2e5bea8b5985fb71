import { appendFile } from "node:fs/promises";
import path from "node:path";
import { FileWriteError } from "../files/write-file-atomic.js";
import type { ConformanceReport, ExchangeResult, ReportFinding } from "../types/generated/report.js";
import { renderMarkdown } from "./markdown-report.js";
import type { PublishedOutput, ReportContext, Reporter, ReportOutput } from "./reporter.js";

/**
 * GitHub Actions reporter, after Playwright Test's `github` reporter: one workflow command
 * (`::error title=…::message` or `::warning …`) per failing rule and action, and the Markdown summary
 * appended to the file `GITHUB_STEP_SUMMARY` names (the job summary). Opt-in by name (`--reporter github`).
 *
 * Everything in a report may come from traffic (codes, messages, actions, file names), so every value is
 * escaped as the runner requires (escapeData / escapeProperty below): no line break survives, so nothing
 * from a response body can start a workflow command of its own.
 */

/** Annotations written at most; the rest are counted on one line. GitHub shows 10 per step anyway. */
export const GITHUB_ANNOTATION_LIMIT = 50;
/** Longest message of one annotation (before escaping), in UTF-16 code units. */
const MESSAGE_LIMIT = 500;
/** Exchanges named in one annotation's message. */
const SOURCES_NAMED = 3;

/** A workflow command's message: `%`, CR and LF percent-encoded (GitHub's escapeData). */
export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** A workflow command's property value: escapeData, and `:` and `,` too (GitHub's escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** One annotation: the findings of one rule, at one severity, on one action (and one recorded file). */
export interface GithubAnnotation {
  severity: "error" | "warning";
  rule: string;
  dialect: string;
  product: string;
  action: string;
  /** The recorded file the exchanges came from, relative to the working directory; none for live runs. */
  file?: string;
  /** The first finding's message. */
  message: string;
  /** Exchanges with this rule's finding at this severity. */
  exchanges: number;
  /** The first exchanges' `file#index` (or the live call or probe), in report order. */
  sources: string[];
}

/** A recorded file (HAR, NDJSON) as the runner can link it: relative to `cwd`; undefined for a live target. */
function recordedFile(file: string, cwd: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return undefined;
  if (!/\.(har|ndjson|jsonl)$/i.test(file)) return undefined;
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join("/") || file;
}

function sourceName(result: ExchangeResult): string {
  const { file, index, probe } = result.source;
  return probe === undefined ? `${path.basename(file)}#${index}` : `${probe} (#${index})`;
}

/**
 * The report's findings grouped per severity, rule, action and recorded file: one entry per group with
 * the first message and the number of exchanges, errors first, then the largest groups, then by name.
 */
export function githubAnnotations(
  report: ConformanceReport,
  cwd: string = process.cwd(),
): GithubAnnotation[] {
  const groups = new Map<string, GithubAnnotation>();
  for (const result of report.results) {
    const file = result.source.probe === undefined ? recordedFile(result.source.file, cwd) : undefined;
    const seen = new Set<string>();
    for (const finding of result.findings as ReportFinding[]) {
      const key = JSON.stringify([
        finding.severity,
        finding.rule,
        result.dialect,
        result.product,
        result.action,
        file ?? null,
      ]);
      if (seen.has(key)) continue;
      seen.add(key);
      const group = groups.get(key);
      if (group) {
        group.exchanges++;
        if (group.sources.length < SOURCES_NAMED) group.sources.push(sourceName(result));
      } else {
        groups.set(key, {
          severity: finding.severity,
          rule: finding.rule,
          dialect: result.dialect,
          product: result.product,
          action: result.action,
          ...(file === undefined ? {} : { file }),
          message: finding.message,
          exchanges: 1,
          sources: [sourceName(result)],
        });
      }
    }
  }
  const rank = (a: GithubAnnotation) => (a.severity === "error" ? 0 : 1);
  const name = (a: GithubAnnotation) => `${a.rule} ${a.dialect}/${a.product}/${a.action} ${a.file ?? ""}`;
  return [...groups.values()].sort(
    (a, b) =>
      rank(a) - rank(b) || b.exchanges - a.exchanges || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0),
  );
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** One `::error …::…` or `::warning …::…` line, every value escaped. */
export function workflowCommand(annotation: GithubAnnotation): string {
  const title = `${annotation.rule} (${annotation.dialect}/${annotation.product}/${annotation.action})`;
  const properties = [
    ...(annotation.file === undefined ? [] : [`file=${escapeProperty(annotation.file)}`]),
    `title=${escapeProperty(title)}`,
  ].join(",");
  const others = annotation.exchanges - annotation.sources.length;
  const where = `${annotation.exchanges} exchange(s): ${annotation.sources.join(", ")}${others > 0 ? `, … and ${others} more` : ""}`;
  const message = `${cut(annotation.message, MESSAGE_LIMIT)} [${where}]`;
  return `::${annotation.severity} ${properties}::${escapeData(message)}\n`;
}

/**
 * What the reporter prints: at most `limit` annotations, then one plain line that counts the rest (a large
 * report must not flood the log; the job summary and conformance.json have them all).
 */
export function renderGithubAnnotations(
  report: ConformanceReport,
  cwd: string = process.cwd(),
  limit = GITHUB_ANNOTATION_LIMIT,
): string {
  const annotations = githubAnnotations(report, cwd);
  const lines = annotations.slice(0, limit).map(workflowCommand);
  if (annotations.length > limit) {
    lines.push(
      `conformance: … and ${annotations.length - limit} more rule and action(s) with findings (see the job summary and conformance.json)\n`,
    );
  }
  const omitted = report.summary.resultsOmitted ?? 0;
  if (omitted > 0) {
    lines.push(
      `conformance: the annotations count the first ${report.results.length} exchange(s) with findings; ${omitted} more are only counted in conformance.json (its matrix and summary), past its detailLimit (${report.detailLimit ?? report.results.length}, maxResults in the configuration)\n`,
    );
  }
  return lines.join("");
}

async function publishGithub(
  report: ConformanceReport,
  context: ReportContext,
  output: ReportOutput,
): Promise<PublishedOutput[]> {
  const annotations = renderGithubAnnotations(report, output.cwd);
  output.stdout(annotations);
  const published: PublishedOutput[] = [{ file: "stdout", bytes: Buffer.byteLength(annotations) }];
  const summaryFile = output.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    const summary = renderMarkdown(report, context);
    try {
      await appendFile(summaryFile, summary);
    } catch (error) {
      throw new FileWriteError(summaryFile, error);
    }
    published.push({ file: summaryFile, bytes: Buffer.byteLength(summary) });
  }
  return published;
}

export const githubReporter: Reporter = {
  name: "github",
  file: "-",
  description:
    "GitHub Actions annotations (::error/::warning per failing rule and action) on standard output, and the Markdown summary appended to $GITHUB_STEP_SUMMARY",
  render: (report) => renderGithubAnnotations(report),
  publish: publishGithub,
};
