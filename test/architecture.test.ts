// The pipeline's one-way imports (shared/STYLE.md 6.2), checked on the source text: a stage may
// import only the stages listed for it, and only through their index.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));
const LEAVES = ["errors", "log", "key-path", "concurrency", "units", "exit-hooks"];

/** Which top-level modules each module may import (leaf modules are allowed everywhere). */
const ALLOWED: Record<string, string[]> = {
  errors: [],
  log: [],
  "key-path": [],
  concurrency: [],
  units: [],
  "exit-hooks": [],
  index: ["*"],
  config: [],
  s3: ["config"],
  source: ["config", "s3"],
  aggregate: [],
  render: ["aggregate"],
  site: ["config"],
  build: ["config", "source", "aggregate", "render", "site", "s3"],
  deploy: ["config", "s3", "site"],
  share: ["config", "s3"],
  preview: ["config", "site"],
  init: ["s3"],
  cli: ["*"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

function moduleOf(file: string): string {
  return relative(SRC, file)
    .split("/")[0]!
    .replace(/\.[jt]s$/, "");
}

test("stages import only the stages before them, through their index.ts", () => {
  const problems: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = moduleOf(file);
    const allowed = ALLOWED[from];
    if (!allowed) {
      problems.push(`${relative(SRC, file)}: module "${from}" is not in the dependency table`);
      continue;
    }
    const text = readFileSync(file, "utf8");
    for (const [, specifier] of text.matchAll(/^\s*(?:import|export)[^"']*?from\s+["']([^"']+)["']/gm)) {
      if (!specifier!.startsWith(".")) continue;
      const target = join(file, "..", specifier!);
      const to = moduleOf(target);
      if (to === from || LEAVES.includes(to)) continue;
      if (!allowed.includes("*") && !allowed.includes(to))
        problems.push(`${relative(SRC, file)} imports ${to} ("${specifier}")`);
      const inside = relative(SRC, target).split("/");
      if (from !== "cli" && from !== "build" && inside.length > 1 && inside[1] !== "index.js")
        problems.push(`${relative(SRC, file)} reaches into ${to} past its index.ts ("${specifier}")`);
    }
  }
  expect(problems).toEqual([]);
});

test("pure modules do no I/O: no fs and no AWS SDK in aggregate/, render/ and deploy/plan.ts", () => {
  const pure = sourceFiles(SRC).filter((f) => /\/(aggregate|render)\//.test(f) || f.endsWith("deploy/plan.ts"));
  const offenders = pure.filter((f) =>
    /from\s+["'](node:fs[^"']*|fs|@aws-sdk\/[^"']+)["']/.test(readFileSync(f, "utf8")),
  );
  expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
});
