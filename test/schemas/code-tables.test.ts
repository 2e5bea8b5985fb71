// The error-code tables in schemas/code-tables/ are checked against their own schema and, row by row, against
// the documents they were written from: the seeds' tables and provider-facts.md §1/§2 are parsed here
// directly from ../shared, so a code or a status that drifts from its document fails a test.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { expect } from "chai";
import { PRODUCTS } from "../../src/providers/registry.js";

type Status = number | "4xx" | "5xx" | null;

interface CodeEntry {
  code: string;
  status: Status;
  description: string;
  message?: string;
  sources: string[];
  misspellingOf?: string;
  inference?: string;
  observedOn?: string[];
}

interface CodeTable {
  dialect: string;
  product: string;
  title: string;
  description?: string;
  sources: string[];
  codes: CodeEntry[];
}

const schemasDir = new URL("../../schemas/", import.meta.url);
const tablesDir = new URL("code-tables/", schemasDir);
const sharedDir = new URL("../../../shared/", import.meta.url);

const SEED_ZENLAYER = "seeds/000_cb41bbe9a103a19e.txt";
const SEED_TENCENT_A = "seeds/001_24c71a7bf7ab4a40.txt";
const SEED_KMS = "seeds/002_34ba6698e324b33c.txt";
const SEED_TENCENT_B = "seeds/003_a0227fc7fe36601c.txt";
const SEED_ESS = "seeds/004_57eaa02211ab66b6.txt";
const FACTS = "reference/provider-facts.md";
const BMC_ERRORS = "corpus/zenlayercloud-sdk-go/zenlayercloud/bmc20221120/errors.go";

function readShared(path: string): string {
  return readFileSync(new URL(path, sharedDir), "utf8");
}

function readJson<T>(url: URL): T {
  return JSON.parse(readFileSync(url, "utf8")) as T;
}

function loadTable(name: string): CodeTable {
  return readJson<CodeTable>(new URL(name, tablesDir));
}

function byCode(table: CodeTable): Map<string, CodeEntry> {
  return new Map(table.codes.map((entry) => [entry.code, entry]));
}

// ---------------------------------------------------------------------------------------------------------
// Parsers of the documents

interface SeedRow {
  code: string;
  cells: string[];
}

/** Rows of every markdown table in the text (header and separator rows dropped, `\x` escapes undone). */
function parseMarkdownTable(text: string): SeedRow[] {
  const rows: SeedRow[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? "";
    const next = lines[i + 1]?.trim() ?? "";
    // A header row is the one followed by the |---|---| separator; skip both.
    if (line.startsWith("|") && /^\|(\s*:?-+:?\s*\|)+$/.test(next)) {
      i += 1;
      continue;
    }
    if (!line.startsWith("|")) continue;
    const cells = line
      .replace(/^\|/, "")
      .replace(/\|$/, "")
      .split("|")
      .map((cell) => cell.trim().replace(/\\(.)/g, "$1"));
    const code = cells[0];
    if (code) rows.push({ code, cells });
  }
  return rows;
}

interface EssRow {
  code: string;
  message: string;
  status: number;
  description: string;
}

/** Seed 004's plain-text table: "Code Error-message Status Description" on one line per code. */
function parseEssTable(text: string): EssRow[] {
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex(
    (line) => line.trim() === "Error code Error message HTTP status code Description",
  );
  expect(header, "seed 004 has its table header").to.be.greaterThan(-1);
  const rows: EssRow[] = [];
  for (const line of lines.slice(header + 1)) {
    if (line.trim() === "") continue;
    const m = /^(\S+) (.+?) (\d{3}) (.+)$/.exec(line.trim());
    if (!m) throw new Error(`seed 004: cannot read table line: ${line}`);
    rows.push({ code: m[1] ?? "", message: m[2] ?? "", status: Number(m[3]), description: m[4] ?? "" });
  }
  return rows;
}

