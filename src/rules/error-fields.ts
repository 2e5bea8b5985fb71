import { resolvePointer } from "../model/json-pointer.js";
import type { RuleContext } from "./rule.js";

/** The error code of an error body, when it is a non-empty string. */
export function errorCode({ spec, body }: RuleContext): string | undefined {
  const code = resolvePointer(body, spec.errorCodePointer);
  return typeof code === "string" && code.trim() !== "" ? code : undefined;
}
