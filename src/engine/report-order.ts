import type { MatrixCell, ReportInputError, ReportSource } from "../types/generated/report.js";

/**
 * The order of a report's lists, so that a whole run and the merge of its shards list the same entries in
 * the same order.
 */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** By file (or target), entry index, then call. */
export function bySource(a: ReportSource, b: ReportSource): number {
  return compare(a.file, b.file) || a.index - b.index || compare(a.probe ?? "", b.probe ?? "");
}

/** By dialect, product, action, then rule. */
export function byCell(a: MatrixCell, b: MatrixCell): number {
  return (
    compare(a.dialect, b.dialect) ||
    compare(a.product, b.product) ||
    compare(a.action, b.action) ||
    compare(a.rule, b.rule)
  );
}

/** By file, entry index (a whole-file error first), then message. */
export function byInputError(a: ReportInputError, b: ReportInputError): number {
  return compare(a.file, b.file) || (a.index ?? -1) - (b.index ?? -1) || compare(a.message, b.message);
}

/**
 * The first `limit` items by `order` of everything offered, in bounded memory, whatever the order they are
 * offered in (group rules finish late, files and workers interleave): a max-heap of at most `limit` items,
 * whose top is the last kept one. An item after it is counted as omitted at once; an item before it takes
 * its place, and the top is counted as omitted instead. So `sorted()` is exactly the first `limit` items
 * of the whole, and `omitted` the number of the others.
 */
export class FirstInOrder<T> {
  private readonly heap: T[] = [];
  private dropped = 0;

  constructor(
    readonly limit: number,
    private readonly order: (a: T, b: T) => number,
  ) {}

  /** Offers an item; returns the item that no longer fits (the offered one, or the one it displaced). */
  offer(item: T): T | undefined {
    const { heap } = this;
    if (heap.length < this.limit) {
      heap.push(item);
      this.up(heap.length - 1);
      return undefined;
    }
    this.dropped++;
    const top = heap[0];
    if (top === undefined || this.order(item, top) >= 0) return item;
    heap[0] = item;
    this.down(0);
    return top;
  }

  /** How many items were offered and not kept. */
  get omitted(): number {
    return this.dropped;
  }

  get size(): number {
    return this.heap.length;
  }

  /** The kept items, in order. */
  sorted(): T[] {
    return [...this.heap].sort(this.order);
  }

  private up(i: number): void {
    const { heap, order } = this;
    const item = heap[i] as T;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (order(heap[parent] as T, item) >= 0) break;
      heap[i] = heap[parent] as T;
      i = parent;
    }
    heap[i] = item;
  }

  private down(i: number): void {
    const { heap, order } = this;
    const item = heap[i] as T;
    const n = heap.length;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && order(heap[child + 1] as T, heap[child] as T) > 0) child++;
      if (order(heap[child] as T, item) <= 0) break;
      heap[i] = heap[child] as T;
      i = child;
    }
    heap[i] = item;
  }
}

/**
 * Counts by key for at most `limit` distinct keys (the first in code-unit order), in bounded memory: the
 * counts of the other keys are summed in `other`. A key's count is exact whenever it is kept: a key
 * displaced by a smaller one can never again be among the first `limit`.
 */
export class CountsByKey {
  private readonly counts = new Map<string, number>();
  private readonly keys: FirstInOrder<string>;
  private otherCount = 0;

  constructor(limit: number) {
    this.keys = new FirstInOrder(limit, compare);
  }

  add(key: string, count = 1): void {
    const known = this.counts.get(key);
    if (known !== undefined) {
      this.counts.set(key, known + count);
      return;
    }
    const out = this.keys.offer(key);
    if (out === key) {
      this.otherCount += count;
      return;
    }
    this.counts.set(key, count);
    if (out !== undefined) {
      this.otherCount += this.counts.get(out) ?? 0;
      this.counts.delete(out);
    }
  }

  /** The kept counts, keys in code-unit order. */
  entries(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort(compare)) out[key] = this.counts.get(key) as number;
    return out;
  }

  get other(): number {
    return this.otherCount;
  }
}
