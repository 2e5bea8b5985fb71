import { createHash, randomUUID } from "node:crypto";
import { TOOL } from "../tool.js";
import type { ConformanceReport } from "../types/generated/report.js";
import type { Engine } from "./engine.js";

/** The run's id: the one given, else the CI system's run, else a fresh one. */
export function runIdFrom(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (given) return given;
  if (env.GITHUB_RUN_ID) return `github-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`;
  if (env.CI_PIPELINE_ID) return `gitlab-${env.CI_PIPELINE_ID}`;
  return randomUUID();
}

/** What must be equal for two shard reports to be parts of one run of one suite. */
export function suiteFingerprint(
  engine: Pick<Engine, "rules" | "severityOf" | "hosts">,
  targets: ConformanceReport["targets"],
): string {
  const identity = {
    tool: TOOL,
    rules: engine.rules.map(({ meta }) => [meta.id, engine.severityOf(meta.id)]),
    hosts: engine.hosts,
    targets: targets.map((t) => (t.kind === "live" ? { kind: t.kind } : t)),
  };
  return createHash("sha256").update(JSON.stringify(identity)).digest("hex").slice(0, 16);
}
