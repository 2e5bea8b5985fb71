import { expect } from "chai";
import { decodeJson } from "../../src/decode/decode-json.js";

describe("decodeJson: nesting at the limit", () => {
  const nested = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);

  for (const maxDepth of [1, 2, 8, 256]) {
    it(`accepts the shortest text nested ${maxDepth} deep and refuses one a level deeper (maxDepth ${maxDepth})`, () => {
      for (const [open, close] of [
        ["[", "]"],
        ['{"a":', "}"],
      ] as const) {
        const at = nested(maxDepth, open, close).replace(/:}/, ":1}");
        const beyond = nested(maxDepth + 1, open, close).replace(/:}/, ":1}");
        expect(decodeJson(at, { maxDepth }).ok, at).to.equal(true);
        expect(decodeJson(beyond, { maxDepth }), beyond).to.deep.include({ ok: false });
      }
    });
  }
});
