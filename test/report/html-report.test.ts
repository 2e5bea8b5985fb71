import { createHash } from "node:crypto";
import { expect } from "chai";
import { escapeHtml, html, trustedHtml } from "../../src/report/html/escape-html.js";
import { shareOut } from "../../src/report/html/finding-groups.js";
import { PAGE_SCRIPT, PAGE_SCRIPT_HASH } from "../../src/report/html/page-assets.js";
import { prettyJson } from "../../src/report/html/pretty-json.js";
import {
  BODY_BUDGET_CHARS,
  FAILURES_PER_RULE,
  htmlReporter,
  renderHtmlReport,
} from "../../src/report/html-report.js";
import type {
  ConformanceReport,
  ExchangeResult,
  MatrixCell,
  ReportFinding,
} from "../../src/types/generated/report.js";

const PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "'><svg onload=alert(2)>",
  "</textarea><textarea>",
  "javascript:alert(1)",
  "</style><style>body{display:none}</style>",
  "<!--",
  "&amp;&lt;",
];
const HOSTILE = PAYLOADS.join(" ");

function emptyReport(): ConformanceReport {
  return {
    reportVersion: 1,
    tool: { name: "cloud-envelope-conformance", version: "0.1.0" },
    startedAt: "2026-11-20T08:00:00.000Z",
    finishedAt: "2026-11-20T08:00:01.500Z",
    durationMs: 1500,
    complete: true,
    targets: [],
    summary: {
      exchanges: 0,
      checked: 0,
      skipped: 0,
      passed: 0,
      failed: 0,
      warned: 0,
      score: 100,
      findings: { error: 0, warning: 0 },
      transportFailures: 0,
    },
    rules: [
      {
        id: "body-parseable",
        severity: "error",
        description: "The body parses.",
        dialects: ["tencent", "alibaba", "zenlayer"],
        source: { document: "seeds/004", quote: "JSON is the default" },
      },
      {
        id: "status-outcome",
        severity: "error",
        description: "The status agrees with the outcome.",
        dialects: ["tencent", "alibaba", "zenlayer"],
        source: { document: "seeds/001", quote: "200" },
      },
      {
        id: "error-code-known",
        severity: "warning",
        description: "The code is known.",
        dialects: ["tencent", "alibaba", "zenlayer"],
        source: { document: "seeds/001", quote: "codes" },
      },
    ],
    matrix: [],
    results: [],
    skipped: [],
    inputErrors: [],
    transportFailures: [],
  } as unknown as ConformanceReport;
}

function cell(action: string, rule: string, checked: number, failed = 0, warned = 0): MatrixCell {
  return { dialect: "tencent", product: "cvm", action, rule, checked, failed, warned };
}

function result(index: number, action: string, findings: ReportFinding[], body?: string): ExchangeResult {
  return {
    source: { file: "traffic.har", index },
    dialect: "tencent",
    product: "cvm",
    action,
    format: "json",
    status: 400,
    outcome: "error",
    findings,
    ...(body === undefined
      ? {}
      : { response: { contentType: "application/json", body, bodyBytes: body.length, truncated: false } }),
  };
}

const statusFinding: ReportFinding = {
  rule: "status-outcome",
  severity: "error",
  message: "HTTP 400 on a tencent error response, expected 200",
  pointer: "",
  location: "status",
  expected: "200",
  actual: "400",
};

