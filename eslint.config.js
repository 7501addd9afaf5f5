// ESLint: correctness rules that need the types (floating promises, unsafe any, needless casts), the
// pipeline's layering (lint/layers.js) and a size limit on functions. Formatting is
// Prettier's job (`npm run format:check`), so no rule here is about layout.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { stageImports } from "./lint/stage-imports.js";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", ".dist-*/", ".reportsite/", ".scratch/", "bench/.data/", "coverage/", "lib/"] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "always", { null: "ignore" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // String(x) of an object gives "[object Object]": say what the value is instead (cli/errors.ts's describe)
      "@typescript-eslint/no-base-to-string": "error",
      // `async () => syncThatMayThrow()` is how a throw becomes a rejection (source/scan-pool.ts's
      // inline pool keeps the worker pool's contract that way); the rule would force a wrapper
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["src/**/*.ts"],
    plugins: { reportsite: { rules: { "stage-imports": stageImports } } },
    rules: {
      "reportsite/stage-imports": "error",
      // stages report through the Logger they are given (a library user chooses where it goes); only the CLI prints
      "no-console": "error",
      // functions under ~40 lines, so each orchestrator reads as a list of stage calls.
      // A function that must be longer says why in an eslint-disable comment (init/workflow.ts: one template).
      "max-lines-per-function": ["error", { max: 40, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  { files: ["src/cli/**/*.ts"], rules: { "no-console": "off" } },
  {
    // tests read JSON printed by the CLI or the server and assert on its fields: a wrong shape fails
    // the assertion, so typing every parsed value would add casts, not safety
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // the chart script runs in the visitor's browser
    files: ["templates/**/*.js"],
    languageOptions: { globals: { document: "readonly", window: "readonly" } },
  },
  {
    // plain JavaScript (the bin shim, lint rules, this file) is not in tsconfig.json: no type-aware rules
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
