import type { BodyFormat } from "../providers/dialect.js";
import { decodeJson } from "./decode-json.js";
import { decodeXml } from "./decode-xml.js";
import type { DecodedBody, DecodeLimits } from "./decoded-body.js";

export function decodeBody(text: string, format: BodyFormat, limits: DecodeLimits): DecodedBody {
  return format === "xml" ? decodeXml(text, limits) : decodeJson(text, limits);
}
