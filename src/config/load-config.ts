import { readFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_MAX_DEPTH } from "../decode/decoded-body.js";
import { InputError } from "../model/exchange.js";
import { recordingsDir, schemasDir } from "../project-paths.js";
import { createAjv } from "../schemas/create-ajv.js";
import { DEFAULT_MAX_BODY_BYTES } from "../sources/reader-options.js";
import type { ConformanceConfig, HostMapping, RuleSeverities } from "../types/generated/config.js";

export const CONFIG_FILE_NAME = "conformance.config.json";

/** The configuration with every default filled in and paths made absolute. */
export interface ResolvedConfig {
  file: string | undefined;
  recordings: string[];
  hosts: HostMapping[];
  rules: RuleSeverities;
  maxBodyBytes: number;
  maxDepth: number;
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new InputError(file, `cannot read: ${(error as Error).message}`);
  }
}

/**
 * Reads `explicitPath` (which must exist) or else conformance.config.json in `cwd` (which may not), and
 * validates it against schemas/config.schema.json.
 */
export async function loadConfig(
  explicitPath: string | undefined,
  cwd: string = process.cwd(),
): Promise<ResolvedConfig> {
  const file = path.resolve(cwd, explicitPath ?? CONFIG_FILE_NAME);
  const text = await readIfPresent(file);
  if (text === undefined && explicitPath !== undefined)
    throw new InputError(explicitPath, "configuration file not found");
  let config: ConformanceConfig = {};
  if (text !== undefined) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new InputError(file, `not valid JSON: ${(error as Error).message}`);
    }
    const validate = createAjv().compile<ConformanceConfig>(
      JSON.parse(await readFile(path.join(schemasDir, "config.schema.json"), "utf8")),
    );
    if (!validate(data)) {
      const problems = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
      throw new InputError(file, `not a valid configuration: ${problems}`);
    }
    config = data;
  }
  const base = path.dirname(file);
  return {
    file: text === undefined ? undefined : file,
    recordings: config.recordings?.map((p) => path.resolve(base, p)) ?? [recordingsDir],
    hosts: config.hosts ?? [],
    rules: config.rules ?? {},
    maxBodyBytes: config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxDepth: config.maxDepth ?? DEFAULT_MAX_DEPTH,
  };
}
