import type { ReportSource } from "../types/generated/report.js";

/** How a person finds the exchange again: file#index for recordings, the call or probe for live runs. */
export function sourceLabel(source: ReportSource): string {
  return source.probe === undefined
    ? `${source.file}#${source.index}`
    : `${source.file} ${source.probe} (#${source.index})`;
}
