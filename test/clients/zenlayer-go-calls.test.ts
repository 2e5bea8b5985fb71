// The Go program of test/surface/zenlayer-go-sdk.test.ts, checked without Go: its generated calls.go is
// what scripts/gen-go-calls.ts makes of the SDK's client.go now, and its go.mod reads the SDK in place.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import {
  BMC_CLIENT_GO,
  expectedCallsGo,
  GO_CALLS_FILE,
  GO_PROGRAM_DIR,
  GO_SDK_DIR,
  parseClientMethods,
} from "../../scripts/gen-go-calls.js";
import { schemasDir } from "../../src/project-paths.js";

const ACTIONS_DOCUMENT = path.join(schemasDir, "zenlayer", "actions", "bmc", "2022-11-20.actions.json");

describe("Zenlayer Go SDK program (test/clients/zenlayer-go)", () => {
  it("has calls.go as npm run gen:go-calls makes it from the SDK's client.go", () => {
    const current = readFileSync(GO_CALLS_FILE, "utf8");
    expect(
      current === expectedCallsGo(),
      "test/clients/zenlayer-go/calls.go is stale: run npm run gen:go-calls",
    ).to.be.true;
  });

  it("calls a method for every action of the bmc actions document, and no other action", () => {
    const methods = parseClientMethods(readFileSync(BMC_CLIENT_GO, "utf8"));
    const document = JSON.parse(readFileSync(ACTIONS_DOCUMENT, "utf8")) as { "x-actions": object };
    const actions = Object.keys(document["x-actions"]).sort();
    const called = new Set(methods.map((m) => m.action));
    expect(
      actions.filter((a) => !called.has(a)),
      "actions of the document that no method of the Client sends",
    ).to.deep.equal([]);
    expect(
      methods.filter((m) => !actions.includes(m.action)).map((m) => `${m.method} (${m.action})`),
      "methods whose action the document does not describe",
    ).to.deep.equal([]);
  });

  it("reads the SDK in place through go.mod's replace directive", () => {
    const goMod = readFileSync(path.join(GO_PROGRAM_DIR, "go.mod"), "utf8");
    const target = /^replace github\.com\/zenlayer\/zenlayercloud-sdk-go => (\S+)$/m.exec(goMod)?.[1];
    expect(target, "go.mod's replace directive").to.be.a("string");
    expect(path.resolve(GO_PROGRAM_DIR, target ?? "")).to.equal(GO_SDK_DIR);
  });
});
