process.env.PACT_DO_NOT_TRACK = "true";

import { describeSurfaceVerification } from "../support/surface-pacts.js";

// Every per-action interaction of contracts/surface/ (npm run test:surface); npm test verifies a sample
// (test/contracts/surface.test.ts).
describe("contracts: per-action pacts (contracts/surface/)", () => {
  describeSurfaceVerification();
});
