import type { ExchangeSource, RawExchange } from "../model/exchange.js";
import type { Shard } from "../model/shard.js";
import { TOOL } from "../tool.js";
import type {
  ConformanceReport,
  ExchangeResult,
  MatrixCell,
  ReportInputError,
  RuleInfo,
  SkippedExchange,
  TransportFailure,
} from "../types/generated/report.js";
import type { ExchangeVerdict } from "./check-exchange.js";
import type { Engine } from "./engine.js";
import { ExchangeJudge } from "./exchange-judge.js";
import { splitCells } from "./report-cells.js";
import { byInputError, bySource, CountsByKey, FirstInOrder } from "./report-order.js";
import { DEFAULT_MAX_RESULTS, MAX_SKIP_REASONS, reportSummary } from "./report-summary.js";
import { runIdFrom, suiteFingerprint } from "./run-identity.js";
import type { Selection } from "./selection.js";

export { DEFAULT_MAX_RESULTS };

export interface ReportBuilderOptions {
  runId?: string | undefined;
  shard?: Shard | undefined;
  /** The most results (and skipped exchanges) listed in full: the first in source order. Default 1,000. */
  maxResults?: number | undefined;
}

const resultOrder = (a: { source: ExchangeResult["source"] }, b: { source: ExchangeResult["source"] }) =>
  bySource(a.source, b.source);

/**
 * Aggregates verdicts while they stream past: it keeps per-cell counters, the first `maxResults` results
 * that have findings and the first `maxResults` skipped entries by source order (counting the others),
 * never the exchanges themselves, so its memory is bounded whatever the size of the run. `judge` is every source's way in: the engine's
 * ExchangeJudge judges the exchange (group rules included) and hands its verdict here once it is final.
 */
export class ReportBuilder {
  private readonly judgement: ExchangeJudge;
  private readonly startedAt = new Date();
  /** Matrix cells by "dialect product action", then by rule (one lookup of the target per exchange). */
  private readonly cells = new Map<string, Map<string, MatrixCell>>();
  private readonly results: FirstInOrder<ExchangeResult>;
  private readonly skipped: FirstInOrder<SkippedExchange>;
  private readonly skipReasons = new CountsByKey(MAX_SKIP_REASONS);
  private skippedCount = 0;
  private readonly inputErrors: ReportInputError[] = [];
  private readonly transportFailures: TransportFailure[] = [];
  private checked = 0;
  private failed = 0;
  private warned = 0;
  private errorFindings = 0;
  private warningFindings = 0;
  private interrupted = false;

  constructor(
    private readonly engine: Engine,
    private readonly targets: ConformanceReport["targets"],
    private readonly identity: ReportBuilderOptions = {},
  ) {
    const limit = identity.maxResults ?? DEFAULT_MAX_RESULTS;
    this.results = new FirstInOrder<ExchangeResult>(limit, resultOrder);
    this.skipped = new FirstInOrder<SkippedExchange>(limit, resultOrder);
    this.judgement = new ExchangeJudge(engine, (verdict) => this.add(verdict));
  }

  /** Judges one exchange of any source (outside `select`: skipped) into the report. */
  judge(exchange: RawExchange, select?: Selection): void {
    this.judgement.judge(exchange, select);
  }

  /**
   * The verdict of an exchange that needs no other, for `add` to take later in its place; undefined for a
   * group member, which must go through `judge` in input order (ExchangeJudge.judgeAlone).
   */
  judgeAlone(exchange: RawExchange, select?: Selection): ExchangeVerdict | undefined {
    return this.judgement.judgeAlone(exchange, select);
  }

  /** Adds a final verdict (what `judge` does once the exchange's groups are judged). */
  add(verdict: ExchangeVerdict): void {
    if (verdict.kind === "skipped") {
      this.skip(verdict.source, verdict.reason);
      return;
    }
    const { result, verdicts } = verdict;
    this.checked++;
    const target = `${result.dialect}\u0000${result.product}\u0000${result.action}`;
    let byRule = this.cells.get(target);
    if (!byRule) {
      byRule = new Map();
      this.cells.set(target, byRule);
    }
    for (const [rule, outcome] of verdicts) {
      let cell = byRule.get(rule);
      if (!cell) {
        cell = {
          dialect: result.dialect,
          product: result.product,
          action: result.action,
          rule,
          checked: 0,
          failed: 0,
          warned: 0,
        };
        byRule.set(rule, cell);
      }
      cell.checked++;
      if (outcome === "fail") cell.failed++;
      else if (outcome === "warn") cell.warned++;
    }
    const errors = result.findings.filter((f) => f.severity === "error").length;
    this.errorFindings += errors;
    this.warningFindings += result.findings.length - errors;
    if (errors > 0) this.failed++;
    else if (result.findings.length > 0) this.warned++;
    if (result.findings.length > 0) this.results.offer(result);
  }

  /** A target seen during the run (the proxy's upstreams appear as the traffic names them), once each. */
  addTarget(target: ConformanceReport["targets"][number]): void {
    if (!this.targets.some((t) => t.kind === target.kind && t.location === target.location)) {
      this.targets.push(target);
    }
  }

  skip(source: ExchangeSource, reason: string): void {
    this.skippedCount++;
    this.skipReasons.add(reason);
    this.skipped.offer({ source, reason });
  }

  inputError(file: string, message: string, index?: number): void {
    this.inputErrors.push(index === undefined ? { file, message } : { file, index, message });
  }

  transportFailure(failure: TransportFailure): void {
    this.transportFailures.push(failure);
  }

  markInterrupted(): void {
    this.interrupted = true;
  }

  get hasInputErrors(): boolean {
    return this.inputErrors.length > 0;
  }

  /**
   * The report; groups still open (the input ended before they were complete) are judged first, unless
   * the run was interrupted.
   */
  build(): ConformanceReport {
    this.judgement.end({ interrupted: this.interrupted });
    const finishedAt = new Date();
    const rules: RuleInfo[] = this.engine.rules.map(({ meta }) => ({
      id: meta.id,
      severity: this.engine.severityOf(meta.id),
      description: meta.description,
      dialects: [...meta.dialects],
      source: meta.source,
      ...(meta.decision ? { decision: meta.decision } : {}),
    }));
    return {
      reportVersion: 2,
      tool: TOOL,
      startedAt: this.startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - this.startedAt.getTime(),
      complete: !this.interrupted && this.inputErrors.length === 0,
      targets: this.targets,
      summary: reportSummary(
        {
          checked: this.checked,
          skipped: this.skippedCount,
          failed: this.failed,
          warned: this.warned,
          errorFindings: this.errorFindings,
          warningFindings: this.warningFindings,
          transportFailures: this.transportFailures.length,
        },
        {
          resultsOmitted: this.results.omitted,
          skippedOmitted: this.skipped.omitted,
          skippedReasons: this.skipReasons.entries(),
          skippedOtherReasons: this.skipReasons.other,
        },
      ),
      rules,
      ...splitCells([...this.cells.values()].flatMap((byRule) => [...byRule.values()])),
      results: this.results.sorted(),
      skipped: this.skipped.sorted(),
      detailLimit: this.results.limit,
      inputErrors: this.inputErrors.sort(byInputError),
      transportFailures: this.transportFailures.sort((a, b) => bySource(a.source, b.source)),
      run: {
        id: runIdFrom(this.identity.runId),
        suite: suiteFingerprint(this.engine, this.targets),
        ...(this.identity.shard ? { shard: this.identity.shard } : {}),
      },
    };
  }
}
