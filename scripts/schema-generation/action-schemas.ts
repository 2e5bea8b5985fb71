// Every generated action-schema document (schemas/DIALECT/actions/PRODUCT/VERSION.actions.json), and the
// examples documents of the registry's Tencent products (schemas/tencent/examples/), from the
// providers' own descriptions in ../shared/corpus (read in place): Tencent's api.json files, and the
// official Go SDKs' models of Alibaba KMS and ESS and of every Zenlayer service.
import { existsSync } from "node:fs";
import path from "node:path";
import { projectRoot, schemasDir } from "../type-generation.js";
import { alibabaActionSchemas } from "./alibaba.js";
import { tencentActionSchemas } from "./tencent.js";
import { tencentExampleDocuments } from "./tencent-examples.js";
import { zenlayerActionSchemas } from "./zenlayer.js";

export const corpusDir = path.resolve(projectRoot, "..", "shared", "corpus");

export const hasCorpus = () => existsSync(corpusDir);

/** Absolute file → its text (two-space JSON and a newline, as checked in). */
export function generatedActionSchemas(corpus: string = corpusDir): Map<string, string> {
  const tencent = tencentActionSchemas(path.join(corpus, "tencentcloud-cli"));
  const documents = new Map<string, object>([
    ...tencent,
    ...tencentExampleDocuments(corpus, tencent),
    ...alibabaActionSchemas(corpus),
    ...zenlayerActionSchemas(corpus),
  ]);
  return new Map(
    [...documents].map(([file, document]) => [
      path.join(schemasDir, file),
      `${JSON.stringify(document, null, 2)}\n`,
    ]),
  );
}

/** Every generated file now in schemas/ (to find the stale ones): actions documents and examples documents. */
export const isGeneratedActionFile = (file: string) =>
  file.endsWith(".actions.json") || file.endsWith(".examples.json");
