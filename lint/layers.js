// The pipeline's one-way imports as data, with the one function that judges an
// import. Both the ESLint rule (lint/stage-imports.js, per import as you type) and
// test/architecture.test.ts (on the import graph the TypeScript compiler resolves) use it, so the
// table is written once.
import { posix } from "node:path";

/**
 * Top-level modules under src/ that any module may import: small helpers with no stage knowledge.
 * A leaf imports only other leaves.
 */
export const LEAVES = [
  "errors",
  "log",
  "key-path",
  "concurrency",
  "units",
  "exit-hooks",
  "site-names",
  "atomic-file",
  "suggest",
  "group-values",
  "calendar",
  "measure-format",
  // the map grid: the scanner bins coordinates into it, the pages draw its cells
  "map-grid",
  // pandas' reading of a measure cell: the scanner decides a column's kind, aggregate computes with its values
  "measure-value",
  // the order of a timestamp part's values: aggregate orders a report's rows by it, render a heatmap's axes
  "key-order",
  // the ISO 8601 timestamps a report groups by: the scanner reads them, init proposes only columns it reads
  "timestamp",
];

/**
 * Which stages each top-level module of src/ may import at run time ("*": any); types too. Leaves
 * are allowed everywhere. A module missing from this table is an error, so a new stage is placed in
 * the layering on purpose.
 * @type {Record<string, string[] | "*">}
 */
export const STAGES = {
  index: "*",
  config: [],
  s3: ["config"],
  source: ["config", "s3"],
  aggregate: [],
  render: [],
  site: ["config"],
  // what reportsite remembers between runs (the build cache, the output record, the published-headers
  // memory): written and read by build and deploy, and loading no other stage
  state: [],
  // s3 too: the build creates the raw bucket's client and names the site URL
  build: ["config", "source", "aggregate", "render", "site", "s3", "state"],
  deploy: ["config", "s3", "site", "state"],
  share: ["config", "s3"],
  preview: ["config", "site"],
  // `reportsite init` writes a site-config.json and may check the buckets it names
  init: ["config", "s3"],
  // `reportsite check`: what an anonymous reader gets of the published site (links read as share reads them, types as deploy sets them)
  "site-check": ["config", "s3", "site", "share"],
  cli: "*",
};

/**
 * Files besides a stage's index.ts that other stages may import. config/file.ts reads site-config.json
 * without loading the validator and the stages behind it, so the CLI reports a missing config at once, before the rest loads.
 * site/headers.ts loads the content-type table (mime-db, ~40 ms): deploy and preview import it, a build does not.
 * render/template-names.ts names the built-in templates: a build with nothing new reads them without loading Eta.
 */
const PUBLIC_ENTRIES = ["config/file.ts", "site/headers.ts", "render/template-names.ts"];

/**
 * Stages whose types (`import type`, erased at run time) a module may import besides those of
 * STAGES, in the direction the data flows: config/source -> aggregate -> render -> site -> deploy.
 * A later stage names the shapes an earlier one hands it (aggregate's Report in render/, render's
 * SiteFile and Theme in site/, render's SiteEntry in deploy/) instead of repeating them, and loads
 * none of its code. A run-time import of these stages is an error, and so is any import against the flow.
 * @type {Record<string, string[]>}
 */
export const TYPE_ONLY = {
  // the reports' definitions (config/reports.ts) are the shape every later stage reads a report by
  aggregate: ["config"],
  render: ["aggregate", "config"],
  site: ["render"],
  // the output record holds the output folder's files with their stamps
  state: ["site"],
  deploy: ["render"],
};

/**
 * Files (or folders, ending in `/`) under src/ that do no I/O, not even through another module: they
 * may import at run time only other pure files, pure leaves and no I/O package, so purity holds for
 * everything they load. deploy/plan.ts above all: what deploy would upload or delete is decided there,
 * and tested, without S3.
 */
const PURE = [
  "aggregate/",
  "render/",
  "deploy/plan.ts",
  "deploy/invalidation.ts",
  "build/month-plan.ts",
  "deploy/format.ts",
  "s3/urls.ts",
  "site/headers.ts",
  "errors.ts",
  "log.ts",
  "key-path.ts",
  "units.ts",
  "concurrency.ts",
  "site-names.ts",
  "map-grid.ts",
  "suggest.ts",
  "group-values.ts",
  "calendar.ts",
  "measure-format.ts",
  "measure-value.ts",
  "key-order.ts",
  "timestamp.ts",
  "config/reports.ts",
];

