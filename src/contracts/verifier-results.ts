import type { PactFileSummary } from "./contract-file.js";

export interface InteractionVerdict {
  description: string;
  states: string[];
  /** The HTTP status the contract expects (its response's status). */
  status: number;
  passed: boolean;
  /** The verifier's words for a failure; empty when it passed. */
  message: string;
}

/** One mismatch of the verifier's summary: a body's has the JSON path, a header's the header name. */
interface VerifierMismatch {
  mismatch?: string;
  path?: string;
  key?: string;
  type?: string;
}

/** A mismatch as Pact's own report words it: "$.Message -> Expected …", "header x-acs-request-id -> …". */
function describeMismatch(m: VerifierMismatch): string | undefined {
  if (!m.mismatch) return undefined;
  if (m.type === "BodyMismatch" && m.path) return `${m.path} -> ${m.mismatch}`;
  if (m.type === "HeaderMismatch" && m.key && !m.mismatch.includes(m.key))
    return `header ${m.key} -> ${m.mismatch}`;
  return m.mismatch;
}

interface VerifierJson {
  errors?: { interaction?: string; mismatch?: { message?: string; mismatches?: VerifierMismatch[] } }[];
  interactionResults?: { description?: string; result?: string }[];
}

function parse(output: string): VerifierJson | undefined {
  try {
    const value = JSON.parse(output) as unknown;
    return value !== null && typeof value === "object" ? (value as VerifierJson) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Per-interaction verdicts from what pact's Verifier returned (its JSON summary, on success or in the
 * rejection's message): an interaction passes when its result is OK; a failure carries the mismatches.
 */
export function interactionVerdicts(
  pact: PactFileSummary,
  output: string,
  ok: boolean,
): InteractionVerdict[] {
  const summary = parse(output);
  return pact.interactions.map(({ description, states, status }) => {
    if (!summary) return { description, states, status, passed: ok, message: ok ? "" : output };
    const result = summary.interactionResults?.find((r) => r.description === description)?.result;
    const errors = (summary.errors ?? []).filter((e) => e.interaction?.endsWith(` - ${description}`));
    const message = errors
      .flatMap((e) => {
        const mismatches = e.mismatch?.mismatches?.flatMap((m) => describeMismatch(m) ?? []) ?? [];
        return mismatches.length > 0 ? mismatches : [e.mismatch?.message ?? "failed"];
      })
      .join("; ");
    const passed = errors.length === 0 && (result === undefined ? ok : result === "OK");
    return {
      description,
      states,
      status,
      passed,
      message: passed ? "" : message || `verifier result: ${result ?? "none"}`,
    };
  });
}
