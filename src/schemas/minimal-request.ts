import type { Dialect } from "../providers/dialect.js";
import { type ActionsDocuments, actionsDocuments, type RequestDescription } from "./actions-documents.js";

/**
 * The smallest request a description accepts: every required parameter with its example (the documented
 * one, or a plain value of its type: `x-requests` in docs/schemas.md). Empty where nothing is required.
 */
export function minimalParameters(description: RequestDescription | undefined): Record<string, unknown> {
  const properties = description?.properties ?? {};
  return Object.fromEntries(
    (description?.required ?? []).map((name) => [name, properties[name]?.examples?.[0] ?? "x"]),
  );
}

/**
 * The minimal request of `action` as the actions document of the product describes it (`version` else the
 * newest that has the action); empty when no document describes it.
 */
export function minimalRequest(
  dialect: Dialect,
  product: string,
  action: string,
  version?: string,
  documents: ActionsDocuments = actionsDocuments(),
): Record<string, unknown> {
  const document = documents.describing(dialect, product, action, version);
  return minimalParameters(document?.requests[action]);
}
