import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** A contract file that is not a Pact V4 file: exit 2 with a message naming the file. */
export class ContractFileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "ContractFileError";
  }
}

export interface PactInteractionSummary {
  description: string;
  states: string[];
  /** The HTTP status of the interaction's response (the example, where a status-class matcher allows more). */
  status: number;
}

export interface PactFileSummary {
  file: string;
  consumer: string;
  provider: string;
  interactions: PactInteractionSummary[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Reads and checks one pact file: JSON, the Pact shape, specification 4.x, HTTP interactions. */
export function readPactFile(file: string): PactFileSummary {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ContractFileError(file, `cannot be read (${(error as Error).message})`);
  }
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch (error) {
    throw new ContractFileError(file, `not JSON (${(error as Error).message})`);
  }
  if (!isObject(pact)) throw new ContractFileError(file, "not a Pact file: the top level is not an object");
  const consumer = isObject(pact.consumer) ? pact.consumer.name : undefined;
  const provider = isObject(pact.provider) ? pact.provider.name : undefined;
  if (typeof consumer !== "string" || typeof provider !== "string")
    throw new ContractFileError(file, "not a Pact file: consumer.name and provider.name must be strings");
  const spec =
    isObject(pact.metadata) && isObject(pact.metadata.pactSpecification)
      ? pact.metadata.pactSpecification.version
      : undefined;
  if (typeof spec !== "string" || !spec.startsWith("4."))
    throw new ContractFileError(
      file,
      `not a Pact V4 file: metadata.pactSpecification.version is ${JSON.stringify(spec ?? null)}, expected 4.x`,
    );
  if (!Array.isArray(pact.interactions) || pact.interactions.length === 0)
    throw new ContractFileError(file, "not a Pact file: interactions must be a non-empty array");
  const interactions = pact.interactions.map((interaction: unknown, index: number) => {
    const where = `interaction ${index}`;
    if (!isObject(interaction) || typeof interaction.description !== "string")
      throw new ContractFileError(file, `${where}: no description`);
    if (interaction.type !== "Synchronous/HTTP")
      throw new ContractFileError(
        file,
        `${where} (${interaction.description}): type ${JSON.stringify(interaction.type)}, expected "Synchronous/HTTP"`,
      );
    const request = interaction.request;
    const response = interaction.response;
    if (!isObject(request) || typeof request.method !== "string" || typeof request.path !== "string")
      throw new ContractFileError(
        file,
        `${where} (${interaction.description}): request needs a method and a path`,
      );
    if (!isObject(response) || typeof response.status !== "number")
      throw new ContractFileError(
        file,
        `${where} (${interaction.description}): response needs a numeric status`,
      );
    const states = Array.isArray(interaction.providerStates)
      ? interaction.providerStates.flatMap((s: unknown) =>
          isObject(s) && typeof s.name === "string" ? [s.name] : [],
        )
      : [];
    return { description: interaction.description, states, status: response.status };
  });
  return { file, consumer, provider, interactions };
}

/** The pact files of a folder (*.json, sorted), or the one file given. */
export function pactFilesIn(location: string): string[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(location);
  } catch {
    throw new ContractFileError(location, "no such file or folder");
  }
  if (!stat.isDirectory()) return [location];
  const files = readdirSync(location)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => path.join(location, name));
  if (files.length === 0) throw new ContractFileError(location, "no pact files (*.json) in this folder");
  return files;
}
