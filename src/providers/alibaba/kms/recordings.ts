import { REDACTED, type RecordedExample, recordedHostId, xmlDocument } from "../../recording-example.js";
import { product } from "./product.js";

const HOST_ID = recordedHostId(product);
const ROOT = product.xmlRoot;
if (!ROOT) throw new Error("alibaba/kms: the recordings answer XML under the product's own root (xmlRoot)");
const KEY = "key-hzz630494463ejqjx****";

/** recordings/alibaba-kms.har. */
export const recordings: readonly RecordedExample[] = [
  {
    comment: "Encrypt",
    action: "Encrypt",
    params: { KeyId: KEY, Plaintext: REDACTED },
    status: 200,
    body: {
      CiphertextBlob:
        "ODZhOWVmZDktM2QxNi00ODk0LWJkNGYtMWZjNDNmM2YyYWJmS7FmDBBQ0BkKsQrtRnidtPwirmDcS0ZuJCU41xxAAWk4Z8qsADfbV0b+i6kQmlvj79dJdGOvtX69Uycs901qOjop4bTS****",
      KeyId: KEY,
      KeyVersionId: "2ab1a983-7072-4bbc-a582-584b5bd8****",
      RequestId: "475f1620-b9d3-4d35-b5c6-3fbdd941423d",
    },
  },
  {
    comment: "Encrypt in XML under KMS's own root",
    action: "Encrypt",
    format: "xml",
    params: { KeyId: KEY, Plaintext: REDACTED },
    status: 200,
    body: xmlDocument(
      ROOT,
      `<CiphertextBlob>ODZhOWVmZDktM2QxNi00ODk0****</CiphertextBlob><KeyId>${KEY}</KeyId><KeyVersionId>2ab1a983-7072-4bbc-a582-584b5bd8****</KeyVersionId><RequestId>6e3c8bb8-4b1a-4e5c-9d0f-1a2b3c4d5e6f</RequestId>`,
    ),
  },
  {
    comment: "DescribeRegions",
    action: "DescribeRegions",
    status: 200,
    body: {
      RequestId: "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d",
      Regions: {
        Region: [{ RegionId: "cn-hangzhou" }, { RegionId: "cn-shanghai" }, { RegionId: "ap-southeast-1" }],
      },
    },
  },
  {
    comment: "DescribeRegions in XML, one region (a list of one element)",
    action: "DescribeRegions",
    format: "xml",
    status: 200,
    body: xmlDocument(
      "DescribeRegionsResponse",
      "<RequestId>3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e</RequestId><Regions><Region><RegionId>cn-hangzhou</RegionId></Region></Regions>",
    ),
  },
  {
    comment: "KMS error with HttpStatus in the body",
    action: "Encrypt",
    params: { KeyId: "key-missing", Plaintext: REDACTED },
    status: 404,
    body: {
      HttpStatus: 404,
      Code: "Forbidden.KeyNotFound",
      Message: "The specified Key is not found.",
      RequestId: "4c5d6e7f-8a9b-4c0d-9e2f-3a4b5c6d7e8f",
      HostId: HOST_ID,
    },
  },
  {
    comment: "seed 002's XML error example, with HostId",
    action: "DescribeRegions",
    format: "xml",
    status: 400,
    body: xmlDocument(
      ROOT,
      `<HttpStatus>400</HttpStatus><Code>IllegalTimestamp</Code><Message>The input parameter "Timestamp" that is mandatory for processing this request is not supplied.</Message><RequestId>3b237773-bc2c-4bea-95fc-319a1a5baa68</RequestId><HostId>${HOST_ID}</HostId>`,
    ),
  },
  {
    comment: "InvalidAccessKeyId.NotFound is 404 for KMS",
    action: "DescribeRegions",
    status: 404,
    body: {
      HttpStatus: 404,
      Code: "InvalidAccessKeyId.NotFound",
      Message: "The AccessKey ID provided does not exist in our records.",
      RequestId: "5d6e7f8a-9b0c-4d1e-8f3a-4b5c6d7e8f9a",
      HostId: HOST_ID,
    },
  },
  {
    comment: "KMS throttling is 429",
    action: "Encrypt",
    params: { KeyId: KEY, Plaintext: REDACTED },
    status: 429,
    body: {
      HttpStatus: 429,
      Code: "Rejected.Throttling",
      Message: "The request was denied due to request throttling.",
      RequestId: "6e7f8a9b-0c1d-4e2f-9a4b-5c6d7e8f9a0b",
      HostId: HOST_ID,
    },
  },
];
