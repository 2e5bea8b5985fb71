import { alibaba } from "./alibaba/envelope.js";
import type { Dialect, DialectSpec } from "./dialect.js";
import { tencent } from "./tencent/envelope.js";
import { zenlayer } from "./zenlayer/envelope.js";

export const dialectSpecs: Record<Dialect, DialectSpec> = { tencent, alibaba, zenlayer };
