import { actionSchema } from "./action-schema.js";
import { bodyParseable } from "./body-parseable.js";
import { contentTypeConsistent } from "./content-type-consistent.js";
import { envelopeShape } from "./envelope-shape.js";
import { errorCodeKnown } from "./error-code-known.js";
import { errorCodeMessage } from "./error-code-message.js";
import { errorHostId } from "./error-host-id.js";
import { probeExpectedCode } from "./probe-expected-code.js";
import { requestIdConsistent } from "./request-id-consistent.js";
import { requestIdFormat } from "./request-id-format.js";
import { requestIdPresent } from "./request-id-present.js";
import type { Rule } from "./rule.js";
import { statusBodyConsistent } from "./status-body-consistent.js";
import { statusCodeTable } from "./status-code-table.js";
import { statusOutcome } from "./status-outcome.js";
import { unknownMember } from "./unknown-member.js";
import { xmlRoot } from "./xml-root.js";

/** Every rule that judges a single exchange, in report order. */
export const exchangeRules: readonly Rule[] = [
  bodyParseable,
  contentTypeConsistent,
  envelopeShape,
  actionSchema,
  unknownMember,
  requestIdPresent,
  requestIdFormat,
  requestIdConsistent,
  errorCodeMessage,
  errorCodeKnown,
  errorHostId,
  statusOutcome,
  statusCodeTable,
  statusBodyConsistent,
  xmlRoot,
  probeExpectedCode,
];
