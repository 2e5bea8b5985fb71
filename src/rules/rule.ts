import type { DecodedBody } from "../decode/decoded-body.js";
import type { HeaderMap, RawExchange } from "../model/exchange.js";
import type { Finding, FindingData, Severity } from "../model/finding.js";
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

export type { FindingData };

/**
 * A finding as a rule writes it; the engine adds the rule id and the configured severity. `messageId`
 * names one of the rule's `meta.messages` (as ESLint's rules do), and `data` holds the values its text was
 * made from, so that tests and baselines need not match English text.
 *
 * The convention every rule follows (test/rules check it over every finding the rule tests draw):
 * - Every finding carries `messageId` and `data` (`{}` when the text has no variable part), and its
 *   `message` is `renderMessage(meta.messages[messageId], data)` (render-message.ts): write
 *   `...ruleMessage(MESSAGES, "id", data)` into the draft, never the text itself.
 * - messageIds are lowerCamelCase and say what is wrong (`missing`, `notString`, `unknownCode`); they are a
 *   public interface like rule ids: never renamed or reused for another meaning. A message whose text
 *   changes keeps its id; a finding that means something else gets a new one.
 * - Templates keep today's text; `{{name}}` inserts `String(data.name)`, `{{name|json}}` inserts
 *   `JSON.stringify(data.name)` (where the text quotes a value, data keeps it raw). A part of the text
 *   that appears only sometimes is a message of its own, not an empty placeholder.
 * - `data` values are scalars (string, number, boolean, null): raw values a program can use (a code, a
 *   status as a number, a pointer), or for an arbitrary body value its describeValue() text.
 * - Schema findings (schema-findings.ts) are `schema.` + ajv's keyword (`schema.required`, `schema.type`,
 *   `schema.additionalProperties`, …), with ajv's params as data; see SCHEMA_MESSAGES there.
 */
export type FindingDraft = Omit<Finding, "rule" | "severity"> & {
  severity?: Severity;
  messageId: string;
  data: FindingData;
};

export interface RuleMeta {
  id: string;
  /** Default severity; conformance.config.json may change it or turn the rule off. */
  severity: Severity;
  /** Off unless conformance.config.json gives it a severity (then `severity` is what "on" means in docs). */
  offByDefault?: boolean;
  dialects: readonly Dialect[];
  description: string;
  /** The document and the sentence the rule enforces. */
  source: { document: string; quote: string };
  /** Where the documents disagree or are silent: what the rule decides, and the evidence. */
  decision?: string;
  /**
   * Every message the rule writes, by messageId: a template whose {{name}} (or {{name|json}}) come from a
   * finding's data. See FindingDraft for the convention.
   */
  messages: Readonly<Record<string, string>>;
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
