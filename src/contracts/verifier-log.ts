import { stripVTControlCharacters } from "node:util";

/** The text without the ANSI colour codes that pact's native verifier writes whatever its output is. */
export function stripAnsi(text: string): string {
  return stripVTControlCharacters(text);
}

/** "1) Verifying a pact between sdk and zenlayer-bmc Given … - DESCRIPTION": a failure's heading. */
const FAILURE_HEADING = /^\d+\) Verifying a pact between /;
const SECTION_END =
  /^(\d+\) Verifying a pact between |There were \d+ pact failures|Verifying a pact between )/;

/**
 * The section of the verifier's report (colour codes removed) that explains why `description` of
 * `provider`'s pact failed: from its numbered heading under "Failures:" to the next heading. Empty when
 * the report has none (the verifier did not get that far).
 */
export function failureSection(log: string, provider: string, description: string): string {
  const lines = stripAnsi(log).split(/\r?\n/);
  const start = lines.findIndex(
    (line) =>
      FAILURE_HEADING.test(line) && line.includes(` and ${provider} `) && line.endsWith(` - ${description}`),
  );
  if (start < 0) return "";
  let end = start + 1;
  while (end < lines.length && !SECTION_END.test(lines[end] ?? "")) end++;
  return lines.slice(start, end).join("\n").replace(/\s+$/, "");
}
