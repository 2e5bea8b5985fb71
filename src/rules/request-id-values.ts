import { resolvePointer } from "../model/json-pointer.js";
import type { Located } from "../providers/dialect.js";
import type { RuleContext } from "./rule.js";

/** Every place the body should carry the request ID, with what is there (possibly undefined). */
export function requestIdSlots({ spec, outcome, body }: RuleContext): Located[] {
  return spec
    .requestIdPointers(outcome)
    .map((pointer) => ({ pointer, value: resolvePointer(body, pointer) }));
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}
