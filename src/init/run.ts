/**
 * `reportsite init` as a list of steps: the answers (flags, else asked), checked as `build` checks a
 * config; the raw bucket looked at for the layout and the columns; the repository for where the
 * workflow goes and who may assume the role; then the files, never over a different one unless forced.
 */
import { createS3Client } from "../s3/index.js";
import type { Logger } from "../log.js";
import { UsageError } from "../errors.js";
import {
  checkConfigSpec,
  parseAccount,
  parseBucket,
  parseDomain,
  parseHostedZoneId,
  parseSiteBucket,
  valueOf,
  type Checked,
} from "./answers.js";
import { checkTrustFlags, chooseFromLook, describeLook, trustOf, workflowPlace } from "./choose.js";
import { lookAtRawBucket, type RawBucketLook } from "./look.js";
import { planInit, toConfigSpec, type InitAnswers, type InitFile } from "./plan.js";
import { readRepository } from "./repository.js";
import { readExisting, writeInitFiles } from "./write.js";

/** init's flags as given (undefined: not given). */
export interface InitFlags {
  rawBucket?: string;
  rawPrefix?: string;
  keyPattern?: string;
  groupBy?: string[];
  chartField?: string;
  siteBucket?: string;
  sitePrefix?: string;
  publicAccess: InitAnswers["publicAccess"];
  title?: string;
  region: string;
  /** The S3 endpoint and where it came from (`--endpoint-url` or `AWS_ENDPOINT_URL`). */
  endpoint?: { url: string; from: string };
  websiteEndpoint?: string;
  account?: string;
  repository?: string;
  branch?: string;
  anyBranch: boolean;
  offline: boolean;
  force: boolean;
  /** --https: write hosting.cfn.yml for `domain` (and the alias records in `hostedZoneId`). */
  https?: boolean;
  domain?: string;
  hostedZoneId?: string;
}

/** What init needs from its surroundings: the project folder, a logger, and a way to ask. */
export interface InitEffects {
  dir: string;
  logger: Logger;
  /** Ask for a missing answer until `check` accepts it (a usage error where nobody can answer). */
  ask(question: string, flag: string, check: (answer: string) => Checked<string>): Promise<string>;
}

/** The answers init settled on and what it did with each file. */
export interface InitResult {
  answers: InitAnswers;
  files: InitFile[];
}

/** Decide, check and write init's files. */
export async function runInit(flags: InitFlags, effects: InitEffects): Promise<InitResult> {
  checkTrustFlags(flags);
  const given = await settleBuckets(flags, effects);
  const sources: Record<string, string> = flags.endpoint ? { endpoint: flags.endpoint.from } : {};
  // the flags alone must already make a config build accepts, before anything is looked at
  checkConfigSpec(toConfigSpec(draftAnswers(flags, given)), effects.dir, sources);
  const look = flags.offline ? undefined : await lookAround(flags, given, effects.logger);
  const chosen = chooseFromLook(flags, given.rawPrefix, look, effects.logger);
  const repository = await readRepository(effects.dir);
  const answers: InitAnswers = {
    ...draftAnswers(flags, given),
    ...chosen,
    ...trustOf(flags, repository, effects.logger),
    ...workflowPlace(effects.dir, repository, effects.logger),
  };
  checkConfigSpec(toConfigSpec(answers), effects.dir, sources);
  const paths = planInit(answers, new Map(), false).map((f) => f.path);
  const files = planInit(answers, await readExisting(effects.dir, paths), flags.force);
  await writeInitFiles(effects.dir, files);
  return { answers, files };
}

interface Buckets {
  rawBucket: string;
  rawPrefix: string;
  siteBucket: string;
  sitePrefix: string;
}

