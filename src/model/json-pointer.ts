/** RFC 6901 helpers over decoded bodies. */

export function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => `/${escapeToken(String(t))}`).join("");
}

/**
 * The pointers split so far: the rules resolve the same few pointers (/Response/RequestId, /Code, …) on
 * every exchange, and splitting them each time was a twentieth of a check's time. Bounded: emptied when
 * full (pointers with array indices vary).
 */
const SPLIT = new Map<string, readonly string[]>();
const SPLIT_LIMIT = 4096;

/** The tokens of a pointer. The array is shared between calls: do not change it. */
export function splitPointer(pointer: string): readonly string[] {
  if (pointer === "") return [];
  let tokens = SPLIT.get(pointer);
  if (tokens === undefined) {
    const parts = pointer.slice(1).split("/");
    tokens = pointer.includes("~") ? parts.map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~")) : parts;
    if (SPLIT.size >= SPLIT_LIMIT) SPLIT.clear();
    SPLIT.set(pointer, tokens);
  }
  return tokens;
}

/** The value at `pointer`, or undefined when any step is missing. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const token of splitPointer(pointer)) {
    if (node === null || typeof node !== "object") return undefined;
    if (!Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
