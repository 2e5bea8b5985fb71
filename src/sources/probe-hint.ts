import type { RawExchange } from "../model/exchange.js";
import { requireRecord, requireString } from "./record-fields.js";
import { UnreadableEntryError } from "./unreadable-entry-error.js";

/**
 * `_conformance.probe` of a HAR entry written by `conformance record`: the probe's name and the documented
 * answer it must draw, so that probe-expected-code judges the recording as it judged the live run.
 */
export function readProbeHint(value: unknown, field: string): NonNullable<RawExchange["probe"]> {
  const probe = requireRecord(value, field);
  const expected = requireRecord(probe.expected, `${field}.expected`);
  const code = expected.code === null ? null : requireString(expected.code, `${field}.expected.code`);
  const status = expected.status;
  if (!(typeof status === "number" && Number.isInteger(status)) && status !== "4xx" && status !== "5xx") {
    throw new UnreadableEntryError(`${field}.expected.status is not a status or "4xx"/"5xx"`);
  }
  return {
    name: requireString(probe.name, `${field}.name`),
    expected: { code, status, source: requireString(expected.source, `${field}.expected.source`) },
  };
}
