import { bodyParseable } from "../../src/rules/body-parseable.js";
import { ALIBABA_ID, alibabaSuccess, TENCENT_ID, tencentSuccess } from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { repairFragment, seedExamples } from "../support/seed-examples.js";

const kms = seedExamples.kms();
const ess = seedExamples.ess();

ruleTester(bodyParseable, {
  valid: [
    { name: "Tencent JSON", dialect: "tencent", body: tencentSuccess() },
    {
      name: "Alibaba XML when Format=XML",
      dialect: "alibaba",
      format: "xml",
      body: "<DescribeThingsResponse><RequestId>x</RequestId></DescribeThingsResponse>",
    },
    {
      name: "seed 002's KMS XML error example",
      dialect: "alibaba",
      product: "kms",
      format: "xml",
      status: 400,
      body: kms.xmlError,
    },
    {
      name: "seed 004's JSON error fragment, repaired",
      dialect: "alibaba",
      status: 500,
      body: repairFragment(ess.jsonError),
    },
    { name: "JSON with a UTF-8 message", dialect: "alibaba", body: alibabaSuccess({ Name: "未命名" }) },
    {
      // Legal XML names that fast-xml-parser refuses ([SECURITY] Invalid name) or renames (__toString).
      name: "XML with elements named constructor, __proto__ and prototype",
      dialect: "alibaba",
      format: "xml",
      body: `<DescribeThingsResponse><RequestId>${ALIBABA_ID}</RequestId><constructor>a</constructor><__proto__><prototype>b</prototype></__proto__></DescribeThingsResponse>`,
    },
    {
      name: "XML with elements named toString, hasOwnProperty and __defineGetter__",
      dialect: "alibaba",
      format: "xml",
      status: 400,
      body: `<Error><RequestId>${ALIBABA_ID}</RequestId><HostId>ess.aliyuncs.com</HostId><Code>toString</Code><Message>m</Message><toString/><hasOwnProperty>x</hasOwnProperty><__defineGetter__>y</__defineGetter__></Error>`,
    },
    {
      name: "JSON with __proto__ and constructor keys",
      dialect: "tencent",
      body: `{"Response":{"RequestId":"${TENCENT_ID}","__proto__":{"constructor":{"prototype":1}}}}`,
    },
    {
      name: "XML nested 200 levels (deeper than the XML parser's own default of 100, within maxDepth)",
      dialect: "alibaba",
      format: "xml",
      body: `<DescribeThingsResponse><RequestId>${ALIBABA_ID}</RequestId>${"<a>".repeat(198)}x${"</a>".repeat(198)}</DescribeThingsResponse>`,
    },
  ],
  invalid: [
    {
      name: "seed 002's KMS JSON error example (missing commas, unescaped quotes)",
      dialect: "alibaba",
      product: "kms",
      status: 400,
      body: kms.jsonError,
      findings: [
        {
          messageId: "invalidJson",
          pointer: "",
          message: /^body is not valid JSON: /,
          expected: "valid JSON",
        },
      ],
    },
    {
      name: "seed 002's JSON success example (a comment inside)",
      dialect: "alibaba",
      product: "kms",
      body: kms.jsonSuccess,
      findings: [{ messageId: "invalidJson" }],
    },
    {
      name: "seed 002's XML success example (malformed declaration and comments)",
      dialect: "alibaba",
      product: "kms",
      format: "xml",
      body: kms.xmlSuccess,
      findings: [
        {
          messageId: "malformedXmlAtLine",
          data: { line: 1 },
          expected: "well-formed XML",
        },
      ],
    },
    {
      name: "seed 004's JSON fragment as printed",
      dialect: "alibaba",
      status: 500,
      body: ess.jsonError,
      findings: [{ messageId: "invalidJson" }],
    },
    {
      name: "truncated JSON",
      dialect: "tencent",
      body: '{"Response": {"RequestId": "b5b4',
      findings: [
        {
          messageId: "truncatedJson",
          message: /^body is not valid JSON: .* \(the body ends early: truncated\?\)$/,
        },
      ],
    },
    {
      name: "empty body",
      dialect: "zenlayer",
      body: "",
      findings: [{ messageId: "empty", data: { format: "JSON" } }],
    },
    {
      name: "XML when JSON was asked for",
      dialect: "alibaba",
      body: "<Error><Code>X</Code></Error>",
      findings: [{ messageId: "invalidJson" }],
    },
    {
      name: "JSON when XML was asked for",
      dialect: "alibaba",
      format: "xml",
      body: alibabaSuccess(),
      findings: [{ messageId: "malformedXml", data: { line: 1, column: 1 } }],
    },
    {
      name: "JSON nested 100,000 levels",
      dialect: "tencent",
      body: `{"Response":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
      findings: [{ messageId: "tooDeep", data: { maxDepth: 256 } }],
    },
    {
      name: "XML nested 100,000 levels",
      dialect: "alibaba",
      format: "xml",
      body: `${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}`,
      findings: [{ messageId: "tooDeep", data: { maxDepth: 256 } }],
    },
    {
      name: "XML entity expansion (billion laughs)",
      dialect: "alibaba",
      format: "xml",
      body: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><DescribeThingsResponse><RequestId>&lol2;</RequestId></DescribeThingsResponse>`,
      findings: [{ messageId: "dtdRefused", data: {} }],
    },
    {
      name: "two XML roots",
      dialect: "alibaba",
      format: "xml",
      body: "<A><RequestId>x</RequestId></A><B/>",
      findings: [{ messageId: "xmlRootCount", data: { roots: 2 } }],
    },
  ],
  notCovered: {
    xmlRefused:
      "the XML parser refuses only what its validator, run first, already refused (malformedXml); kept for a parser that disagrees",
  },
});
