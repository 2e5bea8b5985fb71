import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadConfig, type ResolvedConfig } from "../config/load-config.js";
import { DEFAULT_MAX_DEPTH } from "../decode/decoded-body.js";
import { InputError } from "../model/exchange.js";
import { schemasDir } from "../project-paths.js";
import { createAjv } from "../schemas/create-ajv.js";
import { schemaErrorMessages } from "../schemas/schema-error-messages.js";
import type { ConformanceConfig } from "../types/generated/config.js";

/** What the engine needs of a configuration. */
export type EngineConfig = Pick<ResolvedConfig, "file" | "rules" | "hosts" | "maxDepth" | "actionSchemas">;

/**
 * The configuration of a checker, as the CLI's: a path to a conformance.config.json; an object of the same
 * shape (validated by schemas/config.schema.json, its paths relative to `cwd`); or, when absent,
 * conformance.config.json in `cwd` if there is one, else the defaults.
 */
export async function resolveCheckerConfig(
  config: string | ConformanceConfig | undefined,
  cwd: string,
): Promise<EngineConfig> {
  if (config === undefined || typeof config === "string") return loadConfig(config, cwd);
  const schema = JSON.parse(await readFile(path.join(schemasDir, "config.schema.json"), "utf8"));
  const validate = createAjv().compile(schema);
  if (!validate(config)) {
    const messages = schemaErrorMessages(validate.errors ?? [], validate.schema, config, "the configuration");
    throw new InputError("configuration", messages.join("; "));
  }
  return {
    file: undefined,
    hosts: config.hosts ?? [],
    actionSchemas: config.actionSchemas?.map((p) => path.resolve(cwd, p)) ?? [],
    rules: config.rules ?? {},
    maxDepth: config.maxDepth ?? DEFAULT_MAX_DEPTH,
  };
}
