import type { Dialect } from "../providers/dialect.js";

/** Which exchanges a run judges (--dialect, --product); undefined members select everything. */
export interface Selection {
  dialects?: readonly Dialect[] | undefined;
  products?: readonly string[] | undefined;
}

/** Whether an exchange of this dialect and product is selected. */
export function isSelected(selection: Selection | undefined, dialect: Dialect, product: string): boolean {
  return (
    (!selection?.dialects || selection.dialects.includes(dialect)) &&
    (!selection?.products || selection.products.includes(product))
  );
}

/** "--dialect tencent --product cvm", for the reason an exchange was left out. */
export function describeSelection(selection: Selection): string {
  return [
    ...(selection.dialects ? [`--dialect ${selection.dialects.join(",")}`] : []),
    ...(selection.products ? [`--product ${selection.products.join(",")}`] : []),
  ].join(" ");
}
