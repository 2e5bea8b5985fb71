import { expect } from "chai";
import { HarEntryScanner, type HarScanEvent } from "../../src/sources/har-entry-scanner.js";
import { random, randomValue, scan, splitRandomly, UNLIMITED } from "./har-scan-support.js";

function entriesOf(events: HarScanEvent[]): unknown[] {
  return events.map((event) => {
    if (event.type !== "entry") throw new Error(`unexpected event ${JSON.stringify(event)}`);
    return JSON.parse(event.text);
  });
}

function errorOf(events: HarScanEvent[]): Extract<HarScanEvent, { type: "error" }> {
  const last = events.at(-1);
  if (last?.type !== "error") throw new Error(`expected an error event last, got ${JSON.stringify(events)}`);
  return last;
}

const TRICKY_PIECES = [
  '"',
  "\\",
  "\\\\",
  '\\"',
  "]",
  "}",
  "[",
  "{",
  ",",
  ":",
  "é",
  "中",
  "😀",
  "\n",
  "\u2028",
  "a",
  " ",
  "\u0001",
];

function randomString(next: () => number): string {
  let s = "";
  const length = Math.floor(next() * 8);
  for (let i = 0; i < length; i++) s += TRICKY_PIECES[Math.floor(next() * TRICKY_PIECES.length)];
  return s;
}

/** A random JSON value of this file's strings. */
const valueAt = (next: () => number, depth: number) => randomValue(next, randomString, 3, depth);

