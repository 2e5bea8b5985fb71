import { expect } from "chai";
import { random, randomValue, scan, splitRandomly, UNLIMITED } from "./har-scan-support.js";

// The scanner reads the values nested inside an entry on a fast path and leaves every token it is not sure of
// (cut by a chunk's end, malformed, the entry's own end) to its general path. These tests hold the two to the
// same results: a text given whole goes mostly through the fast path, one character at a time mostly not.

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

const STRING_PIECES = ['"', "\\", "\\\\", '\\"', "]", "}", "{", ",", ":", "é", "😀", "\n", "a", " "];

function randomString(next: () => number): string {
  return Array.from({ length: Math.floor(next() * 6) }, () => pick(next, STRING_PIECES)).join("");
}

/** A random JSON value of this file's strings. */
const valueAt = (next: () => number, depth: number) => randomValue(next, randomString, 6, depth);

const EDITS = [
  '"',
  "\\",
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  " ",
  "\n",
  "1",
  "0",
  "-",
  "e",
  "x",
  "01",
  "tru",
  "1.",
  "\uFEFF",
];

/** `text` with a few characters deleted, inserted or replaced: mostly broken JSON. */
function damaged(text: string, next: () => number): string {
  let out = text;
  for (let edits = 1 + Math.floor(next() * 2); edits > 0; edits--) {
    const at = Math.floor(next() * out.length);
    const piece = pick(next, EDITS);
    const kind = Math.floor(next() * 3);
    const skip = kind === 1 ? 0 : 1;
    out = out.slice(0, at) + (kind === 0 ? "" : piece) + out.slice(at + skip);
  }
  return next() < 0.1 ? out.slice(0, Math.floor(next() * out.length)) : out;
}

describe("HarEntryScanner's fast path inside entries", () => {
  const entries = [
    {
      request: { headers: [{ name: "a", value: "x\\" }], n: [1, -2.5e-3, 0, true, false, null, []] },
      response: { content: { text: '{\\"Response\\":{\\"Error\\":\\"\\\\\\"}}', size: -1 }, deep: [[[{}]]] },
    },
    { a: "\\\\", b: '\\\\\\"', c: "", d: { "": ["", "\\", '"'] }, e: "😀é中" },
    { body: `${"\\".repeat(7)}"${"\\".repeat(8)}`, tail: 1234567890123.5e-7 },
  ];
  const har = { log: { version: "1.2", entries } };
  const texts = { compact: JSON.stringify(har), pretty: JSON.stringify(har, null, 2) };

  for (const [layout, text] of Object.entries(texts)) {
    const whole = scan([text]);

    it(`gives the same events and texts however a ${layout} file is cut in two`, () => {
      expect(whole.map((event) => event.type === "entry" && JSON.parse(event.text))).to.deep.equal(entries);
      for (let cut = 0; cut <= text.length; cut++) {
        expect(scan([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).to.deep.equal(whole);
      }
    });

    it(`gives the same events however a ${layout} file is cut in three`, () => {
      for (let first = 0; first <= text.length; first += 5) {
        for (let second = first; second <= text.length; second += 7) {
          const chunks = [text.slice(0, first), text.slice(first, second), text.slice(second)];
          expect(scan(chunks), `cuts at ${first} and ${second}`).to.deep.equal(whole);
        }
      }
    });
  }

  it("ends a string at a quote after an even run of backslashes, not after an odd one, at every cut", () => {
    for (let run = 0; run <= 5; run++) {
      const value = `${"\\".repeat(run)}"`;
      const text = `{"log":{"entries":[{"x":{"s":"${"\\\\".repeat(run)}\\"","t":1}}]}}`;
      const expected = [{ x: { s: `${"\\".repeat(run)}"`, t: 1 } }];
      for (let cut = 0; cut <= text.length; cut++) {
        const events = scan([text.slice(0, cut), text.slice(cut)]);
        expect(
          events.map((event) => event.type === "entry" && JSON.parse(event.text)),
          `${value}, cut at ${cut}`,
        ).to.deep.equal(expected);
      }
      // An odd run escapes the quote: the string goes on, and the file ends inside it.
      const open = `{"log":{"entries":[{"x":{"s":"${"\\".repeat(2 * run + 1)}"}}]}}`;
      for (let cut = 0; cut <= open.length; cut++) {
        const events = scan([open.slice(0, cut), open.slice(cut)]);
        expect(events, `odd run ${2 * run + 1}, cut at ${cut}`).to.deep.equal([
          { type: "error", message: "truncated: the file ends inside entry 0 of log.entries", index: 0 },
        ]);
      }
    }
  });

  it("keeps a surrogate pair whole when a chunk ends between its halves", () => {
    const text = '\uFEFF{"log":{"entries":[{"a":{"b":["😀","x😀y"]}}]}}';
    const whole = scan([text]);
    expect(whole).to.deep.equal([{ type: "entry", index: 0, text: '{"a":{"b":["😀","x😀y"]}}', offset: 20 }]);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(scan([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).to.deep.equal(whole);
    }
  });

  it("reports an error deep inside an entry at the same line and column as the general path", () => {
    const text =
      '{\n  "log": {\n    "entries": [\n      {\n        "a": { "b": [1, 2 3] }\n      }\n    ]\n  }\n}';
    const expected = [
      {
        type: "error",
        message: "syntax error at character 64 (line 5, column 27): expected ',' or ']', found '3'",
        index: 0,
      },
    ];
    expect(scan([text])).to.deep.equal(expected);
    expect(scan([...text])).to.deep.equal(expected);
  });

  it("reports malformed and oversized scalars inside an entry as the general path does", () => {
    for (const scalar of ["01", "-", "1.", "1e", "tru", "nulll", "1".repeat(1025)]) {
      const text = `{"log":{"entries":[{"a":[${scalar}]}]}}`;
      const whole = scan([text]);
      expect(whole.at(-1)?.type, scalar).to.equal("error");
      expect(scan([...text]), scalar).to.deep.equal(whole);
    }
    const longest = `{"log":{"entries":[{"a":[${"1".repeat(1024)}]}]}}`;
    expect(scan([longest]).map((event) => event.type)).to.deep.equal(["entry"]);
  });

  it("gives the same events whole, a character at a time and in random chunks, for damaged files", () => {
    for (let seed = 1; seed <= 600; seed++) {
      const next = random(seed);
      const har = {
        [randomString(next)]: valueAt(next, 1),
        log: {
          version: "1.2",
          pages: valueAt(next, 2),
          entries: Array.from({ length: Math.floor(next() * 5) }, () => valueAt(next, 3)),
        },
      };
      const pretty = JSON.stringify(har, null, pick(next, [undefined, 2, "\t"]));
      const text = next() < 0.8 ? damaged(pretty, next) : pretty;
      const maxEntryLength = next() < 0.2 ? 40 : UNLIMITED;
      const keep = next() < 0.3 ? (index: number) => index % 2 === 0 : undefined;
      const whole = scan([text], maxEntryLength, keep);
      const message = `seed ${seed}: ${JSON.stringify(text)}`;
      expect(scan([...text], maxEntryLength, keep), message).to.deep.equal(whole);
      expect(scan(splitRandomly(text, next, 9), maxEntryLength, keep), message).to.deep.equal(whole);
    }
  });
});
