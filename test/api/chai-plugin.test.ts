import * as chai from "chai";
import { expect } from "chai";
import conformance from "../../src/chai/index.js";
import { conformancePlugin, createChecker, type PlainExchange } from "../../src/package/index.js";
import { exchangeOf, recordedExchanges, withBody } from "./recorded-exchanges.js";

chai.use(conformance);

const cvm = recordedExchanges("tencent-cvm");
const zones = exchangeOf(cvm, "DescribeZones", (body) => body.Response.Error === undefined);
const failure = exchangeOf(cvm, "RunInstances", (body) => body.Response.Error?.Message !== undefined);
const noMessage = withBody(failure, (body) => {
  delete body.Response.Error.Message;
});
const unknownHost: PlainExchange = {
  request: { url: "https://example.com/api" },
  response: { status: 200, headers: { "content-type": "application/json" }, body: {} },
};

/** The AssertionError `assertion` throws (fails the test when it throws none). */
function failureOf(assertion: () => void): Error {
  try {
    assertion();
  } catch (error) {
    expect(error).to.be.instanceOf(chai.AssertionError);
    return error as Error;
  }
  throw new Error("the assertion passed");
}

describe("the chai plugin (chai.use(conformance))", () => {
  describe("conform()", () => {
    it("passes a conformant exchange, success or error", () => {
      expect(zones).to.conform();
      expect(failure).to.conform();
    });

    it("fails a broken one with the suites' message: rule, source, pointer, expected, actual", () => {
      const { message } = failureOf(() => expect(noMessage).to.conform());
      expect(message).to.include("expected tencent/cvm/RunInstances (exchange#0) to conform");
      expect(message).to.include("1 exchange(s) violate error-code-message:");
      expect(message).to.include(
        "exchange#0 (HTTP 200, error) at /Response/Error/Message: error has no message",
      );
      expect(message).to.include("    expected: a non-empty string");
      expect(message).to.include("    actual:   (absent)");
    });

    it("negated, passes a broken exchange and fails a conformant one", () => {
      expect(noMessage).not.to.conform();
      const { message } = failureOf(() => expect(zones).not.to.conform());
      expect(message).to.match(
        /^expected tencent\/cvm\/DescribeZones \(exchange#0\) not to conform, but it breaks no rule/,
      );
    });

    it("fails, negated or not, an exchange it cannot judge, with the reason", () => {
      expect(failureOf(() => expect(unknownHost).to.conform()).message).to.match(/was not judged: /);
      expect(failureOf(() => expect(unknownHost).not.to.conform()).message).to.match(/was not judged: /);
    });

    it("passes with warnings only (as the suites, which fail on errors)", async () => {
      // chai runs a plugin function once: another checker is another conformancePlugin(...) call.
      chai.use(
        conformancePlugin(await createChecker({ config: { rules: { "error-code-message": "warning" } } })),
      );
      try {
        expect(noMessage).to.conform();
      } finally {
        chai.use(conformancePlugin(await createChecker()));
      }
      expect(noMessage).not.to.conform();
    });
  });

  describe("conformTo({ dialect, product, action })", () => {
    it("passes an exchange read as that dialect, product and action that conforms", () => {
      expect(zones).to.conformTo({ dialect: "tencent", action: "DescribeZones" });
      expect(zones).to.conformTo({ dialect: "tencent", product: "cvm", action: "DescribeZones" });
      expect(zones).to.conformTo({ dialect: "tencent" });
    });

    it("fails one read as another dialect or action, saying what it was read as", () => {
      const { message } = failureOf(() =>
        expect(zones).to.conformTo({ dialect: "alibaba", action: "DescribeZones" }),
      );
      expect(message).to.equal(
        "expected exchange#0 to conform to alibaba/*/DescribeZones, but it was read as tencent/cvm/DescribeZones",
      );
      expect(
        failureOf(() => expect(zones).to.conformTo({ dialect: "tencent", action: "RunInstances" })).message,
      ).to.include("it was read as tencent/cvm/DescribeZones");
    });

    it("fails a broken one of that action with the rule, pointer, expected and actual", () => {
      const { message } = failureOf(() =>
        expect(noMessage).to.conformTo({ dialect: "tencent", product: "cvm", action: "RunInstances" }),
      );
      expect(message).to.include(
        "to conform to tencent/cvm/RunInstances, but 1 exchange(s) violate error-code-message:",
      );
      expect(message).to.include("at /Response/Error/Message");
      expect(message).to.include("expected: a non-empty string");
      expect(message).to.include("actual:   (absent)");
    });

    it("negated, passes when it is another action or breaks a rule, and fails when it is one and conforms", () => {
      expect(zones).not.to.conformTo({ dialect: "zenlayer", action: "DescribeZones" });
      expect(noMessage).not.to.conformTo({ dialect: "tencent", action: "RunInstances" });
      const { message } = failureOf(() =>
        expect(zones).not.to.conformTo({ dialect: "tencent", action: "DescribeZones" }),
      );
      expect(message).to.include("not to conform to tencent/*/DescribeZones");
    });

    it("asks for a dialect", () => {
      expect(() => expect(zones).to.conformTo({} as never)).to.throw(TypeError, /dialect is required/);
    });
  });
});
