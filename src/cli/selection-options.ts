import type { Selection } from "../engine/selection.js";
import { DIALECTS, type Dialect, isDialect } from "../providers/dialect.js";
import { listOption } from "./report-options.js";
import { UsageError } from "./usage-error.js";

/** --dialect and --product, as run, record and check take them (repeatable or comma-separated). */
export const SELECTION_OPTIONS = {
  dialect: { type: "string", multiple: true },
  product: { type: "string", multiple: true },
} as const;

/**
 * The selection the flags ask for. An unknown dialect is a usage error. With `products` (the products a
 * live run can call, by dialect), so is an unknown product, and a product that none of the selected
 * dialects has: a typo must not turn into a run that calls nothing and passes.
 */
export function parseSelection(
  flags: { dialect?: string[] | undefined; product?: string[] | undefined },
  products?: Readonly<Record<Dialect, readonly string[]>>,
): Selection {
  const dialects = listOption(flags.dialect);
  const unknownDialect = dialects?.find((d) => !isDialect(d));
  if (unknownDialect !== undefined)
    throw new UsageError(`--dialect ${unknownDialect}: expected ${DIALECTS.join(", ")}`);
  const selection: Selection = {
    dialects: dialects as Dialect[] | undefined,
    products: listOption(flags.product),
  };
  if (!products || !selection.products) return selection;
  const known = (ds: readonly Dialect[]) =>
    ds.flatMap((d) => products[d].map((p) => `${p} (${d})`)).join(", ");
  const dialectOf = (product: string) => DIALECTS.find((d) => products[d].includes(product));
  for (const product of selection.products) {
    const owner = dialectOf(product);
    if (!owner) throw new UsageError(`--product ${product}: unknown product; known: ${known(DIALECTS)}`);
    if (selection.dialects && !selection.dialects.includes(owner)) {
      throw new UsageError(
        `--product ${product} is a ${owner} product, but --dialect ${selection.dialects.join(",")} leaves ${owner} out (products of the selected dialects: ${known(selection.dialects) || "none"})`,
      );
    }
  }
  return selection;
}