/** The body of "## N." in provider-facts.md. */
function factsSection(n: number): string {
  const text = readShared(FACTS);
  const parts = text.split(/^## /m);
  const section = parts.find((part) => part.startsWith(`${n}.`));
  if (!section) throw new Error(`provider-facts.md has no section ${n}`);
  return section;
}

/** The body of the "### …" subsection whose heading starts with `heading`, and the heading line. */
function factsSubsection(n: number, heading: string): { heading: string; body: string } {
  const parts = factsSection(n).split(/^### /m);
  const part = parts.find((p) => p.startsWith(heading));
  if (!part) throw new Error(`provider-facts.md §${n} has no subsection "${heading}"`);
  const newline = part.indexOf("\n");
  return { heading: part.slice(0, newline), body: part.slice(newline + 1) };
}

/** First paragraph of a body, lines joined by spaces. */
function firstParagraph(body: string): string {
  return (body.trim().split(/\n\s*\n/)[0] ?? "").replace(/\s*\n\s*/g, " ");
}

/** "500 A · 503 B · 404 C, D" → Map(code → status). */
function parseStatusList(paragraph: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const segment of paragraph.split("·")) {
    const m = /^(\d{3}) (.+)$/.exec(segment.trim().replace(/\.$/, ""));
    if (!m) throw new Error(`provider-facts.md §2: cannot read "${segment}"`);
    for (const code of (m[2] ?? "").split(",")) {
      const trimmed = code.trim();
      expect(out.has(trimmed), `${trimmed} listed twice in provider-facts`).to.equal(false);
      out.set(trimmed, Number(m[1]));
    }
  }
  return out;
}

function tencentFacts(): { expectedCount: number; codes: string[] } {
  const { heading, body } = factsSubsection(2, "Tencent Cloud API 3.0");
  const count = /\((\d+);/.exec(heading);
  const paragraph = firstParagraph(body);
  const list = paragraph.split("Product codes")[0] ?? "";
  const codes = list
    .trim()
    .replace(/\.$/, "")
    .split(",")
    .map((code) => code.trim());
  return { expectedCount: Number(count?.[1]), codes };
}

function zenlayerWireCodes(): string[] {
  const { body } = factsSubsection(1, "Zenlayer Cloud");
  const text = body.replace(/\s*\n\s*/g, " ");
  const m = /Codes seen on the wire are upper snake case: (.*?)No published/.exec(text);
  if (!m) throw new Error("provider-facts.md §1 Zenlayer: no list of codes seen on the wire");
  return [...(m[1] ?? "").matchAll(/`([A-Z_]+)`/g)].map((x) => x[1] ?? "");
}

function kmsMisspellings(): Map<string, string> {
  const { body } = factsSubsection(1, "Alibaba Cloud RPC APIs");
  const text = body.replace(/\s*\n\s*/g, " ");
  const sentence = /Older KMS documentation spells two codes wrongly: (.*?)\.( |$)/.exec(text)?.[1] ?? "";
  return new Map([...sentence.matchAll(/`([^`]+)` \(for `([^`]+)`\)/g)].map((m) => [m[1] ?? "", m[2] ?? ""]));
}

// ---------------------------------------------------------------------------------------------------------

const TABLE_FILES = readdirSync(tablesDir)
  .filter((f) => f.endsWith(".json"))
  .sort();

describe("error-code tables (schemas/code-tables)", () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validateTable = ajv.compile(readJson<object>(new URL("code-table.schema.json", schemasDir)));

  it("names each table <dialect>-<product>.json, for a product of the registry, common or gateway", () => {
    const products = new Set(PRODUCTS.map((p) => `${p.dialect}-${p.id}`));
    for (const file of TABLE_FILES) {
      const table = loadTable(file);
      expect(file, "file name").to.equal(`${table.dialect}-${table.product}.json`);
      if (table.product !== "common" && table.product !== "gateway")
        expect(products.has(`${table.dialect}-${table.product}`), `${file}: no such product`).to.equal(true);
    }
  });

  it("gives every product a table: its own, or its dialect's common one", () => {
    for (const product of PRODUCTS) {
      const own = TABLE_FILES.includes(`${product.dialect}-${product.id}.json`);
      const common = TABLE_FILES.includes(`${product.dialect}-common.json`);
      expect(own || common, `${product.dialect}/${product.id}`).to.equal(true);
    }
  });

  for (const file of TABLE_FILES) {
    describe(file, () => {
      const table = loadTable(file);

      it("validates against code-table.schema.json", () => {
        const ok = validateTable(table);
        expect(ok, ajv.errorsText(validateTable.errors)).to.equal(true);
      });

      it("lists each code once", () => {
        const codes = table.codes.map((entry) => entry.code);
        const dupes = codes.filter((code, i) => codes.indexOf(code) !== i);
        expect(dupes).to.deep.equal([]);
      });

      it("cites documents that exist, and lists every entry's sources at the table level", () => {
        for (const source of table.sources) {
          const [path, section] = source.split(" §");
          expect(existsSync(new URL(path ?? "", sharedDir)), `${source} exists in ../shared`).to.equal(true);
          if (section !== undefined) {
            expect(() => factsSection(Number(section)), source).not.to.throw();
          }
        }
        for (const entry of table.codes) {
          for (const source of entry.sources) {
            expect(table.sources, `${entry.code}: ${source}`).to.include(source);
          }
        }
      });

      it("points every misspelling at an entry of its own with the same status", () => {
        const codes = byCode(table);
        for (const entry of table.codes.filter((e) => e.misspellingOf !== undefined)) {
          const correct = codes.get(entry.misspellingOf ?? "");
          expect(correct, `${entry.code} → ${entry.misspellingOf}`).to.not.equal(undefined);
          expect(correct?.status, entry.code).to.equal(entry.status);
          expect(correct?.misspellingOf, `${entry.misspellingOf} is itself correct`).to.equal(undefined);
        }
      });
    });
  }

  describe("code-table.schema.json", () => {
    const entry = { code: "X", status: 400, description: "d", sources: [SEED_KMS] };
    const table = (codes: object[], extra: object = {}) => ({
      dialect: "alibaba",
      product: "kms",
      title: "t",
      sources: [SEED_KMS],
      codes,
      ...extra,
    });
    const invalid: Array<[string, object]> = [
      ["a status above 599", table([{ ...entry, status: 600 }])],
      ["a status class other than 4xx/5xx", table([{ ...entry, status: "3xx" }])],
      ["a status given as a numeric string", table([{ ...entry, status: "400" }])],
      [
        "an entry without status (null must be explicit)",
        table([{ code: "X", description: "d", sources: [SEED_KMS] }]),
      ],
      ["an entry without sources", table([{ code: "X", status: 400, description: "d" }])],
      ["an unknown entry member", table([{ ...entry, httpStatus: 400 }])],
      ["an unknown dialect", table([entry], { dialect: "aws" })],
      ["an empty code list", table([])],
      ["a code with spaces", table([{ ...entry, code: "Bad Code" }])],
      ["observedOn in a product's table", table([{ ...entry, observedOn: ["DNS"] }])],
      [
        "a gateway entry without observedOn",
        table([entry], { product: "gateway", sources: [`${FACTS} §5`] }),
      ],
      [
        "a gateway entry with a status class (the gateway's status is seen, exact)",
        table([{ ...entry, status: "4xx", observedOn: ["DNS"] }], { product: "gateway" }),
      ],
      [
        "a gateway entry without a status",
        table([{ ...entry, status: null, observedOn: ["DNS"] }], { product: "gateway" }),
      ],
      [
        "a gateway entry with an empty observedOn",
        table([{ ...entry, observedOn: [] }], { product: "gateway" }),
      ],
    ];
    for (const [name, data] of invalid) {
      it(`rejects ${name}`, () => {
        expect(validateTable(data)).to.equal(false);
      });
    }
    it("accepts null, a status class and an integer status", () => {
      const ok = table([
        { ...entry, code: "A", status: null },
        { ...entry, code: "B", status: "5xx", inference: "why" },
        { ...entry, code: "C", status: 429 },
      ]);
      expect(validateTable(ok), ajv.errorsText(validateTable.errors)).to.equal(true);
    });
    it("accepts a gateway table whose entries say where their status was seen", () => {
      const ok = table([{ ...entry, status: 404, observedOn: ["DNS", "RDS"] }], { product: "gateway" });
      expect(validateTable(ok), ajv.errorsText(validateTable.errors)).to.equal(true);
    });
  });
});

