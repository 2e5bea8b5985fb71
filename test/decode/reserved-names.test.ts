import { expect } from "chai";
import { decodeJson } from "../../src/decode/decode-json.js";
import { decodeXml } from "../../src/decode/decode-xml.js";
import type { DecodedBody } from "../../src/decode/decoded-body.js";
import { checkExchange } from "../../src/engine/check-exchange.js";
import { ALIBABA_ID, TENCENT_ID } from "../support/bodies.js";
import { buildExchange, type ExchangeSpec } from "../support/exchange-builder.js";
import { sharedEngine } from "../support/shared-engine.js";

/**
 * Names that are legal in XML and JSON but are properties of every JavaScript object. A body that uses one
 * is data like any other: it must be decoded, judged, and never reach Object.prototype.
 */
const RESERVED = Object.getOwnPropertyNames(Object.prototype).concat("prototype");

const limits = { maxDepth: 256 };

/** Object.prototype's own properties as they are now, to compare after the bodies went through. */
function prototypeSnapshot(): [string, unknown][] {
  return Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((name) => {
      const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, name);
      return [name, descriptor?.value ?? descriptor?.get];
    });
}

const pristine = prototypeSnapshot();

function expectPrototypeUntouched(): void {
  expect(prototypeSnapshot()).to.deep.equal(pristine);
  expect(Object.getPrototypeOf({})).to.equal(Object.prototype);
  expect(({} as Record<string, unknown>).RequestId).to.equal(undefined);
}

function decodedValue(decoded: DecodedBody): Record<string, unknown> {
  if (!decoded.ok) throw new Error(`not decoded: ${decoded.message}`);
  return decoded.value as Record<string, unknown>;
}

describe("bodies with names that every JavaScript object already has (constructor, __proto__, toString…)", () => {
  afterEach(expectPrototypeUntouched);

  describe("decoding them", () => {
    it("has them all in the list (Object.prototype's own names and `prototype`)", () => {
      expect(RESERVED).to.include.members([
        "constructor",
        "__proto__",
        "prototype",
        "hasOwnProperty",
        "toString",
        "valueOf",
        "__defineGetter__",
        "__lookupSetter__",
      ]);
    });

    for (const name of RESERVED) {
      it(`XML <${name}> decodes to an own property, as JSON.parse decodes "${name}"`, () => {
        const decoded = decodeXml(`<R><RequestId>r</RequestId><${name}>v</${name}></R>`, limits);
        const value = decodedValue(decoded);
        expect(decoded.ok && decoded.xmlRoot).to.equal("R");
        expect(Object.getPrototypeOf(value)).to.equal(Object.prototype);
        expect(Object.keys(value)).to.deep.equal(["RequestId", name]);
        expect(Object.getOwnPropertyDescriptor(value, name)?.value).to.equal("v");
        const json = decodedValue(decodeJson(`{"RequestId":"r","${name}":"v"}`, limits));
        expect(Object.entries(value)).to.deep.equal(Object.entries(json));
      });
    }

    it("as the root, nested, repeated and self-closing, and in attributes (which are dropped)", () => {
      const decoded = decodeXml(
        `<constructor><__proto__ __proto__="a"><toString>a</toString><toString>b</toString></__proto__>` +
          `<hasOwnProperty/><valueOf><constructor>1</constructor></valueOf><__defineGetter__>g</__defineGetter__></constructor>`,
        limits,
      );
      expect(decoded.ok && decoded.xmlRoot).to.equal("constructor");
      const value = decodedValue(decoded);
      expect(Object.keys(value)).to.deep.equal([
        "__proto__",
        "hasOwnProperty",
        "valueOf",
        "__defineGetter__",
      ]);
      const proto = Object.getOwnPropertyDescriptor(value, "__proto__")?.value as Record<string, unknown>;
      expect(Object.getPrototypeOf(value)).to.equal(Object.prototype);
      expect(Object.getPrototypeOf(proto)).to.equal(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(proto, "toString")?.value).to.deep.equal(["a", "b"]);
      expect(Object.getOwnPropertyDescriptor(value, "hasOwnProperty")?.value).to.equal("");
      expect(
        Object.getOwnPropertyDescriptor(value.valueOf as unknown as object, "constructor")?.value,
      ).to.equal("1");
      expect(Object.getOwnPropertyDescriptor(value, "__defineGetter__")?.value).to.equal("g");
    });

    it("JSON: `__proto__` is an own key, the prototype is untouched", () => {
      const value = decodedValue(
        decodeJson('{"__proto__":{"RequestId":"r"},"constructor":{"prototype":1}}', limits),
      );
      expect(Object.getPrototypeOf(value)).to.equal(Object.prototype);
      expect(Object.keys(value)).to.deep.equal(["__proto__", "constructor"]);
      expect(value.RequestId).to.equal(undefined);
    });
  });

  describe("decoding XML as deep as maxDepth allows", () => {
    const nested = (depth: number) => `${"<a>".repeat(depth - 1)}<b>x</b>${"</a>".repeat(depth - 1)}`;

    it("deeper than fast-xml-parser's own default limit (100 elements) but within maxDepth", () => {
      expect(decodeXml(nested(200), limits).ok).to.equal(true);
    });

    it("deeper than maxDepth fails body-parseable's way, whatever maxDepth is", () => {
      expect(decodeXml(nested(300), limits)).to.deep.include({
        ok: false,
        message: "body nests deeper than 256 levels (maxDepth); not judged further",
      });
      expect(decodeXml(nested(100), { maxDepth: 64 })).to.deep.include({
        ok: false,
        message: "body nests deeper than 64 levels (maxDepth); not judged further",
      });
    });
  });

  describe("the rules judge such bodies as data, and never find a field through a prototype", () => {
    async function findings(spec: ExchangeSpec): Promise<string[]> {
      const verdict = checkExchange(buildExchange(spec), await sharedEngine());
      if (verdict.kind === "skipped") throw new Error(`skipped: ${verdict.reason}`);
      return verdict.result.findings.map((f) => `${f.rule} ${f.pointer}`);
    }

    it("Alibaba XML whose RequestId sits only inside <__proto__>: the request ID is missing", async () => {
      const body = `<DescribeThingsResponse><__proto__><RequestId>${ALIBABA_ID}</RequestId></__proto__></DescribeThingsResponse>`;
      const found = await findings({ dialect: "alibaba", format: "xml", body });
      expect(found).to.include("request-id-present /RequestId");
      expect(found.filter((f) => f.startsWith("body-parseable"))).to.deep.equal([]);
    });

    it('Tencent JSON whose RequestId sits only inside "__proto__": the request ID is missing', async () => {
      const body = `{"Response":{"__proto__":{"RequestId":"${TENCENT_ID}"}}}`;
      expect(await findings({ dialect: "tencent", body })).to.include(
        "request-id-present /Response/RequestId",
      );
    });

    for (const code of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      it(`an error code "${code}" is an unknown code (Tencent JSON, Alibaba XML)`, async () => {
        const tencent = {
          Response: { Error: { Code: code, Message: "m" }, RequestId: TENCENT_ID },
        };
        expect(await findings({ dialect: "tencent", body: tencent })).to.deep.equal([
          "error-code-known /Response/Error/Code",
        ]);
        const alibaba =
          `<Error><RequestId>${ALIBABA_ID}</RequestId><HostId>ess.aliyuncs.com</HostId>` +
          `<Code>${code}</Code><Message>m</Message><${code}>x</${code}></Error>`;
        expect(await findings({ dialect: "alibaba", format: "xml", status: 400, body: alibaba })).to.include(
          "error-code-known /Code",
        );
      });
    }
  });
});
