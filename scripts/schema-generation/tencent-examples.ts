/**
 * The documented examples the sandbox answers with (docs/sandbox.md, "Every other described action"):
 * `schemas/tencent/examples/PRODUCT/YYYY-MM-DD.examples.json` for each Tencent product of the registry (a
 * folder in src/providers), from the corpus's examples.json beside the api.json its actions document was
 * generated from (read in place).
 *
 * For each action of the actions document, the first official example whose `output` is JSON, is a success
 * (`Response` without `Error`), and whose payload (`Response` less its `RequestId`, which the sandbox's
 * renderer makes) passes the action's definition in its closed view (no member the description does not
 * name, so the answer draws no unknown-member finding either). Examples are documentation, not captured
 * traffic: some are placeholders or not valid JSON, and those are passed over (the document counts them).
 * An action without a passing example is answered with a payload synthesized from its definition.
 *
 * Only the registry's products: validating every example of the 156 service versions would cost the
 * staleness test about ten seconds, and the others are served only behind the sandbox's
 * `describedProducts` flag, from their definitions.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PRODUCTS } from "../../src/providers/registry.js";
import { closedView } from "../../src/schemas/closed-view.js";
import { createAjv } from "../../src/schemas/create-ajv.js";
import { sortedByKey } from "./go-models.js";

export const TENCENT_EXAMPLES_GENERATOR = "scripts/schema-generation/tencent-examples.ts";

type Json = Record<string, unknown>;

interface ExamplesJson {
  actions: Record<string, { title?: string; output?: string }[]>;
}

/** The payload of an example's output, or why it is passed over. */
function payloadOf(output: string | undefined): Json | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(output ?? "");
  } catch {
    return "not JSON";
  }
  const response = (parsed as { Response?: unknown } | null)?.Response;
  if (response === null || typeof response !== "object" || Array.isArray(response))
    return "no Response object";
  if (Object.hasOwn(response, "Error")) return "an error";
  const { RequestId: _id, ...payload } = response as Json;
  return payload;
}

/**
 * The examples documents of the registry's Tencent products, keyed by their path relative to schemas/,
 * from the generated actions documents (keyed the same way) and the corpus they name.
 */
export function tencentExampleDocuments(
  corpusRoot: string,
  actionDocuments: ReadonlyMap<string, object>,
): Map<string, object> {
  const documents = new Map<string, object>();
  for (const product of PRODUCTS.filter((p) => p.dialect === "tencent")) {
    const id = `tencent/actions/${product.id}/${product.version}.actions.json`;
    const actionsDocument = actionDocuments.get(id) as Json | undefined;
    if (!actionsDocument) continue;
    const generated = actionsDocument["x-generated"] as { source: string; commit: string };
    // "corpus/tencentcloud-cli/services/cvm/v20170312/api.json" → its examples.json beside it.
    const source = generated.source.replace(/api\.json$/, "examples.json");
    const file = path.join(corpusRoot, source.replace(/^corpus\//, ""));
    if (!existsSync(file)) continue;
    const examples = (JSON.parse(readFileSync(file, "utf8")) as ExamplesJson).actions ?? {};

    const ajv = createAjv();
    const closedId = id.replace(/\.actions\.json$/, ".closed.actions.json");
    ajv.addSchema({ ...closedView(actionsDocument), $id: closedId });
    const actions = actionsDocument["x-actions"] as Record<string, string>;
    const chosen: Record<string, Json> = {};
    const passedOver: Record<string, number> = {};
    for (const [action, definition] of Object.entries(actions)) {
      const validate = ajv.getSchema(`${closedId}#/definitions/${definition}`);
      for (const example of examples[action] ?? []) {
        const payload = payloadOf(example.output);
        // Judged with a request ID, which every payload requires; stored without it (the renderer's).
        const passes = (p: Json) => validate?.({ ...p, RequestId: "request-id" }) === true;
        const reason =
          typeof payload === "string" ? payload : passes(payload) ? undefined : "fails the schema";
        if (reason === undefined) {
          chosen[action] = payload as Json;
          break;
        }
        passedOver[reason] = (passedOver[reason] ?? 0) + 1;
      }
    }
    const count = Object.keys(chosen).length;
    const skipped = Object.entries(passedOver)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([reason, n]) => `${n} ${reason}`)
      .join(", ");
    const key = `tencent/examples/${product.id}/${product.version}.examples.json`;
    documents.set(key, {
      $comment:
        `The documented example payloads the sandbox answers ${count} of the ${Object.keys(actions).length} ` +
        `actions of Tencent Cloud ${product.id} ${product.version} with: for each, the first official ` +
        "example that is a JSON success whose payload passes the action's definition in its closed view" +
        `${skipped ? ` (examples passed over: ${skipped})` : ""}. Generated by npm run gen:schemas from ${source}. ` +
        `Do not edit: change ${TENCENT_EXAMPLES_GENERATOR} or the corpus and regenerate.`,
      "x-generated": { generator: TENCENT_EXAMPLES_GENERATOR, source, commit: generated.commit },
      examples: sortedByKey(chosen),
    });
  }
  return documents;
}
