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

interface VerifierJson {
  errors?: { interaction?: string; mismatch?: { message?: string; mismatches?: { mismatch?: string }[] } }[];
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
        const mismatches = e.mismatch?.mismatches?.flatMap((m) => (m.mismatch ? [m.mismatch] : [])) ?? [];
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
