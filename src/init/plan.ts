/** What `reportsite init` will write, decided from the answers and the files already there. Pure. */
import { planIamPolicy, planTrustPolicy } from "./iam.js";
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
  title?: string;
  /** A custom S3 endpoint (MinIO, Ceph RGW), with its website endpoint. */
  endpoint?: string;
  websiteEndpoint?: string;
  /** For trust-policy.json; placeholders when not known. */
  account?: string;
  repository?: string;
}

/** One file init writes, and what happens to it. */
export interface InitFile {
  path: string;
  body: string;
  action: "create" | "overwrite" | "keep (exists; --force replaces it)";
}

/** The files to write; existing ones are kept unless `force`. */
export function planInit(answers: InitAnswers, existing: ReadonlySet<string>, force: boolean): InitFile[] {
  const target = {
    raw: { bucket: answers.rawBucket, prefix: withSlash(answers.rawPrefix) },
    site: { bucket: answers.siteBucket, prefix: withSlash(answers.sitePrefix), publicAccess: answers.publicAccess },
  };
  const trust = { account: answers.account ?? "ACCOUNT_ID", repository: answers.repository ?? "OWNER/REPOSITORY" };
  const files = {
    "site-config.json": json(toConfigSpec(answers)),
    [WORKFLOW_PATH]: renderWorkflow({ region: answers.region }),
    "iam-policy.json": json(planIamPolicy(target)),
    "trust-policy.json": json(planTrustPolicy(trust)),
  };
  return Object.entries(files).map(([path, body]) => ({
    path,
    body,
    action: !existing.has(path) ? "create" : force ? "overwrite" : "keep (exists; --force replaces it)",
  }));
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
    },
    report: { groupBy: answers.groupBy, chartField: answers.chartField },
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function withSlash(prefix: string): string {
  return prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
}
