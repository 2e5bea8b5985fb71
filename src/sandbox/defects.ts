/**
 * The sandbox's deliberate defects (`conformance sandbox --defect NAME`). Each breaks exactly one
 * documented rule, so that a run against a defective sandbox proves the rule catches what it claims to.
 */
export interface DefectInfo {
  name: string;
  /** The rule id (docs/rules.md, DESIGN.md) that must report the defect. */
  rule: string;
  description: string;
}

export const DEFECTS = [
  {
    name: "missing-message",
    rule: "error-code-message",
    description: "error bodies carry no Message (Tencent Error.Message, Alibaba Message, Zenlayer message)",
  },
  {
    name: "missing-request-id",
    rule: "request-id-present",
    description: "no request ID in any body (nor in the X-TC-RequestId / x-acs-request-id header)",
  },
  {
    name: "wrong-status-for-code",
    rule: "status-code-table",
    description:
      "Alibaba errors whose code has a documented status come with another status of the same class (KMS InvalidAccessKeyId.NotFound with 400, ESS codes with 404); KMS HttpStatus follows it",
  },
  {
    name: "tencent-error-4xx",
    rule: "status-outcome",
    description: "Tencent error envelopes come with HTTP 400 instead of 200",
  },
  {
    name: "kms-httpstatus-mismatch",
    rule: "status-body-consistent",
    description: "KMS error bodies carry an HttpStatus that differs from the HTTP status",
  },
  {
    name: "zenlayer-request-id-mismatch",
    rule: "request-id-consistent",
    description: "Zenlayer successes carry an inner response.requestId that differs from the outer requestId",
  },
  {
    name: "wrong-content-type",
    rule: "content-type-consistent",
    description: "every answer says Content-Type text/html;charset=utf-8 whatever its body",
  },
  {
    name: "wrong-xml-root",
    rule: "xml-root",
    description: "Alibaba XML answers (success and error) use the root element <Response>",
  },
  {
    name: "json-xml-disagree",
    rule: "format-parity",
    description:
      "Alibaba XML successes carry other data than the JSON answer to the same call (TotalCount + 1, or a changed value)",
  },
  {
    name: "probe-wrong-code",
    rule: "probe-expected-code",
    description:
      "bad-signature probes are answered with InvalidParameter (Tencent; Alibaba, HTTP 400) or INVALID_PARAMETER (Zenlayer, 400)",
  },
  {
    name: "missing-host-id",
    rule: "error-host-id",
    description:
      "Alibaba error bodies carry no HostId (an error for ESS; KMS documents it loosely, a warning)",
  },
  {
    name: "malformed-request-id",
    rule: "request-id-format",
    description:
      "request IDs lose their usual shape: UUIDs without dashes (Tencent, Alibaba), no T prefix (Zenlayer); headers agree",
  },
  {
    name: "count-as-string",
    rule: "action-schema",
    description:
      "success counts are JSON strings: Tencent TotalCount, ESS TotalCount/PageNumber/PageSize, Zenlayer totalCount",
  },
  {
    name: "truncated-body",
    rule: "body-parseable",
    description: "every body is cut off in the middle, so it parses neither as JSON nor as XML",
  },
] as const satisfies readonly DefectInfo[];

export type DefectName = (typeof DEFECTS)[number]["name"];

export const DEFECT_NAMES: readonly DefectName[] = DEFECTS.map((d) => d.name);

export function isDefectName(value: string): value is DefectName {
  return (DEFECT_NAMES as readonly string[]).includes(value);
}
