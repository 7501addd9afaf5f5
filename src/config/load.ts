/** Read site-config.json, validate it, and return a frozen, fully defaulted SiteConfig. */
import { dirname, relative, resolve } from "node:path";
import type { z } from "zod/mini";
import { ConfigError } from "../errors.js";
import { darkenForContrast, linkContrast, WCAG_AA_TEXT_CONTRAST } from "./contrast.js";
import { ERROR_DOCUMENT, INDEX_DOCUMENT, PREVIEW_IMAGE } from "../site-names.js";
import { DEFAULT_CONFIG_FILE, readConfigText } from "./file.js";
import { checkKeyPattern, checkPlaceholders, compileKeyPattern, type KeyPattern } from "./key-pattern.js";
import type { ReportDefinition } from "./reports.js";
import { checkReports, mapProblems, reportPlace, reportsOf } from "./reports-load.js";
import { siteConfigSchema, type ParsedSpec, type RawEncoding, type SiteConfigSpec } from "./schema.js";
import { closestName } from "../suggest.js";

export { DEFAULT_CONFIG_FILE };

/** Cell values pandas.read_csv reads as NaN by default (pandas' STR_NA_VALUES). */
export const PANDAS_MISSING_VALUES = [
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
];

/** Timeouts and retries of every S3 request. */
export interface S3Options {
  /** Defaults to S3_CONNECT_TIMEOUT_MS_DEFAULT (10 s). */
  readonly connectTimeoutMs: number;
  /** Silence allowed while waiting for (or reading) an answer; defaults to S3_REQUEST_TIMEOUT_MS_DEFAULT (30 s). */
  readonly requestTimeoutMs: number;
  /** Defaults to S3_MAX_ATTEMPTS_DEFAULT (3). */
  readonly maxAttempts: number;
}

/** A known, permanent gap in the raw data (raw.acceptedGaps): days as YYYY-MM-DD, months as YYYY-MM. */
export interface AcceptedGap {
  readonly days: readonly string[];
  readonly months: readonly string[];
  /** Shown on the month's pages, e.g. "system outage". */
  readonly reason?: string;
}

/** How "what changed" tells a month's unusual groups (site.changes; README, What changed). */
export interface ChangeSettings {
  /** Smallest robust score told as a rise or fall. */
  readonly minScore: number;
  /** A rise is at least this many times the usual value, a fall at most the usual value divided by it. */
  readonly minRatio: number;
  /** A group is told only when its value this month or its usual value is at least this. */
  readonly minVolume: number;
  /** Months before a month that it is compared with. */
  readonly window: number;
  /** Fewest of those months with data for anything to be told. */
  readonly minHistory: number;
  /** Most rises, falls, new and vanished groups told per month. */
  readonly limit: number;
}

/** site.catalog: the publisher and contact data.json names (DCAT-US 1.1). */
export interface CatalogConfig {
  readonly publisher: string;
  readonly contact: { readonly name: string; readonly email: string };
  /** URL of the data's licence. */
  readonly license?: string;
  /** Keywords of every dataset; defaults to the site's title words and "311". */
  readonly keywords?: string[];
  /** Federal agencies only: OMB bureau codes (`015:11`) and program codes (`015:001`). */
  readonly bureauCode?: string[];
  readonly programCode?: string[];
}

