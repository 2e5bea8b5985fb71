/** The Alibaba Cloud RPC products the sandbox serves, and what tells them apart. */
export type AlibabaProduct = "kms" | "ess";

export const ALIBABA_VERSIONS: Record<AlibabaProduct, string> = { kms: "2016-01-20", ess: "2014-08-28" };

const PRODUCT_BY_VERSION: Record<string, AlibabaProduct> = { "2016-01-20": "kms", "2014-08-28": "ess" };

/** Regions where both products are served (RegionId). */
export const ALIBABA_REGIONS = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1"] as const;

export function isAlibabaRegion(value: string | undefined): value is string {
  return value !== undefined && (ALIBABA_REGIONS as readonly string[]).includes(value);
}

/**
 * The product of a request: the Host header's first label when it is `kms` or `ess` (as on
 * kms.cn-hangzhou.aliyuncs.com), else the API version; an unknown version on a bare address is
 * answered as ESS (its NoSuchVersion is documented with a status).
 */
export function alibabaProduct(host: string, version: string | undefined): AlibabaProduct {
  const label = host.split(".", 1)[0]?.toLowerCase();
  if (label === "kms" || label === "ess") return label;
  return (version !== undefined && PRODUCT_BY_VERSION[version]) || "ess";
}

/** The endpoint named in an error's HostId: kms.REGION.aliyuncs.com (region of the request), ess.aliyuncs.com. */
export function alibabaHostId(product: AlibabaProduct, regionId: string | undefined): string {
  return product === "kms"
    ? `kms.${isAlibabaRegion(regionId) ? regionId : "cn-hangzhou"}.aliyuncs.com`
    : "ess.aliyuncs.com";
}
