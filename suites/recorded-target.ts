import { loadConfig } from "../src/config/load-config.js";
import { checkRecordings } from "../src/engine/check-recordings.js";
import { createEngine } from "../src/engine/engine.js";
import type { ConformanceReport } from "../src/types/generated/report.js";

/**
 * The recorded target the suites judge: CONFORMANCE_RECORDINGS (paths separated by the platform's
 * path delimiter) when set, else "recordings" of the configuration (CONFORMANCE_CONFIG or
 * ./conformance.config.json), else the shipped recordings/.
 */
export async function judgeRecordedTarget(): Promise<{ paths: string[]; report: ConformanceReport }> {
  const config = await loadConfig(process.env.CONFORMANCE_CONFIG);
  const fromEnv = process.env.CONFORMANCE_RECORDINGS;
  const paths = fromEnv
    ? fromEnv.split(process.platform === "win32" ? ";" : ":").filter(Boolean)
    : config.recordings;
  const engine = await createEngine(config);
  const report = await checkRecordings(paths, engine, config);
  return { paths, report };
}
