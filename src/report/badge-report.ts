import type { ConformanceReport } from "../types/generated/report.js";
import type { ReportContext, Reporter } from "./reporter.js";

/** shields.io's endpoint format (https://shields.io/badges/endpoint-badge). */
export interface ShieldsEndpoint {
  schemaVersion: 1;
  label: string;
  message: string;
  color: "brightgreen" | "green" | "yellow" | "orange" | "red" | "lightgrey";
}

/** The score as a person reads it: at most two decimals, no trailing zeros ("100%", "98.5%", "97.25%"). */
export function scoreMessage(score: number): string {
  return `${Number(score.toFixed(2))}%`;
}

/**
 * The badge for a report. Colour by score: brightgreen at 100 with no failed exchange and no transport
 * failure, green ≥ 95, yellow ≥ 80, orange ≥ 50, red below. An incomplete report says "incomplete", and a
 * report that checked nothing "no exchanges", both lightgrey. A failed gate verdict makes any badge red.
 */
export function badge(report: ConformanceReport, context: ReportContext = {}): ShieldsEndpoint {
  const { score, failed, checked, transportFailures } = report.summary;
  let message: string;
  let color: ShieldsEndpoint["color"];
  if (!report.complete) {
    message = "incomplete";
    color = "lightgrey";
  } else if (checked === 0) {
    message = "no exchanges";
    color = "lightgrey";
  } else {
    message = scoreMessage(score);
    if (score >= 100 && failed === 0 && transportFailures === 0) color = "brightgreen";
    else if (score >= 95) color = "green";
    else if (score >= 80) color = "yellow";
    else if (score >= 50) color = "orange";
    else color = "red";
  }
  if (context.verdict && !context.verdict.passed) color = "red";
  return { schemaVersion: 1, label: "conformance", message, color };
}

export const badgeReporter: Reporter = {
  name: "badge",
  file: "badge.json",
  description: "a shields.io endpoint badge: the score, coloured by it",
  render: (report, context) => `${JSON.stringify(badge(report, context))}\n`,
};
