import { alibabaContractForm } from "./alibaba/contract-form.js";
import type { DialectContractForm } from "./contract-form.js";
import type { Dialect } from "./dialect.js";
import { tencentContractForm } from "./tencent/contract-form.js";
import { zenlayerContractForm } from "./zenlayer/contract-form.js";

export type {
  ContractError,
  ContractMatchers,
  ContractRequestForm,
  DialectContractForm,
} from "./contract-form.js";

/**
 * Each dialect's contract form (src/providers/DIALECT/contract-form.ts): the request its official clients
 * send, with matchers for what each signed call changes; how a replayed request is signed again; its
 * answers as a contract states them. The contracts layer (src/contracts/) reads this table instead of
 * telling the dialects apart.
 */
export const dialectContractForms: Record<Dialect, DialectContractForm> = {
  tencent: tencentContractForm,
  alibaba: alibabaContractForm,
  zenlayer: zenlayerContractForm,
};