describe("tencent-common.json agrees with seeds 001, 003 and provider-facts §2", () => {
  const table = loadTable("tencent-common.json");
  const codes = byCode(table);
  const seeds = new Map([
    [SEED_TENCENT_A, parseMarkdownTable(readShared(SEED_TENCENT_A))],
    [SEED_TENCENT_B, parseMarkdownTable(readShared(SEED_TENCENT_B))],
  ]);

  for (const [seed, rows] of seeds) {
    it(`has every code of ${seed}'s common error code table, citing it, with no status`, () => {
      expect(rows).to.have.length(26);
      for (const row of rows) {
        const entry = codes.get(row.code);
        expect(entry, row.code).to.not.equal(undefined);
        expect(entry?.status, row.code).to.equal(null);
        expect(entry?.sources, row.code).to.include(seed);
      }
    });

    it(`cites ${seed} only for codes it lists`, () => {
      const listed = new Set(rows.map((row) => row.code));
      for (const entry of table.codes.filter((e) => e.sources.includes(seed))) {
        expect(listed.has(entry.code), entry.code).to.equal(true);
      }
    });
  }

  it("describes the seeds' codes in seed 003's words", () => {
    for (const row of seeds.get(SEED_TENCENT_B) ?? []) {
      expect(codes.get(row.code)?.description, row.code).to.equal(row.cells[1]);
    }
  });

  it("has exactly the common codes of provider-facts §2, each citing it", () => {
    const facts = tencentFacts();
    expect(facts.codes).to.have.length(facts.expectedCount);
    expect(facts.expectedCount).to.equal(38);
    expect([...codes.keys()].sort()).to.deep.equal([...facts.codes].sort());
    for (const entry of table.codes) {
      expect(entry.sources, entry.code).to.include(`${FACTS} §2`);
    }
  });

  it("gives no status for any code (every Tencent error arrives with HTTP 200)", () => {
    expect(table.codes.filter((entry) => entry.status !== null).map((e) => e.code)).to.deep.equal([]);
  });
});

