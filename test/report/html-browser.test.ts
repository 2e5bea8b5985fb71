import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import { type Browser, chromium } from "playwright-core";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { createEngine } from "../../src/engine/engine.js";
import { packageRoot } from "../../src/project-paths.js";
import { htmlReporter } from "../../src/report/html-report.js";
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_TIMEOUT_MS, ensureChromium } from "../support/chromium.js";
import { useTempDir } from "../support/temp-dir.js";

const SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>";
const IMG_PAYLOAD = '<img src=x onerror="window.__pwned=2">';
const SVG_PAYLOAD = '"><svg onload="window.__pwned=3">';
const OUT_DIR = path.join(packageRoot, "reports", "browser-test");

type Pair = { name: string; value: string };

function entry(request: { url: string; headers: Pair[] }, status: number, contentType: string, text: string) {
  return {
    startedDateTime: "2026-11-20T08:00:00.000Z",
    time: 10,
    request: { method: "POST", url: request.url, httpVersion: "HTTP/1.1", headers: request.headers },
    response: {
      status,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: [{ name: "Content-Type", value: contentType }],
      content: { size: Buffer.byteLength(text), mimeType: contentType, text },
    },
  };
}

const tencent = (action: string) => ({
  url: "https://cvm.tencentcloudapi.com/",
  headers: [{ name: "X-TC-Action", value: action }],
});
const alibabaXml = (action: string) => ({
  url: `https://ess.cn-hangzhou.aliyuncs.com/?Action=${action}&Format=XML&Version=2014-08-28`,
  headers: [],
});
const zenlayer = (action: string) => ({
  url: "https://console.zenlayer.com/api/v2/bmc",
  headers: [{ name: "X-ZC-Action", value: action }],
});