/** Packages that touch the disk, the network or other processes. */
export const IO_PACKAGE =
  /^(node:)?(fs|fs\/promises|http|https|http2|net|dgram|child_process|worker_threads)$|^@aws-sdk\//;

/** Per module: packages it must not import even where it is not pure (a stage that must not depend on them). */
const FORBIDDEN_PACKAGES = {
  config: /^@aws-sdk\//,
  preview: /^@aws-sdk\//, // preview is offline
};

/** The top-level module of a path relative to src/: `deploy/plan.ts` -> `deploy`, `build/index.ts` -> `build`. */
function moduleOf(file) {
  return file.split("/")[0].replace(/\.[cm]?[jt]s$/, "");
}

/** Whether a file (relative to src/) must stay free of I/O. */
export function isPure(file) {
  return PURE.some((entry) => (entry.endsWith("/") ? file.startsWith(entry) : file === entry));
}

/** The file a relative specifier names, relative to src/ (`.js` -> `.ts`); undefined when it leaves src/. */
function resolveRelative(from, specifier) {
  const target = posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, ".ts");
  return target.startsWith("../") ? undefined : target;
}

/**
 * Why `from` (a file relative to src/) must not import `specifier`, or undefined when it may.
 * @param {string} from e.g. `deploy/plan.ts`
 * @param {string} specifier as written, e.g. `../s3/index.js` or `node:fs`
 * @param {{ typeOnly?: boolean }} [options] typeOnly: the import is erased at run time
 * @returns {string | undefined}
 */
export function importProblem(from, specifier, { typeOnly = false } = {}) {
  if (!specifier.startsWith(".")) return edgeProblem(from, { package: specifier }, typeOnly);
  const target = resolveRelative(from, specifier);
  if (target === undefined) return `imports "${specifier}" from outside src/`;
  return edgeProblem(from, { file: target, specifier }, typeOnly);
}

/**
 * The same judgement for an import already resolved (test/architecture.test.ts resolves with the
 * TypeScript compiler): `to` is a package name or a file relative to src/.
 * @param {string} from
 * @param {{ package: string } | { file: string, specifier?: string }} to
 * @param {boolean} typeOnly
 * @returns {string | undefined}
 */
export function edgeProblem(from, to, typeOnly) {
  if ("package" in to) return packageProblem(from, to.package, typeOnly);
  const specifier = to.specifier ?? to.file;
  return stageProblem(from, to.file, specifier, typeOnly) ?? purityProblem(from, to.file, specifier, typeOnly);
}

function packageProblem(from, specifier, typeOnly) {
  if (typeOnly) return undefined;
  if (isPure(from) && IO_PACKAGE.test(specifier)) return `is pure (no I/O) but imports "${specifier}"`;
  const forbidden = FORBIDDEN_PACKAGES[moduleOf(from)];
  if (forbidden?.test(specifier)) return `(${moduleOf(from)}/) must not import "${specifier}"`;
  return undefined;
}

function stageProblem(from, target, specifier, typeOnly) {
  const source = moduleOf(from);
  const stage = moduleOf(target);
  const allowed = STAGES[source];
  if (!LEAVES.includes(source) && allowed === undefined)
    return `is in module "${source}", which is not in the dependency table (lint/layers.js)`;
  if (stage === source) return undefined;
  if (LEAVES.includes(stage)) return undefined;
  if (LEAVES.includes(source)) return `is a leaf helper and must not import the stage "${stage}" ("${specifier}")`;
  const runTime = allowed === "*" || allowed.includes(stage);
  if (!runTime && !TYPE_ONLY[source]?.includes(stage))
    return `(${source}/) must not import ${stage}/ ("${specifier}"): see the table in lint/layers.js`;
  if (target.includes("/") && target !== `${stage}/index.ts` && !PUBLIC_ENTRIES.includes(target))
    return `reaches into ${stage}/ past its index.ts ("${specifier}"): import "${stage}/index.js"`;
  if (!runTime && !typeOnly) return `may import only types from ${stage}/: write \`import type\` ("${specifier}")`;
  return undefined;
}

function purityProblem(from, target, specifier, typeOnly) {
  if (typeOnly || !isPure(from) || isPure(target)) return undefined;
  return `is pure (no I/O) but imports "${specifier}", which is not on the pure list in lint/layers.js`;
}
