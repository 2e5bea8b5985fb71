import type { ProductDefinition } from "../product.js";
import type { SandboxServices } from "./sandbox-services.js";

/** What an action may use besides its parameters: the running sandbox, its product and the product's state. */
export interface ActionContext<State = unknown> {
  services: SandboxServices;
  product: ProductDefinition;
  state: State;
}

/**
 * How the sandbox serves one product (src/providers/DIALECT/PRODUCT/sandbox.ts): its actions, in the form
 * its dialect's handler calls them, and the state they share.
 */
export interface ProductSandbox<Action, State = unknown> {
  actions: Readonly<Record<string, Action>>;
  /** The product's state for one sandbox (created on its first request), given to every action. */
  createState?(): State;
  /**
   * This product answers the requests of its dialect that name no product the sandbox serves (an unknown
   * service, or an Alibaba bare address with an unknown version). One product per dialect says so.
   */
  answersUnknownProducts?: boolean;
}

/** A product with a sandbox: its definition (registry) and how the sandbox serves it. */
export interface ServedProduct<Sandbox> {
  definition: ProductDefinition;
  sandbox: Sandbox;
}

/**
 * The product that answers a request: the first of `candidates` (the products the request names, most
 * telling first) that has a sandbox, else the one that answers unknown products.
 */
export function servedProduct<Sandbox extends { answersUnknownProducts?: boolean }>(
  definitions: readonly ProductDefinition[],
  sandboxes: Readonly<Record<string, Sandbox>>,
  candidates: readonly (ProductDefinition | undefined)[],
): ServedProduct<Sandbox> {
  const sandboxOf = (definition: ProductDefinition) =>
    Object.hasOwn(sandboxes, definition.id) ? sandboxes[definition.id] : undefined;
  for (const definition of candidates) {
    const sandbox = definition && sandboxOf(definition);
    if (definition && sandbox) return { definition, sandbox };
  }
  for (const definition of definitions) {
    const sandbox = sandboxOf(definition);
    if (sandbox?.answersUnknownProducts) return { definition, sandbox };
  }
  throw new Error(`no product of ${definitions[0]?.dialect ?? "this dialect"} answers unknown products`);
}

/** The context an action of `served` runs with: its state is created on the product's first request. */
export function actionContext<State>(
  served: ServedProduct<ProductSandbox<unknown, State>>,
  services: SandboxServices,
): ActionContext<State> {
  const { definition, sandbox } = served;
  const state = sandbox.createState
    ? services.productState(definition, () => sandbox.createState?.() as State)
    : (undefined as State);
  return { services, product: definition, state };
}
