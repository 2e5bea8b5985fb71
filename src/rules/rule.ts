import type { DecodedBody } from "../decode/decoded-body.js";
import type { HeaderMap, RawExchange } from "../model/exchange.js";
import type { Finding, Severity } from "../model/finding.js";
import type { ExchangeIdentity } from "../providers/detect-exchange.js";
import type { Dialect, DialectSpec, Outcome } from "../providers/dialect.js";
import type { CodeTables } from "../schemas/code-tables.js";
import type { SchemaRegistry } from "../schemas/schema-registry.js";

/** What every rule knows about the exchange it judges. */
export interface RuleContext {
  exchange: RawExchange;
  identity: ExchangeIdentity;
  spec: DialectSpec;
  status: number;
  responseHeaders: HeaderMap;
  decoded: DecodedBody;
  /** The decoded body; undefined when it did not decode (body-parseable then reports why). */
  body: unknown;
  xmlRoot: string | undefined;
  outcome: Outcome;
  schemas: SchemaRegistry;
  codes: CodeTables;
}

/** Values a finding's message is made from, for programs (as ajv's `params`). */
export type FindingData = Record<string, string | number | boolean | null>;

/**
 * A finding as a rule writes it; the engine adds the rule id and the configured severity. `messageId`
 * names one of the rule's `meta.messages` (as ESLint's rules do), and `data` holds the values its text was
 * made from, so that tests and baselines need not match English text.
 */
export type FindingDraft = Omit<Finding, "rule" | "severity"> & {
  severity?: Severity;
  messageId?: string;
  data?: FindingData;
};

export interface RuleMeta {
  id: string;
  /** Default severity; conformance.config.json may change it or turn the rule off. */
  severity: Severity;
  dialects: readonly Dialect[];
  description: string;
  /** The document and the sentence the rule enforces. */
  source: { document: string; quote: string };
  /** Where the documents disagree or are silent: what the rule decides, and the evidence. */
  decision?: string;
  /** Every message the rule writes, by messageId: a template whose {{name}} come from a finding's data. */
  messages?: Record<string, string>;
  /**
   * What the rule judges: the response alone; the decoded body (not run when it did not decode); or a
   * success or error envelope (not run either when the body is neither: envelope-shape reports that once).
   */
  needs: "response" | "body" | "envelope";
}

/**
 * One documented requirement, in the style of an ESLint rule module: metadata next to the check. `check`
 * returns the findings, none when the exchange complies, or `NOT_APPLICABLE` when the requirement does not
 * concern this exchange (it is then not counted as checked).
 */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): FindingDraft[] | typeof NOT_APPLICABLE;
}

export const NOT_APPLICABLE = null;

export const ALL_DIALECTS: readonly Dialect[] = ["tencent", "alibaba", "zenlayer"];
