import type { ProductDefinition } from "../providers/product.js";
import { actionsDocuments } from "../schemas/actions-documents.js";

/** The actions one product's generated document describes, and the document's version. */
export interface ProductActions {
  /** The version of the document read; undefined where the product has no actions document. */
  version: string | undefined;
  /** Action names, sorted. */
  actions: readonly string[];
}

/**
 * The actions a product's generated document describes (`x-actions` of
 * schemas/DIALECT/actions/PRODUCT/YYYY-MM-DD.actions.json): the document of the product's own version where
 * one exists, else the newest. The documents are the process's (src/schemas/actions-documents.ts), read once.
 */
export function describedActionsOf(
  product: Pick<ProductDefinition, "dialect" | "id" | "version">,
): ProductActions {
  const key = `${product.dialect}/${product.id}/${product.version}`;
  let found = listed.get(key);
  if (!found) {
    found = listActions(product);
    listed.set(key, found);
  }
  return found;
}

const listed = new Map<string, ProductActions>();

function listActions(product: Pick<ProductDefinition, "dialect" | "id" | "version">): ProductActions {
  const documents = actionsDocuments();
  const versions = documents.versionsOf(product.dialect, product.id);
  const version = versions.includes(product.version) ? product.version : versions[0];
  const document =
    version === undefined ? undefined : documents.document(product.dialect, product.id, version);
  return document
    ? { version, actions: Object.keys(document.actions).sort() }
    : { version: undefined, actions: [] };
}
