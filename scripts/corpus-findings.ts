// What the engine finds in Tencent's own documented examples (`tsx scripts/corpus-findings.ts [CORPUS_DIR]`):
// converts ../shared/corpus/tencentcloud-cli/ to a temporary NDJSON file, checks it with the library and
// prints the totals, the skipped entries by reason, how many exchanges draw each rule (errors and warnings
// apart) and the first three exchanges, in file order, behind each rule. The same goes, as JSON, to
// bench/out/corpus-findings.json (git-ignored).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type CorpusExampleRef, corpusToNdjson, DEFAULT_CORPUS_DIR } from "../bench/corpus-to-ndjson.js";
import { checkRecordings } from "../src/engine/check-recordings.js";
import { createEngine } from "../src/engine/engine.js";
import { allCells } from "../src/report/matrix-cells.js";
import { DEFAULT_MAX_BODY_BYTES } from "../src/sources/reader-options.js";
import type { ConformanceReport, ReportFinding } from "../src/types/generated/report.js";

const EXAMPLES_PER_RULE = 3;
const OUT_FILE = fileURLToPath(new URL("../bench/out/corpus-findings.json", import.meta.url));

interface FindingExample extends CorpusExampleRef {
  /** 0-based line of the temporary NDJSON file (= position of the example in the corpus). */
  line: number;
  /** The action the exchange was read as (the example's X-TC-Action), when it differs from `action`. */
  readAs?: string;
  severity: ReportFinding["severity"];
  pointer: string;
  location?: string;
  message: string;
}

interface RuleSummary {
  id: string;
  severity: string;
  /** Exchanges the rule judged (it applied to them). */
  judged: number;
  /** Exchanges with at least one error finding of the rule. */
  errors: number;
  /** Exchanges with at least one warning finding of the rule. */
  warnings: number;
  examples: FindingExample[];
}

interface CorpusFindings {
  corpus: string;
  totals: {
    examples: number;
    checked: number;
    skipped: number;
    conformant: number;
    notConformant: number;
    conformantWithWarnings: number;
    findings: { error: number; warning: number };
  };
  skipped: { reason: string; count: number; examples: (CorpusExampleRef & { line: number })[] }[];
  rules: RuleSummary[];
}

function summarise(
  report: ConformanceReport,
  refs: readonly CorpusExampleRef[],
  corpus: string,
): CorpusFindings {
  const refAt = (line: number): CorpusExampleRef => {
    const ref = refs[line];
    if (!ref) throw new Error(`the report names line ${line}, which the conversion did not write`);
    return ref;
  };

  const skipped = new Map<string, CorpusFindings["skipped"][number]>();
  for (const { source, reason } of [...report.skipped].sort((a, b) => a.source.index - b.source.index)) {
    let group = skipped.get(reason);
    if (!group) {
      group = { reason, count: 0, examples: [] };
      skipped.set(reason, group);
    }
    group.count++;
    if (group.examples.length < EXAMPLES_PER_RULE)
      group.examples.push({ ...refAt(source.index), line: source.index });
  }

  const rules = new Map<string, RuleSummary>(
    report.rules.map((r) => [
      r.id,
      { id: r.id, severity: r.severity, judged: 0, errors: 0, warnings: 0, examples: [] },
    ]),
  );
  const ruleOf = (id: string): RuleSummary => {
    let rule = rules.get(id);
    if (!rule) {
      rule = { id, severity: "?", judged: 0, errors: 0, warnings: 0, examples: [] };
      rules.set(id, rule);
    }
    return rule;
  };
  for (const cell of allCells(report)) ruleOf(cell.rule).judged += cell.checked;
  for (const result of [...report.results].sort((a, b) => a.source.index - b.source.index)) {
    const ref = refAt(result.source.index);
    const firstByRule = new Map<string, ReportFinding>();
    const severities = new Map<string, Set<string>>();
    for (const finding of result.findings) {
      if (!firstByRule.has(finding.rule)) firstByRule.set(finding.rule, finding);
      let seen = severities.get(finding.rule);
      if (!seen) {
        seen = new Set();
        severities.set(finding.rule, seen);
      }
      seen.add(finding.severity);
    }
    for (const [id, finding] of firstByRule) {
      const rule = ruleOf(id);
      const seen = severities.get(id) ?? new Set();
      if (seen.has("error")) rule.errors++;
      if (seen.has("warning")) rule.warnings++;
      if (rule.examples.length >= EXAMPLES_PER_RULE) continue;
      rule.examples.push({
        ...ref,
        line: result.source.index,
        ...(result.action !== ref.action ? { readAs: result.action } : {}),
        severity: finding.severity,
        pointer: finding.pointer,
        ...(finding.location ? { location: finding.location } : {}),
        message: finding.message,
      });
    }
  }

  const { summary } = report;
  return {
    corpus,
    totals: {
      examples: summary.exchanges,
      checked: summary.checked,
      skipped: summary.skipped,
      conformant: summary.passed,
      notConformant: summary.failed,
      conformantWithWarnings: summary.warned,
      findings: summary.findings,
    },
    skipped: [...skipped.values()].sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
    rules: [...rules.values()],
  };
}

