import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "./project-paths.js";

const manifest = JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as {
  name: string;
  version: string;
};

/** This tool's name and version, as package.json says. */
export const TOOL = { name: manifest.name, version: manifest.version };