/** A report with hostile text in every string a report can carry. */
function hostileReport(): ConformanceReport {
  const report = emptyReport();
  const body = JSON.stringify({
    Response: { Error: { Code: HOSTILE, Message: HOSTILE }, RequestId: HOSTILE, [HOSTILE]: HOSTILE },
  });
  report.targets = [{ kind: "recorded", location: `dir/${HOSTILE}.har` }];
  report.rules.push({
    id: `rule-${HOSTILE}`,
    severity: "error",
    description: HOSTILE,
    dialects: ["tencent"],
    source: { document: HOSTILE, quote: HOSTILE },
    decision: HOSTILE,
  });
  report.matrix = [
    {
      dialect: "tencent",
      product: HOSTILE,
      action: HOSTILE,
      rule: `rule-${HOSTILE}`,
      checked: 2,
      failed: 1,
      warned: 0,
    },
    {
      dialect: "tencent",
      product: HOSTILE,
      action: HOSTILE,
      rule: "body-parseable",
      checked: 2,
      failed: 1,
      warned: 0,
    },
  ];
  report.results = [
    {
      source: { file: `dir/${HOSTILE}.har`, index: 3, probe: HOSTILE },
      dialect: "tencent",
      product: HOSTILE,
      action: HOSTILE,
      format: "json",
      status: 200,
      outcome: "error",
      findings: [
        {
          rule: `rule-${HOSTILE}`,
          severity: "error",
          message: HOSTILE,
          pointer: "/Response/Error/Code",
          expected: HOSTILE,
          actual: HOSTILE,
          schema: HOSTILE,
        },
        { rule: `rule-${HOSTILE}`, severity: "error", message: HOSTILE, pointer: `/Response/${HOSTILE}` },
      ],
      response: { contentType: HOSTILE, body, bodyBytes: body.length, truncated: false },
    },
    {
      source: { file: `dir/${HOSTILE}.har`, index: 4 },
      dialect: "tencent",
      product: HOSTILE,
      action: HOSTILE,
      format: "xml",
      status: 200,
      outcome: "unknown",
      findings: [{ rule: "body-parseable", severity: "error", message: HOSTILE, pointer: "" }],
      response: { body: `<Error><Code>${HOSTILE}</Code></Error>`, bodyBytes: 99, truncated: true },
    },
  ];
  report.summary = { ...report.summary, exchanges: 3, checked: 2, failed: 2, skipped: 1, score: 0 };
  report.skipped = [{ source: { file: HOSTILE, index: 0 }, reason: HOSTILE }];
  report.inputErrors = [{ file: HOSTILE, index: 1, message: HOSTILE }];
  report.transportFailures = [
    { source: { file: HOSTILE, index: 2, probe: HOSTILE }, kind: "reset", message: HOSTILE, durationMs: 12 },
  ];
  return report;
}

const ALLOWED_TAGS = new Set(
  "html head meta title style body main header h1 h2 h3 h4 div span b i p ul li section table thead tbody tr th td code pre mark a details summary br input label button script".split(
    " ",
  ),
);
const ALLOWED_ATTRIBUTES = new Set(
  "lang charset http-equiv content name class id title href colspan data-label type placeholder aria-label hidden".split(
    " ",
  ),
);

/**
 * Every tag of the page, checked: since report text is escaped, every "<" is the reporter's own markup, so
 * only known elements with known attributes may appear, and links only to the page's own numeric anchors.
 */
function checkMarkup(page: string): void {
  const scripts = page.split("<script>");
  expect(scripts.length, "exactly one script").to.equal(2);
  const [before, rest] = scripts as [string, string];
  const [script, after] = rest.split("</script>") as [string, string];
  expect(script).to.equal(PAGE_SCRIPT);
  const markup = before + after;
  for (const match of markup.matchAll(/<(\/?)([^\s>/!]*)([^>]*)>/g)) {
    const [tag, , name = "", attributes = ""] = match;
    if (tag.startsWith("<!DOCTYPE")) continue;
    expect(ALLOWED_TAGS, tag).to.include(name.toLowerCase());
    const leftover = attributes.replace(
      /\s+([a-z-]+)(="[^"<>]*")?/g,
      (_, attribute: string, value?: string) => {
        expect(ALLOWED_ATTRIBUTES, `${attribute} in ${tag}`).to.include(attribute);
        if (attribute === "href") expect(value, tag).to.match(/^="#[rc][0-9-]+"$/);
        return "";
      },
    );
    expect(leftover.trim(), `unexpected text in ${tag}`).to.equal("");
  }
  expect(markup).not.to.match(/<!--/);
}

