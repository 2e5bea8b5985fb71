import type { Dialect } from "../providers/dialect.js";

/** One Pact file per provider product: the provider's name in the pact and where its answers come from. */
export interface ContractProduct {
  provider: "tencent-cvm" | "alibaba-kms" | "alibaba-ess" | "zenlayer-bmc";
  dialect: Dialect;
  product: string;
}

export const CONTRACT_PRODUCTS: readonly ContractProduct[] = [
  { provider: "alibaba-ess", dialect: "alibaba", product: "ess" },
  { provider: "alibaba-kms", dialect: "alibaba", product: "kms" },
  { provider: "tencent-cvm", dialect: "tencent", product: "cvm" },
  { provider: "zenlayer-bmc", dialect: "zenlayer", product: "bmc" },
];

export const DEFAULT_CONSUMER = "sdk";

/** The file name pact-js gives a pact: CONSUMER-PROVIDER.json. */
export const pactFileName = (consumer: string, provider: string) => `${consumer}-${provider}.json`;
