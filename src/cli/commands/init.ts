import { UsageError } from "../../errors.js";
import type { InitAnswers } from "../../init/index.js";
import { defineCommand, type CommandContext, type CommandValues } from "../command.js";
import { askFor } from "../prompt.js";

const OPTIONS = {
  "raw-bucket": { type: "string" },
  "raw-prefix": { type: "string" },
  "key-pattern": { type: "string" },
  "group-by": { type: "string" },
  "chart-field": { type: "string" },
  "site-bucket": { type: "string" },
  "site-prefix": { type: "string" },
  "public-access": { type: "string" },
  title: { type: "string" },
  "website-endpoint": { type: "string" },
  "aws-account": { type: "string" },
  "github-repo": { type: "string" },
  offline: { type: "boolean" },
  force: { type: "boolean" },
} as const;

type Values = CommandValues<typeof OPTIONS>;

const PUBLIC_ACCESS_MODES = ["auto", "acl", "policy"] as const;

export default defineCommand({
  summary: "write site-config.json, the GitHub Actions workflow and the IAM policies",
  usage:
    "reportsite init [--raw-bucket NAME] [--site-bucket NAME] [--raw-prefix P] [--key-pattern PATTERN] [--region R] [--force]",
  flags: {
    "raw-bucket NAME": "private bucket with the daily CSV exports (asked when missing on a terminal)",
    "raw-prefix PREFIX": "folder of the exports in it, e.g. exports/311/ (default: none)",
    "key-pattern PATTERN": "file names, e.g. {year}_{mon}_{day}_gid_requests.csv (default: guessed from the bucket)",
    "group-by COLUMNS": "column(s) to count, comma-separated (default: proposed from a file's header)",
    "chart-field COLUMN": "column broken down in the chart (default: proposed from a file's header)",
    "site-bucket NAME": "public website bucket (asked when missing on a terminal)",
    "site-prefix PREFIX": "folder of the site in it (default: none)",
    "public-access MODE": "auto | acl | policy: how pages become public (default auto)",
    "title TEXT": "the site's title",
    "website-endpoint URL": "website endpoint of a custom S3 server (with --endpoint-url)",
    "aws-account ID": "AWS account id for trust-policy.json (default: a placeholder to fill in)",
    "github-repo OWNER/NAME": "repository whose workflow may assume the role (default: a placeholder)",
    offline: "do not look at the raw bucket (no credentials needed)",
    force: "overwrite files that exist",
  },
  options: OPTIONS,
  async run(values, positionals, ctx) {
    if (positionals.length)
      throw new UsageError(`init takes no arguments, got "${positionals[0]}"\nUsage: ${this.usage}`);
    const answers = await collectAnswers(values, ctx);
    const { listExisting, planInit, writeInitFiles } = await import("../../init/index.js");
    const dir = process.cwd();
    const planned = planInit(answers, new Set(), false).map((f) => f.path);
    const files = planInit(answers, await listExisting(dir, planned), values.force === true);
    await writeInitFiles(dir, files);
    if (ctx.json)
      return ctx.print(
        JSON.stringify({ answers, files: files.map(({ path, action }) => ({ path, action })) }, null, 2),
      );
    for (const file of files)
      ctx.logger.info(
        `${file.action === "create" ? "wrote" : file.action === "overwrite" ? "overwrote" : "kept"} ${file.path}${file.action.startsWith("keep") ? " (exists; --force replaces it)" : ""}`,
      );
    ctx.print(NEXT_STEPS);
  },
});

const NEXT_STEPS = `Next:
  1. Create an IAM role with iam-policy.json as its permissions and trust-policy.json as its trust policy
     (fill in the account id and repository if they are placeholders), and run \`npx reportsite setup\` once
     with administrator credentials to make the site bucket a public website.
  2. In the GitHub repository, set the variables AWS_ROLE_ARN and AWS_REGION.
  3. Commit and push; the workflow publishes the last complete month on the 3rd of each month.`;

async function collectAnswers(values: Values, ctx: CommandContext): Promise<InitAnswers> {
  const publicAccess = values["public-access"] ?? "auto";
  if (!isPublicAccess(publicAccess))
    throw new UsageError(`--public-access ${publicAccess}: expected auto, acl or policy`);
  const rawBucket =
    values["raw-bucket"] ?? (await askFor("Raw bucket (private, with the daily CSV exports)", "--raw-bucket"));
  const rawPrefix = values["raw-prefix"] ?? "";
  const siteBucket = values["site-bucket"] ?? (await askFor("Site bucket (public website)", "--site-bucket"));
  const region = values.region ?? process.env.AWS_REGION ?? "us-east-1";
  const endpoint = values["endpoint-url"];
  const look = values.offline ? undefined : await lookAround({ rawBucket, rawPrefix, region, endpoint }, ctx);
  const columns = look?.columns;
  return {
    rawBucket,
    rawPrefix,
    keyPattern: values["key-pattern"] ?? look?.keyPattern ?? "{year}_{mon}_{day}_gid_requests.csv",
    siteBucket,
    sitePrefix: values["site-prefix"] ?? "",
    region,
    publicAccess,
    groupBy: values["group-by"]
      ?.split(",")
      .map((c) => c.trim())
      .filter(Boolean) ?? [columns?.groupBy ?? "service_name"],
    chartField: values["chart-field"] ?? columns?.chartField ?? "case_record_type",
    title: values.title,
    endpoint,
    websiteEndpoint: values["website-endpoint"],
    account: values["aws-account"],
    repository: values["github-repo"],
  };
}

/** Proposals from the raw bucket; a bucket that cannot be read is a warning (init works offline too). */
async function lookAround(
  where: { rawBucket: string; rawPrefix: string; region: string; endpoint?: string },
  ctx: CommandContext,
): Promise<{ keyPattern?: string; columns?: { groupBy: string; chartField: string } } | undefined> {
  const { createS3Client } = await import("../../s3/index.js");
  const { lookAtRawBucket, proposeColumns } = await import("../../init/index.js");
  const client = createS3Client({ region: where.region, endpoint: where.endpoint, forcePathStyle: !!where.endpoint });
  try {
    const look = await lookAtRawBucket(client, where.rawBucket, where.rawPrefix);
    const columns = look.sample && proposeColumns(look.sample.columns);
    ctx.logger.info(
      `looked at s3://${where.rawBucket}/${where.rawPrefix}: ${look.keys} keys; key pattern ${look.keyPattern ?? "not recognised"}`,
    );
    if (look.sample) ctx.logger.info(`columns of ${look.sample.key}: ${look.sample.columns.join(", ")}`);
    return { keyPattern: look.keyPattern, columns };
  } catch (error) {
    ctx.logger.warn(
      `cannot look at the raw bucket (${(error as Error).message}); using defaults (pass --offline to skip this)`,
    );
    return undefined;
  } finally {
    client.destroy();
  }
}

function isPublicAccess(text: string): text is InitAnswers["publicAccess"] {
  return (PUBLIC_ACCESS_MODES as readonly string[]).includes(text);
}