/** Recorded traffic whose answers carry script payloads, as JSON strings and as raw XML, and fail rules. */
function hostileHar(): unknown {
  const json = "application/json";
  return {
    log: {
      version: "1.2",
      creator: { name: "html-browser.test", version: "1" },
      entries: [
        // A conformant answer, for green cells.
        entry(
          tencent("DescribeZones"),
          200,
          json,
          JSON.stringify({ Response: { RequestId: "3c140219-cfe9-470e-b241-9078770b1f2a", ZoneSet: [] } }),
        ),
        // An error on HTTP 400 (status-outcome) with payloads in its code and message.
        entry(
          tencent("DescribeInstances"),
          400,
          json,
          JSON.stringify({
            Response: {
              Error: {
                Code: SCRIPT_PAYLOAD,
                Message: `${IMG_PAYLOAD} ${SVG_PAYLOAD} </textarea> javascript:alert(1)`,
              },
              RequestId: "3c140219-cfe9-470e-b241-9078770b1f2b",
            },
          }),
        ),
        // A success with an empty request ID and a payload beside it.
        entry(
          tencent("DescribeInstances"),
          200,
          json,
          JSON.stringify({ Response: { RequestId: "", Note: IMG_PAYLOAD, TotalCount: 1 } }),
        ),
        // A gateway's HTML page where JSON was due: body-parseable fails; the page is shown as text.
        entry(
          tencent("RunInstances"),
          502,
          "text/html",
          `<html><body>${SCRIPT_PAYLOAD}${IMG_PAYLOAD}</body></html>`,
        ),
        // Raw payloads in an XML answer that does not even parse.
        entry(
          alibabaXml("DescribeScalingGroups"),
          400,
          "text/xml;charset=utf-8",
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><RequestId>5C4E1B8F-2F5A-4D0E-9C7B-8A6D3E2F1B0C</RequestId><Code>${SCRIPT_PAYLOAD}</Code><Message>${IMG_PAYLOAD}</Message></Error>`,
        ),
        // Zenlayer inner and outer request IDs that disagree.
        entry(
          zenlayer("DescribeInstances"),
          200,
          json,
          JSON.stringify({
            requestId: "T8E1D2C3B-4A5F-4E6D-9C8B-7A6F5E4D3C2B",
            response: { requestId: SVG_PAYLOAD, totalCount: 0, dataSet: [] },
          }),
        ),
      ],
    },
  };
}

describe("HTML report in a real browser (headless Chromium)", () => {
  let executablePath = "";
  const tempDir = useTempDir();

  before(async function () {
    // Installing Debian's chromium, when it is missing, has its own long allowance.
    this.timeout(CHROMIUM_INSTALL_TIMEOUT_MS + 60_000);
    executablePath = await ensureChromium();
  });

  it("shows hostile bodies as text, runs only its own script and loads nothing", async function () {
    this.timeout(60_000);
    // A file name with markup in it, too: it is shown on the page.
    const har = path.join(tempDir(), `traffic "><img src=x onerror="window.__pwned=5">.har`);
    await writeFile(har, JSON.stringify(hostileHar()));
    const engine = await createEngine({ rules: {}, hosts: [], maxDepth: 256 });
    const report = await checkRecordings([har], engine, { maxBodyBytes: 1 << 20 });
    expect(report.summary.failed, "the HAR fails rules").to.be.greaterThan(3);
    const failing = new Set(report.results.flatMap((r) => r.findings.map((f) => f.rule)));
    for (const rule of ["status-outcome", "body-parseable", "request-id-present", "request-id-consistent"])
      expect(failing, rule).to.include(rule);

    await mkdir(OUT_DIR, { recursive: true });
    const file = path.join(OUT_DIR, "index.html");
    await writeFile(
      file,
      htmlReporter.render(report, { verdict: { passed: false, reasons: ["score below 100"] } }),
    );
    const url = pathToFileURL(file).href;

    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
      const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
      const dialogs: string[] = [];
      const requests: string[] = [];
      const messages: string[] = [];
      const pageErrors: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on("request", (request) => requests.push(request.url()));
      page.on("console", (message) => messages.push(`${message.type()}: ${message.text()}`));
      page.on("pageerror", (error) => pageErrors.push(error.message));

      await page.goto(url, { waitUntil: "load" });

      // The page's own script ran (the CSP hash matches): it reveals the toolbar.
      await page.locator("#toolbar").waitFor({ state: "visible", timeout: 5000 });
      // The matrix shows a red cell for a failing rule, with its counts in the tooltip.
      const ruleColumn = await page
        .locator("table.matrix thead th.rule")
        .evaluateAll((ths) => ths.map((th) => th.textContent));
      const statusColumn = ruleColumn.indexOf("status-outcome");
      expect(statusColumn, "status-outcome column").to.be.greaterThan(-1);
      const redCell = page
        .locator("table.matrix tr.row", { hasText: "DescribeInstances" })
        .first()
        .locator("td.m")
        .nth(statusColumn);
      expect(await redCell.getAttribute("class")).to.contain("fail");
      expect(await redCell.getAttribute("title")).to.match(/failed 1/);
      expect(await page.locator("table.matrix td.m.fail").count()).to.be.greaterThan(3);

      // Following the cell's link opens the failure, which shows the body pretty-printed, the payload as
      // text, and the member at the finding's pointer marked.
      await redCell.locator("a").click();
      const cellId = ((await redCell.locator("a").getAttribute("href")) ?? "").slice(1);
      const card = page.locator(`[id="${cellId}"] details.card`).first();
      expect(await card.evaluate((d) => (d as HTMLDetailsElement).open), "the link opens the card").to.equal(
        true,
      );
      const body = card.locator("pre.body");
      await body.waitFor({ state: "visible" });
      const bodyText = (await body.textContent()) ?? "";
      expect(bodyText).to.contain(`"Code": "${SCRIPT_PAYLOAD}"`);
      expect(bodyText).to.contain('\n    "Error": {\n');
      expect(bodyText).to.contain('<img src=x onerror=\\"window.__pwned=2\\">');
      expect(await body.locator("script, img, svg").count(), "no element from the body").to.equal(0);

      // error-code-known's pointer is /Response/Error/Code: its card marks that member.
      const codeCard = page
        .locator(".rule-group", { hasText: "error-code-known" })
        .locator("details.card")
        .first();
      await codeCard.locator("summary").click();
      const marked = codeCard.locator("pre.body mark");
      expect(await marked.count()).to.equal(1);
      expect(await marked.textContent()).to.equal(`"Code": "${SCRIPT_PAYLOAD}"`);

      // The XML body is shown as received, as text.
      const xmlCard = page.locator("details.card", { hasText: "DescribeScalingGroups" }).first();
      await xmlCard.evaluate((d) => {
        (d as HTMLDetailsElement).open = true;
      });
      expect(await xmlCard.locator("pre.body").textContent()).to.contain(`<Code>${SCRIPT_PAYLOAD}</Code>`);

      // The file name with markup in it is text too.
      expect(await page.locator("header").textContent()).to.contain('onerror="window.__pwned=5"');

      // The filter narrows the matrix and the findings to what matches.
      await page.locator("#filter").fill("RunInstances");
      expect(await page.locator("#matrix tr.row:visible").count()).to.equal(1);
      expect(await page.locator("details.card:visible").count()).to.equal(1);
      await page.locator("#filter").fill("");
      expect(await page.locator("details.card:visible").count()).to.be.greaterThan(5);

      // Collapse all but one failure for the screenshot; then expand all (nothing in them may run).
      await page.locator("#collapse-all").click();
      await card.evaluate((d) => {
        (d as HTMLDetailsElement).open = true;
      });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(OUT_DIR, "report.png"), fullPage: true });
      await page.locator("#expand-all").click();
      await page.waitForTimeout(100);

      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
      expect(pwned, "a payload ran").to.equal(undefined);
      expect(dialogs, "dialogs").to.deep.equal([]);
      expect(requests, "requests").to.deep.equal([url]);
      expect(
        messages.filter((m) => /Content Security Policy|Refused to/i.test(m)),
        "CSP complaints",
      ).to.deep.equal([]);
      expect(pageErrors, "script errors").to.deep.equal([]);
      const size = (await stat(file)).size;
      process.stdout.write(
        `      page: ${file} (${size} bytes), screenshot: ${path.join(OUT_DIR, "report.png")}\n`,
      );
    } finally {
      await browser?.close();
    }
  });
});
