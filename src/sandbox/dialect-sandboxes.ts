import { alibabaDialectSandbox } from "../providers/alibaba/sandbox/alibaba-dialect-sandbox.js";
import type { Dialect } from "../providers/dialect.js";
import {
  alibabaSandboxes,
  tencentSandboxes,
  zenlayerSandboxes,
} from "../providers/generated/sandbox-index.js";
import type { DialectSandbox } from "../providers/sandbox-kit/dialect-sandbox.js";
import { tencentDialectSandbox } from "../providers/tencent/sandbox/tencent-dialect-sandbox.js";
import { zenlayerDialectSandbox } from "../providers/zenlayer/sandbox/zenlayer-dialect-sandbox.js";

/**
 * The dialects the sandbox speaks, each with its products' sandbox.ts (src/providers/generated/), in the
 * order a request is tried on them: Tencent and Zenlayer by their headers, then Alibaba by its parameters.
 */
export const DIALECT_SANDBOXES: readonly DialectSandbox[] = [
  tencentDialectSandbox(tencentSandboxes),
  zenlayerDialectSandbox(zenlayerSandboxes),
  alibabaDialectSandbox(alibabaSandboxes),
];

export function dialectSandbox(dialect: Dialect): DialectSandbox {
  const found = DIALECT_SANDBOXES.find((sandbox) => sandbox.dialect === dialect);
  if (!found) throw new Error(`the sandbox does not speak ${dialect}`);
  return found;
}