describe("alibaba-kms.json agrees with seed 002 and provider-facts §1/§2", () => {
  const table = loadTable("alibaba-kms.json");
  const codes = byCode(table);
  const seedRows = parseMarkdownTable(readShared(SEED_KMS));
  const facts = parseStatusList(firstParagraph(factsSubsection(2, "Alibaba KMS").body));
  const misspellings = kmsMisspellings();

  it("has every row of seed 002's public error code table with its status and message", () => {
    expect(seedRows).to.have.length(30);
    for (const row of seedRows) {
      const entry = codes.get(row.code);
      expect(entry, row.code).to.not.equal(undefined);
      expect(entry?.status, row.code).to.equal(Number(row.cells[2]));
      expect(entry?.description, row.code).to.equal(row.cells[1]);
      expect(entry?.sources, row.code).to.include(SEED_KMS);
    }
  });

  it("cites seed 002 only for its rows and the correct spellings of its misspelt rows", () => {
    const listed = new Set(seedRows.map((row) => row.code));
    for (const entry of table.codes.filter((e) => e.sources.includes(SEED_KMS))) {
      const viaMisspelling = table.codes.some((e) => e.misspellingOf === entry.code && listed.has(e.code));
      expect(listed.has(entry.code) || viaMisspelling, entry.code).to.equal(true);
    }
  });

  it("has every code of provider-facts §2 KMS with its status, citing it", () => {
    expect(facts.size).to.equal(36);
    for (const [code, status] of facts) {
      const entry = codes.get(code);
      expect(entry, code).to.not.equal(undefined);
      expect(entry?.status, code).to.equal(status);
      expect(entry?.sources, code).to.include(`${FACTS} §2`);
    }
  });

  it("has no code beyond seed 002 and provider-facts §2", () => {
    const documented = new Set([...facts.keys(), ...seedRows.map((row) => row.code)]);
    expect(table.codes.filter((e) => !documented.has(e.code)).map((e) => e.code)).to.deep.equal([]);
  });

  it("keeps seed 002's misspelt codes as entries that name their correct spelling (provider-facts §1)", () => {
    expect([...misspellings.entries()]).to.deep.equal([
      ["SerivceUnavailableTemporary", "ServiceUnavailableTemporary"],
      ["Rejetced.PendingDeletion", "Rejected.PendingDeletion"],
    ]);
    const marked = new Map(table.codes.filter((e) => e.misspellingOf).map((e) => [e.code, e.misspellingOf]));
    expect(marked).to.deep.equal(misspellings);
    for (const [wrong, right] of misspellings) {
      expect(
        seedRows.map((row) => row.code),
        wrong,
      ).to.include(wrong);
      expect(codes.get(wrong)?.status).to.equal(codes.get(right)?.status);
      expect(codes.get(right)?.misspellingOf).to.equal(undefined);
    }
  });

  it("keeps the per-product statuses of provider-facts §1 (404 InvalidAccessKeyId.NotFound, 429 Rejected.Throttling)", () => {
    expect(codes.get("InvalidAccessKeyId.NotFound")?.status).to.equal(404);
    expect(codes.get("Rejected.Throttling")?.status).to.equal(429);
  });
});

