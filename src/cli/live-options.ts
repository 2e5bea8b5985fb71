import { ActionsSpecError, describedCalls } from "../live/described-calls.js";
import { DEFAULT_TIMEOUTS } from "../live/http-exchange.js";
import type { LiveJobOptions } from "../live/live-job.js";
import { LIVE_PRODUCTS } from "../live/select-calls.js";
import { DEFECTS, type DefectName } from "../sandbox/defects.js";
import { productIds } from "./product-ids.js";
import {
  listOption,
  parseNumberOption,
  parseShardOption,
  parseWholeNumber,
  REPORTING_OPTIONS,
} from "./report-options.js";
import { parseSelection, SELECTION_OPTIONS } from "./selection-options.js";
import { UsageError } from "./usage-error.js";

/** Options of the commands that call a live target (run, record). */
export const LIVE_OPTIONS = {
  ...REPORTING_OPTIONS,
  ...SELECTION_OPTIONS,
  target: { type: "string" },
  defect: { type: "string", multiple: true },
  concurrency: { type: "string" },
  "connect-timeout": { type: "string" },
  "headers-timeout": { type: "string" },
  "body-timeout": { type: "string" },
  retries: { type: "string" },
  actions: { type: "string" },
  mutating: { type: "boolean" },
} as const;

export const LIVE_USAGE = `  --target URL            a provider endpoint or private sandbox (default: the built-in sandbox,
                          started on a free loopback port); credentials come from
                          TENCENTCLOUD_SECRET_ID/_KEY, ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET,
                          ZENLAYERCLOUD_ACCESS_KEY_ID/_PASSWORD (never printed)
  --dialect D             only tencent, alibaba or zenlayer (repeat or comma-separate)
  --product P             only these products (${productIds()}); the recorded target is narrowed to
                          the same dialects and products (the rest is listed as skipped)
  --defect NAME           built-in sandbox only: break one documented rule on purpose (repeatable)
  --concurrency N         calls in flight at once (default: 4)
  --connect-timeout MS    default ${DEFAULT_TIMEOUTS.connectMs}
  --headers-timeout MS    default ${DEFAULT_TIMEOUTS.headersMs}
  --body-timeout MS       default ${DEFAULT_TIMEOUTS.bodyMs}
  --retries N             retries of a throttled call, after back-off (default: 4)
  --actions SPEC          also call the described actions of each selected product (its actions
                          document in schemas/): all, a comma-separated list of names, or a pattern
                          with * (Describe*); read-only ones only (Describe, List, Get, Query, Inquiry,
                          Check), each with its required parameters (documented examples) and the
                          region; plus per-action probes (a required parameter left out, a value of
                          the wrong type)
  --mutating              with --actions: the actions that may change state too`;

interface LiveFlags {
  config?: string | undefined;
  "max-body-bytes"?: string | undefined;
  "max-results"?: string | undefined;
  shard?: string | undefined;
  "run-id"?: string | undefined;
  target?: string | undefined;
  dialect?: string[] | undefined;
  product?: string[] | undefined;
  defect?: string[] | undefined;
  concurrency?: string | undefined;
  "connect-timeout"?: string | undefined;
  "headers-timeout"?: string | undefined;
  "body-timeout"?: string | undefined;
  retries?: string | undefined;
  actions?: string | undefined;
  mutating?: boolean | undefined;
}

/** The live part of a run's options, validated: every mistake is a UsageError naming the flag. */
export function liveJobSettings(
  flags: LiveFlags,
): Pick<
  LiveJobOptions,
  "target" | "dialects" | "products" | "actions" | "defects" | "concurrency" | "timeouts" | "throttleRetries"
> {
  const { dialects, products } = parseSelection(flags, LIVE_PRODUCTS);
  if (flags.mutating && flags.actions === undefined)
    throw new UsageError("--mutating applies to --actions only (e.g. --actions all --mutating)");
  const actions =
    flags.actions === undefined ? undefined : { spec: flags.actions, mutating: flags.mutating === true };
  if (actions) {
    try {
      // Checked now, so a typo is a usage error before the sandbox starts or any call is made.
      describedCalls(actions, { dialects, products });
    } catch (error) {
      if (error instanceof ActionsSpecError) throw new UsageError(error.message);
      throw error;
    }
  }
  const defects = listOption(flags.defect);
  const known = new Set(DEFECTS.map((d) => d.name));
  const unknownDefect = defects?.find((d) => !known.has(d as DefectName));
  if (unknownDefect)
    throw new UsageError(`--defect ${unknownDefect}: known defects are ${[...known].join(", ")}`);
  if (defects?.length && flags.target)
    throw new UsageError("--defect applies to the built-in sandbox only, not to --target");
  const ms = (name: "connect-timeout" | "headers-timeout" | "body-timeout", fallback: number) =>
    parseNumberOption(name, flags[name], 1, 3_600_000) ?? fallback;
  return {
    target: flags.target,
    dialects: dialects ? [...dialects] : undefined,
    products: products ? [...products] : undefined,
    actions,
    defects: defects as DefectName[] | undefined,
    concurrency: parseNumberOption("concurrency", flags.concurrency, 1, 256) ?? 4,
    timeouts: {
      connectMs: ms("connect-timeout", DEFAULT_TIMEOUTS.connectMs),
      headersMs: ms("headers-timeout", DEFAULT_TIMEOUTS.headersMs),
      bodyMs: ms("body-timeout", DEFAULT_TIMEOUTS.bodyMs),
    },
    throttleRetries: parseNumberOption("retries", flags.retries, 0, 20) ?? 4,
  };
}

/** Everything `run` and `record` pass alike to the live job, from their flags. */
export function liveJobOptions(flags: LiveFlags): Omit<LiveJobOptions, "includeRecordings"> {
  return {
    ...liveJobSettings(flags),
    config: flags.config,
    maxBodyBytes: parseNumberOption("max-body-bytes", flags["max-body-bytes"], 1, Number.MAX_SAFE_INTEGER),
    maxResults: parseWholeNumber("max-results", flags["max-results"]),
    shard: parseShardOption(flags.shard),
    runId: flags["run-id"],
  };
}
