import { expect } from "chai";
import { harEntryToExchange } from "../../src/sources/har-entry.js";
import { UnreadableEntryError } from "../../src/sources/unreadable-entry-error.js";
import { harEntry } from "./source-fixtures.js";

const source = { file: "x.har", index: 4 };
const LIMIT = 1000;

type Json = Record<string, unknown>;

/** A copy of `entry` with the value at the dotted `field` replaced (undefined deletes it). */
function withField(entry: Json, field: string, value: unknown): Json {
  const copy = structuredClone(entry);
  const names = field.split(".");
  const last = names.pop() as string;
  let holder = copy;
  for (const name of names) holder = holder[name] as Json;
  if (value === undefined) delete holder[last];
  else holder[last] = value;
  return copy;
}

function reasonFor(entry: unknown): string {
  try {
    harEntryToExchange(entry, source, LIMIT);
  } catch (error) {
    if (error instanceof UnreadableEntryError) return error.reason;
    throw error;
  }
  throw new Error("the entry was read");
}

describe("harEntryToExchange", () => {
  it("reads the request, the response and the hints", () => {
    const entry = withField(harEntry('{"Response":{}}'), "_conformance", { dialect: "tencent", action: "X" });
    expect(harEntryToExchange(entry, source, LIMIT)).to.deep.equal({
      source,
      request: {
        method: "POST",
        url: "https://cvm.tencentcloudapi.com/",
        headers: { "content-type": "application/json", "x-tc-action": "DescribeInstances" },
        body: "{}",
      },
      response: {
        status: 200,
        headers: { "content-type": "application/json" },
        body: '{"Response":{}}',
        bodySize: 15,
      },
      hints: { dialect: "tencent", action: "X" },
    });
  });

  describe("valid entries", () => {
    const valid: { name: string; entry: Json; check: (e: ReturnType<typeof harEntryToExchange>) => void }[] =
      [
        {
          name: "form params become a form-encoded body when postData has no text",
          entry: withField(harEntry(), "request.postData", {
            mimeType: "application/x-www-form-urlencoded",
            params: [
              { name: "Action", value: "Describe Keys" },
              { name: "Format", value: "JSON" },
              { name: "Empty" },
            ],
          }),
          check: (e) => expect(e.request.body).to.equal("Action=Describe+Keys&Format=JSON&Empty="),
        },
        {
          name: "status 0 (blocked or cancelled in the browser) is read, with no body, for the engine to skip",
          entry: withField(withField(harEntry(), "response.status", 0), "response.content", {}),
          check: (e) => expect(e.response).to.include({ status: 0, body: "", bodySize: 0 }),
        },
        {
          name: "no postData means an empty request body",
          entry: withField(harEntry(), "request.postData", undefined),
          check: (e) => expect(e.request.body).to.equal(""),
        },
        {
          name: "a base64 body is decoded to UTF-8 text",
          entry: withField(harEntry(), "response.content", {
            size: 20,
            encoding: "base64",
            text: Buffer.from('{"名":"値"}').toString("base64"),
          }),
          check: (e) => {
            expect(e.response.body).to.equal('{"名":"値"}');
            expect(e.response.bodySize).to.equal(20);
          },
        },
        {
          name: "repeated headers are joined and names lower-cased",
          entry: withField(harEntry(), "response.headers", [
            { name: "Set-Cookie", value: "a=1" },
            { name: "set-cookie", value: "b=2" },
            { name: "X-TC-RequestId", value: "r" },
          ]),
          check: (e) =>
            expect(e.response.headers).to.deep.equal({ "set-cookie": "a=1, b=2", "x-tc-requestid": "r" }),
        },
        {
          name: "a negative content.size falls back to the body's UTF-8 length",
          entry: withField(harEntry("é"), "response.content.size", -1),
          check: (e) => expect(e.response.bodySize).to.equal(2),
        },
        {
          name: "a missing text with a recorded size of 0 is an empty body",
          entry: withField(harEntry(), "response.content", { size: 0, mimeType: "x/y" }),
          check: (e) => expect(e.response.body).to.equal(""),
        },
        {
          name: "no _conformance means no hints",
          entry: harEntry(),
          check: (e) => expect(e).not.to.have.property("hints"),
        },
      ];
    for (const { name, entry, check } of valid) {
      it(name, () => check(harEntryToExchange(entry, source, LIMIT)));
    }
  });

  describe("entries that cannot become exchanges", () => {
    const invalid: { entry: unknown; reason: string }[] = [
      { entry: 42, reason: "entry is not an object" },
      { entry: [harEntry()], reason: "entry is not an object" },
      { entry: withField(harEntry(), "request", undefined), reason: "request is missing" },
      { entry: withField(harEntry(), "request.url", undefined), reason: "request.url is missing" },
      { entry: withField(harEntry(), "request.url", 7), reason: "request.url is not a string" },
      { entry: withField(harEntry(), "request.method", ""), reason: "request.method is empty" },
      { entry: withField(harEntry(), "request.headers", {}), reason: "request.headers is not an array" },
      {
        entry: withField(harEntry(), "request.headers", [{ name: "a", value: 1 }]),
        reason: "request.headers[0].value is not a string",
      },
      {
        entry: withField(harEntry(), "request.postData", "x=1"),
        reason: "request.postData is not an object",
      },
      {
        entry: withField(harEntry(), "request.postData", { params: [{ value: "v" }] }),
        reason: "request.postData.params[0].name is missing",
      },
      { entry: withField(harEntry(), "response", null), reason: "response is not an object" },
      { entry: withField(harEntry(), "response.status", undefined), reason: "response.status is missing" },
      { entry: withField(harEntry(), "response.status", "200"), reason: "response.status is not a number" },
      { entry: withField(harEntry(), "response.content", undefined), reason: "response.content is missing" },
      {
        entry: withField(harEntry(), "response.content.text", undefined),
        reason: "response.content.text is missing: the response body was not recorded",
      },
      {
        entry: withField(harEntry(), "response.content.encoding", "gzip"),
        reason: 'response.content.encoding "gzip" is not supported: only base64 is',
      },
      {
        entry: withField(harEntry("x".repeat(1001)), "response.content.size", -1),
        reason: "response body is 1,001 bytes, over the 1,000-byte limit (raise it with --max-body-bytes)",
      },
      {
        entry: withField(harEntry("small"), "response.content.size", 5000),
        reason: "response body is 5,000 bytes, over the 1,000-byte limit",
      },
      {
        entry: withField(harEntry(), "request.postData.text", "é".repeat(501)),
        reason: "request body is 1,002 bytes, over the 1,000-byte limit",
      },
      { entry: withField(harEntry(), "_conformance", "tencent"), reason: "_conformance is not an object" },
      {
        entry: withField(harEntry(), "_conformance", { dialect: 1 }),
        reason: "_conformance.dialect is not a string",
      },
    ];
    for (const { entry, reason } of invalid) {
      it(reason, () => expect(reasonFor(entry)).to.include(reason));
    }
  });
});
