/**
 * The one source of site-config.json's shape: the zod schema gives the TypeScript type,
 * the runtime validator and (scripts/write-config-schema.ts) site-config.schema.json.
 */
import { z } from "zod";

const bucketName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    "must be an S3 bucket name: 3-63 characters, lowercase letters, digits, '.' and '-'",
  );

const prefix = z
  .string()
  .refine((p) => !p.startsWith("/") && !p.split("/").includes(".."), "must not start with '/' or contain '..'")
  .describe("Key prefix, e.g. `exports/311/`; empty for the whole bucket.");

// in a bucket policy's Resource, * and ? are wildcards: the public grant would reach past the prefix
const sitePrefix = prefix.refine((p) => !/[*?]/.test(p), "must not contain '*' or '?'");

const columnName = z.string().min(1, "must not be empty");
/** A column to count or chart: "count" is the report's own column. */
const groupColumn = columnName.refine(
  (c) => c !== "count",
  '"count" is the report\'s own column; it cannot be grouped or charted',
);

/** A connection to the S3 endpoint that takes longer than this is a failed attempt (retried). */
export const S3_CONNECT_TIMEOUT_MS_DEFAULT = 10_000;
/** A request whose server sends nothing for this long is a failed attempt (retried): a stall never hangs a run. */
export const S3_REQUEST_TIMEOUT_MS_DEFAULT = 30_000;
/** The SDK's standard retry mode: 3 attempts, with backoff, for throttling, 5xx, resets and timeouts. */
export const S3_MAX_ATTEMPTS_DEFAULT = 3;

export const siteConfigSchema = z
  .object({
    $schema: z.string().optional(),
    region: z.string().min(1).default("us-east-1").describe("AWS region of both buckets, e.g. us-east-1."),
    endpoint: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:7480" })
      .optional()
      .describe("Custom S3 endpoint (MinIO, Ceph RGW, R2). Omit for AWS."),
    forcePathStyle: z
      .boolean()
      .optional()
      .describe("Path-style requests (http://host/bucket/key). Defaults to true when `endpoint` is set."),
    websiteEndpoint: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:7482" })
      .optional()
      .describe("Website endpoint of a custom S3 server; the site is served at <websiteEndpoint>/<bucket>/."),
    s3: z
      .object({
        connectTimeoutMs: z
          .int()
          .min(1)
          .default(S3_CONNECT_TIMEOUT_MS_DEFAULT)
          .describe("Milliseconds to wait for a connection to the S3 endpoint before the attempt fails."),
        requestTimeoutMs: z
          .int()
          .min(1)
          .default(S3_REQUEST_TIMEOUT_MS_DEFAULT)
          .describe(
            "Milliseconds an S3 request may go without the server sending anything (an answer, or more bytes of one) before the attempt fails.",
          ),
        maxAttempts: z
          .int()
          .min(1)
          .max(10)
          .default(S3_MAX_ATTEMPTS_DEFAULT)
          .describe("Attempts per S3 request; throttling, 5xx answers, resets and timeouts are retried with backoff."),
      })
      .strict()
      .prefault({})
      .describe("Timeouts and retries of every S3 request."),
    raw: z
      .object({
        bucket: bucketName.describe("Private bucket holding the daily raw CSV exports."),
        prefix: prefix.default(""),
        keyPattern: z
          .string()
          .default("{year}_{mon}_{day}_gid_requests.csv")
          .describe("File name pattern of a daily export: {year} (2019), {mon} (jan), {month} (01), {day} (10)."),
        concurrency: z.int().min(1).max(64).default(16).describe("Raw objects read at once."),
      })
      .strict(),
    site: z
      .object({
        bucket: bucketName.describe("Public website bucket the site is deployed to."),
        prefix: sitePrefix.default(""),
        title: z.string().min(1).default("311 service request reports"),
        monthPath: z
          .string()
          .default("{year}/{mon}")
          .describe("Folder of a month's files inside the site: {year}, {mon} (jan), {month} (01)."),
        files: z
          .object({
            csv: z.string().default("final_report.csv"),
            table: z.string().default("final_report.html"),
            chart: z.string().default("final_chart.html"),
          })
          .strict()
          .prefault({}),
        publicAccess: z
          .enum(["auto", "acl", "policy"])
          .default("auto")
          .describe(
            "How objects become public: acl (public-read per object), policy (bucket policy), auto (acl when the bucket accepts ACLs).",
          ),
      })
      .strict(),
    report: z
      .object({
        groupBy: z.array(groupColumn).min(1).default(["service_name"]).describe("Column(s) whose values are counted."),
        chartField: groupColumn.default("case_record_type").describe("Column broken down in the chart (colour)."),
        columns: z
          .array(columnName)
          .optional()
          .describe("Columns shown in the HTML table, in order; defaults to groupBy + count."),
        linkColumns: z
          .array(columnName)
          .default([])
          .describe("Columns rendered as links when the value is an http(s) URL."),
        requiredColumns: z
          .array(columnName)
          .default([])
          .describe("Columns every raw file must have besides groupBy and chartField."),
        labels: z
          .record(columnName, z.string().min(1, "must not be empty"))
          .default({})
          .describe(
            'Human labels of columns on the pages, e.g. {"service_name": "Service"}; others are derived from the name ("service_name" -> "Service name").',
          ),
        missingValues: z
          .array(z.string())
          .optional()
          .describe(
            "Cell values counted as blank, like pandas' na_values; defaults to pandas' list ('', 'NA', 'N/A', 'null', ...).",
          ),
      })
      .strict()
      .prefault({}),
    output: z.string().min(1).default("dist").describe("Folder the site is built into."),
    cache: z
      .string()
      .min(1)
      .default(".reportsite/cache")
      .describe(
        "Folder of the incremental build cache (each raw file's counts, rendered pages); keep it between CI runs.",
      ),
  })
  .strict();

/** site-config.json as the user wrote it. */
export type SiteConfigSpec = z.input<typeof siteConfigSchema>;
