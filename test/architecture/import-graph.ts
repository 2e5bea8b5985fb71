import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { projectRoot } from "../../scripts/type-generation.js";

export const srcDir = path.join(projectRoot, "src");

/** Every .ts file under src/, relative to src/. */
function sourceFiles(): string[] {
  return readdirSync(srcDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.relative(srcDir, path.join(e.parentPath, e.name)));
}

/** The folder of src/ a file belongs to: its first path segment ("engine", "providers"), or "." at the top. */
export function folderOf(file: string): string {
  const [first, ...rest] = file.split(path.sep);
  return rest.length === 0 ? "." : (first as string);
}

/** Each file's relative imports (static, dynamic and type-only), as files relative to src/. */
export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const text = readFileSync(path.join(srcDir, file), "utf8");
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) =>
        path.relative(srcDir, path.resolve(srcDir, path.dirname(file), name.replace(/\.js$/, ".ts"))),
      );
    graph.set(file, targets);
  }
  return graph;
}

/** Folder → the folders it imports from (itself excluded), with one file import that shows each edge. */
export function folderGraph(files: Map<string, string[]>): Map<string, Map<string, string>> {
  const folders = new Map<string, Map<string, string>>();
  for (const [file, targets] of files) {
    const from = folderOf(file);
    const edges = folders.get(from) ?? new Map<string, string>();
    folders.set(from, edges);
    for (const target of targets) {
      const to = folderOf(target);
      if (to !== from && !edges.has(to)) edges.set(to, `${file} → ${target}`);
    }
  }
  return folders;
}

/** The cycles of a graph, each as the list of its nodes (Tarjan's strongly connected components). */
export function cyclesOf(graph: Map<string, Iterable<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next))
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}
