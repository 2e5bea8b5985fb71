import { existsSync } from "node:fs";
import path from "node:path";
import { DEFAULT_MAX_DEPTH } from "../decode/decoded-body.js";
import { recordingsDir } from "../project-paths.js";
import { readValidatedJson } from "../schemas/read-validated-json.js";
import { DEFAULT_MAX_BODY_BYTES } from "../sources/reader-options.js";
import type { ConformanceConfig, HostMapping, RuleSeverities } from "../types/generated/config.js";

export const CONFIG_FILE_NAME = "conformance.config.json";

/**
 * How many exchanges with findings, and apart how many skipped exchanges, a report lists in full by
 * default. Memory: a result holds at most a 16,384-character body excerpt and its findings, some 40 KB at
 * worst, so 1,000 of them stay under 40 MB whatever the size of the run (256 MiB is the budget of a run of
 * 1,000,000 exchanges); and the page and the JUnit file show fewer than that anyway (50 per rule, 20 per
 * cell), so 1,000 still gives every reporter all it shows for the runs people read.
 */
export const DEFAULT_MAX_RESULTS = 1000;

/** The configuration with every default filled in and paths made absolute. */
export interface ResolvedConfig {
  file: string | undefined;
  recordings: string[];
  hosts: HostMapping[];
  /** Action schemas of the user's own, absolute paths (schemas/ comes after them). */
  actionSchemas: string[];
  rules: RuleSeverities;
  maxBodyBytes: number;
  maxDepth: number;
  /** The most results (and skipped exchanges) a report lists in full (ReportBuilder's `maxResults`). */
  maxResults: number;
}

/**
 * Reads `explicitPath` (which must exist) or else conformance.config.json in `cwd` (which may not), and
 * validates it against schemas/config.schema.json. A wrong member is an InputError naming the file, the
 * field and what it may be: `conformance.config.json: unknown field "rule" at / (allowed: …)`,
 * `rules["request-id-format"] must be one of "error", "warning", "off", got "warn"`.
 */
export async function loadConfig(
  explicitPath: string | undefined,
  cwd: string = process.cwd(),
): Promise<ResolvedConfig> {
  const file = path.resolve(cwd, explicitPath ?? CONFIG_FILE_NAME);
  const present = explicitPath !== undefined || existsSync(file);
  const config: ConformanceConfig = present
    ? await readValidatedJson<ConformanceConfig>(file, {
        name: "configuration",
        schema: "config.schema.json",
        direct: true,
      })
    : {};
  const base = path.dirname(file);
  return {
    file: present ? file : undefined,
    recordings: config.recordings?.map((p) => path.resolve(base, p)) ?? [recordingsDir],
    hosts: config.hosts ?? [],
    actionSchemas: config.actionSchemas?.map((p) => path.resolve(base, p)) ?? [],
    rules: config.rules ?? {},
    maxBodyBytes: config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxDepth: config.maxDepth ?? DEFAULT_MAX_DEPTH,
    maxResults: config.maxResults ?? DEFAULT_MAX_RESULTS,
  };
}
