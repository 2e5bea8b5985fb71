import type { Dialect } from "../providers/dialect.js";
import { dialectRequests } from "../providers/dialect-requests.js";
import type { ProductDefinition } from "../providers/product.js";
import { PRODUCTS } from "../providers/registry.js";
import { minimalRequest } from "../schemas/minimal-request.js";
import { callId } from "./action-calls.js";
import type { CallSpec } from "./call-spec.js";
import { describedActionsOf } from "./described-actions.js";

/**
 * Actions that only read, by the first word of their name: Describe, List, Get, Query, Inquiry (Tencent's
 * price inquiries), Check (availability and quota checks). Every other action may change state and is
 * called only with `--mutating`.
 */
export const READ_ONLY_ACTION = /^(Describe|List|Get|Query|Inquiry|Check)(?![a-z])/;

export const isReadOnlyAction = (action: string) => READ_ONLY_ACTION.test(action);

/** What `--actions SPEC [--mutating]` asks for. */
export interface ActionsRequest {
  /** `all`, a comma-separated list of action names, or patterns with `*` (`Describe*`), mixed freely. */
  spec: string;
  /** Also the actions that are not read-only. */
  mutating?: boolean | undefined;
}

/** A mistake in `--actions`, in words the CLI shows as a usage error. */
export class ActionsSpecError extends Error {
  override name = "ActionsSpecError";
}

type Item =
  | { kind: "all" }
  | { kind: "name"; name: string }
  | { kind: "pattern"; text: string; regex: RegExp };

function parseItems(spec: string): Item[] {
  const texts = spec
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  if (texts.length === 0)
    throw new ActionsSpecError("--actions needs `all`, action names or a pattern such as Describe*");
  return texts.map((text): Item => {
    if (text === "all") return { kind: "all" };
    if (!/^[A-Za-z0-9_*]+$/.test(text)) {
      throw new ActionsSpecError(
        `--actions ${text}: expected \`all\`, an action name (DescribeRegions) or a pattern with * (Describe*)`,
      );
    }
    if (!text.includes("*")) return { kind: "name", name: text };
    const source = text
      .split("*")
      .map((part) => part.replace(/[^A-Za-z0-9_]/g, ""))
      .join(".*");
    return { kind: "pattern", text, regex: new RegExp(`^${source}$`) };
  });
}

function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** Up to `count` names closest to `name` (by edit distance, ignoring case; a shared prefix breaks ties). */
export function closeNames(name: string, names: readonly string[], count = 3): string[] {
  return [...new Set(names)]
    .map((candidate) => ({ candidate, d: distance(name, candidate) }))
    .sort((a, b) => a.d - b.d || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, count)
    .map((c) => c.candidate);
}

const label = (product: ProductDefinition) => `${product.dialect}/${product.id}`;

function describedSummary(products: readonly ProductDefinition[]): string {
  return products
    .map((p) => {
      const { version, actions } = describedActionsOf(p);
      return version
        ? `${label(p)} describes ${actions.length} actions (${version})`
        : `${label(p)} has no actions document`;
    })
    .join("; ");
}

/** The products a selection names (every product when it names none). */
export function selectedProducts(filter: {
  dialects?: readonly Dialect[] | undefined;
  products?: readonly string[] | undefined;
}): ProductDefinition[] {
  return PRODUCTS.filter(
    (p) =>
      (!filter.dialects || filter.dialects.includes(p.dialect)) &&
      (!filter.products || filter.products.includes(p.id)),
  );
}

/**
 * The actions `--actions` adds, product by product: each described action of the product's actions
 * document that the request selects, read-only ones only unless `mutating`, less the product's own calls.
 * A listed name that no selected product describes, a pattern that matches none, or a listed action that
 * is not read-only without `mutating`, is an ActionsSpecError: a typo must not turn into a run that adds
 * nothing and passes.
 */
export function selectDescribedActions(
  request: ActionsRequest,
  products: readonly ProductDefinition[],
): Map<ProductDefinition, string[]> {
  const items = parseItems(request.spec);
  const described = products.map((p) => ({ product: p, actions: describedActionsOf(p).actions }));
  const everyName = described.flatMap((d) => d.actions);
  for (const item of items) {
    if (item.kind === "name") {
      if (!everyName.includes(item.name)) {
        const close = closeNames(item.name, everyName);
        throw new ActionsSpecError(
          `--actions ${item.name}: no selected product describes it (${describedSummary(products)})${close.length > 0 ? `; close: ${close.join(", ")}` : ""}`,
        );
      }
      if (!request.mutating && !isReadOnlyAction(item.name)) {
        throw new ActionsSpecError(
          `--actions ${item.name}: not a read-only action (Describe…, List…, Get…, Query…, Inquiry…, Check…); add --mutating to call it`,
        );
      }
    }
    if (item.kind === "pattern" && !everyName.some((a) => item.regex.test(a))) {
      throw new ActionsSpecError(
        `--actions ${item.text}: matches no action of the selected products (${describedSummary(products)})`,
      );
    }
  }
  const selected = new Map<ProductDefinition, string[]>();
  for (const { product, actions } of described) {
    const own = new Set(product.calls.map((c) => c.action));
    const chosen = actions.filter(
      (action) =>
        !own.has(action) &&
        (request.mutating || isReadOnlyAction(action)) &&
        items.some(
          (item) =>
            item.kind === "all" ||
            (item.kind === "name" && item.name === action) ||
            (item.kind === "pattern" && item.regex.test(action)),
        ),
    );
    if (chosen.length > 0) selected.set(product, chosen);
  }
  return selected;
}

/**
 * The calls `--actions` adds: one per selected action, in its dialect's call formats (Alibaba JSON and
 * XML), with the smallest request the description accepts (its required parameters with their documented
 * examples: src/schemas/minimal-request.ts) and the region the product's own calls name (Tencent
 * X-TC-Region, Alibaba RegionId). A real provider may still refuse an example value (an instance id that
 * is not the account's): that is a documented error, judged as any other answer.
 */
export function describedCalls(
  request: ActionsRequest,
  filter: { dialects?: readonly Dialect[] | undefined; products?: readonly string[] | undefined } = {},
): CallSpec[] {
  const selected = selectDescribedActions(request, selectedProducts(filter));
  return [...selected].flatMap(([product, actions]) => {
    const version = describedActionsOf(product).version ?? product.version;
    return actions.flatMap((action) =>
      dialectRequests[product.dialect].callFormats.map(
        (format): CallSpec => ({
          id: callId(product, action, format),
          dialect: product.dialect,
          product: product.id,
          action,
          version,
          format,
          params: minimalRequest(product.dialect, product.id, action, version),
          region: product.callRegion,
          mutating: !isReadOnlyAction(action),
        }),
      ),
    );
  });
}