describe("HarEntryScanner", () => {
  it("hands over the same entries as JSON.parse of the whole file, however the text is split", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const entries = Array.from({ length: Math.floor(next() * 5) }, () => valueAt(next, 1));
      const har = {
        [randomString(next)]: valueAt(next, 1),
        log: { version: "1.2", before: valueAt(next, 2), entries, after: valueAt(next, 2) },
        tail: valueAt(next, 1),
      };
      const text = JSON.stringify(har, null, [undefined, 2, "\t"][seed % 3]);
      const events = scan(splitRandomly(text, next, 1 + (seed % 17)));
      expect(entriesOf(events), `seed ${seed}`).to.deep.equal(entries);
    }
  });

  it("finds the end of strings whose backslash runs are split at every position", () => {
    const entries = [{ a: "\\", b: '\\"', c: '\\\\"}]', d: "x\\\\\\" }, { e: '"]}{["\\' }];
    const text = JSON.stringify({ log: { entries } });
    for (let cut = 0; cut <= text.length; cut++) {
      const events = scan([text.slice(0, cut), text.slice(cut)]);
      expect(entriesOf(events), `cut at ${cut}`).to.deep.equal(entries);
    }
  });

  it("skips a leading byte order mark", () => {
    expect(entriesOf(scan(["\uFEFF", '{"log":{"entries":[1]}}']))).to.deep.equal([1]);
  });

  it("reads escaped property names and ignores log and entries keys at other depths", () => {
    const text =
      '{"other":{"log":{"entries":[1]}},"l\\u006fg":{"x":{"entries":[2]},"entr\\u0069es":[{"ok":true}]},' +
      '"log2":{"entries":[3]}}';
    expect(entriesOf(scan([text]))).to.deep.equal([{ ok: true }]);
  });

  it("gives each entry its index and its character offset", () => {
    const events = scan(['{"log":{"entries":[ {"a":1},\n  "x" ]}}']);
    expect(events).to.deep.equal([
      { type: "entry", index: 0, text: '{"a":1}', offset: 20 },
      { type: "entry", index: 1, text: '"x"', offset: 31 },
    ]);
  });

  it("drops the text of an entry longer than the limit, still finds the entries after it", () => {
    const text = JSON.stringify({ log: { entries: [{ a: "0123456789" }, { b: 1 }] } });
    const events = scan(splitRandomly(text, random(7), 3), 10);
    expect(events).to.deep.equal([
      { type: "oversized-entry", index: 0, length: 18 },
      { type: "entry", index: 1, text: '{"b":1}', offset: 38 },
    ]);
  });

  describe("entries it is told not to keep (the entries of other shards)", () => {
    const entries = [{ a: 1 }, { b: 'x\\"]}' }, 7, "s", { c: [1, { d: null }] }, { e: "é😀" }];
    const text = JSON.stringify({ log: { version: "1.2", entries, comment: "after" } });
    const keepEven = (index: number) => index % 2 === 0;

    it("reports an entry not kept as unkept-entry, in its place, however the text is split", () => {
      const kept = scan([text]);
      for (let seed = 1; seed <= 40; seed++) {
        const scanner = new HarEntryScanner(UNLIMITED, keepEven);
        const events = [
          ...splitRandomly(text, random(seed), 5).flatMap((chunk) => scanner.scan(chunk)),
          ...scanner.finish(),
        ];
        expect(events).to.deep.equal(
          kept.map((event) =>
            event.type === "entry" && !keepEven(event.index)
              ? { type: "unkept-entry", index: event.index }
              : event,
          ),
        );
      }
    });

    it("asks once per entry, in order, as the entry begins", () => {
      const asked: number[] = [];
      const scanner = new HarEntryScanner(UNLIMITED, (index) => {
        asked.push(index);
        return false;
      });
      const events = scanner.scan(text.slice(0, text.indexOf("7")));
      // Entries 0 and 1 ended; entry 2 (the scalar 7) has not begun: it was not asked about yet.
      expect(events).to.deep.equal([
        { type: "unkept-entry", index: 0 },
        { type: "unkept-entry", index: 1 },
      ]);
      expect(asked).to.deep.equal([0, 1]);
      scanner.scan(text.slice(text.indexOf("7")));
      expect(asked).to.deep.equal([0, 1, 2, 3, 4, 5]);
    });

    it("does not keep an entry longer than the limit either: unkept, not oversized", () => {
      const long = JSON.stringify({ log: { entries: [{ a: "0123456789" }, { b: 1 }] } });
      expect(scan([long], 10)).to.deep.equal([
        { type: "oversized-entry", index: 0, length: 18 },
        { type: "entry", index: 1, text: '{"b":1}', offset: 38 },
      ]);
      const scanner = new HarEntryScanner(10, (index) => index === 1);
      expect([...scanner.scan(long), ...scanner.finish()]).to.deep.equal([
        { type: "unkept-entry", index: 0 },
        { type: "entry", index: 1, text: '{"b":1}', offset: 38 },
      ]);
    });

    it("reports a whole-file problem inside an entry not kept as inside a kept one", () => {
      for (const broken of [
        '{"log":{"entries":[{"a":1},{"b":2 "c":3}]}}',
        '{"log":{"entries":[{"a":1},{"b":"cut off',
        '{"log":{"entries":[{"a":1},{"b":tru}]}}',
      ]) {
        const scanner = new HarEntryScanner(UNLIMITED, () => false);
        const events = [...scanner.scan(broken), ...scanner.finish()];
        expect(events, broken).to.deep.equal(
          scan([broken]).map((event) =>
            event.type === "entry" ? { type: "unkept-entry", index: event.index } : event,
          ),
        );
        expect(errorOf(events).index, broken).to.equal(1);
      }
    });
  });

  describe("whole-file problems", () => {
    const cases: { name: string; text: string; message: string; index?: number; entriesBefore?: number }[] = [
      { name: "an empty file", text: "", message: "the file is empty" },
      { name: "only whitespace and a BOM", text: "\uFEFF \n\t", message: "the file is empty" },
      {
        name: "a top-level array",
        text: "[]",
        message: "not a HAR file: the top-level value is not an object",
      },
      {
        name: "a top-level string",
        text: '"log"',
        message: "not a HAR file: the top-level value is not an object",
      },
      { name: "no log", text: '{"foo":1}', message: "not a HAR file: no log object" },
      { name: "log not an object", text: '{"log":[]}', message: "not a HAR file: log is not an object" },
      {
        name: "no entries",
        text: '{"log":{"version":"1.2"}}',
        message: "not a HAR file: no log.entries array",
      },
      {
        name: "entries not an array",
        text: '{"log":{"entries":{}}}',
        message: "not a HAR file: log.entries is not an array",
      },
      {
        name: "a missing comma between entries",
        text: '{"log":{"entries":[{"a":1} {"b":2}]}}',
        message: "syntax error at character 27 (line 1, column 28): expected ',' or ']', found '{'",
        entriesBefore: 1,
      },
      {
        name: "a trailing comma in an entry",
        text: '{"log":{"entries":[{"a":1,}]}}',
        message:
          "syntax error at character 26 (line 1, column 27): expected a property name in double quotes, found '}'",
        index: 0,
      },
      {
        name: "a mismatched bracket in an entry",
        text: '{"log":{"entries":[{"a":[1}]}}',
        message: "expected ',' or ']', found '}'",
        index: 0,
      },
      {
        name: "a missing colon",
        text: '{\n  "log"\n  {"entries":[]}}',
        message:
          "syntax error at character 12 (line 3, column 3): expected ':' after the property name, found '{'",
      },
      {
        name: "a bad literal",
        text: '{"log":{"entries":[tru]}}',
        message: "'tru' is not a number, true, false or null",
        index: 0,
      },
      {
        name: "a bad number",
        text: '{"log":{"entries":[],"n":01}}',
        message: "'01' is not a number, true, false or null",
      },
      {
        name: "text after the end",
        text: '{"log":{"entries":[]}} x',
        message: "unexpected 'x' after the end of the JSON value",
      },
      {
        name: "the end inside an entry",
        text: '{"log":{"entries":[{"a":1},{"b":"x',
        message: "truncated: the file ends inside entry 1 of log.entries",
        index: 1,
        entriesBefore: 1,
      },
      {
        name: "the end between entries",
        text: '{"log":{"entries":[{"a":1},',
        message: "truncated: the file ends inside log.entries, after entry 0",
        entriesBefore: 1,
      },
      {
        name: "the end before the entries",
        text: '{"log":{"version":"1.2"',
        message: "truncated: the file ends at character 23 before the JSON is complete",
      },
    ];
    for (const { name, text, message, index, entriesBefore = 0 } of cases) {
      it(`reports ${name}`, () => {
        const events = scan(splitRandomly(text, random(text.length), 4));
        const error = errorOf(events);
        expect(error.message).to.include(message);
        expect(error.index).to.equal(index);
        expect(events.filter((e) => e.type === "entry")).to.have.length(entriesBefore);
      });
    }

    it("stops at the first problem and reports nothing after it", () => {
      const scanner = new HarEntryScanner(UNLIMITED);
      expect(scanner.scan("[")).to.have.length(1);
      expect(scanner.scan('{"log":{"entries":[1]}}')).to.deep.equal([]);
      expect(scanner.finish()).to.deep.equal([]);
    });
  });
});