/** The validated configuration every stage receives; nothing in it is undefined unless optional by nature. */
export interface SiteConfig {
  /** Absolute path of the config file (or `<inline>`). */
  readonly file: string;
  readonly region: string;
  /** Custom S3 endpoint; undefined for AWS. */
  readonly endpoint?: string;
  /** Defaults to true when endpoint is set. */
  readonly forcePathStyle: boolean;
  /** Website endpoint of a custom S3 server, e.g. http://127.0.0.1:7482. */
  readonly websiteEndpoint?: string;
  /** Timeouts and retries of every S3 request. */
  readonly s3: S3Options;
  readonly raw: {
    readonly bucket: string;
    /** Empty or ending in `/`. */
    readonly prefix: string;
    readonly keyPattern: KeyPattern;
    /** Defaults to utf-8. */
    readonly encoding: RawEncoding;
    /** Defaults to 16. */
    readonly concurrency: number;
    /** Known, permanent gaps in the raw data (none by default): they do not make a month incomplete. */
    readonly acceptedGaps: readonly AcceptedGap[];
  };
  readonly site: {
    readonly bucket: string;
    /** Empty or ending in `/`. */
    readonly prefix: string;
    /** The site's public address (site.url), ending in `/`; undefined: the website endpoint serves it. */
    readonly url?: string;
    /** The CloudFront distribution in front of the site, whose caches a deploy invalidates (site.cloudfront). */
    readonly cloudfront?: { readonly distributionId: string };
    readonly title: string;
    /** Defaults to `{year}/{mon}`. */
    readonly monthPath: string;
    readonly files: { readonly csv: string; readonly table: string; readonly chart: string };
    /** Defaults to auto. */
    readonly publicAccess: "auto" | "acl" | "policy";
    /** Absolute path of the logo image, shown in every page's header. */
    readonly logo?: string;
    /** Absolute path of the favicon; defaults to the logo. */
    readonly favicon?: string;
    /** Link and navigation colour, `#rrggbb`; checked for WCAG AA contrast on white. */
    readonly accentColor?: string;
    /** Paragraph under the home page's title (and the pages' meta description). */
    readonly description?: string;
    /** Footer text; `[text](url)` with an http(s) or mailto URL becomes a link. */
    readonly footer?: string;
    /** Language tag of the pages; defaults to en. */
    readonly lang: string;
    /** Absolute path of the folder of template overrides. */
    readonly templates?: string;
    /** Absolute path of the folder of the project's own pages. */
    readonly pages?: string;
    /** Absolute path of the GeoJSON drawn in grey under every map (site.basemap). */
    readonly basemap?: string;
    /** How "what changed" tells a month's unusual groups; defaults filled. */
    readonly changes: ChangeSettings;
    /** Who publishes the reports, for the DCAT-US catalog (data.json); no catalog when absent. */
    readonly catalog?: CatalogConfig;
  };
  readonly report: {
    /** Defaults to ["service_name"]. */
    readonly groupBy: readonly string[];
    /** Defaults to case_record_type. */
    readonly chartField: string;
    /** Defaults to groupBy + "count". */
    readonly columns: readonly string[];
    readonly linkColumns: readonly string[];
    /**
     * Columns every raw file must have; defaults to [] (a groupBy or chartField column that only some
     * files have is read as empty in the others, like pandas.concat; listed here, it is required).
     */
    readonly requiredColumns: readonly string[];
    /** Defaults to PANDAS_MISSING_VALUES. */
    readonly missingValues: readonly string[];
    /** Most distinct groupBy (and chartField) values a month may have; defaults to MAX_GROUPS_DEFAULT. */
    readonly maxGroups: number;
    /** Human labels of columns; defaults to {} (labels derived from the names). */
    readonly labels: Readonly<Record<string, string>>;
  };
  /**
   * Every report of the site, in the order the pages list them: the `reports` list, or the one
   * report the `report` shorthand describes (a count per groupBy, split by chartField).
   */
  readonly reports: readonly ReportDefinition[];
  /**
   * "report": the config has no `reports` list, and the site's pages are those of its one report
   * (the month's folder index is the report's table, as before `reports` existed); "reports": the
   * month's folder index is the overview of its reports.
   */
  readonly reportsFrom: "report" | "reports";
  /** Absolute path of the output folder; defaults to <config dir>/dist. */
  readonly output: string;
  /** Absolute path of the incremental build cache; defaults to <config dir>/.reportsite/cache. */
  readonly cache: string;
}

/** Values given on the command line; they win over the file. */
export interface ConfigOverrides {
  output?: string;
  /** --region: wins over the file's region. */
  region?: string;
  /** --endpoint-url: wins over the file's endpoint (and turns on path-style requests, as the file's would). */
  endpoint?: string;
}

/** Read and validate a config file. Relative paths in it resolve against the file's folder. */
export async function loadConfig(path = DEFAULT_CONFIG_FILE, overrides: ConfigOverrides = {}): Promise<SiteConfig> {
  const { file, text } = await readConfigText(path);
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `${path}: not valid JSON${jsonErrorPlace(text, (error as Error).message)}: ${(error as Error).message}`,
      { file },
    );
  }
  return configFromSpec(spec, { file, baseDir: dirname(file), overrides });
}

