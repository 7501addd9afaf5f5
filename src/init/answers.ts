/**
 * init's answers made usable, or refused with what is wrong: the same rules whether an answer came
 * from a flag (a wrong one is a usage error naming the flag) or from a prompt (asked again). Pure.
 */
import { bucketNameProblem, configFromSpec } from "../config/index.js";
import { ConfigError, UsageError } from "../errors.js";

/** A usable answer, or the sentence saying why not. */
export type Checked<T> = { value: T } | { problem: string };

/**
 * A bucket as people paste it: `s3://name`, `s3://name/folder/`, `arn:aws:s3:::name`, `name/`.
 * The folder, if any, is returned as the prefix.
 */
export function parseBucket(text: string): Checked<{ bucket: string; prefix?: string }> {
  const bare = text.trim().replace(/^(s3:\/\/|arn:aws:s3:::)/i, "");
  const [bucket = "", ...folders] = bare.split("/");
  const prefix = folders.filter(Boolean).join("/");
  const problem = bucketNameProblem(bucket);
  if (problem) return { problem: `"${text}" ${problem}` };
  return { value: { bucket, ...(prefix ? { prefix: `${prefix}/` } : {}) } };
}

/** A site bucket: a bucket other than the raw one (the site bucket is made public, and deploy may delete in it). */
export function parseSiteBucket(text: string, rawBucket: string): Checked<{ bucket: string; prefix?: string }> {
  const parsed = parseBucket(text);
  if ("value" in parsed && parsed.value.bucket === rawBucket)
    return {
      problem: `"${parsed.value.bucket}" is also the raw bucket; publish to a bucket of its own so raw data is never made public or deleted`,
    };
  return parsed;
}

/** An AWS account id: 12 digits (dashes, as the console shows them, are dropped). */
export function parseAccount(text: string): Checked<string> {
  const digits = text.trim().replace(/-/g, "");
  return /^\d{12}$/.test(digits) ? { value: digits } : { problem: `"${text}" is not an AWS account id (12 digits)` };
}

/** owner/name of a GitHub repository; its URL is accepted too. */
export function parseRepository(text: string): Checked<string> {
  const name = text
    .trim()
    .replace(/^(https?:\/\/|git@)?github\.com[:/]/i, "")
    .replace(/(\.git)?\/?$/, "");
  return /^[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/.test(name)
    ? { value: name }
    : { problem: `"${text}" is not a GitHub repository; expected owner/name, e.g. city/reports` };
}

/** A branch name the trust policy can name (no spaces, wildcards or `..`). */
export function parseBranch(text: string): Checked<string> {
  const name = text.trim().replace(/^refs\/heads\//, "");
  return /^[A-Za-z0-9._/-]+$/.test(name) && !name.includes("..") && !name.startsWith("/") && !name.endsWith("/")
    ? { value: name }
    : { problem: `"${text}" is not a branch name such as main` };
}

/**
 * The site's own domain name, as people paste it (`https://Reports.City.gov/` too): lowercase
 * letters, digits and hyphens in dot-separated labels, at least two labels. A wildcard or a path is
 * refused: the certificate and the alias records name exactly one host.
 */
export function parseDomain(text: string): Checked<string> {
  const name = text
    .trim()
    .replace(/^https?:\/\//i, "")
    .replace(/\/+$/, "")
    .toLowerCase();
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
  const labels = name.split(".");
  return name.length <= 253 && labels.length >= 2 && labels.every((l) => label.test(l))
    ? { value: name }
    : { problem: `"${text}" is not a domain name such as reports.city.gov` };
}

/** A Route 53 hosted zone id (`Z0123456789ABC`; the console's `/hostedzone/` form is accepted). */
export function parseHostedZoneId(text: string): Checked<string> {
  const id = text.trim().replace(/^\/?hostedzone\//i, "");
  return /^[A-Z0-9]{1,32}$/.test(id)
    ? { value: id }
    : { problem: `"${text}" is not a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ` };
}

/** The value of a flag's answer, or a UsageError (exit 2) naming the flag. */
export function valueOf<T>(flag: string, checked: Checked<T>): T {
  if ("problem" in checked) throw new UsageError(`${flag} ${checked.problem}`);
  return checked.value;
}

/** Where each config key comes from on init's command line. */
const FLAG_OF_KEY: Record<string, string> = {
  region: "--region",
  endpoint: "--endpoint-url",
  websiteEndpoint: "--website-endpoint",
  "raw.bucket": "--raw-bucket",
  "raw.prefix": "--raw-prefix",
  "raw.keyPattern": "--key-pattern",
  "site.bucket": "--site-bucket",
  "site.prefix": "--site-prefix",
  "site.title": "--title",
  "site.publicAccess": "--public-access",
  "report.groupBy": "--group-by",
  "report.chartField": "--chart-field",
};

/**
 * Run site-config.json through the validator `build` uses; its problems become one UsageError
 * (exit 2) naming, for each, the flag that sets the key (or its source in `sources`, e.g. an
 * environment variable).
 */
export function checkConfigSpec(
  spec: Record<string, unknown>,
  dir: string,
  sources: Record<string, string> = {},
): void {
  try {
    configFromSpec(spec, { file: "site-config.json", baseDir: dir });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const lines = error.problems.map((problem) => {
      const key = problem.slice(0, problem.indexOf(":")).replace(/\[\d+\]$/, "");
      const flag = sources[key] ?? FLAG_OF_KEY[key];
      return `  - ${flag ? `${flag} (${key})` : key}${problem.slice(problem.indexOf(":"))}`;
    });
    throw new UsageError(`init would write a site-config.json that build refuses:\n${lines.join("\n")}`, {
      hint: "Fix the flags above (reportsite help init lists them).",
    });
  }
}
