import type { ReportFinding } from "../types/generated/report.js";

/**
 * A rule's verdict on one exchange, in the spirit of ajv's error objects: readable by a program and a
 * person. Its shape is the report's (schemas/report.schema.json, definitions/finding).
 */
export type Finding = ReportFinding;
export type Severity = Finding["severity"];

/** Values a finding's message is made from, for programs (as ajv's `params`). */
export type FindingData = Record<string, string | number | boolean | null>;
