import { expect } from "chai";
import { TextCapture } from "../../src/sources/text-capture.js";

describe("TextCapture", () => {
  it("joins a stretch that spans chunks", () => {
    const capture = new TextCapture(100);
    capture.start(3);
    capture.endOfChunk("abcdef");
    capture.endOfChunk("ghi");
    expect(capture.finish("jklmn", 2)).to.equal("defghijk");
    expect(capture.length).to.equal(8);
    expect(capture.active).to.equal(false);
  });

  it("keeps nothing past the limit but keeps counting", () => {
    const capture = new TextCapture(4);
    capture.start(0);
    capture.endOfChunk("abc");
    capture.endOfChunk("def");
    expect(capture.overflowed).to.equal(true);
    expect(capture.finish("ghi", 3)).to.equal(undefined);
    expect(capture.length).to.equal(9);
  });

  it("starts afresh after an overflow", () => {
    const capture = new TextCapture(4);
    capture.start(0);
    capture.finish("abcdefgh", 8);
    capture.start(1);
    expect(capture.finish("xyz", 3)).to.equal("yz");
  });

  it("a stretch not to keep is only counted, whatever its length, and the next one is kept again", () => {
    const capture = new TextCapture(4);
    capture.start(1, false);
    capture.endOfChunk("abcdef");
    expect(capture.overflowed).to.equal(false);
    expect(capture.finish("ghi", 2)).to.equal(undefined);
    expect(capture.length).to.equal(7);
    capture.start(2);
    expect(capture.finish("ghij", 4)).to.equal("ij");
  });
});
