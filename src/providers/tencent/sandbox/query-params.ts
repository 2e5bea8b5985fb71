function define(container: object, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Segments that could reach Object.prototype. */
const UNSAFE_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * GET parameters as TC3 sends them (tencentcloud-sdk-nodejs flattens `InstanceIds: [a, b]` to
 * `InstanceIds.0=a&InstanceIds.1=b`), turned back into the JSON shape. A name with a segment that could
 * reach Object.prototype, or an index of 1000 or more, stays flat (and is refused as unknown).
 */
export function unflattenQuery(query: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of query) {
    const split = name.split(".");
    const unsafe = split.some((s) => UNSAFE_SEGMENTS.has(s) || (/^\d+$/.test(s) && Number(s) >= 1000));
    const path = unsafe ? [name] : split;
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i] as string;
      const key: string | number = Array.isArray(node) && /^\d+$/.test(segment) ? Number(segment) : segment;
      const container = node as Record<string | number, unknown>;
      if (i === path.length - 1) {
        define(container, key, value);
        break;
      }
      const nextIsIndex = /^\d+$/.test(path[i + 1] as string);
      const existing = Object.hasOwn(container, key) ? container[key] : undefined;
      const next = typeof existing === "object" && existing !== null ? existing : nextIsIndex ? [] : {};
      define(container, key, next);
      node = next as Record<string, unknown> | unknown[];
    }
  }
  return root;
}
