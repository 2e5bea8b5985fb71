import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { dialectRequests } from "../../src/providers/dialect-requests.js";
import type { OutgoingRequest } from "../../src/providers/request-form.js";

/**
 * A CVM DescribeZones signed with TC3 (the sandbox's key) for `target`, as an SDK pointed at it would send
 * it: the credential scope names service cvm, the host signed is the target's.
 */
export function signedDescribeZones(target: string): OutgoingRequest {
  return dialectRequests.tencent.signedRequest(
    {
      product: "cvm",
      action: "DescribeZones",
      version: "2017-03-12",
      format: "json",
      params: {},
      region: "ap-guangzhou",
    },
    new URL(target),
    { ...SANDBOX_CREDENTIALS.tencent, timestamp: Math.floor(Date.now() / 1000) },
  );
}