/** Validate an already-parsed config object. Throws ConfigError listing every problem. */
export function configFromSpec(
  spec: unknown,
  {
    file = "<inline>",
    baseDir = process.cwd(),
    overrides = {},
  }: { file?: string; baseDir?: string; overrides?: ConfigOverrides } = {},
): SiteConfig {
  const parsed = siteConfigSchema.safeParse(spec);
  const problems = parsed.success ? [] : parsed.error.issues.flatMap((issue) => formatIssue(issue, [], spec));
  if (parsed.success)
    problems.push(...checkSemantics(parsed.data, baseDir, overrides), ...checkReports(parsed.data, spec));
  const fromFlags = problems.filter((p) => p.startsWith("--"));
  if (fromFlags.length && fromFlags.length === problems.length)
    // the file is fine: blame the flag, not site-config.json
    throw new ConfigError(fromFlags.join("\n"), { file, problems: fromFlags, exitCode: 2 });
  if (!parsed.success || problems.length > 0) {
    const name = file === "<inline>" ? file : relative(process.cwd(), file) || file;
    throw new ConfigError(`${name} is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`, {
      file,
      problems,
      hint: "Fix the keys above; site-config.schema.json lists every key and its allowed values.",
    });
  }
  return deepFreeze(normalise(parsed.data, file, baseDir, overrides));
}

/** " (line 3, column 5)" for JSON.parse's "… at position 42", so the editor can jump there. */
function jsonErrorPlace(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return "";
  const before = text.slice(0, Number(position)).split("\n");
  return ` (line ${before.length}, column ${before.at(-1)!.length + 1})`;
}

/**
 * One line per problem, at its key path. A union's problems are those of the one alternative the
 * value is the type of (a report's `{"column", "part"}` object), else the union's own message.
 */
function formatIssue(issue: z.core.$ZodIssue, at: readonly PropertyKey[], rawSpec: unknown): string[] {
  const fullPath = [...at, ...issue.path];
  if (issue.code === "invalid_union") {
    const typed = issue.errors.filter((branch) => !branch.some((i) => i.path.length === 0 && WRONG_TYPE.has(i.code)));
    if (typed.length === 1) return typed[0]!.flatMap((inner) => formatIssue(inner, fullPath, rawSpec));
  }
  const path = pathText(fullPath, rawSpec);
  if (issue.code === "unrecognized_keys") return [formatUnknownKeys(path, issue.keys, fullPath)];
  return [`${path || "(top level)"}: ${issue.message}`];
}

/** Issue codes that say a value is not of an alternative's type at all. */
const WRONG_TYPE = new Set(["invalid_type", "invalid_value"]);

/** `site.files.csv`, `raw.acceptedGaps[0].days`; a report is also named by its id: `reports[2] ("days-to-close").chart`. */
function pathText(path: readonly PropertyKey[], rawSpec: unknown): string {
  const text = path
    .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
    .join(".")
    .replace(/\.\[/g, "[");
  if (path[0] !== "reports" || typeof path[1] !== "number") return text;
  return text.replace(/^reports\[\d+\]/, reportPlace(path[1], rawSpec));
}

/** `site.titel: unknown key; did you mean "title"?`: one line per key, with the closest known key. */
function formatUnknownKeys(path: string, keys: string[], at: readonly PropertyKey[]): string {
  const known = knownKeysAt(at);
  return keys
    .map((key) => {
      const suggestion = closestName(key, known);
      return `${path ? `${path}.` : ""}${key}: unknown key${suggestion ? `; did you mean "${suggestion}"?` : ""}`;
    })
    .join("\n  - ");
}

/** The keys the schema allows in the object at `path` (through optional, default and array wrappers). */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  interface Def {
    type: string;
    shape?: Record<string, { _zod: { def: Def } }>;
    innerType?: { _zod: { def: Def } };
    element?: { _zod: { def: Def } };
    options?: { _zod: { def: Def } }[];
    valueType?: { _zod: { def: Def } };
  }
  // a union's object is its alternative with keys (a report's measure, a group key's {column, part})
  const objectOption = (def: Def) => def.options?.find((o) => unwrap(o._zod.def)?.shape)?._zod.def;
  const unwrap = (def: Def | undefined): Def | undefined => {
    while (def && !def.shape && (def.innerType || (def.element && def.type === "array") || def.type === "union"))
      def = def.type === "union" ? objectOption(def) : (def.innerType ?? def.element)!._zod.def;
    return def;
  };
  let def = unwrap((siteConfigSchema as unknown as { _zod: { def: Def } })._zod.def);
  for (const step of path) {
    if (typeof step === "number") continue; // an array's element: unwrap already stepped in
    // a record's entries (a report's filter) all have its value's keys
    def = unwrap((def?.shape?.[String(step)] ?? def?.valueType)?._zod.def);
  }
  return Object.keys(def?.shape ?? {}).filter((k) => k !== "$schema");
}

