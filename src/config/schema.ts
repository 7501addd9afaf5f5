/**
 * The one source of site-config.json's shape: the zod schema gives the TypeScript type,
 * the runtime validator and (scripts/write-config-schema.ts) site-config.schema.json.
 *
 * It is written with zod/mini, the functional API over the same zod v4 core, for start-up time: every
 * command that reads the config loads this module, and classic zod's chained methods keep all of zod in
 * the bundle (a ~600 KB chunk, ~60 ms to load at each start) where zod/mini brings only the schemas and
 * checks used here (~45 KB). The checks, messages, defaults and site-config.schema.json are the same.
 */
import { en } from "zod/locales";
import * as z from "zod/mini";
import { closestName } from "../suggest.js";
import { NUMERIC_MEASURES, TIMESTAMP_PARTS } from "./reports.js";

// zod/mini has no messages of its own ("Invalid input" for every issue): English, set as classic zod
// sets it (unless the process chose a locale first), keeps every message users see the same.
if (!z.config().localeError) z.config(en());

const bucketName = z
  .string()
  .check(
    z.regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "must be an S3 bucket name: 3-63 characters, lowercase letters, digits, '.' and '-'",
    ),
  );

/** What is wrong with a bucket name (the schema's own rule and message), or undefined when it is one. */
export function bucketNameProblem(name: string): string | undefined {
  return bucketName.safeParse(name).error?.issues[0]?.message;
}

const prefix = z.string().check(
  z.refine((p) => !p.startsWith("/") && !p.split("/").includes(".."), "must not start with '/' or contain '..'"),
  z.describe("Key prefix, e.g. `exports/311/`; empty for the whole bucket."),
);

// in a bucket policy's Resource, * and ? are wildcards: the public grant would reach past the prefix
const sitePrefix = prefix.check(z.refine((p) => !/[*?]/.test(p), "must not contain '*' or '?'"));

const columnName = z.string().check(z.minLength(1, "must not be empty"));
/** A column to count or chart: "count" is the report's own column. */
const groupColumn = columnName.check(
  z.refine((c) => c !== "count", '"count" is the report\'s own column; it cannot be grouped or charted'),
);

/** A non-empty string: a file, folder, region or text that may not be left blank. */
const nonEmpty = () => z.string().check(z.minLength(1));

/** The text encodings raw files can be read in (raw.encoding). */
export const RAW_ENCODINGS = ["utf-8", "utf-16", "latin1", "windows-1252"] as const;
/** A raw file's text encoding; defaults to utf-8. */
export type RawEncoding = (typeof RAW_ENCODINGS)[number];

/** A calendar day as YYYY-MM-DD, e.g. 2019-03-14. */
const isoDay = z.string().check(z.refine(isCalendarDay, 'must be a day as YYYY-MM-DD that exists, e.g. "2019-03-14"'));

function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** A month as YYYY-MM, e.g. 2019-03. */
const isoMonth = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM, e.g. "2019-03"'));

/** A known, permanent gap in the raw data: days and/or whole months, and why. */
const acceptedGap = z
  .strictObject({
    days: z._default(z.array(isoDay), []).check(z.describe("Days with no export for good, as YYYY-MM-DD.")),
    months: z
      ._default(z.array(isoMonth), [])
      .check(z.describe("Months (YYYY-MM) whose every missing day is accepted.")),
    reason: z.optional(nonEmpty()).check(z.describe("Why the data is missing; shown on the month's pages.")),
  })
  .check(
    z.refine((gap) => gap.days.length + gap.months.length > 0, "needs at least one day in `days` or month in `months`"),
  );

/** A connection to the S3 endpoint that takes longer than this is a failed attempt (retried). */
export const S3_CONNECT_TIMEOUT_MS_DEFAULT = 10_000;
/** A request whose server sends nothing for this long is a failed attempt (retried): a stall never hangs a run. */
export const S3_REQUEST_TIMEOUT_MS_DEFAULT = 30_000;
/** The SDK's standard retry mode: 3 attempts, with backoff, for throttling, 5xx, resets and timeouts. */
export const S3_MAX_ATTEMPTS_DEFAULT = 3;

