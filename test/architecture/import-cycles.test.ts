import { expect } from "chai";
import { cyclesOf, folderGraph, importGraph } from "./import-graph.js";

/** What the provider registry may not depend on: the layers that read it. */
const ABOVE_PROVIDERS = ["cli", "contracts", "engine", "live", "report", "sandbox"];

describe("imports between the folders of src/", () => {
  const files = importGraph();
  const folders = folderGraph(files);

  it("form no cycle between files", () => {
    expect(cyclesOf(files)).to.deep.equal([]);
  });

  it("form no cycle between folders (one import of each edge in a cycle is named)", () => {
    const graph = new Map([...folders].map(([folder, edges]) => [folder, [...edges.keys()]]));
    const described = cyclesOf(graph).map((cycle) =>
      cycle.flatMap((a) => cycle.map((b) => folders.get(a)?.get(b)).filter((edge) => edge !== undefined)),
    );
    expect(described).to.deep.equal([]);
  });

  it("keep src/providers below the layers that read it", () => {
    const edges = folders.get("providers") ?? new Map<string, string>();
    const upward = ABOVE_PROVIDERS.map((folder) => edges.get(folder)).filter((edge) => edge !== undefined);
    expect(upward).to.deep.equal([]);
  });
});

describe("cyclesOf", () => {
  it("finds a cycle and only the cycle", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
    ]);
    expect(cyclesOf(graph)).to.deep.equal([["a", "b", "c"]]);
  });

  it("finds none in a chain", () => {
    expect(
      cyclesOf(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).to.deep.equal([]);
  });
});
