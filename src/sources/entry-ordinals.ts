import { inShard, type Shard } from "../model/shard.js";

/**
 * The running count of a run's entries, and which of them one shard owns. An entry is a HAR entry of
 * `log.entries` or a non-blank NDJSON line; its ordinal is its place among every entry of every file of the
 * run, in reading order, malformed ones included (an entry that cannot become an exchange counts once and
 * belongs to one shard, like any other). What is not an entry takes no ordinal: a blank line, a file that
 * cannot be read, and what follows the place where a HAR file breaks off or stops being valid JSON.
 *
 * One is made per run and shared by the readers of its files, which read one file after another: each
 * reader counts the entries as it finds their boundaries and reads (parses, validates, yields) only those
 * this shard owns; the others are passed over unparsed and yield nothing.
 */
export class EntryOrdinals {
  private counted = 0;

  constructor(readonly shard: Shard) {}

  /** Entries counted so far: the ordinal the next entry will take. */
  get next(): number {
    return this.counted;
  }

  /** Whether this shard owns the entry at `ordinal`. */
  owns(ordinal: number): boolean {
    return inShard(ordinal, this.shard);
  }

  /** Counts the next entry of the run; returns whether this shard owns it. */
  count(): boolean {
    return this.owns(this.counted++);
  }
}