/** The two buckets (a folder pasted with one is its prefix), asked for when not given. */
async function settleBuckets(flags: InitFlags, effects: InitEffects): Promise<Buckets> {
  const raw =
    flags.rawBucket !== undefined
      ? valueOf("--raw-bucket", parseBucket(flags.rawBucket))
      : parseBucketAnswer(
          await effects.ask("Raw bucket (private, with the daily CSV exports)", "--raw-bucket", (a) =>
            asText(parseBucket(a)),
          ),
        );
  const site =
    flags.siteBucket !== undefined
      ? valueOf("--site-bucket", parseSiteBucket(flags.siteBucket, raw.bucket))
      : parseBucketAnswer(
          await effects.ask("Site bucket (public website)", "--site-bucket", (a) =>
            asText(parseSiteBucket(a, raw.bucket)),
          ),
        );
  return {
    rawBucket: raw.bucket,
    rawPrefix: withSlash(flags.rawPrefix ?? raw.prefix ?? ""),
    siteBucket: site.bucket,
    sitePrefix: flags.sitePrefix ?? site.prefix ?? "",
  };
}

/** A checked bucket answer travels through the prompt as `bucket/prefix` text. */
function asText(checked: Checked<{ bucket: string; prefix?: string }>): Checked<string> {
  return "value" in checked
    ? { value: checked.value.bucket + (checked.value.prefix ? `/${checked.value.prefix}` : "") }
    : checked;
}

function parseBucketAnswer(text: string): { bucket: string; prefix?: string } {
  const [bucket = "", ...rest] = text.split("/");
  const prefix = rest.join("/");
  return { bucket, ...(prefix ? { prefix } : {}) };
}

/** The answers from the flags alone, with the defaults where init would look at the bucket. */
function draftAnswers(flags: InitFlags, buckets: Buckets): InitAnswers {
  return {
    ...buckets,
    keyPattern: flags.keyPattern ?? "{year}_{mon}_{day}_gid_requests.csv",
    region: flags.region,
    publicAccess: flags.publicAccess,
    groupBy: flags.groupBy ?? ["service_name"],
    chartField: flags.chartField ?? "case_record_type",
    title: flags.title,
    endpoint: flags.endpoint?.url,
    websiteEndpoint: flags.websiteEndpoint,
    account: flags.account === undefined ? undefined : valueOf("--aws-account", parseAccount(flags.account)),
    ...httpsOf(flags),
  };
}

/** --https with its --domain (and --hosted-zone-id); either of those without --https is a mistake, not a hint. */
function httpsOf(flags: InitFlags): Pick<InitAnswers, "https"> {
  if (!flags.https) {
    const stray = flags.domain !== undefined ? "--domain" : flags.hostedZoneId !== undefined ? "--hosted-zone-id" : "";
    if (stray) throw new UsageError(`${stray} is for the HTTPS front: pass --https with it`);
    return {};
  }
  if (flags.domain === undefined)
    throw new UsageError("--https needs --domain, the site's own address, e.g. --domain reports.city.gov");
  if (flags.endpoint)
    throw new UsageError(
      `--https puts CloudFront in front of an AWS S3 website endpoint; the site here is on ${flags.endpoint.url} (${flags.endpoint.from})`,
    );
  const domain = valueOf("--domain", parseDomain(flags.domain));
  const zone =
    flags.hostedZoneId === undefined ? undefined : valueOf("--hosted-zone-id", parseHostedZoneId(flags.hostedZoneId));
  return { https: { domain, ...(zone ? { hostedZoneId: zone } : {}) } };
}

/** Look at the raw bucket; one that cannot be read is a warning (init works offline too). */
async function lookAround(flags: InitFlags, buckets: Buckets, logger: Logger): Promise<RawBucketLook | undefined> {
  const endpoint = flags.endpoint?.url;
  const client = createS3Client({ region: flags.region, endpoint, forcePathStyle: endpoint !== undefined });
  try {
    const look = await lookAtRawBucket(client, {
      bucket: buckets.rawBucket,
      prefix: buckets.rawPrefix,
      keyPattern: flags.keyPattern,
    });
    describeLook(`s3://${buckets.rawBucket}/${buckets.rawPrefix}`, look, logger);
    return look;
  } catch (error) {
    logger.warn(
      `cannot look at the raw bucket (${(error as Error).message}); the key pattern and columns are defaults, unchecked (pass --offline to skip looking)`,
    );
    return undefined;
  } finally {
    client.destroy();
  }
}

function withSlash(prefix: string): string {
  return prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
}
