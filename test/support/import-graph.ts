/**
 * The import graph of src/ as the TypeScript compiler sees it: every static import, export-from,
 * side-effect import, `import x = require()`, `require()` and dynamic `import()`, resolved with the
 * project's own module resolution (so `fs/promises` and `node:fs/promises` are the same package and
 * `./plan.js` is `deploy/plan.ts`). Regular expressions over the text miss half of these.
 */
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative, sep } from "node:path";
import ts from "typescript";

/** One import of a source file. */
export interface ImportEdge {
  /** The importing file, relative to the source root, e.g. `deploy/plan.ts`. */
  from: string;
  /** The specifier as written, e.g. `../s3/index.js`; undefined for a computed `import(expr)`. */
  specifier?: string;
  /** The imported file relative to the source root, when it resolves inside it. */
  file?: string;
  /** The package name (`node:fs` for `fs`), when it resolves outside the source root. */
  package?: string;
  /** Erased at run time: `import type`, `export type`, or every named binding marked `type`. */
  typeOnly: boolean;
  line: number;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
};

/** Every `.ts` file under `root`, relative to it with `/` separators. */
export function sourceFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => toPosix(relative(root, join(e.parentPath, e.name))))
    .sort();
}

/** The imports of every source file under `root`, read from disk. */
export function readImportGraph(root: string): ImportEdge[] {
  return sourceFiles(root).flatMap((file) => importsOf(root, file, readFileSync(join(root, file), "utf8")));
}

/** The imports of one file's text; `file` is relative to `root` (the file need not exist, for tests). */
export function importsOf(root: string, file: string, text: string): ImportEdge[] {
  const source = ts.createSourceFile(join(root, file), text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (node: ts.Node, specifier: ts.Expression | undefined, typeOnly: boolean) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (!specifier || !ts.isStringLiteralLike(specifier)) return edges.push({ from: file, typeOnly, line });
    edges.push({ from: file, specifier: specifier.text, typeOnly, line, ...resolve(root, source, specifier.text) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, isTypeOnlyImport(node));
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node, node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node, node.moduleReference.expression, node.isTypeOnly);
    else if (ts.isCallExpression(node) && isImportOrRequire(node)) add(node, node.arguments[0], false);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import "./x.js"` runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

function isImportOrRequire(node: ts.CallExpression): boolean {
  if (node.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  return ts.isIdentifier(node.expression) && node.expression.text === "require";
}

function resolve(root: string, source: ts.SourceFile, specifier: string): { file?: string; package?: string } {
  const { resolvedModule } = ts.resolveModuleName(specifier, source.fileName, COMPILER_OPTIONS, ts.sys);
  const resolved = resolvedModule?.resolvedFileName;
  if (resolved && !resolvedModule.isExternalLibraryImport) {
    const file = toPosix(relative(root, resolved));
    if (!file.startsWith("..")) return { file };
  }
  if (specifier.startsWith(".")) return { file: toPosix(relative(root, join(source.fileName, "..", specifier))) };
  return { package: packageName(specifier) };
}

/** `fs/promises` -> `node:fs/promises`; `@aws-sdk/client-s3/dist` -> `@aws-sdk/client-s3`. */
function packageName(specifier: string): string {
  const bare = specifier.replace(/^node:/, "");
  if (specifier.startsWith("node:") || BUILTINS.has(bare)) return `node:${bare}`;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith("node:")));

function toPosix(path: string): string {
  return path.split(sep).join("/");
}

/** The files `start` loads at run time, directly or through others (type-only imports are erased). */
export function runtimeClosure(edges: readonly ImportEdge[], start: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const edge of edges) {
      if (edge.from !== file || edge.typeOnly || !edge.file || chains.has(edge.file)) continue;
      chains.set(edge.file, [...chains.get(file)!, edge.file]);
      queue.push(edge.file);
    }
  }
  return chains;
}
