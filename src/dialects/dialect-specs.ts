import { alibaba } from "./alibaba.js";
import type { Dialect, DialectSpec } from "./dialect.js";
import { tencent } from "./tencent.js";
import { zenlayer } from "./zenlayer.js";

export const dialectSpecs: Record<Dialect, DialectSpec> = { tencent, alibaba, zenlayer };
