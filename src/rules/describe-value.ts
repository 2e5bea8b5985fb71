/** A short, single-line rendering of a body value for a finding's expected/actual. */
export function describeValue(value: unknown, max = 120): string {
  if (value === undefined) return "(absent)";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
