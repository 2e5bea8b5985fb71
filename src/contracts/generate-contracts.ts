import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ContractInteraction, interactionsOf } from "./contract-interactions.js";
import { CONTRACT_PRODUCTS, pactFileName } from "./contract-products.js";
import { sendExampleRequest } from "./example-request.js";
import { normalizePactFile } from "./normalize-pact.js";
import { newPact, runInteraction } from "./pact-builder.js";
import {
  SURFACE_DIR,
  SURFACE_PRODUCTS,
  surfaceConsumer,
  surfaceInteractionsOf,
} from "./surface-interactions.js";

export interface GeneratedPact {
  provider: string;
  file: string;
  interactions: number;
}

export interface GenerateOptions {
  /** The main pacts (OUT/CONSUMER-PROVIDER.json); default true. */
  main?: boolean;
  /** The per-action pacts (OUT/surface/CONSUMER-surface-PROVIDER.json); default true. */
  surface?: boolean;
}

/**
 * Writes one pact of `interactions` in `work` (pact-js merges into existing files, so `work` is fresh),
 * normalises it and copies it to `outDir`.
 */
async function writePact(
  work: string,
  consumer: string,
  provider: string,
  interactions: readonly ContractInteraction[],
  outDir: string,
): Promise<GeneratedPact> {
  const pact = newPact(consumer, provider, work);
  for (const interaction of interactions)
    await runInteraction(pact, interaction, (mockServer) =>
      sendExampleRequest(mockServer.url, interaction.request),
    );
  const name = pactFileName(consumer, provider);
  normalizePactFile(path.join(work, name));
  mkdirSync(outDir, { recursive: true });
  copyFileSync(path.join(work, name), path.join(outDir, name));
  return { provider, file: path.join(outDir, name), interactions: interactions.length };
}

/**
 * Writes one Pact V4 file per provider product into `outDir` (unless `options.main` is false), and one
 * per-action pact per product with an actions document into `outDir/surface/`, consumer `CONSUMER-surface`
 * (unless `options.surface` is false). Each interaction's example request is sent to pact's mock server (which is how
 * pact-js writes a pact); the files are built in a fresh temporary folder (pact-js merges into existing
 * files) and normalised before they replace the ones in `outDir`.
 */
export async function generateContracts(
  consumer: string,
  outDir: string,
  options: GenerateOptions = {},
): Promise<GeneratedPact[]> {
  const work = mkdtempSync(path.join(tmpdir(), "contracts-"));
  try {
    const generated: GeneratedPact[] = [];
    if (options.main !== false)
      for (const product of CONTRACT_PRODUCTS)
        generated.push(
          await writePact(work, consumer, product.provider, interactionsOf(product.provider), outDir),
        );
    if (options.surface !== false)
      for (const product of SURFACE_PRODUCTS)
        generated.push(
          await writePact(
            work,
            surfaceConsumer(consumer),
            product.provider,
            surfaceInteractionsOf(product.provider),
            path.join(outDir, SURFACE_DIR),
          ),
        );
    return generated;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
