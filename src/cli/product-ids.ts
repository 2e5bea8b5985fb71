import type { Dialect } from "../providers/dialect.js";
import { PRODUCTS } from "../providers/registry.js";

/** The product ids of the registry (of one dialect), for --help: "cvm, ecs, ess, kms, bmc". */
export const productIds = (dialect?: Dialect): string =>
  PRODUCTS.filter((p) => dialect === undefined || p.dialect === dialect)
    .map((p) => p.id)
    .join(", ");