describe("alibaba-ess.json agrees with seed 004 and provider-facts §2", () => {
  const table = loadTable("alibaba-ess.json");
  const codes = byCode(table);
  const seedRows = parseEssTable(readShared(SEED_ESS));
  const facts = parseStatusList(firstParagraph(factsSubsection(2, "Alibaba Auto Scaling / ESS").body));

  it("has every row of seed 004's common error code table with its status, description and message", () => {
    expect(seedRows).to.have.length(14);
    for (const row of seedRows) {
      const entry = codes.get(row.code);
      expect(entry, row.code).to.not.equal(undefined);
      expect(entry?.status, row.code).to.equal(row.status);
      expect(entry?.description, row.code).to.equal(row.description);
      expect(entry?.message, row.code).to.equal(row.message);
      expect(entry?.sources, row.code).to.include(SEED_ESS);
    }
  });

  it("has every code of provider-facts §2 ESS with its status, and nothing else", () => {
    expect(facts.size).to.equal(14);
    for (const [code, status] of facts) {
      expect(codes.get(code)?.status, code).to.equal(status);
      expect(codes.get(code)?.sources, code).to.include(`${FACTS} §2`);
    }
    expect([...codes.keys()].sort()).to.deep.equal([...facts.keys()].sort());
  });

  it("keeps the per-product statuses of provider-facts §1 (400 InvalidAccessKeyId.NotFound, 400 Throttling)", () => {
    expect(codes.get("InvalidAccessKeyId.NotFound")?.status).to.equal(400);
    expect(codes.get("Throttling")?.status).to.equal(400);
  });
});

