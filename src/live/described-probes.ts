import type { FailureKind } from "../providers/failure-kind.js";
import type { ProductDefinition } from "../providers/product.js";
import { probeExpectation } from "../providers/registry.js";
import { actionsDocuments, type RequestDescription } from "../schemas/actions-documents.js";
import type { CallSpec } from "./call-spec.js";

/**
 * Probes per described action (`--actions`), where its description allows them (docs/live-runs.md):
 * - `missing-required:ACTION`: the action's smallest request less its first required parameter (by name)
 *   must draw the dialect's documented MissingParameter answer;
 * - `wrong-type:ACTION`: the smallest request with its first integer, number or boolean parameter (by name)
 *   set to a word must draw the dialect's invalid-parameter answer.
 * Both are judged by probe-expected-code, as the products' own probes are. Only scalars get a wrong type: in
 * a query string (Alibaba RPC, Tencent GET) a list or an object is spread over several names, and any text
 * is a string.
 */
export function describedProbes(product: ProductDefinition, call: CallSpec): CallSpec[] {
  const document = actionsDocuments().describing(product.dialect, product.id, call.action, call.version);
  const request: RequestDescription | undefined = document?.requests[call.action];
  if (!request) return [];
  const probes: CallSpec[] = [];
  const probe = (name: string, failure: FailureKind, params: Record<string, unknown>): CallSpec => {
    const description = `${call.action} ${name.split(":")[0]}`;
    const expected = probeExpectation(product, { name, description, base: call.id, change: {}, failure });
    const { mutating: _mutating, ...base } = call;
    return {
      ...base,
      id: `probe:${product.dialect}/${product.id}/${name}`,
      params,
      probe: { name, expected },
    };
  };
  const [firstRequired] = request.required ?? [];
  if (firstRequired !== undefined) {
    const { [firstRequired]: _left, ...params } = call.params;
    probes.push(probe(`missing-required:${call.action}`, "missing-parameter", params));
  }
  const scalar = Object.entries(request.properties ?? {})
    .filter(([, p]) => p.type === "integer" || p.type === "number" || p.type === "boolean")
    .map(([name]) => name)
    .sort()[0];
  if (scalar !== undefined) {
    probes.push(
      probe(`wrong-type:${call.action}`, "invalid-parameter", { ...call.params, [scalar]: "not-a-value" }),
    );
  }
  return probes;
}
