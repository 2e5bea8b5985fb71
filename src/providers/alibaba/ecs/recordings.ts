import { type RecordedExample, recordedHostId, xmlDocument } from "../../recording-example.js";
import { product } from "./product.js";

const HOST_ID = recordedHostId(product);

const instance = (id: string, name: string, status: string) => ({
  InstanceId: id,
  InstanceName: name,
  RegionId: "cn-hangzhou",
  ZoneId: "cn-hangzhou-i",
  InstanceType: "ecs.g6.large",
  Cpu: 2,
  Memory: 8192,
  Status: status,
  InstanceNetworkType: "vpc",
  InstanceChargeType: "PostPaid",
  VpcAttributes: {
    VpcId: "vpc-bp1opxu1zkhn00gzv****",
    VSwitchId: "vsw-bp1s5fnvk4gn2tws0****",
    PrivateIpAddress: { IpAddress: ["172.17.**.**"] },
  },
});

/** recordings/alibaba-ecs.har. */
export const recordings: readonly RecordedExample[] = [
  {
    comment: "DescribeRegions",
    action: "DescribeRegions",
    status: 200,
    body: {
      RequestId: "8CE45CD5-31FB-47C2-959D-CA8144CE64B9",
      Regions: {
        Region: [
          {
            RegionId: "cn-hangzhou",
            LocalName: "China (Hangzhou)",
            RegionEndpoint: "ecs.cn-hangzhou.aliyuncs.com",
            Status: "available",
          },
          { RegionId: "ap-southeast-1", LocalName: "Singapore", Status: "available" },
        ],
      },
    },
  },
  {
    comment: "DescribeInstances",
    action: "DescribeInstances",
    params: { PageNumber: "1", PageSize: "10" },
    status: 200,
    body: {
      RequestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83F",
      TotalCount: 2,
      PageNumber: 1,
      PageSize: 10,
      Instances: {
        Instance: [
          instance("i-bp67acfmxazb4ph****", "web", "Running"),
          instance("i-bp1gbz20g229bvu5****", "batch", "Stopped"),
        ],
      },
    },
  },
  {
    comment: "DescribeInstances in XML, one instance (a list of one element)",
    action: "DescribeInstances",
    format: "xml",
    params: { PageNumber: "1", PageSize: "10" },
    status: 200,
    body: xmlDocument(
      "DescribeInstancesResponse",
      "<RequestId>5C4E1B8F-2F5A-4D0E-9C7B-8A6D3E2F1B0D</RequestId><TotalCount>1</TotalCount><PageNumber>1</PageNumber><PageSize>10</PageSize><Instances><Instance><InstanceId>i-bp67acfmxazb4ph****</InstanceId><RegionId>cn-hangzhou</RegionId><Status>Running</Status><Cpu>2</Cpu><Memory>8192</Memory></Instance></Instances>",
    ),
  },
  {
    comment: "DescribeInstances without RegionId: MissingParameter, 400",
    action: "DescribeInstances",
    status: 400,
    body: {
      RequestId: "540CFF28-407A-40B5-B6A5-74Bxxxxxxxxx",
      HostId: HOST_ID,
      Code: "MissingParameter",
      Message: "The input parameter RegionId that is mandatory for processing this request is not supplied.",
    },
  },
  {
    comment: "an error in XML under <Error>",
    action: "DescribeInstances",
    format: "xml",
    status: 403,
    body: xmlDocument(
      "Error",
      `<RequestId>6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D</RequestId><HostId>${HOST_ID}</HostId><Code>SignatureDoesNotMatch</Code><Message>The signature we calculated does not match the one you provided.</Message>`,
    ),
  },
];
