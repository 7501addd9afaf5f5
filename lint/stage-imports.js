// ESLint rule "reportsite/stage-imports": every import, export-from, side-effect import and literal
// dynamic import() in src/ is judged by lint/layers.js (the table of which stage may import which).
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { importProblem } from "./layers.js";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** @type {import("eslint").Rule.RuleModule} */
export const stageImports = {
  meta: {
    type: "problem",
    docs: { description: "Stages import only the stages before them, through index.ts; pure modules do no I/O" },
    schema: [],
  },
  create(context) {
    const file = relative(SRC, context.filename).split(sep).join("/");
    if (file.startsWith("..")) return {};
    const check = (node, source, typeOnly) => {
      if (source?.type !== "Literal" || typeof source.value !== "string") return;
      const problem = importProblem(file, source.value, { typeOnly });
      if (problem) context.report({ node, message: `src/${file} ${problem}` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, isTypeOnlyImport(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === "type"),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === "type"),
      ImportExpression: (node) => {
        if (node.source.type === "Literal") check(node, node.source, false);
        else
          context.report({
            node,
            message: `src/${file}: import() needs a literal path so the layering can be checked`,
          });
      },
    };
  },
};

/** `import type {…}` or `import {type A, type B}`: TypeScript erases both, so neither loads the module. */
function isTypeOnlyImport(node) {
  if (node.importKind === "type") return true;
  return node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type");
}