/** A month with more groups than this stops the build: thousands of groups is a table no one reads, millions exhaust memory. */
export const MAX_GROUPS_DEFAULT = 5000;

/**
 * How "what changed" tells a month's unusual groups: each group against its own trailing months, with a
 * robust score (README, What changed). Defaults: modified z-score 3.5 (Iglewicz and Hoaglin's cut-off
 * for outliers), 1.5 times, 20 requests, 12 months, of which 6 with data, 5 rises and 5 falls.
 */
const changeSettings = z
  .prefault(
    z.strictObject({
      minScore: z
        ._default(z.number().check(z.gt(0)), 3.5)
        .check(z.describe("Smallest robust score (distance from the usual value in spreads) told as a rise or fall.")),
      minRatio: z
        ._default(z.number().check(z.gte(1)), 1.5)
        .check(
          z.describe(
            "A rise must also be at least this many times the usual value, a fall at most the usual value divided by it (1.5: 50% up or a third down).",
          ),
        ),
      minVolume: z
        ._default(z.number().check(z.gte(0)), 20)
        .check(
          z.describe(
            "A group is told only when this month's value or its usual value is at least this (so 2 -> 5 requests is not news).",
          ),
        ),
      window: z
        ._default(z.int().check(z.gte(3), z.lte(60)), 12)
        .check(z.describe("Months before a month that its groups are compared with.")),
      minHistory: z
        ._default(z.int().check(z.gte(3), z.lte(60)), 6)
        .check(
          z.describe("Fewest of those months that must have data; with fewer, nothing is told and the page says why."),
        ),
      limit: z
        ._default(z.int().check(z.gte(1), z.lte(50)), 5)
        .check(z.describe("Most rises, most falls, most new and most vanished groups told per month.")),
    }),
    {},
  )
  .check(
    z.describe(
      "What changed: each month's groups far from their own usual value over the months before (counts and sums).",
    ),
  );

/** The site's look and its own pages: every key optional, paths relative to site-config.json. */
/** site.catalog: who publishes the reports, for the DCAT-US catalog (data.json) open-data portals harvest. */
const catalogKey = z.strictObject({
  publisher: nonEmpty().check(z.describe("The organisation that publishes the data, e.g. City of Springfield.")),
  contact: z.strictObject({
    name: nonEmpty().check(z.describe("Who answers questions about the data (a person or a team).")),
    email: z.email({ error: "must be an e-mail address such as open-data@city.gov" }),
  }),
  license: z.optional(
    z.url({ protocol: /^https?$/, error: "must be the http(s) address of the licence, e.g. a Creative Commons deed" }),
  ),
  keywords: z.optional(z.array(nonEmpty()).check(z.minLength(1))),
  bureauCode: z.optional(
    z
      .array(z.string().check(z.regex(/^[0-9]{3}:[0-9]{2}$/, "must be an OMB bureau code such as 015:11")))
      .check(z.minLength(1)),
  ),
  programCode: z.optional(
    z
      .array(z.string().check(z.regex(/^[0-9]{3}:[0-9]{3}$/, "must be a federal program code such as 015:001")))
      .check(z.minLength(1)),
  ),
});

