import { Ajv } from "ajv";

/**
 * One configuration for every validator: all errors (each becomes a finding); x-source, and the generated
 * action documents' x-actions and x-generated, as annotations.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  ajv.addKeyword({ keyword: "x-source", schemaType: ["object", "array"] });
  ajv.addKeyword({ keyword: "x-actions", schemaType: "object" });
  ajv.addKeyword({ keyword: "x-generated", schemaType: "object" });
  return ajv;
}
