/**
 * Whether a decoded value nests deeper than `limit` objects/arrays. Iterative, because the validators and
 * JSON.stringify recurse and a hostile body (100,000 levels) would overflow the stack.
 */
export function exceedsDepth(root: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== "object") continue;
    if (depth > limit) return true;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}
