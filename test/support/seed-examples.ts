import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The provider documents, read in place from ../shared/seeds (beside the project's root). */
const seedsDir = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

const SEED_FILES = {
  zenlayer: "000_cb41bbe9a103a19e.txt",
  tencentApi: "001_24c71a7bf7ab4a40.txt",
  kms: "002_34ba6698e324b33c.txt",
  tencentGuide: "003_a0227fc7fe36601c.txt",
  ess: "004_57eaa02211ab66b6.txt",
} as const;

export function seedText(seed: keyof typeof SEED_FILES): string {
  return readFileSync(`${seedsDir}${SEED_FILES[seed]}`, "utf8");
}

function fencedBlocks(text: string): string[] {
  return [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => (m[1] as string).trim());
}

/** Markdown code blocks indented by four spaces that hold a JSON object. */
function indentedJsonBlocks(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)((?: {4}.*(?:\n|$))+)/g)]
    .map((m) => (m[1] as string).replace(/^ {4}/gm, "").trim())
    .filter((block) => block.startsWith("{"));
}

/** Seed 004's JSON "examples" are fragments: the indented lines after each "JSON format:". */
function essJsonFragments(text: string): string[] {
  return [...text.matchAll(/JSON format:\n\n((?: {4}.*\n)+)/g)].map((m) => (m[1] as string).trim());
}

export const seedExamples = {
  zenlayer: () => {
    const [success, error] = fencedBlocks(seedText("zenlayer"));
    return { success: success as string, error: error as string };
  },
  tencent: (seed: "tencentApi" | "tencentGuide") => {
    const [success, error] = indentedJsonBlocks(seedText(seed));
    return { success: success as string, error: error as string };
  },
  kms: () => {
    const [xmlSuccess, jsonSuccess, xmlError, jsonError] = fencedBlocks(seedText("kms"));
    return { xmlSuccess, jsonSuccess, xmlError, jsonError } as Record<
      "xmlSuccess" | "jsonSuccess" | "xmlError" | "jsonError",
      string
    >;
  },
  ess: () => {
    const [jsonSuccess, jsonError] = essJsonFragments(seedText("ess"));
    return { jsonSuccess: jsonSuccess as string, jsonError: jsonError as string };
  },
};

/** A documentation fragment made into the JSON it describes: braces added, comments dropped. */
export function repairFragment(fragment: string): string {
  return `{${fragment.replace(/\/\*[\s\S]*?\*\//g, "")}}`;
}
