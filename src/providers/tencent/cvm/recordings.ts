import type { RecordedExample } from "../../recording-example.js";

/** recordings/tencent-cvm.har. Tencent answers every processed request with 200; Response.Error marks failure. */
export const recordings: readonly RecordedExample[] = [
  {
    comment: "seed 001/003 success example",
    action: "DescribeInstancesStatus",
    params: { Limit: 20 },
    status: 200,
    body: {
      Response: { TotalCount: 0, InstanceStatusSet: [], RequestId: "b5b41468-520d-4192-b42f-595cc34b6c1c" },
    },
  },
  {
    comment: "two instances",
    action: "DescribeInstancesStatus",
    status: 200,
    body: {
      Response: {
        TotalCount: 2,
        InstanceStatusSet: [
          { InstanceId: "ins-2zvjrq7k", InstanceState: "RUNNING" },
          { InstanceId: "ins-9bxebleo", InstanceState: "STOPPED" },
        ],
        RequestId: "3c140219-cfe9-470e-b241-907877d6fb03",
      },
    },
  },
  {
    comment: "seed 001/003 error example: Tencent errors arrive with HTTP 200",
    action: "DescribeInstancesStatus",
    status: 200,
    body: {
      Response: {
        Error: {
          Code: "AuthFailure.SignatureFailure",
          Message: "The provided credentials could not be validated. Please check your signature is correct.",
        },
        RequestId: "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6",
      },
    },
  },
  {
    comment: "an action without a registered schema",
    action: "DescribeZones",
    status: 200,
    body: {
      Response: {
        TotalCount: 1,
        ZoneSet: [
          { Zone: "ap-guangzhou-3", ZoneName: "Guangzhou Zone 3", ZoneId: "100003", ZoneState: "AVAILABLE" },
        ],
        RequestId: "9a7f3fd4-1d3b-4b0c-8a4d-0e2f5c6b7a81",
      },
    },
  },
  {
    comment: "a product code extending a common code with a dot",
    action: "RunInstances",
    status: 200,
    body: {
      Response: {
        Error: {
          Code: "InvalidParameterValue.InvalidImageId",
          Message: "The image ID img-xxxxxxxx is invalid.",
        },
        RequestId: "5f4e8a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b",
      },
    },
  },
  {
    comment: "DryRun",
    action: "RunInstances",
    params: { DryRun: true },
    status: 200,
    body: {
      Response: {
        Error: {
          Code: "DryRunOperation",
          Message:
            "DryRun operation, which means the request will succeed, but an unnecessary DryRun parameter is passed in.",
        },
        RequestId: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d",
      },
    },
  },
  {
    comment: "throttled",
    action: "DescribeInstances",
    status: 200,
    body: {
      Response: {
        Error: {
          Code: "RequestLimitExceeded",
          Message: "The number of requests exceeds the frequency limit.",
        },
        RequestId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
      },
    },
  },
  {
    comment: "a success with nothing but the request ID",
    action: "StartInstances",
    status: 200,
    body: { Response: { RequestId: "7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d" } },
  },
];
