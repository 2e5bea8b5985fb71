// What the HAR scanner's tests share: feeding chunks to a scanner, a seeded PRNG and random splits.
import { HarEntryScanner, type HarScanEvent } from "../../src/sources/har-entry-scanner.js";

export const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** Feeds `chunks` to a fresh scanner and returns every event, finish() included. */
export function scan(
  chunks: string[],
  maxEntryLength = UNLIMITED,
  keep?: (index: number) => boolean,
): HarScanEvent[] {
  const scanner = new HarEntryScanner(maxEntryLength, keep);
  return [...chunks.flatMap((chunk) => scanner.scan(chunk)), ...scanner.finish()];
}

/** Small deterministic PRNG (mulberry32), so that a failing case can be reproduced. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `text` cut into chunks of 1 to `maxChunk` characters. */
export function splitRandomly(text: string, next: () => number, maxChunk: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(next() * maxChunk);
    chunks.push(text.slice(i, i + size));
    i += size;
  }
  return chunks;
}

const SCALARS = [0, -1.5, 2e10, 1.25e-3, 123456789, 1e-7, true, false, null];

/** A random JSON value with strings from `randomString`; below `deepAt` levels it holds no containers. */
export function randomValue(
  next: () => number,
  randomString: (next: () => number) => string,
  deepAt: number,
  depth = 0,
): unknown {
  switch (Math.floor(next() * (depth > deepAt ? 3 : 5))) {
    case 0:
    case 2:
      return randomString(next);
    case 1:
      return SCALARS[Math.floor(next() * SCALARS.length)];
    case 3:
      return Array.from({ length: Math.floor(next() * 4) }, () =>
        randomValue(next, randomString, deepAt, depth + 1),
      );
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 4) }, () => [
          randomString(next),
          randomValue(next, randomString, deepAt, depth + 1),
        ]),
      );
  }
}
