import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { InputError } from "../model/exchange.js";
import { schemasDir } from "../project-paths.js";
import { createAjv } from "./create-ajv.js";
import { schemaErrorMessages } from "./schema-error-messages.js";

/** At most this many problems are named; the rest are counted. */
const MAX_PROBLEMS = 5;

const validators = new Map<string, Promise<ValidateFunction>>();

/** The validator of schemas/SCHEMA, compiled once per process. */
function validatorFor(schema: string): Promise<ValidateFunction> {
  let validator = validators.get(schema);
  if (!validator) {
    validator = readFile(path.join(schemasDir, schema), "utf8").then((text) =>
      createAjv().compile(JSON.parse(text)),
    );
    validators.set(schema, validator);
  }
  return validator;
}

/** What a schema-validated JSON file is, for its messages. */
export interface ValidatedJsonKind {
  /** "configuration", "baseline", "conformance report". */
  name: string;
  /** Its schema, a file in schemas/. */
  schema: string;
  /**
   * A file given where a report or a baseline is expected may be another file altogether, so its problems
   * are introduced with "not a baseline (schemas/baseline.schema.json): …". A file that is one by its name
   * (the configuration) states them directly: "unknown field "rule" at / (allowed: …)".
   */
  direct?: boolean;
}

/**
 * Reads a JSON file that must match schemas/SCHEMA (a report, a baseline, a configuration); every problem
 * is an InputError naming the file, the field (as a path: `rules["request-id-format"]`), what it must be
 * (the allowed fields or values) and what the file has instead.
 */
export async function readValidatedJson<T>(file: string, what: ValidatedJsonKind): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(file, `cannot read the ${what.name}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `the ${what.name} is not valid JSON: ${(error as Error).message}`);
  }
  const validate = await validatorFor(what.schema);
  if (!validate(data)) {
    const messages = schemaErrorMessages(validate.errors ?? [], validate.schema, data, `the ${what.name}`);
    const more = messages.length > MAX_PROBLEMS ? [`and ${messages.length - MAX_PROBLEMS} more`] : [];
    const problems = [...messages.slice(0, MAX_PROBLEMS), ...more].join("; ");
    throw new InputError(
      file,
      what.direct ? problems : `not a ${what.name} (schemas/${what.schema}): ${problems}`,
    );
  }
  return data as T;
}
