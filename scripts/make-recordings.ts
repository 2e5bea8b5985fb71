// Writes recordings/*.har, the shipped corpus of conformant exchanges (tsx scripts/make-recordings.ts).
// Deterministic: the same script always writes the same files. Credentials appear only redacted.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "./type-generation.js";

interface Call {
  comment: string;
  method: "GET" | "POST";
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  contentType: string;
  responseHeaders?: Record<string, string>;
  body: string;
}

const REDACTED = "[REDACTED]";
const STARTED = Date.parse("2026-11-20T08:00:00.000Z");
const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

const headerList = (headers: Record<string, string>) =>
  Object.entries(headers).map(([name, value]) => ({ name, value }));

function har(calls: Call[]): string {
  const entries = calls.map((call, i) => {
    const url = new URL(call.url);
    const responseHeaders = { "Content-Type": call.contentType, ...call.responseHeaders };
    return {
      startedDateTime: new Date(STARTED + i * 1500).toISOString(),
      time: 84,
      comment: call.comment,
      request: {
        method: call.method,
        url: call.url,
        httpVersion: "HTTP/1.1",
        cookies: [],
        headers: headerList({ Host: url.host, ...call.requestHeaders }),
        queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
        ...(call.requestBody === undefined
          ? {}
          : {
              postData: {
                mimeType: call.requestHeaders["Content-Type"] ?? "application/json",
                text: call.requestBody,
              },
            }),
        headersSize: -1,
        bodySize: call.requestBody === undefined ? 0 : Buffer.byteLength(call.requestBody),
      },
      response: {
        status: call.status,
        statusText: STATUS_TEXT[call.status] ?? "",
        httpVersion: "HTTP/1.1",
        cookies: [],
        headers: headerList(responseHeaders),
        content: { size: Buffer.byteLength(call.body), mimeType: call.contentType, text: call.body },
        redirectURL: "",
        headersSize: -1,
        bodySize: Buffer.byteLength(call.body),
      },
      cache: {},
      timings: { send: 1, wait: 80, receive: 3 },
    };
  });
  const log = {
    log: {
      version: "1.2",
      creator: { name: "cloud-envelope-conformance recordings", version: "1" },
      entries,
    },
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const JSON_TYPE = "application/json; charset=utf-8";
const XML_TYPE = "text/xml;charset=utf-8";

// Tencent Cloud API 3.0: every processed request answers 200; Response.Error marks failure.
function tencent(
  action: string,
  status: number,
  response: Record<string, unknown>,
  comment: string,
  requestBody = "{}",
): Call {
  return {
    comment,
    method: "POST",
    url: "https://cvm.tencentcloudapi.com/",
    requestHeaders: {
      "Content-Type": "application/json; charset=utf-8",
      "X-TC-Action": action,
      "X-TC-Version": "2017-03-12",
      "X-TC-Region": "ap-guangzhou",
      "X-TC-Timestamp": "1763625600",
      Authorization: `TC3-HMAC-SHA256 Credential=${REDACTED}/2026-11-20/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${REDACTED}`,
    },
    requestBody,
    status,
    contentType: "application/json",
    body: json({ Response: response }),
  };
}

const tencentCalls: Call[] = [
  tencent(
    "DescribeInstancesStatus",
    200,
    { TotalCount: 0, InstanceStatusSet: [], RequestId: "b5b41468-520d-4192-b42f-595cc34b6c1c" },
    "seed 001/003 success example",
    '{"Limit":20}',
  ),
  tencent(
    "DescribeInstancesStatus",
    200,
    {
      TotalCount: 2,
      InstanceStatusSet: [
        { InstanceId: "ins-2zvjrq7k", InstanceState: "RUNNING" },
        { InstanceId: "ins-9bxebleo", InstanceState: "STOPPED" },
      ],
      RequestId: "3c140219-cfe9-470e-b241-907877d6fb03",
    },
    "two instances",
  ),
  tencent(
    "DescribeInstancesStatus",
    200,
    {
      Error: {
        Code: "AuthFailure.SignatureFailure",
        Message: "The provided credentials could not be validated. Please check your signature is correct.",
      },
      RequestId: "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6",
    },
    "seed 001/003 error example: Tencent errors arrive with HTTP 200",
  ),
  tencent(
    "DescribeZones",
    200,
    {
      TotalCount: 1,
      ZoneSet: [
        { Zone: "ap-guangzhou-3", ZoneName: "Guangzhou Zone 3", ZoneId: "100003", ZoneState: "AVAILABLE" },
      ],
      RequestId: "9a7f3fd4-1d3b-4b0c-8a4d-0e2f5c6b7a81",
    },
    "an action without a registered schema",
  ),
  tencent(
    "RunInstances",
    200,
    {
      Error: {
        Code: "InvalidParameterValue.InvalidImageId",
        Message: "The image ID img-xxxxxxxx is invalid.",
      },
      RequestId: "5f4e8a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b",
    },
    "a product code extending a common code with a dot",
  ),
  tencent(
    "RunInstances",
    200,
    {
      Error: {
        Code: "DryRunOperation",
        Message:
          "DryRun operation, which means the request will succeed, but an unnecessary DryRun parameter is passed in.",
      },
      RequestId: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d",
    },
    "DryRun",
    '{"DryRun":true}',
  ),
  tencent(
    "DescribeInstances",
    200,
    {
      Error: { Code: "RequestLimitExceeded", Message: "The number of requests exceeds the frequency limit." },
      RequestId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
    },
    "throttled",
  ),
  tencent(
    "StartInstances",
    200,
    { RequestId: "7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d" },
    "a success with nothing but the request ID",
  ),
];

// Alibaba RPC: parameters in the query, signed with HMAC-SHA1; XML when Format=XML.
function alibaba(
  product: "kms" | "ess",
  action: string,
  format: "JSON" | "XML",
  status: number,
  body: string,
  requestId: string,
  comment: string,
  extra: Record<string, string> = {},
): Call {
  const version = product === "kms" ? "2016-01-20" : "2014-08-28";
  const params = new URLSearchParams({
    AccessKeyId: REDACTED,
    Action: action,
    Format: format,
    RegionId: "cn-hangzhou",
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: `nonce-${action}-${status}-${format}`,
    SignatureVersion: "1.0",
    Timestamp: "2026-11-20T08:00:00Z",
    Version: version,
    ...extra,
    Signature: REDACTED,
  });
  return {
    comment,
    method: "GET",
    url: `https://${product}.cn-hangzhou.aliyuncs.com/?${params}`,
    requestHeaders: { "User-Agent": "AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.7.12" },
    status,
    contentType: format === "XML" ? XML_TYPE : JSON_TYPE,
    responseHeaders: { "x-acs-request-id": requestId },
    body,
  };
}
const xml = (root: string, fields: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>${fields}</${root}>`;

const kmsCalls: Call[] = [
  alibaba(
    "kms",
    "Encrypt",
    "JSON",
    200,
    json({
      CiphertextBlob:
        "ODZhOWVmZDktM2QxNi00ODk0LWJkNGYtMWZjNDNmM2YyYWJmS7FmDBBQ0BkKsQrtRnidtPwirmDcS0ZuJCU41xxAAWk4Z8qsADfbV0b+i6kQmlvj79dJdGOvtX69Uycs901qOjop4bTS****",
      KeyId: "key-hzz630494463ejqjx****",
      KeyVersionId: "2ab1a983-7072-4bbc-a582-584b5bd8****",
      RequestId: "475f1620-b9d3-4d35-b5c6-3fbdd941423d",
    }),
    "475f1620-b9d3-4d35-b5c6-3fbdd941423d",
    "Encrypt",
    { KeyId: "key-hzz630494463ejqjx****", Plaintext: REDACTED },
  ),
  alibaba(
    "kms",
    "Encrypt",
    "XML",
    200,
    xml(
      "KMS",
      "<CiphertextBlob>ODZhOWVmZDktM2QxNi00ODk0****</CiphertextBlob><KeyId>key-hzz630494463ejqjx****</KeyId><KeyVersionId>2ab1a983-7072-4bbc-a582-584b5bd8****</KeyVersionId><RequestId>6e3c8bb8-4b1a-4e5c-9d0f-1a2b3c4d5e6f</RequestId>",
    ),
    "6e3c8bb8-4b1a-4e5c-9d0f-1a2b3c4d5e6f",
    "Encrypt in XML under KMS's own root",
    { KeyId: "key-hzz630494463ejqjx****", Plaintext: REDACTED },
  ),
  alibaba(
    "kms",
    "DescribeRegions",
    "JSON",
    200,
    json({
      RequestId: "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d",
      Regions: {
        Region: [{ RegionId: "cn-hangzhou" }, { RegionId: "cn-shanghai" }, { RegionId: "ap-southeast-1" }],
      },
    }),
    "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d",
    "DescribeRegions",
  ),
  alibaba(
    "kms",
    "DescribeRegions",
    "XML",
    200,
    xml(
      "DescribeRegionsResponse",
      "<RequestId>3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e</RequestId><Regions><Region><RegionId>cn-hangzhou</RegionId></Region></Regions>",
    ),
    "3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e",
    "DescribeRegions in XML, one region (a list of one element)",
  ),
  alibaba(
    "kms",
    "Encrypt",
    "JSON",
    404,
    json({
      HttpStatus: 404,
      Code: "Forbidden.KeyNotFound",
      Message: "The specified Key is not found.",
      RequestId: "4c5d6e7f-8a9b-4c0d-9e2f-3a4b5c6d7e8f",
      HostId: "kms.cn-hangzhou.aliyuncs.com",
    }),
    "4c5d6e7f-8a9b-4c0d-9e2f-3a4b5c6d7e8f",
    "KMS error with HttpStatus in the body",
    { KeyId: "key-missing", Plaintext: REDACTED },
  ),
  alibaba(
    "kms",
    "DescribeRegions",
    "XML",
    400,
    xml(
      "KMS",
      '<HttpStatus>400</HttpStatus><Code>IllegalTimestamp</Code><Message>The input parameter "Timestamp" that is mandatory for processing this request is not supplied.</Message><RequestId>3b237773-bc2c-4bea-95fc-319a1a5baa68</RequestId><HostId>kms.cn-hangzhou.aliyuncs.com</HostId>',
    ),
    "3b237773-bc2c-4bea-95fc-319a1a5baa68",
    "seed 002's XML error example, with HostId",
  ),
  alibaba(
    "kms",
    "DescribeRegions",
    "JSON",
    404,
    json({
      HttpStatus: 404,
      Code: "InvalidAccessKeyId.NotFound",
      Message: "The AccessKey ID provided does not exist in our records.",
      RequestId: "5d6e7f8a-9b0c-4d1e-8f3a-4b5c6d7e8f9a",
      HostId: "kms.cn-hangzhou.aliyuncs.com",
    }),
    "5d6e7f8a-9b0c-4d1e-8f3a-4b5c6d7e8f9a",
    "InvalidAccessKeyId.NotFound is 404 for KMS",
  ),
  alibaba(
    "kms",
    "Encrypt",
    "JSON",
    429,
    json({
      HttpStatus: 429,
      Code: "Rejected.Throttling",
      Message: "The request was denied due to request throttling.",
      RequestId: "6e7f8a9b-0c1d-4e2f-9a4b-5c6d7e8f9a0b",
      HostId: "kms.cn-hangzhou.aliyuncs.com",
    }),
    "6e7f8a9b-0c1d-4e2f-9a4b-5c6d7e8f9a0b",
    "KMS throttling is 429",
    { KeyId: "key-hzz630494463ejqjx****", Plaintext: REDACTED },
  ),
];

const group = (id: string, name: string, state: string, min: number, max: number) => ({
  ScalingGroupId: id,
  ScalingGroupName: name,
  RegionId: "cn-hangzhou",
  LifecycleState: state,
  MinSize: min,
  MaxSize: max,
  ActiveCapacity: min,
  TotalCapacity: min,
});
const groupXml = (id: string, name: string) =>
  `<ScalingGroup><ScalingGroupId>${id}</ScalingGroupId><ScalingGroupName>${name}</ScalingGroupName><RegionId>cn-hangzhou</RegionId><LifecycleState>Active</LifecycleState><MinSize>1</MinSize><MaxSize>4</MaxSize></ScalingGroup>`;
const essError = (code: string, message: string, id: string) =>
  json({ RequestId: id, HostId: "ess.aliyuncs.com", Code: code, Message: message });
const essErrorXml = (code: string, message: string, id: string) =>
  xml(
    "Error",
    `<RequestId>${id}</RequestId><HostId>ess.aliyuncs.com</HostId><Code>${code}</Code><Message>${message}</Message>`,
  );

const essCalls: Call[] = [
  alibaba(
    "ess",
    "DescribeScalingGroups",
    "JSON",
    200,
    json({
      TotalCount: 2,
      PageNumber: 1,
      PageSize: 10,
      RequestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
      ScalingGroups: {
        ScalingGroup: [
          group("asg-bp18p2yfxow2dloq****", "web", "Active", 1, 4),
          group("asg-bp1igpak5ft1flyp****", "batch", "Inactive", 0, 8),
        ],
      },
    }),
    "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
    "DescribeScalingGroups",
  ),
  alibaba(
    "ess",
    "DescribeScalingGroups",
    "XML",
    200,
    xml(
      "DescribeScalingGroupsResponse",
      `<TotalCount>2</TotalCount><PageNumber>1</PageNumber><PageSize>10</PageSize><RequestId>5C4E1B8F-2F5A-4D0E-9C7B-8A6D3E2F1B0C</RequestId><ScalingGroups>${groupXml("asg-bp18p2yfxow2dloq****", "web")}${groupXml("asg-bp1igpak5ft1flyp****", "batch")}</ScalingGroups>`,
    ),
    "5C4E1B8F-2F5A-4D0E-9C7B-8A6D3E2F1B0C",
    "DescribeScalingGroups in XML",
  ),
  alibaba(
    "ess",
    "CreateScalingGroup",
    "JSON",
    200,
    json({ ScalingGroupId: "asg-bp14wlu85wrpchm0****", RequestId: "AB2CC3C5-CD7D-47B8-A4F2-1E2D5E8C4A4F" }),
    "AB2CC3C5-CD7D-47B8-A4F2-1E2D5E8C4A4F",
    "CreateScalingGroup",
    { MinSize: "1", MaxSize: "4", ScalingGroupName: "web" },
  ),
  alibaba(
    "ess",
    "DeleteScalingGroup",
    "XML",
    200,
    xml("DeleteScalingGroupResponse", "<RequestId>D2B1C8E4-5F6A-4B7C-8D9E-0F1A2B3C4D5E</RequestId>"),
    "D2B1C8E4-5F6A-4B7C-8D9E-0F1A2B3C4D5E",
    "DeleteScalingGroup in XML",
    { ScalingGroupId: "asg-bp14wlu85wrpchm0****" },
  ),
  alibaba(
    "ess",
    "DescribeScalingGroups",
    "JSON",
    400,
    essError(
      "InvalidAccessKeyId.NotFound",
      "The Access Key ID provided does not exist in our records.",
      "E1F2A3B4-C5D6-4E7F-8A9B-0C1D2E3F4A5B",
    ),
    "E1F2A3B4-C5D6-4E7F-8A9B-0C1D2E3F4A5B",
    "InvalidAccessKeyId.NotFound is 400 for ESS",
  ),
  alibaba(
    "ess",
    "DescribeScalingGroups",
    "XML",
    400,
    essErrorXml(
      "Throttling",
      "Request was denied due to request throttling.",
      "F2A3B4C5-D6E7-4F8A-9B0C-1D2E3F4A5B6C",
    ),
    "F2A3B4C5-D6E7-4F8A-9B0C-1D2E3F4A5B6C",
    "ESS throttling is 400, in XML",
  ),
  alibaba(
    "ess",
    "CreateScalingGroup",
    "JSON",
    403,
    essError(
      "SignatureDoesNotMatch",
      "The signature we calculated does not match the one you provided.",
      "A3B4C5D6-E7F8-4A9B-8C1D-2E3F4A5B6C7D",
    ),
    "A3B4C5D6-E7F8-4A9B-8C1D-2E3F4A5B6C7D",
    "bad signature",
  ),
  alibaba(
    "ess",
    "CreateScalingGroup",
    "XML",
    400,
    essErrorXml(
      "MissingParameter",
      "The input parameter MaxSize that is mandatory for processing this request is not supplied.",
      "B4C5D6E7-F8A9-4B0C-9D2E-3F4A5B6C7D8E",
    ),
    "B4C5D6E7-F8A9-4B0C-9D2E-3F4A5B6C7D8E",
    "missing parameter, in XML",
    { MinSize: "1" },
  ),
];

// Zenlayer: 200 with `response` on success; 4xx/5xx with code and message on error.
function zenlayer(
  action: string,
  status: number,
  body: Record<string, unknown>,
  comment: string,
  requestBody: string,
): Call {
  return {
    comment,
    method: "POST",
    url: "https://console.zenlayer.com/api/v2/bmc",
    requestHeaders: {
      "Content-Type": "application/json; charset=utf-8",
      "X-ZC-Action": action,
      "X-ZC-Version": "2022-11-20",
      "X-ZC-Timestamp": "1763625600",
      "X-ZC-Signature-Method": "ZC2-HMAC-SHA256",
      Authorization: `ZC2-HMAC-SHA256 Credential=${REDACTED}, SignedHeaders=content-type;host, Signature=${REDACTED}`,
    },
    requestBody,
    status,
    contentType: "application/json",
    body: json(body),
  };
}
const T = (n: string) => `T${n}`;

const zenlayerCalls: Call[] = [
  zenlayer(
    "CreateInstances",
    200,
    {
      requestId: T("67723B59-F4D1-42EA-BDC1-5E67167FD8CC"),
      response: {
        requestId: T("67723B59-F4D1-42EA-BDC1-5E67167FD8CC"),
        instanceIdSet: ["1234567654321"],
        orderNumber: "1234567654321",
      },
    },
    "seed 000 success example",
    '{"zoneId":"SEL-A","instanceTypeId":"M6C","imageId":"img-1"}',
  ),
  zenlayer(
    "DescribeInstances",
    200,
    {
      requestId: T("8E1D2C3B-4A5F-4E6D-9C8B-7A6F5E4D3C2B"),
      response: {
        requestId: T("8E1D2C3B-4A5F-4E6D-9C8B-7A6F5E4D3C2B"),
        totalCount: 1,
        dataSet: [
          {
            instanceId: "1234567654321",
            instanceName: "web-1",
            zoneId: "HKG-A",
            instanceStatus: "RUNNING",
            instanceTypeId: "M6C",
          },
        ],
      },
    },
    "DescribeInstances",
    '{"pageSize":10,"pageNum":1,"zoneId":"HKG-A"}',
  ),
  zenlayer(
    "CreateInstances",
    400,
    {
      requestId: T("67723B59-F4D1-42EA-BDC1-5E67167FD8CD"),
      code: "INVALID_ZONE_NOT_FOUND",
      message: "The specified zoneId `SEL--A` is not found",
    },
    "seed 000 error example",
    '{"zoneId":"SEL--A"}',
  ),
  zenlayer(
    "DescribeInstances",
    429,
    {
      requestId: T("9F2E3D4C-5B6A-4F7E-8D9C-0B1A2F3E4D5C"),
      code: "REQUEST_LIMIT_EXCEEDED",
      message: "Request limit exceeded, please try again later.",
    },
    "throttled",
    '{"pageSize":10,"pageNum":1}',
  ),
  zenlayer(
    "DescribeInstances",
    500,
    {
      requestId: T("0A3F4E5D-6C7B-4A8F-9E0D-1C2B3A4F5E6D"),
      code: "INTERNAL_SERVER_ERROR",
      message: "An internal error occurred.",
    },
    "system error",
    '{"pageSize":10,"pageNum":1}',
  ),
];

const files: Record<string, Call[]> = {
  "tencent-cvm.har": tencentCalls,
  "alibaba-kms.har": kmsCalls,
  "alibaba-ess.har": essCalls,
  "zenlayer-bmc.har": zenlayerCalls,
};

const dir = path.join(projectRoot, "recordings");
await mkdir(dir, { recursive: true });
for (const [name, calls] of Object.entries(files)) {
  await writeFile(path.join(dir, name), har(calls));
  console.log(`recordings/${name}: ${calls.length} entries`);
}
