import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { interactionsOf } from "./contract-interactions.js";
import { CONTRACT_PRODUCTS, pactFileName } from "./contract-products.js";
import { sendExampleRequest } from "./example-request.js";
import { normalizePactFile } from "./normalize-pact.js";
import { newPact, runInteraction } from "./pact-builder.js";

export interface GeneratedPact {
  provider: string;
  file: string;
  interactions: number;
}

/**
 * Writes one Pact V4 file per provider product into `outDir`. Each interaction's example request is sent to
 * pact's mock server (which is how pact-js writes a pact); the files are built in a fresh temporary
 * folder (pact-js merges into existing files) and normalised before they replace the ones in `outDir`.
 */
export async function generateContracts(consumer: string, outDir: string): Promise<GeneratedPact[]> {
  const work = mkdtempSync(path.join(tmpdir(), "contracts-"));
  try {
    const generated: GeneratedPact[] = [];
    for (const product of CONTRACT_PRODUCTS) {
      const pact = newPact(consumer, product.provider, work);
      const interactions = interactionsOf(product.provider);
      for (const interaction of interactions)
        await runInteraction(pact, interaction, (mockServer) =>
          sendExampleRequest(mockServer.url, interaction.request),
        );
      const name = pactFileName(consumer, product.provider);
      normalizePactFile(path.join(work, name));
      mkdirSync(outDir, { recursive: true });
      copyFileSync(path.join(work, name), path.join(outDir, name));
      generated.push({
        provider: product.provider,
        file: path.join(outDir, name),
        interactions: interactions.length,
      });
    }
    return generated;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
