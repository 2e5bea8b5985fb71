import zlib from "node:zlib";
import { expect } from "chai";
import { decodeContent } from "../../src/proxy/decode-content.js";

describe("decoding a body the proxy passed on (src/proxy/decode-content.ts)", () => {
  const text = JSON.stringify({ Response: { RequestId: "r" } });

  it("undoes gzip, deflate and br, and a chain of them in reverse order", () => {
    expect(decodeContent(zlib.gzipSync(text), "gzip", 1e6)).to.deep.equal({ ok: true, text });
    expect(decodeContent(zlib.deflateSync(text), "deflate", 1e6)).to.deep.equal({ ok: true, text });
    expect(decodeContent(zlib.brotliCompressSync(text), "br", 1e6)).to.deep.equal({ ok: true, text });
    const chained = zlib.brotliCompressSync(zlib.gzipSync(text));
    expect(decodeContent(chained, "gzip, br", 1e6)).to.deep.equal({ ok: true, text });
    expect(decodeContent(Buffer.from(text), "identity", 1e6)).to.deep.equal({ ok: true, text });
  });

  it("never inflates past the cap (a small body that decodes to a huge one)", () => {
    const bomb = zlib.gzipSync(Buffer.alloc(10_000_000));
    expect(bomb.length).to.be.below(20_000);
    const decoded = decodeContent(bomb, "gzip", 1_000_000);
    expect(decoded).to.deep.equal({
      ok: false,
      reason: "response body decodes to more than 1000000 bytes (--max-body-bytes)",
    });
  });

  it("an unknown encoding is a reason, not a guess", () => {
    expect(decodeContent(Buffer.from(text), "zstd", 1e6)).to.deep.equal({
      ok: false,
      reason: 'response Content-Encoding "zstd" is not one the proxy decodes',
    });
  });
});
