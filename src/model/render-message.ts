import type { FindingData } from "./finding.js";

/** `{{name}}` or `{{name|json}}`, spaces allowed inside the braces. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_$][\w$]*)\s*(?:\|\s*(json)\s*)?\}\}/g;

/**
 * A message template filled from a finding's data, as ESLint fills `meta.messages`: `{{name}}` is
 * replaced by `String(data.name)`, `{{name|json}}` by `JSON.stringify(data.name)` (a quoted, escaped
 * string), so that `data` keeps the raw value for programs while the text quotes it for people. A name
 * that `data` lacks is left as written, as ESLint does.
 */
export function renderMessage(template: string, data: FindingData = {}): string {
  return template.replace(PLACEHOLDER, (placeholder, name: string, filter: string | undefined) => {
    if (!Object.hasOwn(data, name)) return placeholder;
    const value = data[name];
    return filter === "json" ? JSON.stringify(value) : String(value);
  });
}

/**
 * What a finding says, made from one of its rule's messages: `messageId`, `data` and the rendered
 * `message`, to spread into a FindingDraft. `messages` is the rule's `meta.messages`, so that a messageId
 * the rule does not declare does not compile.
 */
export function ruleMessage<Messages extends Readonly<Record<string, string>>>(
  messages: Messages,
  messageId: keyof Messages & string,
  data: FindingData = {},
): { message: string; messageId: string; data: FindingData } {
  return { message: renderMessage(messages[messageId] as string, data), messageId, data };
}