describe("zenlayer-common.json agrees with seed 000 and provider-facts §1", () => {
  const table = loadTable("zenlayer-common.json");
  const codes = byCode(table);

  it("has exactly the codes provider-facts §1 lists as seen on the wire", () => {
    const wire = zenlayerWireCodes();
    expect(wire).to.have.length(6);
    expect([...codes.keys()].sort()).to.deep.equal([...wire].sort());
  });

  it("gives each code a status class from seed 000's rule, with the inference written down", () => {
    const seed = readShared(SEED_ZENLAYER);
    expect(seed).to.include("4xx: the parameters are illegal or the operation is not allowed.");
    expect(seed).to.include("5xx: the system error.");
    for (const entry of table.codes) {
      expect(entry.status, entry.code).to.be.oneOf(["4xx", "5xx"]);
      expect(entry.inference, entry.code).to.be.a("string").and.not.equal("");
    }
  });

  it("pins the decided classes (rate limiting is 4xx: the Go SDK reads HTTP 429 as rate limiting)", () => {
    const decided = Object.fromEntries(table.codes.map((e) => [e.code, e.status]));
    expect(decided).to.deep.equal({
      INVALID_ZONE_NOT_FOUND: "4xx",
      REQUEST_LIMIT_EXCEEDED: "4xx",
      SERVICE_TEMPORARY_UNAVAILABLE: "5xx",
      INTERNAL_SERVER_ERROR: "5xx",
      REQUEST_TIMED_OUT: "5xx",
      OPERATION_FAILED_RESOURCE_NOT_FOUND: "4xx",
    });
    const { body } = factsSubsection(1, "Zenlayer Cloud");
    expect(body.replace(/\s+/g, " ")).to.include(
      "HTTP 429 or code `REQUEST_LIMIT_EXCEEDED` means rate limiting",
    );
  });

  it("cites seed 000 for the code of its failed-request example", () => {
    expect(readShared(SEED_ZENLAYER)).to.include('"code": "INVALID_ZONE_NOT_FOUND"');
    expect(codes.get("INVALID_ZONE_NOT_FOUND")?.sources).to.include(SEED_ZENLAYER);
  });
});

/** provider-facts §5's bullet on the gateway: the code, the status and the products it was seen on. */
function gatewayFacts(): { code: string; status: number; observedOn: string[]; documentedByEss: number } {
  const text = factsSection(5).replace(/\s*\n\s*/g, " ");
  const m =
    /Alibaba's API gateway answers `([^`]+)` with HTTP (\d{3}) on every product seen \(([^)]*?), in public issue threads[^)]*\), while the ESS table in seed 004 documents (\d{3})\./.exec(
      text,
    );
  if (!m) throw new Error("provider-facts.md §5: no sentence on Alibaba's API gateway");
  const observedOn = (m[3] ?? "").split(/, /).map((name) => name.trim());
  return { code: m[1] ?? "", status: Number(m[2]), observedOn, documentedByEss: Number(m[4]) };
}

describe("alibaba-gateway.json agrees with provider-facts §5", () => {
  const table = loadTable("alibaba-gateway.json");
  const facts = gatewayFacts();

  it("is the Alibaba gateway table, drawn from provider-facts §5 alone", () => {
    expect([table.dialect, table.product]).to.deep.equal(["alibaba", "gateway"]);
    expect(table.sources).to.deep.equal([`${FACTS} §5`]);
  });

  it("has exactly the code §5 shows the gateway answering on every product, with its status and products", () => {
    expect(facts).to.deep.equal({
      code: "InvalidAccessKeyId.NotFound",
      status: 404,
      observedOn: ["DNS", "RDS", "ACK", "machine translation"],
      documentedByEss: 400,
    });
    expect(table.codes.map((e) => [e.code, e.status, e.observedOn])).to.deep.equal([
      [facts.code, facts.status, facts.observedOn],
    ]);
  });

  it("differs from ESS's documented status and agrees with KMS's, as §5 and §1 say", () => {
    const ess = byCode(loadTable("alibaba-ess.json")).get(facts.code);
    const kms = byCode(loadTable("alibaba-kms.json")).get(facts.code);
    expect(ess?.status).to.equal(facts.documentedByEss);
    expect(ess?.status).to.not.equal(facts.status);
    expect(kms?.status).to.equal(facts.status);
  });
});

