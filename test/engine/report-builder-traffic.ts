import { checkExchange, type ExchangeVerdict } from "../../src/engine/check-exchange.js";
import { ReportBuilder } from "../../src/engine/report-builder.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { tencentError, tencentSuccess } from "../support/bodies.js";
import { buildExchange, type ExchangeSpec } from "../support/exchange-builder.js";
import { sharedEngine } from "../support/shared-engine.js";

// Traffic for the tests of the report's detail bound: entries 0…n-1 of two files, failing, warned, passing
// and skipped ones, judged into a ReportBuilder in any order.

/** Entry i: a failing Tencent exchange (every third), a skipped one (every fifth), else a passing one. */
export function specOf(index: number): ExchangeSpec & { file: string; index: number } {
  const file = index % 2 === 0 ? "a.ndjson" : "b.ndjson";
  if (index % 5 === 0)
    return { file, index, dialect: "tencent", action: `Skipped${index % 3}`, body: "", headers: {} };
  if (index % 3 === 0)
    return {
      file,
      index,
      dialect: "tencent",
      action: `Describe${index % 7}`,
      status: 400,
      body: tencentError(),
    };
  return {
    file,
    index,
    dialect: "tencent",
    product: index % 4 === 0 ? "cbs" : "cvm",
    action: `Describe${index % 7}`,
    body: tencentSuccess({ TotalCount: 0 }),
  };
}

/** The verdict of entry i; every fifth is skipped, with one of three reasons. */
export async function verdictOf(index: number): Promise<ExchangeVerdict> {
  const spec = specOf(index);
  if (index % 5 === 0)
    return { kind: "skipped", source: { file: spec.file, index }, reason: `reason ${index % 3}` };
  return checkExchange(buildExchange(spec), await sharedEngine());
}

export async function reportFrom(
  indexes: readonly number[],
  options: { maxResults?: number; shard?: { index: number; total: number } } = {},
): Promise<ConformanceReport> {
  const builder = new ReportBuilder(await sharedEngine(), [{ kind: "recorded", location: "traffic" }], {
    runId: "run-1",
    ...options,
  });
  for (const index of indexes) builder.add(await verdictOf(index));
  return builder.build();
}

/** A fixed shuffle (a permutation of 0…n-1), so that verdicts arrive out of source order. */
export function shuffled(n: number, seed = 7): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  let state = seed;
  for (let i = n - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
}
