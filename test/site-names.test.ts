// The published site's fixed names are written once, in src/site-names.ts: a renamed file then cannot
// leave a stale copy of its old name behind. Prose (a message or a comment that mentions index.html)
// may name them; a string used as a path may not. The built-in templates get the hrefs as template
// variables (`it.links`, `it.scripts`), so they spell none of the names, not even as link text.
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import * as names from "../src/site-names.js";
import { sourceFiles } from "./support/import-graph.js";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));
const TEMPLATES = fileURLToPath(new URL("../templates/", import.meta.url));
const HOME = "site-names.ts";
const FIXED: readonly string[] = Object.values(names);

/** The literal texts of a file (strings and the fixed parts of templates), without import specifiers. */
function literalsOf(file: string, text: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) return;
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push({ text: node.text, line });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * True when `literal` uses `name` as a path: the literal has no space (so it is not prose) and is the
 * name, ends in `/name`, or starts with it (`assets/…`, `index.html#top`).
 */
function usesAsPath(literal: string, name: string): boolean {
  if (/\s/.test(literal) || !literal.includes(name)) return false;
  return literal === name || literal.endsWith(`/${name}`) || literal.startsWith(name);
}

/** `src/file:line: "literal"` for each literal outside site-names.ts that spells a fixed name. */
function strayNames(): string[] {
  return sourceFiles(SRC)
    .filter((file) => file !== HOME)
    .flatMap((file) =>
      literalsOf(file, readFileSync(join(SRC, file), "utf8"))
        .filter((l) => FIXED.some((name) => usesAsPath(l.text, name)))
        .map((l) => `src/${file}:${l.line}: ${JSON.stringify(l.text)}`),
    );
}

/** Each place in an Eta template's text where a fixed name stands as a word of its own, with its line. */
function namesInTemplate(text: string): { text: string; line: number }[] {
  return FIXED.flatMap((name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return [...text.matchAll(new RegExp(`(?<![\\w.-])${escaped}`, "g"))].map((m) => ({
      text: name,
      line: text.slice(0, m.index).split("\n").length,
    }));
  });
}

/** `templates/file:line: "name"` for each fixed name a built-in template spells (Eta text, or a script's literal). */
function strayTemplateNames(): string[] {
  return readdirSync(TEMPLATES)
    .filter((file) => [".eta", ".js"].includes(extname(file)))
    .sort()
    .flatMap((file) => {
      const text = readFileSync(join(TEMPLATES, file), "utf8");
      const found =
        extname(file) === ".eta"
          ? namesInTemplate(text)
          : literalsOf(file, text).filter((l) => FIXED.some((name) => usesAsPath(l.text, name)));
      return found.map((l) => `templates/${file}:${l.line}: ${JSON.stringify(l.text)}`);
    });
}

describe("the site's fixed names", () => {
  test("are the names the website has", () => {
    expect(FIXED).toEqual(
      expect.arrayContaining(["index.html", "error.html", "trend.html", "summary.json", "summary.csv", "assets/"]),
    );
    expect(names.ASSETS_FOLDER.endsWith("/")).toBe(true);
  });

  test("are spelt only in src/site-names.ts, never as a path literal elsewhere", () => {
    expect(strayNames()).toEqual([]);
  });

  test("are spelt in no built-in template: the templates get them as it.links and it.scripts", () => {
    expect(strayTemplateNames()).toEqual([]);
  });

  test("a fixed name in a template's text is caught, a longer name that ends in one is not", () => {
    const found = namesInTemplate('<p>x</p>\n<a href="summary.csv">all</a> <script src="assets/my-chart.js">');
    expect(found).toEqual([
      { text: "summary.csv", line: 2 },
      { text: "assets/", line: 2 },
    ]);
  });

  test("a path literal is caught; prose and module specifiers are not", () => {
    expect(usesAsPath("assets/chart.js", names.ASSETS_FOLDER)).toBe(true);
    expect(usesAsPath("2019/jan/index.html", names.INDEX_DOCUMENT)).toBe(true);
    expect(usesAsPath("index.html", names.INDEX_DOCUMENT)).toBe(true);
    expect(usesAsPath("could not read index.html of the bucket", names.INDEX_DOCUMENT)).toBe(false);
    const literals = literalsOf(
      "x.ts",
      'import { a } from "./chart.js";\nconst page = "trend.html";\nconst later = import("./chart.js");',
    );
    expect(literals.map((l) => l.text)).toEqual(["trend.html"]);
    expect(literals[0]!.line).toBe(2);
  });
});
