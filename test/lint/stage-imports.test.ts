// The layering table's judgement (lint/layers.js) and the ESLint rule that applies it as code is
// written (lint/stage-imports.js), on planted imports: types may flow along the pipeline, code may
// not flow against it.
import { fileURLToPath } from "node:url";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, test } from "vitest";
import { importProblem, STAGES, TYPE_ONLY } from "../../lint/layers.js";
import { stageImports } from "../../lint/stage-imports.js";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

/** Along the flow: a later stage naming an earlier stage's shapes. */
const ALONG = [
  { from: "render/planted.ts", specifier: "../aggregate/index.js", type: "Report" },
  { from: "site/planted.ts", specifier: "../render/index.js", type: "SiteFile" },
  { from: "deploy/planted.ts", specifier: "../render/index.js", type: "SiteEntry" },
  { from: "state/planted.ts", specifier: "../site/index.js", type: "RecordedFile" },
];

/** Against the flow: an earlier stage importing a later one, which no table entry allows. */
const AGAINST = [
  { from: "render/planted.ts", specifier: "../site/index.js", stage: "site" },
  { from: "aggregate/planted.ts", specifier: "../render/index.js", stage: "render" },
  { from: "site/planted.ts", specifier: "../deploy/index.js", stage: "deploy" },
  { from: "render/planted.ts", specifier: "../deploy/index.js", stage: "deploy" },
  { from: "site/planted.ts", specifier: "../state/index.js", stage: "state" },
];

describe("importProblem", () => {
  test.each(ALONG)("$from may import types of $specifier", ({ from, specifier }) => {
    expect(importProblem(from, specifier, { typeOnly: true })).toBeUndefined();
  });

  test.each(ALONG)("$from must not load $specifier at run time", ({ from, specifier }) => {
    expect(importProblem(from, specifier)).toMatch(/may import only types from \w+\/: write `import type`/);
  });

  test.each(AGAINST)("$from must not import $specifier, not even its types", ({ from, specifier, stage }) => {
    const problem = new RegExp(`must not import ${stage}/`);
    expect(importProblem(from, specifier)).toMatch(problem);
    expect(importProblem(from, specifier, { typeOnly: true })).toMatch(problem);
  });

  test("a type-only import still goes through the stage's index.ts", () => {
    expect(importProblem("site/planted.ts", "../render/theme.js", { typeOnly: true })).toMatch(
      /reaches into render\/ past its index\.ts/,
    );
  });

  test("the type-only table points along the flow: no two stages may import each other", () => {
    const runTime = (from: string, to: string) => {
      const allowed = STAGES[from];
      return allowed === "*" || !!allowed?.includes(to);
    };
    const mayImport = (from: string, to: string) => runTime(from, to) || !!TYPE_ONLY[from]?.includes(to);
    const pairs = Object.entries(TYPE_ONLY).flatMap(([from, stages]) => stages.map((to) => [from, to] as const));
    expect(pairs.length).toBeGreaterThan(1);
    expect(pairs.filter(([from, to]) => mayImport(to, from)).map((p) => p.join(" <-> "))).toEqual([]);
    // an entry for a stage already imported at run time would say nothing
    expect(pairs.filter(([from, to]) => runTime(from, to)).map((p) => p.join(" -> "))).toEqual([]);
  });
});

describe("the ESLint rule reportsite/stage-imports", () => {
  const linter = new Linter({ configType: "flat" });
  const config = [
    {
      files: ["**/*.ts"],
      languageOptions: { parser: tseslint.parser },
      plugins: { reportsite: { rules: { "stage-imports": stageImports } } },
      rules: { "reportsite/stage-imports": "error" as const },
    },
  ];
  /** The rule's messages on `text` written as src/`file` (the file need not exist). */
  const lint = (file: string, text: string) =>
    linter.verify(text, config, { filename: `${SRC}${file}` }).map((m) => m.message);

  test.each(ALONG)("passes `import type { $type }` from $specifier in $from", ({ from, specifier, type }) => {
    expect(lint(from, `import type { ${type} } from "${specifier}";\nexport type X = ${type};\n`)).toEqual([]);
    expect(lint(from, `import { type ${type} } from "${specifier}";\nexport type X = ${type};\n`)).toEqual([]);
    expect(lint(from, `export type { ${type} } from "${specifier}";\n`)).toEqual([]);
  });

  test.each(ALONG)("reports a run-time import of $specifier in $from", ({ from, specifier }) => {
    expect(lint(from, `import { something } from "${specifier}";\nsomething();\n`)).toEqual([
      expect.stringMatching(new RegExp(`^src/${from} may import only types from \\w+/`)),
    ]);
    expect(lint(from, `import "${specifier}";\n`)).toHaveLength(1);
    expect(lint(from, `const m = await import("${specifier}");\n`)).toHaveLength(1);
  });

  test.each(AGAINST)("reports any import of $specifier in $from", ({ from, specifier, stage }) => {
    const message = new RegExp(`^src/${from} \\(\\w+/\\) must not import ${stage}/`);
    expect(lint(from, `import { something } from "${specifier}";\nsomething();\n`)).toEqual([
      expect.stringMatching(message),
    ]);
    expect(lint(from, `import type { Something } from "${specifier}";\nexport type X = Something;\n`)).toEqual([
      expect.stringMatching(message),
    ]);
  });
});
