// The pipeline's one-way imports on the import graph the TypeScript compiler
// resolves (test/support/import-graph.ts), judged by the same table as the ESLint rule
// (lint/layers.js). ESLint checks each import as it is written; this checks what they add up to:
// what a pure module loads through other modules, and cycles.
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { edgeProblem, IO_PACKAGE, isPure, LEAVES, STAGES } from "../lint/layers.js";
import { importsOf, readImportGraph, runtimeClosure, sourceFiles, type ImportEdge } from "./support/import-graph.js";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** What is wrong with each edge: the layering table's verdict, or an import the graph cannot follow. */
function layeringProblems(edges: readonly ImportEdge[]): string[] {
  return edges.flatMap((edge) => {
    const where = `src/${edge.from}:${edge.line}`;
    if (edge.specifier === undefined) return [`${where}: import() or require() of a computed path`];
    const to = edge.package !== undefined ? { package: edge.package } : { file: edge.file!, specifier: edge.specifier };
    const problem = edgeProblem(edge.from, to, edge.typeOnly);
    return problem ? [`${where}: src/${edge.from} ${problem}`] : [];
  });
}

/** Each pure file's run-time closure, with the chain to every I/O package it reaches. */
function purityProblems(edges: readonly ImportEdge[], files: readonly string[]): string[] {
  return files
    .filter(isPure)
    .flatMap((start) =>
      [...runtimeClosure(edges, start)].flatMap(([file, chain]) =>
        edges
          .filter((e) => e.from === file && !e.typeOnly && e.package !== undefined && IO_PACKAGE.test(e.package))
          .map((e) => `src/${start} is pure but loads ${e.package} through ${chain.join(" -> ")}`),
      ),
    );
}

/** Run-time import cycles between files (type-only imports are erased and do not count). */
function cycles(edges: readonly ImportEdge[], files: readonly string[]): string[] {
  return files.flatMap((start) => {
    const closure = runtimeClosure(
      edges.filter((e) => !(e.from === start && e.file === start)),
      start,
    );
    const back = edges.find((e) => !e.typeOnly && e.file === start && e.from !== start && closure.has(e.from));
    return back && start < back.from ? [`${[...closure.get(back.from)!, start].join(" -> ")}`] : [];
  });
}

/** Imports between command files: what two commands share lives in a module of cli/, not in one of them. */
function commandSiblingImports(edges: readonly ImportEdge[]): string[] {
  const command = (file: string | undefined) => file?.startsWith("cli/commands/") === true;
  return edges
    .filter((e) => command(e.from) && command(e.file))
    .map((e) => `src/${e.from}:${e.line} imports src/${e.file}`);
}

describe("the source tree", () => {
  const files = sourceFiles(SRC);
  const edges = readImportGraph(SRC);

  test("reads every import kind: the graph is not empty and sees dynamic imports", () => {
    expect(edges.length).toBeGreaterThan(100);
    // the command table (cli/commands.ts) lazy-loads each command
    expect(edges.some((e) => e.from === "cli/commands.ts" && e.file?.startsWith("cli/commands/"))).toBe(true);
  });

  test("every top-level module of src/ is in the layering table", () => {
    const modules = new Set(files.map((f) => f.split("/")[0]!.replace(/\.ts$/, "")));
    expect([...modules].filter((m) => !(m in STAGES) && !LEAVES.includes(m))).toEqual([]);
  });

  test("stages import only the stages before them, through their index.ts", () => {
    expect(layeringProblems(edges)).toEqual([]);
  });

  test("pure modules (deploy/plan.ts, aggregate/, render/, ...) reach no I/O, directly or through another module", () => {
    expect(files.filter(isPure)).toContain("deploy/plan.ts");
    expect(purityProblems(edges, files)).toEqual([]);
  });

  test("no run-time import cycles", () => {
    expect(cycles(edges, files)).toEqual([]);
  });

  test("no command file imports another command file", () => {
    expect(files.filter((f) => f.startsWith("cli/commands/")).length).toBeGreaterThan(5);
    expect(commandSiblingImports(edges)).toEqual([]);
  });
});

