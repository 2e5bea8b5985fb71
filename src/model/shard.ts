/** `--shard i/n`: this process judges the i-th of n deterministic slices of the run (1-based). */
export interface Shard {
  index: number;
  total: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) {
    throw new Error(`--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), got ${JSON.stringify(text)}`);
  }
  return { index, total };
}

/** Whether the unit at `ordinal` (0-based, in the run's fixed order) belongs to `shard`. */
export function inShard(ordinal: number, shard: Shard | undefined): boolean {
  return shard === undefined || ordinal % shard.total === shard.index - 1;
}
