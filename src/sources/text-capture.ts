/**
 * Collects one stretch of a text that arrives in chunks (a HAR entry, a property name), up to a length
 * limit. Past the limit it stops keeping text and only counts, so memory does not grow with the stretch.
 * A stretch started with `keep` false is only counted from the start (a HAR entry another shard owns).
 */
export class TextCapture {
  private parts: string[] = [];
  private startInChunk = 0;
  private keptLength = 0;
  private keep = true;
  /** Characters captured so far, whether or not they were kept. */
  length = 0;
  overflowed = false;
  active = false;

  constructor(private readonly maxLength: number) {}

  /** Starts capturing at `index` of the current chunk; with `keep` false, only its length is counted. */
  start(index: number, keep = true): void {
    this.keep = keep;
    this.parts = [];
    this.startInChunk = index;
    this.keptLength = 0;
    this.length = 0;
    this.overflowed = false;
    this.active = true;
  }

  /** Keeps the rest of the current chunk: call it when the chunk ends while capturing. */
  endOfChunk(chunk: string): void {
    this.append(chunk, chunk.length);
    this.startInChunk = 0;
  }

  /** Ends the capture just before `endIndex` of the current chunk; undefined when it overflowed or was not kept. */
  finish(chunk: string, endIndex: number): string | undefined {
    this.append(chunk, endIndex);
    this.active = false;
    const text = this.overflowed || !this.keep ? undefined : this.parts.join("");
    this.parts = [];
    return text;
  }

  private append(chunk: string, endIndex: number): void {
    const added = endIndex - this.startInChunk;
    this.length += added;
    if (this.overflowed || !this.keep) return;
    if (this.keptLength + added > this.maxLength) {
      this.overflowed = true;
      this.parts = [];
      this.keptLength = 0;
      return;
    }
    this.parts.push(chunk.slice(this.startInChunk, endIndex));
    this.keptLength += added;
  }
}
