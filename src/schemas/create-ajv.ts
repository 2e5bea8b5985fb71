import { Ajv } from "ajv";

/** One configuration for every validator: all errors (each becomes a finding), x-source as an annotation. */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  ajv.addKeyword({ keyword: "x-source", schemaType: ["object", "array"] });
  return ajv;
}