const brandingKeys = {
  logo: z
    .optional(nonEmpty())
    .check(
      z.describe("Image file (png, jpg, gif, webp or svg) shown in the header of every page and copied into the site."),
    ),
  favicon: z
    .optional(nonEmpty())
    .check(z.describe("Icon file (png, ico, svg, gif, jpg or webp) for the browser tab; defaults to the logo.")),
  accentColor: z
    .optional(z.string().check(z.regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as "#1f5fbf"')))
    .check(
      z.describe("Colour of links and the navigation, e.g. #1f5fbf; must reach 4.5:1 contrast on white (WCAG AA)."),
    ),
  description: z.optional(nonEmpty()).check(z.describe("A paragraph shown under the title on the home page.")),
  footer: z
    .optional(nonEmpty())
    .check(
      z.describe(
        "Footer text of every page; [text](https://…) and [text](mailto:…) become links, everything else is shown as text.",
      ),
    ),
  lang: z
    ._default(z.string().check(z.refine(isLanguageTag, 'must be a language tag such as "en", "es" or "en-US"')), "en")
    .check(z.describe("Language of the pages (the html lang attribute).")),
  templates: z
    .optional(nonEmpty())
    .check(
      z.describe("Folder whose .eta files replace the built-in templates of the same name (see README, Branding)."),
    ),
  pages: z
    .optional(nonEmpty())
    .check(
      z.describe(
        "Folder of Markdown (.md) or HTML (.html) pages, rendered in the layout and linked from the navigation.",
      ),
    ),
};

function isLanguageTag(tag: string): boolean {
  try {
    return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** A report's id: a slug, the default stem of its file names. */
const REPORT_ID_PATTERN = /^[a-z0-9][a-z0-9-_]*$/;

/** Each timestamp part, or the one the user probably meant. */
const timestampPart = z.enum(TIMESTAMP_PARTS, {
  error: (issue) => {
    if (issue.input === undefined) return `needs a part: ${TIMESTAMP_PARTS.join(", ")}`;
    const suggestion = typeof issue.input === "string" ? closestName(issue.input, TIMESTAMP_PARTS) : undefined;
    const hint = suggestion ? `; did you mean "${suggestion}"?` : "";
    return `${JSON.stringify(issue.input)} is not a timestamp part; choose from ${TIMESTAMP_PARTS.join(", ")}${hint}`;
  },
});

const groupKey = z
  .union(
    [
      groupColumn,
      z.strictObject({
        column: groupColumn.check(z.describe("An ISO 8601 timestamp column, e.g. requested_datetime.")),
        part: timestampPart.check(
          z.describe(
            "weekday (Monday … Sunday), hour (00 … 23) or date (YYYY-MM-DD), as written in the cell (the wall-clock time; an offset is not applied).",
          ),
        ),
      }),
    ],
    { error: 'must be a column name or {"column": …, "part": "weekday" | "hour" | "date"}' },
  )
  .check(z.describe('A column whose values are groups, or {"column": …, "part": …}: one part of a timestamp column.'));

const measuredColumn = (rule: string) => z.optional(columnName).check(z.describe(`${rule} per group.`));

/** The measure object: exactly one of its keys. */
const measureObject = z
  .strictObject({
    sum: measuredColumn("The sum of a numeric column's values (blank cells skipped)"),
    mean: measuredColumn("The mean of a numeric column's values (blank cells skipped)"),
    median: measuredColumn("The median of a numeric column's values (blank cells skipped)"),
    min: measuredColumn("The smallest value of a numeric column"),
    max: measuredColumn("The largest value of a numeric column"),
    p90: measuredColumn("The 90th percentile of a numeric column's values (pandas quantile(0.9), linear)"),
    distinct: measuredColumn("The number of distinct values of a column (pandas nunique, blank cells skipped)"),
    share: z
      .optional(
        z.strictObject({
          column: columnName.check(z.describe("The column whose cells are compared with `values`.")),
          values: z
            .array(z.union([z.string(), z.number()]))
            .check(
              z.minLength(1, "needs at least one value"),
              z.describe("The values that count: text matches text cells, numbers match numeric cells."),
            ),
        }),
      )
      .check(
        z.describe(
          "The fraction of a group's rows whose `column` is one of `values` (a percentage on the pages); blank cells count in the denominator.",
        ),
      ),
  })
  .check(
    z.refine((m) => Object.values(m).filter((v) => v !== undefined).length === 1, {
      message: `needs exactly one of ${[...NUMERIC_MEASURES, "distinct", "share"].join(", ")}`,
      // a mistyped key is reported as such ("did you mean"), not also as a missing measure
      when: (payload) => payload.issues.length === 0,
    }),
  );

const measure = z
  .union([z.literal("count"), measureObject], {
    error: `must be "count" or an object with one of ${[...NUMERIC_MEASURES, "distinct", "share"].join(", ")}, e.g. {"median": "case_age_days"}`,
  })
  .check(
    z.describe(
      'What each group\'s value is: "count" (rows, the default), {"sum" | "mean" | "median" | "min" | "max" | "p90": column}, {"distinct": column} or {"share": {"column": …, "values": […]}}.',
    ),
    z.meta({ examples: ["count", { median: "case_age_days" }, { share: { column: "status", values: ["Closed"] } }] }),
  );

const filterValues = z
  .union(
    [
      z.string(),
      z.array(z.string()).check(z.minLength(1, "needs at least one value")),
      z.strictObject({
        not: z
          .array(z.string(), { error: 'must be a list of values, e.g. {"not": ["Duplicate"]}' })
          .check(z.minLength(1, "needs at least one value"), z.describe("Keep the rows whose cell is none of these.")),
      }),
    ],
    { error: 'must be a value, a list of values or {"not": [values]}' },
  )
  .check(z.describe('Keep the rows whose cell is this value, one of these values, or (with "not") none of them.'));

const reportFiles = z
  .strictObject({
    csv: z.optional(nonEmpty()).check(z.describe("Defaults to <id>.csv.")),
    table: z.optional(nonEmpty()).check(z.describe("Defaults to <id>.html.")),
    chart: z.optional(nonEmpty()).check(z.describe("Defaults to <id>_chart.html.")),
  })
  .check(z.describe("The report's file names in each month's folder."));

/** A report's choropleth: the areas' boundary file and the property naming each area. */
const mapSpec = z
  .strictObject({
    shapes: nonEmpty().check(
      z.describe(
        "GeoJSON or TopoJSON file of the areas (WGS84 longitude/latitude), relative to site-config.json, e.g. site/council-districts.geojson.",
      ),
    ),
    key: nonEmpty().check(
      z.describe("The property of each area whose values are the report's groupBy values, e.g. district."),
    ),
  })
  .check(
    z.describe(
      "A map of the report's value per area (<id>_map.html in each month): the report groups by one column, whose values are the areas' `key` property.",
    ),
    z.meta({ examples: [{ shapes: "site/council-districts.geojson", key: "district" }] }),
  );

/**
 * A cell of 500 m is about a city block group's width: a cell of five requests points at a
 * neighbourhood, not a house. 100 m is the least, so two requests in a cell never name one building.
 */
export const POINTS_CELL_SIZE_DEFAULT = 500;
export const POINTS_CELL_SIZE_MIN = 100;
export const POINTS_MIN_COUNT_DEFAULT = 5;

const points = z
  .strictObject({
    lat: columnName.check(z.describe("The column of each row's latitude (WGS84 degrees), e.g. lat.")),
    lng: columnName.check(z.describe("The column of each row's longitude (WGS84 degrees), e.g. lng.")),
    cellSize: z
      ._default(
        z
          .number()
          .check(z.gte(POINTS_CELL_SIZE_MIN, `must be at least ${POINTS_CELL_SIZE_MIN} (metres)`), z.lte(50_000)),
        POINTS_CELL_SIZE_DEFAULT,
      )
      .check(z.describe("Edge of a grid cell in metres; defaults to 500 (about a city block group).")),
    minCount: z
      ._default(
        z.int().check(z.gte(2, "must be at least 2: a cell of one request would publish where that request was made")),
        POINTS_MIN_COUNT_DEFAULT,
      )
      .check(
        z.describe("Fewest requests a published cell holds; cells with fewer are counted, not drawn. Defaults to 5."),
      ),
  })
  .check(
    z.describe(
      "Where the report's requests come from: their coordinates binned into a grid; only cells' counts are published (<id>_points.html).",
    ),
    z.meta({ examples: [{ lat: "lat", lng: "lng" }] }),
  );

const reportSpec = z.strictObject({
  id: z
    .string()
    .check(
      z.regex(
        REPORT_ID_PATTERN,
        "must be a slug: lowercase letters, digits, '-' and '_', starting with a letter or digit",
      ),
      z.describe("Slug naming the report and, by default, its files, e.g. days-to-close."),
    ),
  title: nonEmpty().check(z.describe("Heading of the report's pages and its entry on the month's overview.")),
  description: z.optional(nonEmpty()).check(z.describe("A paragraph shown under the title.")),
  unit: z.optional(nonEmpty()).check(z.describe('Unit printed after the values, e.g. "days"; counts say "requests".')),
  groupBy: z
    .array(groupKey)
    .check(
      z.minLength(1, "needs at least one column or timestamp part"),
      z.describe("What the rows are grouped by, in order: column names and timestamp parts."),
      z.meta({ examples: [["service_name"], [{ column: "requested_datetime", part: "weekday" }]] }),
    ),
  measure: z._default(measure, "count"),
  filter: z
    ._default(z.record(columnName, filterValues), {})
    .check(
      z.describe("Rows the report keeps: every entry must keep a row. None: every row."),
      z.meta({ examples: [{ status: "Closed" }, { status: { not: ["Duplicate"] } }] }),
    ),
  chartField: z.optional(groupColumn).check(z.describe("Column each bar (or line) is split by, in colour.")),
  chart: z
    ._default(z.enum(["bar", "heatmap", "line"]), "bar")
    .check(
      z.describe(
        "bar (one bar per group, stacked by chartField); heatmap (exactly two groupBy keys, no chartField); line (the first groupBy key is a date part).",
      ),
    ),
  files: z.optional(reportFiles),
  maxGroups: z
    .optional(z.int().check(z.gte(1)))
    .check(z.describe("Most groups (and chartField values) a month may have; defaults to report.maxGroups.")),
  map: z.optional(mapSpec),
  points: z.optional(points),
});

const reports = z
  .optional(z.array(reportSpec).check(z.minLength(1, "needs at least one report; leave it out to use report alone")))
  .check(
    z.describe(
      "The site's reports, in the order the pages list them. Without it, `report` describes the one report (final_report.csv …). With it, `report` holds only the keys every report shares: labels, missingValues, requiredColumns, maxGroups, linkColumns.",
    ),
    z.meta({
      examples: [
        [
          {
            id: "requests-by-service",
            title: "Requests by service",
            groupBy: ["service_name"],
            chartField: "case_record_type",
          },
          {
            id: "days-to-close",
            title: "Median days to close (closed cases)",
            unit: "days",
            groupBy: ["service_name"],
            measure: { median: "case_age_days" },
            filter: { status: "Closed" },
          },
          {
            id: "when-requests-arrive",
            title: "Requests by weekday and hour",
            chart: "heatmap",
            groupBy: [
              { column: "requested_datetime", part: "weekday" },
              { column: "requested_datetime", part: "hour" },
            ],
          },
        ],
      ],
    }),
  );

/** One entry of `reports` as the schema returns it. */
export type ReportEntry = z.output<typeof reportSpec>;

export const siteConfigSchema = z.strictObject({
  $schema: z.optional(z.string()),
  region: z._default(nonEmpty(), "us-east-1").check(z.describe("AWS region of both buckets, e.g. us-east-1.")),
  endpoint: z
    .optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:7480" }))
    .check(z.describe("Custom S3 endpoint (MinIO, Ceph RGW, R2). Omit for AWS.")),
  forcePathStyle: z
    .optional(z.boolean())
    .check(z.describe("Path-style requests (http://host/bucket/key). Defaults to true when `endpoint` is set.")),
  websiteEndpoint: z
    .optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:7482" }))
    .check(z.describe("Website endpoint of a custom S3 server; the site is served at <websiteEndpoint>/<bucket>/.")),
  s3: z
    .prefault(
      z.strictObject({
        connectTimeoutMs: z
          ._default(z.int().check(z.gte(1)), S3_CONNECT_TIMEOUT_MS_DEFAULT)
          .check(z.describe("Milliseconds to wait for a connection to the S3 endpoint before the attempt fails.")),
        requestTimeoutMs: z
          ._default(z.int().check(z.gte(1)), S3_REQUEST_TIMEOUT_MS_DEFAULT)
          .check(
            z.describe(
              "Milliseconds an S3 request may go without the server sending anything (an answer, or more bytes of one) before the attempt fails.",
            ),
          ),
        maxAttempts: z
          ._default(z.int().check(z.gte(1), z.lte(10)), S3_MAX_ATTEMPTS_DEFAULT)
          .check(
            z.describe(
              "Attempts per S3 request; throttling, 5xx answers, resets and timeouts are retried with backoff.",
            ),
          ),
      }),
      {},
    )
    .check(z.describe("Timeouts and retries of every S3 request.")),
  raw: z.strictObject({
    bucket: bucketName.check(z.describe("Private bucket holding the daily raw CSV exports.")),
    prefix: z._default(prefix, ""),
    keyPattern: z
      ._default(z.string(), "{year}_{mon}_{day}_gid_requests.csv")
      .check(
        z.describe(
          "File name pattern of a daily export: {year} (2019), {mon} (jan), {month} (01), {day} (10); a day exported in parts: {part} (0001) or * (any text); a .gz ending is also matched.",
        ),
      ),
    encoding: z
      ._default(z.enum(RAW_ENCODINGS), "utf-8")
      .check(
        z.describe(
          'Text encoding of the raw files: "utf-8", "utf-16" (with a byte-order mark), "latin1" (ISO-8859-1) or "windows-1252". gzip files are decompressed whatever it is.',
        ),
      ),
    concurrency: z._default(z.int().check(z.gte(1), z.lte(64)), 16).check(z.describe("Raw objects read at once.")),
    acceptedGaps: z
      ._default(z.array(acceptedGap), [])
      .check(
        z.describe(
          'Days (or whole months) known to have no export for good, e.g. [{"days": ["2019-03-14"], "reason": "system outage"}]: such a month counts as complete for --require-complete, and its pages name the gap as accepted.',
        ),
      ),
  }),
  site: z.strictObject({
    bucket: bucketName.check(z.describe("Public website bucket the site is deployed to.")),
    prefix: z._default(sitePrefix, ""),
    url: z
      .optional(
        z.url({
          protocol: /^https?$/,
          error: "must be the site's public http(s) address, such as https://reports.city.gov/",
        }),
      )
      .check(
        z.describe(
          "The site's public address (a custom domain, e.g. https://reports.city.gov/): deploy prints it, canonical links, feeds and metadata use it. Defaults to the bucket's website endpoint.",
        ),
      ),
    cloudfront: z
      .optional(
        z.strictObject({
          distributionId: z
            .string()
            .check(
              z.regex(
                /^[A-Z0-9]{1,128}$/,
                "must be a CloudFront distribution id such as E2QWRUHAPOMQZL (aws cloudfront list-distributions --query 'DistributionList.Items[].[Id,Aliases.Items]')",
              ),
            )
            .check(z.describe("The id of the CloudFront distribution in front of the site, e.g. E2QWRUHAPOMQZL.")),
        }),
      )
      .check(
        z.describe(
          "The CloudFront distribution serving the site: after a deploy that changed anything, the changed paths are invalidated there.",
        ),
      ),
    title: z._default(nonEmpty(), "311 service request reports"),
    monthPath: z
      ._default(z.string(), "{year}/{mon}")
      .check(z.describe("Folder of a month's files inside the site: {year}, {mon} (jan), {month} (01).")),
    files: z.prefault(
      z.strictObject({
        csv: z._default(z.string(), "final_report.csv"),
        table: z._default(z.string(), "final_report.html"),
        chart: z._default(z.string(), "final_chart.html"),
      }),
      {},
    ),
    ...brandingKeys,
    basemap: z
      .optional(nonEmpty())
      .check(
        z.describe(
          "GeoJSON file (WGS84) of streets or the city's outline, relative to site-config.json, drawn in grey under every map; never fetched tiles.",
        ),
      ),
    changes: changeSettings,
    catalog: z
      .optional(catalogKey)
      .check(
        z.describe(
          "Who publishes the reports, for data.json (the DCAT-US 1.1 catalog of the reports' CSVs): publisher, contact {name, email}, and optionally license, keywords, and bureauCode/programCode (federal agencies only). Without it no data.json is written.",
        ),
      ),
    publicAccess: z
      ._default(z.enum(["auto", "acl", "policy"]), "auto")
      .check(
        z.describe(
          "How objects become public: acl (public-read per object), policy (bucket policy), auto (acl when the bucket accepts ACLs).",
        ),
      ),
  }),
  report: z
    .prefault(
      z.strictObject({
        groupBy: z
          ._default(z.array(groupColumn).check(z.minLength(1)), ["service_name"])
          .check(
            z.describe("Column(s) whose values are counted (without `reports`; with it, each report has its own)."),
          ),
        chartField: z
          ._default(groupColumn, "case_record_type")
          .check(
            z.describe(
              "Column broken down in the chart (colour) (without `reports`; with it, each report has its own).",
            ),
          ),
        columns: z
          .optional(z.array(columnName))
          .check(
            z.describe(
              "Columns shown in the HTML table, in order; defaults to groupBy + count (without `reports`; with it, a report's table shows its groupBy keys and value).",
            ),
          ),
        linkColumns: z
          ._default(z.array(columnName), [])
          .check(
            z.describe(
              "Columns rendered as links when the value is an http(s) URL; with `reports`, groupBy columns of its reports.",
            ),
          ),
        requiredColumns: z
          ._default(z.array(columnName), [])
          .check(
            z.describe(
              "Columns every raw file must have. A groupBy or chartField column only some files have is read as empty in the others (like pandas.concat) unless it is listed here.",
            ),
          ),
        labels: z
          ._default(z.record(columnName, z.string().check(z.minLength(1, "must not be empty"))), {})
          .check(
            z.describe(
              'Human labels of columns on the pages, e.g. {"service_name": "Service"}; others are derived from the name ("service_name" -> "Service name").',
            ),
          ),
        maxGroups: z
          ._default(z.int().check(z.gte(1)), MAX_GROUPS_DEFAULT)
          .check(
            z.describe(
              "Most distinct values report.groupBy (and report.chartField) may have in a month, and the default of each report's maxGroups; a build that finds more stops early (an ID column grouped by mistake would make pages and charts no one can load).",
            ),
          ),
        map: z.optional(mapSpec).check(z.describe("A map of the one report's count per area (without `reports`).")),
        missingValues: z
          .optional(z.array(z.string()))
          .check(
            z.describe(
              "Cell values counted as blank, like pandas' na_values; defaults to pandas' list ('', 'NA', 'N/A', 'null', ...).",
            ),
          ),
        points: z
          .optional(points)
          .check(
            z.describe(
              "The one report's requests binned by location (without `reports`; with it, each report has its own).",
            ),
          ),
      }),
      {},
    )
    .check(
      z.describe(
        "The one report of a site without `reports` (rows per groupBy, split by chartField); with `reports`, only the keys every report shares: labels, missingValues, requiredColumns, maxGroups, linkColumns.",
      ),
    ),
  reports,
  output: z._default(nonEmpty(), "dist").check(z.describe("Folder the site is built into.")),
  cache: z
    ._default(nonEmpty(), ".reportsite/cache")
    .check(
      z.describe(
        "Folder of the incremental build cache (each raw file's counts, rendered pages); keep it between CI runs.",
      ),
    ),
});

/** site-config.json as the user wrote it. */
export type SiteConfigSpec = z.input<typeof siteConfigSchema>;
/** site-config.json as the schema returns it: checked, defaults filled. */
export type ParsedSpec = z.output<typeof siteConfigSchema>;