/** site.files: plain names, none the website's own documents, no two the same. */
function checkSiteFiles(files: Record<string, string>): string[] {
  const fileNames = Object.values(files);
  return Object.entries(files).flatMap(([name, value]) => {
    if (!/^[^/\\]+$/.test(value) || [".", "..", INDEX_DOCUMENT, PREVIEW_IMAGE, ERROR_DOCUMENT].includes(value))
      return [
        `site.files.${name}: "${value}" must be a plain file name other than ${INDEX_DOCUMENT}, ${PREVIEW_IMAGE} and ${ERROR_DOCUMENT}`,
      ];
    if (fileNames.indexOf(value) !== fileNames.lastIndexOf(value))
      return [`site.files.${name}: "${value}" is also the name of another of site.files; each file needs its own name`];
    return [];
  });
}

function checkSemantics(spec: ParsedSpec, baseDir: string, overrides: ConfigOverrides): string[] {
  const problems = checkKeyPattern(spec.raw.keyPattern).map((p) => `raw.keyPattern: ${p}`);
  const output = outputFolder(spec, baseDir, overrides);
  if (output === resolve("/") || output === resolve(baseDir) || relative(output, baseDir).split(/[\\/]/)[0] !== "..") {
    problems.push(
      overrides.output !== undefined
        ? `--output ${overrides.output}: ${output} would replace the project folder or one above it; use a subfolder such as dist`
        : `output: "${spec.output}" would replace the project folder or one above it; use a subfolder such as "dist"`,
    );
  }
  if (spec.raw.bucket === spec.site.bucket) {
    // setup changes the site bucket's website configuration, policy and Block Public Access advice,
    // and deploy --delete removes keys in it: raw data must never be in that bucket.
    problems.push(
      `site.bucket: "${spec.site.bucket}" is also raw.bucket; publish to a bucket of its own so raw data is never made public or deleted`,
    );
  }
  problems.push(...checkSiteFiles(spec.site.files));
  problems.push(...checkMonthPath(spec.site.monthPath).map((p) => `site.monthPath: ${p}`));
  problems.push(...checkAccentColor(spec.site.accentColor));
  const { window, minHistory } = spec.site.changes;
  if (minHistory > window)
    problems.push(
      `site.changes.minHistory: ${minHistory} is more than site.changes.window (${window}); at most ${window}`,
    );
  // with `reports`, these keys are checked with the reports (reports-load.ts)
  if (spec.reports === undefined) problems.push(...checkShorthand(spec.report));
  return problems;
}

/** The one report of the `report` key: chartField apart from groupBy, columns and links among its columns. */
function checkShorthand(report: ParsedSpec["report"]): string[] {
  const problems: string[] = [];
  if (report.groupBy.includes(report.chartField))
    problems.push(
      `report.chartField: "${report.chartField}" is also in report.groupBy; chart another column (e.g. case_record_type)`,
    );
  const reportColumns = [...report.groupBy, "count"];
  const columns = report.columns ?? reportColumns;
  report.columns?.forEach((c, i) => {
    if (!reportColumns.includes(c))
      problems.push(`report.columns[${i}]: "${c}" is not a report column; choose from ${reportColumns.join(", ")}`);
  });
  problems.push(...mapProblems({ map: report.map, groupBy: report.groupBy.map((column) => ({ column })) }, "report"));
  report.linkColumns.forEach((c, i) => {
    if (!columns.includes(c))
      problems.push(`report.linkColumns[${i}]: "${c}" is not one of report.columns (${columns.join(", ")})`);
  });
  return problems;
}