describe("HTML report", () => {
  describe("escaping", () => {
    it("escapes & < > \" ' and nothing else", () => {
      expect(escapeHtml(`<a href="x" title='y'>&amp;</a> é`)).to.equal(
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; é",
      );
    });

    it("escapes every interpolation of the html template, and passes only SafeHtml through", () => {
      const text = '<b title="x">';
      expect(html`<p title="${text}">${text}${trustedHtml("<br>")}${[text, 1]}</p>`.value).to.equal(
        '<p title="&lt;b title=&quot;x&quot;&gt;">&lt;b title=&quot;x&quot;&gt;<br>&lt;b title=&quot;x&quot;&gt;1</p>',
      );
    });

    it("shows hostile report text only as text, in content and attributes alike", () => {
      const page = renderHtmlReport(hostileReport(), {
        verdict: { passed: false, reasons: [HOSTILE] },
      });
      checkMarkup(page);
      for (const payload of PAYLOADS.filter((p) => /[<>"']/.test(p)))
        expect(page, payload).not.to.contain(payload);
      expect(page).to.contain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(page).to.contain("&quot;&gt;&lt;svg onload=alert(1)&gt;");
      expect(page).to.contain("&amp;amp;&amp;lt;");
      // The XML body is shown as received, escaped, with its truncation said.
      expect(page).to.contain("&lt;Error&gt;&lt;Code&gt;&lt;script&gt;");
      expect(page).to.match(/truncated: the report keeps the first \d+ characters/);
    });

    it("allows its own script, and only it, by hash in the Content-Security-Policy", () => {
      const page = htmlReporter.render(emptyReport(), {});
      const hash = createHash("sha256").update(PAGE_SCRIPT).digest("base64");
      expect(PAGE_SCRIPT_HASH).to.equal(`sha256-${hash}`);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1];
      expect(csp).to.contain("default-src 'none'");
      expect(csp).to.contain(`script-src 'sha256-${hash}'`);
      expect(csp).to.contain("img-src 'none'");
      expect(page).not.to.match(/\b(src|srcset|action|formaction)=|url\(|@import|https?:\/\//);
    });
  });

  describe("structure", () => {
    it("renders an empty report", () => {
      const page = htmlReporter.render(emptyReport(), {});
      checkMarkup(page);
      expect(htmlReporter.name).to.equal("html");
      expect(htmlReporter.file).to.equal("index.html");
      expect(page).to.match(/^<!DOCTYPE html>/);
      expect(page).to.contain("No exchange was judged.");
      expect(page).to.contain("No exchange drew a finding.");
      expect(page).not.to.contain("Release gate");
    });

    it("says the gate's verdict, the completeness and the scores per dialect and product", () => {
      const report = emptyReport();
      report.complete = false;
      report.matrix = [
        cell("DescribeA", "body-parseable", 4),
        cell("DescribeA", "status-outcome", 4, 1),
        cell("DescribeB", "body-parseable", 4),
        cell("DescribeB", "error-code-known", 2, 0, 1),
      ];
      report.results = [
        result(0, "DescribeA", [statusFinding]),
        result(1, "DescribeB", [
          { rule: "error-code-known", severity: "warning", message: "m", pointer: "/x" },
        ]),
      ];
      const page = htmlReporter.render(report, {
        verdict: { passed: false, reasons: ["score 87.50 < 100"] },
      });
      checkMarkup(page);
      expect(page).to.contain("Release gate: failed");
      expect(page).to.contain("score 87.50 &lt; 100");
      expect(page).to.contain('<span class="badge warn">incomplete</span>');
      // tencent/cvm: 8 exchanges (body-parseable's cells), 1 failed: 87.50.
      expect(page).to.match(/<td>tencent\/cvm<\/td><td class="num">8<\/td><td class="num">1<\/td>.*87\.50/);
      // The matrix: a red cell linking to its findings, an amber one, a green one, a grey one.
      expect(page).to.match(
        /<td class="m fail" title="status-outcome · tencent\/cvm\/DescribeA: checked 4, failed 1, warned 0"><a href="#c1-0">1<\/a><\/td>/,
      );
      expect(page).to.match(/<td class="m warn" title="[^"]*"><a href="#c2-1">1<\/a><\/td>/);
      // Passing and unjudged cells are kept short: the sticky headers name the rule and the action.
      expect(page).to.contain('<td class="m pass" title="checked 4"></td>');
      expect(page).to.contain('<td class="m none"></td>');
      expect(page).to.contain('id="c1-0"');
      expect(page).to.contain('id="c2-1"');
    });

    it("lists skipped exchanges, input errors and transport failures", () => {
      const report = emptyReport();
      report.skipped = [{ source: { file: "a.har", index: 2 }, reason: "unknown host example.com" }];
      report.inputErrors = [{ file: "b.ndjson", index: 7, message: "line is not JSON" }];
      report.transportFailures = [
        {
          source: { file: "http://127.0.0.1:1", index: 0, probe: "DescribeZones" },
          kind: "refused",
          message: "ECONNREFUSED",
          durationMs: 3,
        },
      ];
      const page = htmlReporter.render(report, {});
      expect(page).to.contain("<code>a.har#2</code> unknown host example.com");
      expect(page).to.contain("<code>b.ndjson#7</code> line is not JSON");
      expect(page).to.contain("http://127.0.0.1:1 DescribeZones (#0)");
      expect(page).to.contain("ECONNREFUSED");
    });
  });

  describe("caps", () => {
    it("shares the examples of a rule out fairly between its cells", () => {
      expect(shareOut([3, 4], 50)).to.deep.equal([3, 4]);
      expect(shareOut([1000, 3], 50)).to.deep.equal([47, 3]);
      expect(shareOut([1000, 1000, 1000], 50)).to.deep.equal([16, 17, 17]);
      expect(shareOut([5, 5, 5], 0)).to.deep.equal([0, 0, 0]);
      expect(
        shareOut(
          Array.from({ length: 60 }, () => 2),
          50,
        ).reduce((a, b) => a + b),
      ).to.equal(50);
    });

    it(`shows at most ${FAILURES_PER_RULE} failures per rule and counts the rest`, () => {
      const report = emptyReport();
      report.matrix = [cell("Big", "status-outcome", 120, 120), cell("Small", "status-outcome", 3, 3)];
      report.results = [
        ...Array.from({ length: 120 }, (_, i) => result(i, "Big", [statusFinding], '{"Response":{}}')),
        ...Array.from({ length: 3 }, (_, i) => result(200 + i, "Small", [statusFinding], '{"Response":{}}')),
      ];
      const page = htmlReporter.render(report, {});
      expect(page.match(/<details class="card">/g)).to.have.length(FAILURES_PER_RULE);
      expect(page).to.contain("… and 73 more (see conformance.json)");
      expect(page).to.contain("… and 73 more for this action");
      for (let i = 200; i < 203; i++) expect(page, `Small #${i}`).to.contain(`traffic.har#${i}`);
      expect(
        renderHtmlReport(report, {}, { failuresPerRule: 5 }).match(/<details class="card">/g),
      ).to.have.length(5);
    });

    it("caps the other lists", () => {
      const report = emptyReport();
      report.skipped = Array.from({ length: 250 }, (_, i) => ({
        source: { file: "a.har", index: i },
        reason: "r",
      }));
      const page = renderHtmlReport(report, {}, { listLimit: 20 });
      expect(page.match(/<li><code>a\.har#/g)).to.have.length(20);
      expect(page).to.contain("… and 230 more (see conformance.json)");
    });

    it("stays a few MB for 100,000 exchanges with 10,000 failures, in linear time", function () {
      this.timeout(30_000);
      const report = emptyReport();
      const rules = ["body-parseable", "status-outcome", "error-code-known"];
      const actions = Array.from({ length: 40 }, (_, i) => `Action${i}`);
      report.matrix = actions.flatMap((a) => [
        cell(a, "body-parseable", 2500),
        cell(a, "status-outcome", 2500, 250),
      ]);
      const big = JSON.stringify({
        Response: { Error: { Code: "X", Message: "m".repeat(16_000) }, RequestId: "r" },
      });
      report.results = Array.from({ length: 10_000 }, (_, i) =>
        result(
          i,
          actions[i % actions.length] as string,
          rules.map((rule) => ({
            rule,
            severity: "error",
            message: "m",
            pointer: "/Response/Error/Message",
          })),
          big,
        ),
      );
      report.summary = {
        ...report.summary,
        exchanges: 100_000,
        checked: 100_000,
        passed: 90_000,
        failed: 10_000,
        score: 90,
      };
      const started = Date.now();
      const page = htmlReporter.render(report, {});
      const ms = Date.now() - started;
      expect(page.length, "page size").to.be.below(BODY_BUDGET_CHARS + 1_000_000);
      expect(page.match(/<details class="card">/g)).to.have.length(3 * FAILURES_PER_RULE);
      expect(ms, "render time").to.be.below(10_000);
      expect(page).to.contain("Body not shown");
      expect(page).to.contain("… and 9950 more (see conformance.json)");
    });
  });

  describe("bodies", () => {
    const CODE_MARK =
      '<mark title="error-code-known"><span class="k">&quot;Code&quot;</span>: <span class="s">&quot;AuthFailure&quot;</span></mark>';
    const body =
      '{"Response":{"Error":{"Code":"AuthFailure","Message":"bad"},"Items":[1,{"a/b":[]},{}],"RequestId":"r-1"}}';

    function plain(markup: string): string {
      return markup
        .replace(/<[^>]*>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, "&");
    }

    it("pretty-prints JSON as JSON.stringify(value, null, 2) does", () => {
      const samples = [
        body,
        "[]",
        "{}",
        '"<s>"',
        "12345678901234567890",
        '{"a":[[],[{}],["\\u003c\\"x"]],"b":null,"c":true}',
      ];
      for (const sample of samples) {
        const pretty = prettyJson(sample, new Map());
        const expected = JSON.stringify(JSON.parse(sample), null, 2);
        if (sample.startsWith("1234")) expect(plain(pretty.markup)).to.equal(sample);
        else if (sample.includes("\\u003c"))
          expect(JSON.parse(plain(pretty.markup))).to.deep.equal(JSON.parse(sample));
        else expect(plain(pretty.markup)).to.equal(expected);
      }
    });

    it("marks the member at the pointer, and array elements, escaped keys and the last duplicate", () => {
      const marks = new Map([
        ["/Response/Error/Code", "error-code-known"],
        ["/Response/Items/1/a~1b", "x"],
        ["/Response/Items/2", "y"],
        ["/Response/Missing", "z"],
      ]);
      const pretty = prettyJson(body, marks);
      expect(pretty.markup).to.contain(CODE_MARK);
      expect(pretty.markup).to.contain('<mark title="x"><span class="k">&quot;a/b&quot;</span>: []</mark>');
      expect(pretty.markup).to.contain('<mark title="y">{}</mark>');
      expect([...pretty.located].sort()).to.deep.equal([
        "/Response/Error/Code",
        "/Response/Items/1/a~1b",
        "/Response/Items/2",
      ]);
      const dup = prettyJson(
        '{"a":1,"a":{"b":2}}',
        new Map([
          ["/a", "t"],
          ["/a/b", "u"],
        ]),
      );
      expect(dup.markup.match(/<mark/g)).to.have.length(2);
      expect(plain(dup.markup.split("<mark")[1] ?? "")).to.match(/^ title="t">"a": \{/);
      expect(dup.markup).to.contain(
        '<mark title="u"><span class="k">&quot;b&quot;</span>: <span class="n">2</span></mark>',
      );
    });

    it("highlights the pointer of a finding in the page, and says when it cannot", () => {
      const report = emptyReport();
      report.matrix = [cell("DescribeA", "status-outcome", 1, 1)];
      report.results = [
        result(
          0,
          "DescribeA",
          [
            statusFinding,
            {
              rule: "error-code-known",
              severity: "warning",
              message: "unknown code",
              pointer: "/Response/Error/Code",
            },
            {
              rule: "error-code-known",
              severity: "warning",
              message: "no such member",
              pointer: "/Response/Nope",
            },
          ],
          body,
        ),
      ];
      const page = htmlReporter.render(report, {});
      expect(page).to.contain(CODE_MARK);
      expect(page).to.contain(
        '<code>/Response/Error/Code</code><br><span class="note">highlighted below</span>',
      );
      expect(page).to.contain(
        '<code>/Response/Nope</code><br><span class="note">not found in the body, nothing highlighted</span>',
      );
      expect(page).to.contain("<code>status</code>");
    });

    it("shows XML, invalid JSON and truncated bodies as received, and says why nothing is highlighted", () => {
      const report = emptyReport();
      const finding: ReportFinding = {
        rule: "body-parseable",
        severity: "error",
        message: "m",
        pointer: "/Error/Code",
      };
      report.results = [
        {
          ...result(0, "A", [finding]),
          format: "xml",
          response: { body: "<Error><Code>X</Code></Error>", bodyBytes: 29, truncated: false },
        },
        result(1, "B", [finding], "{not json"),
        {
          ...result(2, "C", [finding]),
          response: { body: '{"Error":{"Code":"X"', bodyBytes: 40_000, truncated: true },
        },
        result(3, "D", [finding]),
      ];
      const page = htmlReporter.render(report, {});
      expect(page).to.contain(
        '<pre class="body">&lt;Error&gt;&lt;Code&gt;X&lt;/Code&gt;&lt;/Error&gt;</pre>',
      );
      expect(page).to.contain("not highlighted: XML is shown as received");
      expect(page).to.contain("not highlighted: the body is not valid JSON, so it is shown as received");
      expect(page).to.contain("not highlighted: the body is truncated, so it is shown as received");
      expect(page).to.contain("truncated: the report keeps the first 20 characters");
      expect(page).to.contain("The report holds no excerpt of this body.");
      expect(page).not.to.contain("<mark");
    });
  });
});