const count = (n: number) => n.toLocaleString("en-US");

function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\r?\n/g, "\\n");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function where(ref: CorpusExampleRef & { readAs?: string }): string {
  const readAs = ref.readAs ? ` (X-TC-Action ${ref.readAs})` : "";
  return `${ref.service}/${ref.action}#${ref.example}${readAs}`;
}

function render(findings: CorpusFindings, seconds: { convert: number; check: number }): string {
  const { totals } = findings;
  const percent = (n: number) => `${((100 * n) / Math.max(totals.examples, 1)).toFixed(2)}%`;
  const out: string[] = [];
  out.push(`Tencent Cloud API examples: ${findings.corpus}`);
  out.push(
    `converted in ${seconds.convert.toFixed(1)} s, checked in ${seconds.check.toFixed(1)} s (library, one process)`,
    "",
  );
  out.push(`examples        ${count(totals.examples).padStart(7)}`);
  out.push(`checked         ${count(totals.checked).padStart(7)}`);
  out.push(`skipped         ${count(totals.skipped).padStart(7)}`);
  out.push(
    `conformant      ${count(totals.conformant).padStart(7)}  (${percent(totals.conformant)}; no error finding, ${count(totals.conformantWithWarnings)} of them with warnings)`,
  );
  out.push(`not conformant  ${count(totals.notConformant).padStart(7)}  (${percent(totals.notConformant)})`);
  out.push(
    `findings        ${count(totals.findings.error).padStart(7)} errors, ${count(totals.findings.warning)} warnings`,
    "",
  );

  out.push("Skipped, by reason:");
  if (findings.skipped.length === 0) out.push("  (none)");
  for (const group of findings.skipped) {
    out.push(`  ${count(group.count).padStart(6)}  ${oneLine(group.reason)}`);
    for (const example of group.examples) out.push(`          e.g. ${where(example)} (line ${example.line})`);
  }
  out.push("");

  out.push("Exchanges drawing each rule (an exchange counts once per rule and severity):");
  const idWidth = Math.max(...findings.rules.map((r) => r.id.length), 4);
  out.push(
    `  ${"rule".padEnd(idWidth)}  severity  ${"judged".padStart(7)}  ${"errors".padStart(7)}  ${"warnings".padStart(8)}`,
  );
  for (const rule of findings.rules) {
    out.push(
      `  ${rule.id.padEnd(idWidth)}  ${rule.severity.padEnd(8)}  ${count(rule.judged).padStart(7)}  ${count(rule.errors).padStart(7)}  ${count(rule.warnings).padStart(8)}`,
    );
  }
  out.push("");

  out.push(`First ${EXAMPLES_PER_RULE} exchanges behind each rule, in corpus order:`);
  for (const rule of findings.rules.filter((r) => r.examples.length > 0)) {
    out.push(`  ${rule.id}  (${count(rule.errors)} with errors, ${count(rule.warnings)} with warnings)`);
    for (const example of rule.examples) {
      const location = example.location ? ` [${example.location}]` : "";
      out.push(`    ${where(example)}  (${example.version}, line ${example.line})`);
      out.push(
        `      ${example.severity} at ${JSON.stringify(example.pointer)}${location}: ${oneLine(example.message)}`,
      );
    }
  }
  return `${out.join("\n")}\n`;
}

async function main(): Promise<void> {
  const corpusDir = process.argv[2] ?? DEFAULT_CORPUS_DIR;
  const temp = await mkdtemp(path.join(os.tmpdir(), "corpus-findings-"));
  try {
    const ndjson = path.join(temp, "tencent-corpus.ndjson");
    const refs: CorpusExampleRef[] = [];
    let started = performance.now();
    const written = await corpusToNdjson(ndjson, {
      corpusDir,
      onExample: ({ service, version, action, example }) => refs.push({ service, version, action, example }),
    });
    const convert = (performance.now() - started) / 1000;

    started = performance.now();
    const engine = await createEngine({ rules: {}, hosts: [], maxDepth: 256 });
    const report = await checkRecordings([ndjson], engine, { maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
    const check = (performance.now() - started) / 1000;

    if (report.summary.exchanges !== written) {
      throw new Error(`wrote ${written} lines but the engine read ${report.summary.exchanges} exchanges`);
    }
    if (report.inputErrors.length > 0) {
      process.stderr.write(
        `input errors:\n${report.inputErrors.map((e) => `  ${e.file}:${e.index ?? ""} ${e.message}`).join("\n")}\n`,
      );
    }
    const findings = summarise(report, refs, path.relative(process.cwd(), corpusDir) || corpusDir);
    process.stdout.write(render(findings, { convert, check }));
    await mkdir(path.dirname(OUT_FILE), { recursive: true });
    await writeFile(OUT_FILE, `${JSON.stringify(findings, null, 2)}\n`);
    process.stdout.write(`\nwritten: ${path.relative(process.cwd(), OUT_FILE)}\n`);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

await main();
