/** What `reportsite init` will write, decided from the answers and the files already there. Pure. */
import { websiteRoot } from "../s3/index.js";
import { ERROR_DOCUMENT } from "../site-names.js";
import { describeChanges } from "./changes.js";
import { HOSTING_TEMPLATE_PATH, renderHostingTemplate } from "./hosting.js";
import { planIamPolicy, planTrustPolicy } from "./iam.js";
import { countReport, type ProposedReport } from "./propose-reports.js";
import { renderWorkflow, WORKFLOW_PATH } from "./workflow.js";

/** The answers init collects from flags, prompts and the raw bucket. */
export interface InitAnswers {
  rawBucket: string;
  rawPrefix: string;
  keyPattern: string;
  siteBucket: string;
  sitePrefix: string;
  region: string;
  publicAccess: "auto" | "acl" | "policy";
  groupBy: string[];
  chartField: string;
  /**
   * Reports proposed beside the count of groupBy split by chartField (a median of a duration, a
   * weekday x hour heatmap): with any, site-config.json lists them all under `reports`, the count
   * first; without, it keeps the `report` shorthand.
   */
  otherReports?: ProposedReport[];
  title?: string;
  /** A custom S3 endpoint (MinIO, Ceph RGW), with its website endpoint. */
  endpoint?: string;
  websiteEndpoint?: string;
  /** For trust-policy.json; placeholders when not known. */
  account?: string;
  repository?: string;
  /** The only branch whose runs may assume the role; undefined: any branch (--any-branch). */
  branch?: string;
  /** Where the workflow goes, relative to the project folder (the repository root's .github/workflows/). */
  workflowPath?: string;
  /** The project folder relative to the repository root, when it is a subfolder. */
  workingDirectory?: string;
  /** init --https: the site's own domain behind CloudFront, and its Route 53 hosted zone when given. */
  https?: { domain: string; hostedZoneId?: string };
}

/** Where the role's policy names the distribution until the hosting stack has made it. */
const DISTRIBUTION_ID_PLACEHOLDER = "DISTRIBUTION_ID";

/** One file init writes, and what happens to it. */
export interface InitFile {
  path: string;
  body: string;
  action: "create" | "overwrite" | "unchanged" | "keep (exists; --force replaces it)";
  /** How the existing file differs from `body` (empty for a new or unchanged one). */
  changes: string[];
}

/** The files to write; existing ones (path -> text) that differ are kept unless `force`, with what differs. */
export function planInit(answers: InitAnswers, existing: ReadonlyMap<string, string>, force: boolean): InitFile[] {
  const workflow = renderWorkflow({ region: answers.region, workingDirectory: answers.workingDirectory });
  const target = {
    raw: { bucket: answers.rawBucket, prefix: withSlash(answers.rawPrefix) },
    site: { bucket: answers.siteBucket, prefix: withSlash(answers.sitePrefix), publicAccess: answers.publicAccess },
    deletes: workflowDeletes(workflow),
    ...(answers.https
      ? { cloudfront: { account: answers.account ?? "ACCOUNT_ID", distributionId: DISTRIBUTION_ID_PLACEHOLDER } }
      : {}),
  };
  const trust = {
    account: answers.account ?? "ACCOUNT_ID",
    repository: answers.repository ?? "OWNER/REPOSITORY",
    branch: answers.branch,
  };
  const files = {
    "site-config.json": json(toConfigSpec(answers)),
    [answers.workflowPath ?? WORKFLOW_PATH]: workflow,
    "iam-policy.json": json(planIamPolicy(target)),
    "trust-policy.json": json(planTrustPolicy(trust)),
    ...(answers.https ? { [HOSTING_TEMPLATE_PATH]: hostingTemplate(answers, answers.https) } : {}),
  };
  return Object.entries(files).map(([path, body]): InitFile => {
    const before = existing.get(path);
    if (before === undefined) return { path, body, action: "create", changes: [] };
    const changes = describeChanges(path, before, body);
    if (changes.length === 0) return { path, body, action: "unchanged", changes };
    return { path, body, action: force ? "overwrite" : "keep (exists; --force replaces it)", changes };
  });
}

/** hosting.cfn.yml: CloudFront in front of the site bucket's website endpoint in the answers' region. */
function hostingTemplate(answers: InitAnswers, https: NonNullable<InitAnswers["https"]>): string {
  return renderHostingTemplate({
    ...https,
    originDomain: new URL(websiteRoot({ region: answers.region }, answers.siteBucket)).host,
    sitePrefix: withSlash(answers.sitePrefix),
    errorDocument: ERROR_DOCUMENT,
  });
}

/** Whether the workflow deletes published files (deploy deletes only with --delete). */
export function workflowDeletes(workflow: string): boolean {
  return /(^|[\s"'(])--delete\b/m.test(workflow);
}

/** site-config.json from the answers: only what differs from the defaults, plus the keys a reader looks for. */
export function toConfigSpec(answers: InitAnswers): Record<string, unknown> {
  return {
    $schema: "./node_modules/reportsite/site-config.schema.json",
    region: answers.region,
    ...(answers.endpoint ? { endpoint: answers.endpoint } : {}),
    ...(answers.websiteEndpoint ? { websiteEndpoint: answers.websiteEndpoint } : {}),
    raw: { bucket: answers.rawBucket, prefix: answers.rawPrefix, keyPattern: answers.keyPattern },
    site: {
      bucket: answers.siteBucket,
      prefix: answers.sitePrefix,
      ...(answers.title ? { title: answers.title } : {}),
      publicAccess: answers.publicAccess,
      ...(answers.https ? { url: `https://${answers.https.domain}/` } : {}),
    },
    ...reportsOf(answers),
  };
}

/** The `report` shorthand of the count, or the `reports` list when init proposed more. */
function reportsOf(answers: InitAnswers): Record<string, unknown> {
  const counted = { groupBy: answers.groupBy, chartField: answers.chartField };
  if (!answers.otherReports?.length) return { report: counted };
  return { reports: [countReport(counted), ...answers.otherReports] };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function withSlash(prefix: string): string {
  return prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
}
