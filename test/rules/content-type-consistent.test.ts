import { contentTypeConsistent } from "../../src/rules/content-type-consistent.js";
import { alibabaSuccess, tencentSuccess, zenlayerSuccess } from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";

const xml =
  "<DescribeThingsResponse><RequestId>4C467B38-3910-447D-87BC-AC049166F216</RequestId></DescribeThingsResponse>";

ruleTester(contentTypeConsistent, {
  valid: [
    {
      name: "application/json",
      dialect: "tencent",
      body: tencentSuccess(),
      headers: { "content-type": "application/json" },
    },
    {
      name: "application/json with charset",
      dialect: "zenlayer",
      body: zenlayerSuccess(),
      headers: { "content-type": "application/json; charset=utf-8" },
    },
    {
      name: "upper-case media type",
      dialect: "alibaba",
      body: alibabaSuccess(),
      headers: { "content-type": "Application/JSON;charset=UTF-8" },
    },
    {
      name: "text/xml;charset=utf-8 for XML",
      dialect: "alibaba",
      format: "xml",
      body: xml,
      headers: { "content-type": "text/xml;charset=utf-8" },
    },
    {
      name: "application/xml for XML",
      dialect: "alibaba",
      format: "xml",
      body: xml,
      headers: { "content-type": "application/xml" },
    },
    {
      name: "not judged when the body does not decode",
      notApplicable: true,
      dialect: "tencent",
      body: "<html>",
      headers: { "content-type": "text/html" },
    },
  ],
  invalid: [
    {
      name: "text/html on a JSON body",
      dialect: "tencent",
      body: tencentSuccess(),
      headers: { "content-type": "text/html" },
      findings: [
        {
          messageId: "wrongFormat",
          data: { contentType: "text/html", format: "JSON" },
          location: "header:content-type",
          message: `Content-Type "text/html" does not name the body's format (JSON)`,
          expected: "application/json",
          actual: "text/html",
        },
      ],
    },
    {
      name: "text/plain does not name JSON",
      dialect: "zenlayer",
      body: zenlayerSuccess(),
      headers: { "content-type": "text/plain; charset=utf-8" },
      findings: [
        { messageId: "wrongFormat", data: { contentType: "text/plain; charset=utf-8", format: "JSON" } },
      ],
    },
    {
      name: "application/json on an XML body",
      dialect: "alibaba",
      format: "xml",
      body: xml,
      headers: { "content-type": "application/json" },
      findings: [
        {
          messageId: "wrongFormat",
          data: { format: "XML" },
          expected: "text/xml or application/xml",
          actual: "application/json",
        },
      ],
    },
    {
      name: "no Content-Type at all",
      dialect: "alibaba",
      body: alibabaSuccess(),
      headers: { "content-type": null },
      findings: [{ messageId: "missing", data: {}, actual: "(absent)" }],
    },
  ],
});
