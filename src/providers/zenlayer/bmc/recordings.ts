import type { RecordedExample } from "../../recording-example.js";

const T = (uuid: string) => `T${uuid}`;

/** recordings/zenlayer-bmc.har. Zenlayer: 200 with `response` on success; 4xx/5xx with code and message. */
export const recordings: readonly RecordedExample[] = [
  {
    comment: "seed 000 success example",
    action: "CreateInstances",
    params: { zoneId: "SEL-A", instanceTypeId: "M6C", imageId: "img-1" },
    status: 200,
    body: {
      requestId: T("67723B59-F4D1-42EA-BDC1-5E67167FD8CC"),
      response: {
        requestId: T("67723B59-F4D1-42EA-BDC1-5E67167FD8CC"),
        instanceIdSet: ["1234567654321"],
        orderNumber: "1234567654321",
      },
    },
  },
  {
    comment: "DescribeInstances",
    action: "DescribeInstances",
    params: { pageSize: 10, pageNum: 1, zoneId: "HKG-A" },
    status: 200,
    body: {
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
  },
  {
    comment: "seed 000 error example",
    action: "CreateInstances",
    params: { zoneId: "SEL--A" },
    status: 400,
    body: {
      requestId: T("67723B59-F4D1-42EA-BDC1-5E67167FD8CD"),
      code: "INVALID_ZONE_NOT_FOUND",
      message: "The specified zoneId `SEL--A` is not found",
    },
  },
  {
    comment: "throttled",
    action: "DescribeInstances",
    params: { pageSize: 10, pageNum: 1 },
    status: 429,
    body: {
      requestId: T("9F2E3D4C-5B6A-4F7E-8D9C-0B1A2F3E4D5C"),
      code: "REQUEST_LIMIT_EXCEEDED",
      message: "Request limit exceeded, please try again later.",
    },
  },
  {
    comment: "system error",
    action: "DescribeInstances",
    params: { pageSize: 10, pageNum: 1 },
    status: 500,
    body: {
      requestId: T("0A3F4E5D-6C7B-4A8F-9E0D-1C2B3A4F5E6D"),
      code: "INTERNAL_SERVER_ERROR",
      message: "An internal error occurred.",
    },
  },
];