/** Links and the navigation are drawn in the accent colour: refuse one that readers cannot read. */
function checkAccentColor(colour: string | undefined): string[] {
  if (colour === undefined) return [];
  const ratio = linkContrast(colour);
  if (ratio >= WCAG_AA_TEXT_CONTRAST) return [];
  return [
    `site.accentColor: "${colour}" has a contrast of ${ratio.toFixed(2)}:1 on the white page; links need at least ${WCAG_AA_TEXT_CONTRAST}:1 (WCAG AA). A darker shade such as "${darkenForContrast(colour)}" passes`,
  ];
}

/** The month folder must name year and month once each, and stay inside the site. */
function checkMonthPath(path: string): string[] {
  const { names, problems } = checkPlaceholders(path, ["year", "mon", "month"]);
  if (!names.includes("year")) problems.push("needs {year} so months of different years do not collide");
  if (!names.includes("mon") && !names.includes("month"))
    problems.push("needs {mon} (jan) or {month} (01) so the months of a year do not collide");
  const segments = path.replace(/^\/+|\/+$/g, "").split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..") || path.includes("\\"))
    problems.push(`"${path}" must be a folder path inside the site, without empty, "." or ".." parts`);
  return problems;
}

function normalise(spec: ParsedSpec, file: string, baseDir: string, overrides: ConfigOverrides): SiteConfig {
  const groupBy = spec.report.groupBy;
  return {
    file,
    region: overrides.region ?? spec.region,
    endpoint: overrides.endpoint ?? spec.endpoint,
    forcePathStyle: spec.forcePathStyle ?? (overrides.endpoint ?? spec.endpoint) !== undefined,
    websiteEndpoint: spec.websiteEndpoint?.replace(/\/+$/, ""),
    s3: spec.s3,
    raw: { ...spec.raw, prefix: withSlash(spec.raw.prefix), keyPattern: compileKeyPattern(spec.raw.keyPattern) },
    site: {
      ...spec.site,
      prefix: withSlash(spec.site.prefix),
      url: spec.site.url === undefined ? undefined : withSlash(spec.site.url),
      monthPath: spec.site.monthPath.replace(/^\/+|\/+$/g, ""),
      ...projectPaths(spec.site, baseDir),
      ...(spec.site.basemap === undefined ? {} : { basemap: resolve(baseDir, spec.site.basemap) }),
    },
    report: {
      groupBy,
      chartField: spec.report.chartField,
      columns: spec.report.columns ?? [...groupBy, "count"],
      linkColumns: spec.report.linkColumns,
      requiredColumns: [...new Set(spec.report.requiredColumns)],
      missingValues: spec.report.missingValues ?? PANDAS_MISSING_VALUES,
      maxGroups: spec.report.maxGroups,
      labels: spec.report.labels,
    },
    ...reportsOf(spec, baseDir),
    output: outputFolder(spec, baseDir, overrides),
    cache: resolve(baseDir, spec.cache),
  };
}

/** The branding files and folders, resolved against the config's folder (only those given). */
function projectPaths(site: ParsedSpec["site"], baseDir: string): Partial<Record<BrandingPath, string>> {
  const paths: Partial<Record<BrandingPath, string>> = {};
  for (const key of BRANDING_PATHS) if (site[key] !== undefined) paths[key] = resolve(baseDir, site[key]);
  return paths;
}

const BRANDING_PATHS = ["logo", "favicon", "templates", "pages"] as const;
type BrandingPath = (typeof BRANDING_PATHS)[number];

/** `output` from the config is relative to the config's folder; `--output` to the current folder, as on any command line. */
function outputFolder(spec: ParsedSpec, baseDir: string, overrides: ConfigOverrides): string {
  return overrides.output !== undefined ? resolve(overrides.output) : resolve(baseDir, spec.output);
}

function withSlash(prefix: string): string {
  return prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export type { SiteConfigSpec };
