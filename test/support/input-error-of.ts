import { expect } from "chai";
import { InputError } from "../../src/model/exchange.js";

/** The InputError `promise` rejects with; fails when it resolves or rejects with anything else. */
export async function inputErrorOf(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error("expected an InputError");
}
