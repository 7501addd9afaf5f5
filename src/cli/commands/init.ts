import { UsageError } from "../../errors.js";
import type { InitFlags } from "../../init/index.js";
import { defineCommand, type CommandValues } from "../command.js";
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
  branch: { type: "string" },
  "any-branch": { type: "boolean" },
  offline: { type: "boolean" },
  force: { type: "boolean" },
  https: { type: "boolean" },
  domain: { type: "string" },
  "hosted-zone-id": { type: "string" },
} as const;

type Values = CommandValues<typeof OPTIONS>;

const PUBLIC_ACCESS_MODES = ["auto", "acl", "policy"] as const;

export default defineCommand({
  usage:
    "reportsite init [--raw-bucket NAME] [--site-bucket NAME] [--raw-prefix P] [--key-pattern PATTERN] [--region R] [--https --domain NAME [--hosted-zone-id ID]] [--force]",
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
    "github-repo OWNER/NAME":
      "repository whose workflow may assume the role (default: the origin remote's, else a placeholder)",
    "branch NAME": "the only branch whose runs may assume the role (default: the default branch, else main)",
    "any-branch": "let runs of any branch, tag or pull request assume the role (it reads the private raw data)",
    offline: "do not look at the raw bucket (no credentials needed)",
    force: "overwrite files that exist and differ (without it they are kept, and what differs is shown)",
    https: "also write hosting.cfn.yml: CloudFront + an ACM certificate serving the site over HTTPS at --domain",
    "domain NAME": "the site's own address for --https, e.g. reports.city.gov (becomes site.url)",
    "hosted-zone-id ID":
      "the domain's Route 53 hosted zone: the certificate validates itself and the alias records are made",
  },
  options: OPTIONS,
  async run(values, positionals, ctx) {
    if (positionals.length)
      throw new UsageError(`init takes no arguments, got "${positionals[0]}"\nUsage: ${this.usage}`);
    const { formatInitFiles, formatKeptWarning, runInit } = await import("../../init/index.js");
    const { answers, files } = await runInit(flagsOf(values), { dir: process.cwd(), logger: ctx.logger, ask: askFor });
    if (ctx.json) {
      const written = files.map(({ path, action, changes }) => ({ path, action, changes }));
      return ctx.print(JSON.stringify({ answers, files: written }, null, 2));
    }
    for (const line of formatInitFiles(files)) ctx.logger.info(line);
    const kept = formatKeptWarning(files);
    if (kept) ctx.logger.warn(kept);
    ctx.print(answers.https ? `${NEXT_STEPS}\n${httpsStep(answers.https.domain)}` : NEXT_STEPS);
  },
});

const NEXT_STEPS = `Next:
  1. Create an IAM role with iam-policy.json as its permissions and trust-policy.json as its trust policy
     (fill in the account id and repository if they are placeholders), and run \`npx reportsite setup\` once
     with administrator credentials to make the site bucket a public website.
  2. In the GitHub repository, set the variables AWS_ROLE_ARN and AWS_REGION.
  3. Commit and push; the workflow publishes the month before daily from the 2nd to the 10th of each month, waiting for late exports until day REPORTSITE_COMPLETE_BY_DAY (6).`;

/** The HTTPS front's step: create the stack where CloudFront's certificates live, then hand its id to deploy and the role. */
function httpsStep(domain: string): string {
  return `  4. Serve https://${domain}/ through CloudFront (the stack must be in us-east-1, whatever the bucket's region):
       aws cloudformation deploy --region us-east-1 --stack-name reportsite-hosting --template-file hosting.cfn.yml
     then put its DistributionId output in site-config.json as site.cloudfront.distributionId, and in
     iam-policy.json in place of DISTRIBUTION_ID.`;
}

/** The flags as init's stage takes them; the S3 endpoint is --endpoint-url, else AWS_ENDPOINT_URL(_S3) as the AWS CLI reads it. */
function flagsOf(values: Values): InitFlags {
  const publicAccess = values["public-access"] ?? "auto";
  if (!isPublicAccess(publicAccess))
    throw new UsageError(`--public-access ${publicAccess}: expected auto, acl or policy`);
  const fromEnv = ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"].find((name) => process.env[name]);
  const endpoint = values["endpoint-url"]
    ? { url: values["endpoint-url"], from: "--endpoint-url" }
    : fromEnv && { url: process.env[fromEnv]!, from: fromEnv };
  return {
    rawBucket: values["raw-bucket"],
    rawPrefix: values["raw-prefix"],
    keyPattern: values["key-pattern"],
    groupBy: values["group-by"]
      ?.split(",")
      .map((c) => c.trim())
      .filter(Boolean),
    chartField: values["chart-field"],
    siteBucket: values["site-bucket"],
    sitePrefix: values["site-prefix"],
    publicAccess,
    title: values.title,
    region: values.region ?? process.env.AWS_REGION ?? "us-east-1",
    endpoint: endpoint || undefined,
    websiteEndpoint: values["website-endpoint"],
    account: values["aws-account"],
    repository: values["github-repo"],
    branch: values.branch,
    anyBranch: values["any-branch"] === true,
    offline: values.offline === true,
    force: values.force === true,
    https: values.https === true,
    domain: values.domain,
    hostedZoneId: values["hosted-zone-id"],
  };
}

function isPublicAccess(text: string): text is InitFlags["publicAccess"] {
  return (PUBLIC_ACCESS_MODES as readonly string[]).includes(text);
}
