import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { expect } from "chai";
import { XMLValidator } from "fast-xml-parser";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { recordingsDir } from "../../src/project-paths.js";
import { DEFAULT_REPORTERS, parseReporters, REPORTERS, writeReports } from "../../src/report/reporters.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { sharedEngine } from "../support/shared-engine.js";
import { useTempDir } from "../support/temp-dir.js";

const KNOWN = "(known: json, junit, html, markdown, badge, github)";

describe("reporters", () => {
  const tempDir = useTempDir();
  let report: ConformanceReport;

  before(async () => {
    report = await checkRecordings([recordingsDir], await sharedEngine(), { maxBodyBytes: 1 << 20 });
  });

  it("has every format once, by name and file, in the default order", () => {
    expect(REPORTERS.map((r) => r.name)).to.deep.equal(["json", "junit", "html", "markdown", "badge"]);
    expect(DEFAULT_REPORTERS).to.deep.equal(["json", "junit", "html", "markdown", "badge"]);
    expect(REPORTERS.map((r) => r.file)).to.deep.equal([
      "conformance.json",
      "junit.xml",
      "index.html",
      "summary.md",
      "badge.json",
    ]);
    for (const reporter of REPORTERS)
      expect(reporter.description, reporter.name).to.be.a("string").and.not.empty;
  });

  describe("parseReporters", () => {
    it("gives the defaults without a value", () => {
      expect(parseReporters(undefined).map((r) => r.name)).to.deep.equal([...DEFAULT_REPORTERS]);
    });

    it("reads a comma list in the order given, ignoring spaces and repeats", () => {
      expect(parseReporters("junit").map((r) => r.name)).to.deep.equal(["junit"]);
      expect(parseReporters(" markdown , json,markdown ").map((r) => r.name)).to.deep.equal([
        "markdown",
        "json",
      ]);
    });

    it("refuses an unknown or empty name, naming the known ones", () => {
      expect(() => parseReporters("json,xml")).to.throw(Error, `unknown reporter "xml" ${KNOWN}`);
      expect(() => parseReporters("JUnit")).to.throw(Error, `unknown reporter "JUnit" ${KNOWN}`);
      expect(() => parseReporters("")).to.throw(Error, `empty reporter name in "" ${KNOWN}`);
      expect(() => parseReporters("json,,badge")).to.throw(Error, "empty reporter name");
    });
  });

  describe("writeReports", () => {
    it("writes every default format into the report folder and says what it wrote", async () => {
      const dir = path.join(tempDir(), "all", "nested");
      const started = performance.now();
      const written = await writeReports(report, dir, parseReporters(undefined), {
        verdict: { passed: true, reasons: ["score 100.00 ≥ 100"] },
      });
      const elapsed = performance.now() - started;
      expect(written.map((w) => w.reporter)).to.deep.equal([...DEFAULT_REPORTERS]);
      expect((await readdir(dir)).sort()).to.deep.equal(REPORTERS.map((r) => r.file).sort());
      for (const entry of written) {
        expect(path.dirname(entry.file)).to.equal(dir);
        expect((await stat(entry.file)).size, entry.reporter).to.equal(entry.bytes);
        expect(entry.bytes).to.be.greaterThan(0);
        // Rendering and writing a file takes some time, and each is timed apart, within the call.
        expect(entry.ms, entry.reporter).to.be.greaterThan(0);
      }
      const timed = written.reduce((sum, entry) => sum + entry.ms, 0);
      expect(timed, "the reporters' times add up to no more than the call took").to.be.at.most(elapsed);
      expect(JSON.parse(await readFile(path.join(dir, "conformance.json"), "utf8"))).to.deep.equal(report);
      expect(XMLValidator.validate(await readFile(path.join(dir, "junit.xml"), "utf8"))).to.equal(true);
      const summary = await readFile(path.join(dir, "summary.md"), "utf8");
      expect(summary).to.include("**Gate: passed**");
      expect(JSON.parse(await readFile(path.join(dir, "badge.json"), "utf8"))).to.include({
        schemaVersion: 1,
        color: "brightgreen",
      });
      expect(await readFile(path.join(dir, "index.html"), "utf8")).to.match(/^<!doctype html>/i);
    });

    it("writes only the reporters asked for, and passes the gate's verdict to them", async () => {
      const dir = path.join(tempDir(), "some");
      const verdict = { passed: false, reasons: ["2 input error(s)"] };
      const written = await writeReports(report, dir, parseReporters("badge,markdown"), { verdict });
      expect(written.map((w) => path.basename(w.file))).to.deep.equal(["badge.json", "summary.md"]);
      expect((await readdir(dir)).sort()).to.deep.equal(["badge.json", "summary.md"]);
      expect(JSON.parse(await readFile(path.join(dir, "badge.json"), "utf8")).color).to.equal("red");
      expect(await readFile(path.join(dir, "summary.md"), "utf8")).to.match(/^## ❌ .*\*\*Gate: failed\*\*/s);
    });
  });
});
