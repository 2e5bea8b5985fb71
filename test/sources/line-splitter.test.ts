import { expect } from "chai";
import { type LineEvent, LineSplitter } from "../../src/sources/line-splitter.js";

/** Every event of `chunks` split with a limit of `maxLength`, the finish included. */
function split(chunks: string[], maxLength = 100): LineEvent[] {
  const splitter = new LineSplitter(maxLength);
  return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.finish()];
}

const line = (index: number, text: string): LineEvent => ({ type: "line", index, text });

describe("LineSplitter", () => {
  it("splits on LF and CRLF, across chunk boundaries, with a last line without a line end", () => {
    expect(split(["ab", "c\r", "\nd\n\n", "e"])).to.deep.equal([
      line(0, "abc"),
      line(1, "d"),
      line(2, ""),
      line(3, "e"),
    ]);
  });

  it("has no last line when the text ends with a line end, and none at all for no text", () => {
    expect(split(["a\n"])).to.deep.equal([line(0, "a")]);
    expect(split([])).to.deep.equal([]);
    expect(split(["", ""])).to.deep.equal([]);
  });

  it("keeps a line of exactly the limit", () => {
    expect(split(["x".repeat(5), "\ny"], 5)).to.deep.equal([line(0, "xxxxx"), line(1, "y")]);
  });

  it("reports a longer line once, as soon as it crosses the limit, and resumes after its end", () => {
    const splitter = new LineSplitter(5);
    expect(splitter.push("ok\nxxx")).to.deep.equal([line(0, "ok")]);
    // The line crosses the limit in this chunk: reported now, before its end is known.
    expect(splitter.push("xxx")).to.deep.equal([{ type: "oversized-line", index: 1 }]);
    expect(splitter.push("x".repeat(1000))).to.deep.equal([]);
    expect(splitter.push("xx\nnext\n")).to.deep.equal([line(2, "next")]);
    expect(splitter.finish()).to.deep.equal([]);
  });

  it("reports a longer line that ends in the chunk it crosses the limit in, and one that never ends", () => {
    expect(split(["a\n123456\nb"], 5)).to.deep.equal([
      line(0, "a"),
      { type: "oversized-line", index: 1 },
      line(2, "b"),
    ]);
    expect(split(["123", "456"], 5)).to.deep.equal([{ type: "oversized-line", index: 0 }]);
  });
});
