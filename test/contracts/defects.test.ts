process.env.PACT_DO_NOT_TRACK = "true";

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { pactFilesIn, readPactFile } from "../../src/contracts/contract-file.js";
import { runVerifiers } from "../../src/contracts/verifier-process.js";
import type { PactVerification } from "../../src/contracts/verify-contracts.js";
import { packageRoot } from "../../src/project-paths.js";
import { DEFECT_NAMES, type DefectName } from "../../src/sandbox/defects.js";

/**
 * The sandbox defects a Pact contract cannot express (docs/contracts.md, "What Pact cannot express"): Pact
 * compares one answer with its interaction's expectation, member by member; it has no matcher that
 * relates two values of one answer to each other, nor one answer to another.
 */
const NOT_EXPRESSIBLE: Partial<Record<DefectName, string>> = {
  "zenlayer-request-id-mismatch":
    "it compares two fields of one answer (response.requestId = requestId); each alone still has the shape",
  "json-xml-disagree":
    "it compares two answers (the JSON and the XML answer to one call); each alone still matches its contract",
};

interface PactInteraction {
  description: string;
}

interface Touched {
  provider: string;
  description: string;
}

const isError = (i: Touched) => !i.description.endsWith(" succeeds");
const isXml = (i: Touched) => i.description.includes("(XML)");
const isAlibaba = (i: Touched) => i.provider.startsWith("alibaba-");

interface Touch {
  /** The interactions whose answers the defect changes (docs/sandbox.md, "Defects"). */
  where: (i: Touched) => boolean;
  /**
   * The defect changes each of those answers alike (every body cut, every request ID gone, …): one
   * interaction of each provider, outcome and format is verified, not all of them.
   */
  alike?: true;
}

const everyAnswer = () => true;

/**
 * What each defect touches: only those interactions are verified under it, which keeps this test to a
 * few seconds. Every defect has an entry (the type says so).
 */
const TOUCHES: Record<DefectName, Touch> = {
  "missing-message": { where: isError, alike: true },
  "missing-request-id": { where: everyAnswer, alike: true },
  "wrong-status-for-code": { where: (i) => isAlibaba(i) && isError(i) },
  "tencent-error-4xx": { where: (i) => i.provider === "tencent-cvm" && isError(i), alike: true },
  "kms-httpstatus-mismatch": { where: (i) => i.provider === "alibaba-kms" && isError(i), alike: true },
  "zenlayer-request-id-mismatch": { where: (i) => i.provider === "zenlayer-bmc" && !isError(i) },
  "wrong-content-type": { where: everyAnswer, alike: true },
  "wrong-xml-root": { where: isXml },
  "json-xml-disagree": { where: (i) => isXml(i) && !isError(i) },
  "probe-wrong-code": { where: (i) => i.description.startsWith("bad-signature") },
  "missing-host-id": { where: (i) => isAlibaba(i) && isError(i), alike: true },
  "malformed-request-id": { where: everyAnswer, alike: true },
  "count-as-string": { where: (i) => !isError(i) && !isXml(i) },
  "truncated-body": { where: everyAnswer, alike: true },
};

/** Verifier processes at once (each verifies its defects one after the other, a fresh sandbox each). */
const PROCESSES = 2;

/**
 * One pact of the interactions of every checked-in contract that `touch` selects (provider "contracts":
 * the verifier's state handlers then hold every dialect throttled in the throttled state).
 */
function pactOf(name: string, touch: Touch, dir: string): string {
  const files = pactFilesIn(path.join(packageRoot, "contracts"));
  const pacts = files.map((file) => JSON.parse(readFileSync(file, "utf8")));
  const kinds = new Set<string>();
  const interactions = pacts.flatMap((pact) =>
    (pact.interactions as PactInteraction[]).filter((i) => {
      const touched = { provider: pact.provider.name, description: i.description };
      if (!touch.where(touched)) return false;
      if (!touch.alike) return true;
      if (i.description.startsWith("throttling")) return false;
      const kind = `${touched.provider} ${isError(touched)} ${isXml(touched)}`;
      if (kinds.has(kind)) return false;
      kinds.add(kind);
      return true;
    }),
  );
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ ...pacts[0], provider: { name: "contracts" }, interactions }));
  return file;
}

describe("contracts verify against each sandbox defect: the contracts refuse every defect Pact can express", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "contracts-defects-"));
  const outcomes = new Map<DefectName, Promise<PactVerification>>();

  before(() => {
    const tasks = DEFECT_NAMES.map((defect) => ({
      defect,
      pact: readPactFile(pactOf(defect, TOUCHES[defect], dir)),
    }));
    // Larger tasks first, dealt to the processes in turn.
    const ordered = [...tasks].sort((a, b) => b.pact.interactions.length - a.pact.interactions.length);
    for (let p = 0; p < PROCESSES; p++) {
      const mine = ordered.filter((_, index) => index % PROCESSES === p);
      const runs = runVerifiers(
        mine.map((task) => ({ pacts: [task.pact], defects: [task.defect] })),
        path.join(dir, `verifier-${p}.log`),
      );
      mine.forEach((task, index) => {
        const outcome = runs.then((all) => all[index]?.results[0] as PactVerification);
        outcome.catch(() => undefined); // reported by the defect's own test
        outcomes.set(task.defect, outcome);
      });
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("names only defects the sandbox has, and every defect touches some interaction", () => {
    for (const defect of Object.keys(NOT_EXPRESSIBLE))
      expect(DEFECT_NAMES as readonly string[]).to.include(defect);
    for (const defect of DEFECT_NAMES)
      expect(readPactFile(pactOf(`check-${defect}`, TOUCHES[defect], dir)).interactions, defect).to.not.be
        .empty;
  });

  for (const defect of DEFECT_NAMES) {
    const reason = NOT_EXPRESSIBLE[defect];
    const title = reason
      ? `${defect}: every interaction it touches verifies: Pact cannot express it (${reason})`
      : `${defect}: an interaction it touches fails verification`;
    it(title, async function () {
      this.timeout(120_000);
      const outcome = await (outcomes.get(defect) as Promise<PactVerification>);
      const failed = outcome.interactions.filter((i) => !i.passed);
      if (reason)
        expect(
          failed.map((i) => `${i.description}: ${i.message}`),
          "no interaction fails",
        ).to.deep.equal([]);
      else expect(failed, "some interaction fails").to.not.be.empty;
    });
  }
});