interface GoErrorCode {
  name: string;
  value: string;
  comment: string;
}

/** The `NAME = "Dotted.Value"` constants of a Go SDK errors.go, each with the comment lines right above it. */
function parseGoErrors(text: string): GoErrorCode[] {
  const out: GoErrorCode[] = [];
  let comment: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("//")) {
      comment.push(line.slice(2).trim());
      continue;
    }
    const m = /^([A-Z0-9_]+)\s*=\s*"([^"]+)"$/.exec(line);
    if (m) out.push({ name: m[1] ?? "", value: m[2] ?? "", comment: comment.filter(Boolean).join(" ") });
    comment = [];
  }
  return out;
}

/** The wire spelling of a Go SDK code: `Invalid.Zone.Not.Found` → `INVALID_ZONE_NOT_FOUND` (provider-facts §5). */
const wireSpelling = (dotted: string) => dotted.toUpperCase().replaceAll(".", "_");

describe("zenlayer-bmc.json agrees with the Go SDK's bmc 2022-11-20 errors.go, seed 000 and provider-facts §5", () => {
  const table = loadTable("zenlayer-bmc.json");
  const codes = byCode(table);
  const sdk = parseGoErrors(readShared(BMC_ERRORS));

  it("provider-facts §5 gives the wire spelling of the SDK's dotted codes", () => {
    expect(factsSection(5).replace(/\s+/g, " ")).to.include(
      "its Go SDK lists codes in a dotted spelling (`Invalid.Zone.Not.Found`) while the wire and the docs use upper snake case (`INVALID_ZONE_NOT_FOUND`)",
    );
    expect(wireSpelling("Invalid.Zone.Not.Found")).to.equal("INVALID_ZONE_NOT_FOUND");
  });

  it("has exactly the SDK's codes, in wire spelling, described in the SDK's words", () => {
    expect(sdk).to.have.length(121);
    expect(table.codes.map((e) => e.code)).to.deep.equal(sdk.map((c) => wireSpelling(c.value)));
    for (const c of sdk) {
      const entry = codes.get(wireSpelling(c.value));
      expect(entry?.description, c.value).to.equal(c.comment);
      expect(entry?.sources, c.value).to.include(BMC_ERRORS);
    }
  });

  it("documents MISSING_PARAMETER (the code the sandbox answers a missing bmc parameter with)", () => {
    expect(sdk.find((c) => c.name === "MISSING_PARAMETER")?.value).to.equal("Missing.Parameter");
    expect(codes.get("MISSING_PARAMETER")?.status).to.equal("4xx");
  });

  it("gives every code seed 000's 4xx class, with the inference written down", () => {
    const seed = readShared(SEED_ZENLAYER);
    expect(seed).to.include("4xx: the parameters are illegal or the operation is not allowed.");
    for (const entry of table.codes) {
      expect(entry.status, entry.code).to.equal("4xx");
      expect(entry.inference, entry.code).to.be.a("string").and.not.equal("");
      expect(entry.sources, entry.code).to.include(SEED_ZENLAYER);
    }
  });

  it("agrees with zenlayer-common.json on the codes both hold", () => {
    const common = byCode(loadTable("zenlayer-common.json"));
    const shared = table.codes.filter((e) => common.has(e.code));
    expect(shared.map((e) => e.code).sort()).to.deep.equal([
      "INVALID_ZONE_NOT_FOUND",
      "OPERATION_FAILED_RESOURCE_NOT_FOUND",
    ]);
    for (const entry of shared) expect(common.get(entry.code)?.status, entry.code).to.equal(entry.status);
  });
});
