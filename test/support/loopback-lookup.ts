import type { LookupFunction } from "node:net";

/**
 * A DNS lookup that answers 127.0.0.1 for every name, for an http.Agent: clients can then call a product by
 * its host (cvm.localhost:PORT, as on cvm.tencentcloudapi.com) and still talk only to the loopback sandbox.
 */
export const loopbackOnly: LookupFunction = (_hostname, options, callback) => {
  if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
};
