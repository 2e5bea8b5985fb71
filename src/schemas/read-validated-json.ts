import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { InputError } from "../model/exchange.js";
import { schemasDir } from "../project-paths.js";
import { createAjv } from "./create-ajv.js";

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

/**
 * Reads a JSON file that must match schemas/SCHEMA (a report, a baseline, a configuration); every problem
 * is an InputError naming the file and what it should have been: "not a baseline (…): /x must be …".
 */
export async function readValidatedJson<T>(file: string, what: { name: string; schema: string }): Promise<T> {
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
    const problems = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || "/"} ${e.message}`)
      .join("; ");
    throw new InputError(file, `not a ${what.name} (schemas/${what.schema}): ${problems}`);
  }
  return data as T;
}
