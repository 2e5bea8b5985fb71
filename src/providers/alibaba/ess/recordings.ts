import { type RecordedExample, recordedHostId, xmlDocument } from "../../recording-example.js";
import { product } from "./product.js";

const HOST_ID = recordedHostId(product);

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
const error = (code: string, message: string, requestId: string) => ({
  RequestId: requestId,
  HostId: HOST_ID,
  Code: code,
  Message: message,
});
const errorXml = (code: string, message: string, requestId: string) =>
  xmlDocument(
    "Error",
    `<RequestId>${requestId}</RequestId><HostId>${HOST_ID}</HostId><Code>${code}</Code><Message>${message}</Message>`,
  );

/** recordings/alibaba-ess.har. */
export const recordings: readonly RecordedExample[] = [
  {
    comment: "DescribeScalingGroups",
    action: "DescribeScalingGroups",
    status: 200,
    body: {
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
    },
  },
  {
    comment: "DescribeScalingGroups in XML",
    action: "DescribeScalingGroups",
    format: "xml",
    status: 200,
    body: xmlDocument(
      "DescribeScalingGroupsResponse",
      `<TotalCount>2</TotalCount><PageNumber>1</PageNumber><PageSize>10</PageSize><RequestId>5C4E1B8F-2F5A-4D0E-9C7B-8A6D3E2F1B0C</RequestId><ScalingGroups>${groupXml("asg-bp18p2yfxow2dloq****", "web")}${groupXml("asg-bp1igpak5ft1flyp****", "batch")}</ScalingGroups>`,
    ),
  },
  {
    comment: "CreateScalingGroup",
    action: "CreateScalingGroup",
    params: { MinSize: "1", MaxSize: "4", ScalingGroupName: "web" },
    status: 200,
    body: { ScalingGroupId: "asg-bp14wlu85wrpchm0****", RequestId: "AB2CC3C5-CD7D-47B8-A4F2-1E2D5E8C4A4F" },
  },
  {
    comment: "DeleteScalingGroup in XML",
    action: "DeleteScalingGroup",
    format: "xml",
    params: { ScalingGroupId: "asg-bp14wlu85wrpchm0****" },
    status: 200,
    body: xmlDocument(
      "DeleteScalingGroupResponse",
      "<RequestId>D2B1C8E4-5F6A-4B7C-8D9E-0F1A2B3C4D5E</RequestId>",
    ),
  },
  {
    comment: "InvalidAccessKeyId.NotFound is 400 for ESS",
    action: "DescribeScalingGroups",
    status: 400,
    body: error(
      "InvalidAccessKeyId.NotFound",
      "The Access Key ID provided does not exist in our records.",
      "E1F2A3B4-C5D6-4E7F-8A9B-0C1D2E3F4A5B",
    ),
  },
  {
    comment: "ESS throttling is 400, in XML",
    action: "DescribeScalingGroups",
    format: "xml",
    status: 400,
    body: errorXml(
      "Throttling",
      "Request was denied due to request throttling.",
      "F2A3B4C5-D6E7-4F8A-9B0C-1D2E3F4A5B6C",
    ),
  },
  {
    comment: "bad signature",
    action: "CreateScalingGroup",
    status: 403,
    body: error(
      "SignatureDoesNotMatch",
      "The signature we calculated does not match the one you provided.",
      "A3B4C5D6-E7F8-4A9B-8C1D-2E3F4A5B6C7D",
    ),
  },
  {
    comment: "missing parameter, in XML",
    action: "CreateScalingGroup",
    format: "xml",
    params: { MinSize: "1" },
    status: 400,
    body: errorXml(
      "MissingParameter",
      "The input parameter MaxSize that is mandatory for processing this request is not supplied.",
      "B4C5D6E7-F8A9-4B0C-9D2E-3F4A5B6C7D8E",
    ),
  },
];