// The checks above must be able to fail: plant each kind of violation the regular expression of old
// missed, in a file that does not exist, and see it reported.
describe("the checks catch planted violations", () => {
  const graph = readImportGraph(SRC);
  const files = sourceFiles(SRC);
  /** The real graph with `file`'s imports replaced by those of `text` (more pairs: more files). */
  const plant = (...planted: [file: string, text: string][]) => {
    const replaced = new Set(planted.map(([file]) => file));
    return [...graph.filter((e) => !replaced.has(e.from)), ...planted.flatMap(([f, text]) => importsOf(SRC, f, text))];
  };

  test.each([
    {
      what: "fs/promises without node:",
      text: `import { readFile } from "fs/promises";`,
      expected: /imports "node:fs\/promises"/,
    },
    { what: "a side-effect import", text: `import "../s3/index.js";`, expected: /must not import s3\// },
    {
      what: "a dynamic import()",
      text: `const m = await import("../site/index.js");`,
      expected: /must not import site\//,
    },
    { what: "an export-from", text: `export { x } from "../deploy/index.js";`, expected: /must not import deploy\// },
    { what: "require()", text: `const fs = require("node:fs");`, expected: /imports "node:fs"/ },
    { what: "a computed import()", text: "const m = await import(name);", expected: /computed path/ },
    { what: "a file of its own stage (allowed)", text: `import { x } from "./table.js";`, expected: undefined },
  ])("in aggregate/planted.ts: $what", ({ text, expected }) => {
    const problems = layeringProblems(plant(["aggregate/planted.ts", text]));
    if (expected) expect(problems.join("\n")).toMatch(expected);
    else expect(problems).toEqual([]);
  });

  test("a value import of aggregate/ from render/ must be `import type`", () => {
    const edges = plant(["render/planted.ts", `import { aggregateReport } from "../aggregate/index.js";`]);
    expect(layeringProblems(edges).join("\n")).toMatch(/may import only types from aggregate\//);
    const typeOnly = plant(["render/planted.ts", `import type { Report } from "../aggregate/index.js";`]);
    expect(layeringProblems(typeOnly)).toEqual([]);
  });

  test.each([
    { file: "site/planted.ts", specifier: "../render/index.js" },
    { file: "deploy/planted.ts", specifier: "../render/index.js" },
    { file: "state/planted.ts", specifier: "../site/index.js" },
  ])("$file may import types of $specifier along the data flow, not its code", ({ file, specifier }) => {
    expect(layeringProblems(plant([file, `import type { SiteFile } from "${specifier}";`]))).toEqual([]);
    expect(layeringProblems(plant([file, `export type { SiteFile } from "${specifier}";`]))).toEqual([]);
    const runTime = layeringProblems(plant([file, `import { SiteFile } from "${specifier}";`]));
    expect(runTime).toEqual([expect.stringMatching(/may import only types from \w+\//)]);
  });

  test.each([
    { file: "render/planted.ts", specifier: "../site/index.js", stage: "site" },
    { file: "render/planted.ts", specifier: "../deploy/index.js", stage: "deploy" },
    { file: "site/planted.ts", specifier: "../deploy/index.js", stage: "deploy" },
    { file: "aggregate/planted.ts", specifier: "../render/index.js", stage: "render" },
  ])("$file must not import $specifier against the data flow, not even its types", ({ file, specifier, stage }) => {
    const message = new RegExp(`must not import ${stage}/`);
    expect(layeringProblems(plant([file, `import { x } from "${specifier}";`]))).toEqual([
      expect.stringMatching(message),
    ]);
    expect(layeringProblems(plant([file, `import type { X } from "${specifier}";`]))).toEqual([
      expect.stringMatching(message),
    ]);
  });

  test("deploy/plan.ts loading the SDK through another module is reported with the chain", () => {
    const edges = plant(["deploy/plan.ts", `import { listRemote } from "./remote.js";`]);
    expect(purityProblems(edges, files)).toContain(
      "src/deploy/plan.ts is pure but loads @aws-sdk/client-s3 through deploy/plan.ts -> deploy/remote.ts",
    );
    expect(layeringProblems(edges).join("\n")).toMatch(
      /deploy\/plan\.ts is pure \(no I\/O\) but imports "\.\/remote\.js"/,
    );
  });

  test("reaching into another stage past its index.ts", () => {
    const edges = plant(["deploy/planted.ts", `import { readOutputFolder } from "../site/read.js";`]);
    expect(layeringProblems(edges).join("\n")).toMatch(/reaches into site\/ past its index\.ts/);
  });

  test("a command file importing another (types too)", () => {
    const edges = plant(["cli/commands/planted.ts", `import type { BuildRun } from "./build.js";`]);
    expect(commandSiblingImports(edges)).toEqual(["src/cli/commands/planted.ts:1 imports src/cli/commands/build.ts"]);
  });

  test("a cycle", () => {
    const edges = plant(
      ["units.ts", `import { mapWithConcurrency } from "./concurrency.js";`],
      ["concurrency.ts", `import { formatSize } from "./units.js";`],
    );
    expect(cycles(edges, files)).toEqual(["concurrency.ts -> units.ts -> concurrency.ts"]);
  });
});
