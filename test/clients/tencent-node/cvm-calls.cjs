// A Node SDK team's integration test in miniature: tencentcloud-sdk-nodejs-cvm, unchanged, calling a few
// CVM methods and one that the API refuses (CreateKeyPair without its required KeyName), one JSON line
// per call on stdout. Run through `conformance proxy -- node cvm-calls.cjs` by test/surface/proxy-cli.test.ts:
// - forward mode: the SDK's default endpoint (cvm.tencentcloudapi.com over https), reached through
//   http_proxy, trusting NODE_EXTRA_CA_CERTS, both of which the proxy sets;
// - reverse mode (CVM_ENDPOINT=proxy): the endpoint is the proxy itself, over plain http.
// Credentials come from TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY. Exits 0 whatever the calls
// answered (the test judges the lines).
const { cvm } = require("tencentcloud-sdk-nodejs-cvm");

const reverse = process.env.CVM_ENDPOINT === "proxy";
const httpProfile = reverse
  ? { endpoint: new URL(process.env.CONFORMANCE_PROXY_URL).host, protocol: "http://", reqTimeout: 30 }
  : { reqTimeout: 30 };
const client = new cvm.v20170312.Client({
  credential: {
    secretId: process.env.TENCENTCLOUD_SECRET_ID,
    secretKey: process.env.TENCENTCLOUD_SECRET_KEY,
  },
  region: "ap-guangzhou",
  profile: { httpProfile },
});

const calls = [
  ["DescribeZones", {}],
  ["DescribeRegions", {}],
  ["DescribeInstances", { Limit: 2 }],
  ["CreateKeyPair", {}],
];

(async () => {
  for (const [method, params] of calls) {
    try {
      const answer = await client[method](params);
      process.stdout.write(`${JSON.stringify({ method, ok: true, requestId: answer.RequestId })}\n`);
    } catch (error) {
      const line = {
        method,
        ok: false,
        code: error.code,
        message: error.message,
        requestId: error.requestId,
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  }
})();
