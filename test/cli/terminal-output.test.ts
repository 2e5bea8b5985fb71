import { expect } from "chai";
import { progressPrinter } from "../../src/cli/progress-printer.js";
import { terminalStyle } from "../../src/cli/terminal-style.js";

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (chunk: string) => chunks.push(chunk) > 0 }, chunks };
}

describe("terminal output", () => {
  it("on a terminal: one updating progress bar line, cleared at the end", () => {
    const { stream, chunks } = fakeStream(true);
    let now = 0;
    const printer = progressPrinter(false, stream, { env: {}, clock: () => now });
    for (let done = 1; done <= 10; done++) {
      now += 150;
      printer.onProgress({ file: "http://127.0.0.1:1/", exchanges: done, done, total: 10 });
    }
    printer.done();
    expect(chunks.length).to.equal(11);
    expect(
      chunks[4]?.startsWith(`\r\x1b[K[${"#".repeat(12)}${"-".repeat(12)}] 50% 5/10 calls · 5 exchange(s)`),
    ).to.equal(true);
    expect(chunks.at(-1)).to.equal("\r\x1b[K");
  });

  it("in CI (CI=true): plain lines, the first at once, then at most one every 10 seconds, no control characters", () => {
    const { stream, chunks } = fakeStream(true);
    let now = 0;
    const printer = progressPrinter(false, stream, { env: { CI: "true" }, clock: () => now });
    for (let i = 1; i <= 30; i++) {
      now += 1000;
      printer.onProgress({ file: "traffic.har", exchanges: i * 1000 });
    }
    printer.done();
    expect(chunks).to.deep.equal([
      "checked 1,000 exchange(s), 1,000/s · traffic.har\n",
      "checked 11,000 exchange(s), 1,000/s · traffic.har\n",
      "checked 21,000 exchange(s), 1,000/s · traffic.har\n",
    ]);
  });

  it("with --quiet: nothing", () => {
    const { stream, chunks } = fakeStream(true);
    const printer = progressPrinter(true, stream, { env: {}, clock: () => 1e9 });
    printer.onProgress({ file: "x", exchanges: 1 });
    printer.done();
    expect(chunks).to.deep.equal([]);
  });

  it("colours only on a terminal, and never with NO_COLOR", () => {
    expect(terminalStyle({ isTTY: true }, {}).red("FAILED")).to.equal("\x1b[31mFAILED\x1b[39m");
    expect(terminalStyle({ isTTY: false }, {}).red("FAILED")).to.equal("FAILED");
    expect(terminalStyle({ isTTY: true }, { NO_COLOR: "1" }).green("PASSED")).to.equal("PASSED");
  });
});
