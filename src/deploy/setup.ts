/**
 * Make the site bucket a public website: create it when missing, set the website configuration
 * (index and error documents) and choose how objects become public. Checks every blocker before
 * changing anything, so a bucket is never left half-public. Never touches the raw bucket.
 */
import {
  CreateBucketCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  PutBucketPolicyCommand,
  PutBucketWebsiteCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import { DeployError } from "../errors.js";
import type { Logger } from "../log.js";
import { aclsDisabledHint, toS3Error } from "../s3/index.js";
import { ERROR_DOCUMENT, INDEX_DOCUMENT } from "../site-names.js";
import type { AccessMode } from "./plan.js";

/** The Sid of the statement reportsite adds to a bucket policy; other statements are kept. */
export const POLICY_SID = "ReportsitePublicRead";

/** What setup found and did. */
export interface SiteBucketState {
  access: AccessMode;
  created: boolean;
  /** Changes made (or, with dryRun, that would be made), as sentences. */
  changes: string[];
}

interface PublicAccessBlock {
  BlockPublicAcls?: boolean;
  IgnorePublicAcls?: boolean;
  BlockPublicPolicy?: boolean;
  RestrictPublicBuckets?: boolean;
}

/** Ensure the site bucket exists and is a public website; idempotent. With dryRun nothing is changed. */
export async function ensureSiteBucket(
  client: S3Client,
  config: SiteConfig,
  options: { dryRun?: boolean; logger: Logger },
): Promise<SiteBucketState> {
  const bucket = config.site.bucket;
  const fail = (operation: string) => (error: unknown) =>
    Promise.reject(toS3Error(error, { operation, bucket, endpoint: config.endpoint }));
  const changes: string[] = [];
  const exists = await client.send(new HeadBucketCommand({ Bucket: bucket })).then(
    () => true,
    (error: { $metadata?: { httpStatusCode?: number }; name?: string }) =>
      error.$metadata?.httpStatusCode === 404 || error.name === "NotFound" ? false : fail("check")(error),
  );
  if (!exists) {
    changes.push(`create the bucket ${bucket}`);
    if (options.dryRun)
      return {
        access: config.site.publicAccess === "policy" ? "policy" : "acl",
        created: false,
        changes: [...changes, "set the website configuration", "make the site prefix publicly readable"],
      };
    options.logger.info(`site bucket ${bucket} does not exist; creating it (as \`reportsite setup\` does)`);
    const location =
      config.endpoint || config.region === "us-east-1" ? undefined : { LocationConstraint: config.region as never };
    await client
      .send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: location }))
      .catch(fail("create"));
  }
  const access = await chooseAccess(client, config, fail, !exists);
  await ensureWebsite(client, config, changes, options.dryRun, fail);
  if (access === "policy") await ensurePolicy(client, config, changes, options.dryRun, fail);
  else await warnAboutLeftoverPolicy(client, config, options.logger);
  return { access, created: !exists, changes };
}

/** What stands in the way of each route to public read. */
interface Blockers {
  block: PublicAccessBlock;
  acl: string[];
  policy: string[];
}

/** `created`: the bucket was just created (a new AWS bucket has Block Public Access on and ACLs disabled). */
async function chooseAccess(
  client: S3Client,
  config: SiteConfig,
  fail: (op: string) => (e: unknown) => Promise<never>,
  created: boolean,
): Promise<AccessMode> {
  const bucket = config.site.bucket;
  const blockers = await readBlockers(client, bucket, fail);
  const wanted = config.site.publicAccess;
  if (wanted === "acl" || (wanted === "auto" && blockers.acl.length === 0)) {
    if (blockers.acl.length) throw blocked(bucket, "acl", blockers.acl, blockers.block, created);
    return "acl";
  }
  if (blockers.policy.length) {
    const mode = wanted === "auto" ? "auto" : "policy";
    const named = mode === "auto" ? [...blockers.acl, ...blockers.policy] : blockers.policy;
    throw blocked(bucket, mode, named, blockers.block, created);
  }
  return "policy";
}

/** Block Public Access and Object Ownership, as sentences naming what blocks ACLs and what blocks a policy. */
async function readBlockers(
  client: S3Client,
  bucket: string,
  fail: (op: string) => (e: unknown) => Promise<never>,
): Promise<Blockers> {
  const block: PublicAccessBlock = await client.send(new GetPublicAccessBlockCommand({ Bucket: bucket })).then(
    (r) => r.PublicAccessBlockConfiguration ?? {},
    (error: { name?: string }) =>
      error.name === "NoSuchPublicAccessBlockConfiguration" ? {} : fail("read Block Public Access of")(error),
  );
  // Ceph RGW does not implement ownership controls and answers with an empty result: ACLs enabled.
  const ownership = await client.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket })).then(
    (r) => r.OwnershipControls?.Rules?.[0]?.ObjectOwnership,
    (error: { name?: string }) =>
      error.name === "OwnershipControlsNotFoundError" ? undefined : fail("read the object ownership of")(error),
  );
  const settingsOn = (keys: readonly (keyof PublicAccessBlock)[]) =>
    keys.filter((k) => block[k]).map((k) => `Block Public Access setting ${k} is on`);
  return {
    block,
    acl: [
      ...(ownership === "BucketOwnerEnforced" ? [OWNERSHIP_BLOCKER] : []),
      ...settingsOn(["BlockPublicAcls", "IgnorePublicAcls"]),
    ],
    policy: settingsOn(["BlockPublicPolicy", "RestrictPublicBuckets"]),
  };
}

const OWNERSHIP_BLOCKER = 'Object Ownership is "Bucket owner enforced" (ACLs are disabled)';

function blocked(
  bucket: string,
  mode: "acl" | "policy" | "auto",
  blockers: string[],
  block: PublicAccessBlock,
  created: boolean,
): DeployError {
  const what =
    mode === "acl"
      ? "public-read ACLs"
      : mode === "policy"
        ? "a public bucket policy"
        : "both public-read ACLs and a public bucket policy";
  const state = created
    ? "The bucket was created and is private and empty; nothing was uploaded."
    : "Nothing was uploaded or changed.";
  return new DeployError(
    `the site bucket ${bucket} cannot be made public with ${what}: ${blockers.join("; ")}. ${state}`,
    { phase: "setup", hint: blockedHint(bucket, mode, blockers, block) },
  );
}

/** The commands that clear the way: only the settings in the way are turned off, the others kept. */
function blockedHint(
  bucket: string,
  mode: "acl" | "policy" | "auto",
  blockers: string[],
  block: PublicAccessBlock,
): string {
  // auto: the smallest change is the policy route (two settings, ACLs may stay disabled)
  const fix = mode === "auto" ? blockers.filter((b) => /BlockPublicPolicy|RestrictPublicBuckets/.test(b)) : blockers;
  const off = new Set(fix.map((b) => /setting (\w+)/.exec(b)?.[1]).filter(Boolean));
  const settings = (["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"] as const).map(
    (k) => `${k}=${off.has(k) ? false : Boolean(block[k])}`,
  );
  const ownershipBlocks = fix.includes(OWNERSHIP_BLOCKER);
  return [
    off.size
      ? `To publish${mode === "auto" ? " with a bucket policy (the smallest change)" : ""}, turn ${mode === "auto" ? "these" : "those"} settings off: aws s3api put-public-access-block --bucket ${bucket} --public-access-block-configuration ${settings.join(",")}`
      : "",
    ownershipBlocks ? `ACLs are disabled on this bucket. ${aclsDisabledHint(bucket)}` : "",
    mode === "acl" && !ownershipBlocks
      ? `Or set "site.publicAccess": "policy" if the account allows public bucket policies.`
      : "",
    "Account-wide Block Public Access (aws s3control get-public-access-block --account-id ID) must allow it too.",
  ]
    .filter(Boolean)
    .join("\n");
}

async function ensureWebsite(
  client: S3Client,
  config: SiteConfig,
  changes: string[],
  dryRun: boolean | undefined,
  fail: (op: string) => (e: unknown) => Promise<never>,
): Promise<void> {
  const bucket = config.site.bucket;
  const errorKey = `${config.site.prefix}${ERROR_DOCUMENT}`;
  const current = await client
    .send(new GetBucketWebsiteCommand({ Bucket: bucket }))
    .catch((error: { name?: string }) =>
      error.name === "NoSuchWebsiteConfiguration" ? undefined : fail("read the website configuration of")(error),
    );
  if (current?.IndexDocument?.Suffix === INDEX_DOCUMENT && current.ErrorDocument?.Key === errorKey) return;
  changes.push(`set the website configuration (index ${INDEX_DOCUMENT}, error ${errorKey})`);
  if (dryRun) return;
  // routing rules the team set up (redirects of old report paths) are kept
  const routing = current?.RoutingRules?.length ? { RoutingRules: current.RoutingRules } : {};
  await client
    .send(
      new PutBucketWebsiteCommand({
        Bucket: bucket,
        WebsiteConfiguration: {
          IndexDocument: { Suffix: INDEX_DOCUMENT },
          ErrorDocument: { Key: errorKey },
          ...routing,
        },
      }),
    )
    .catch(fail("set the website configuration of"));
}

async function ensurePolicy(
  client: S3Client,
  config: SiteConfig,
  changes: string[],
  dryRun: boolean | undefined,
  fail: (op: string) => (e: unknown) => Promise<never>,
): Promise<void> {
  const bucket = config.site.bucket;
  type Policy = { Version?: string; Statement?: { Sid?: string }[] };
  const current: Policy = await client.send(new GetBucketPolicyCommand({ Bucket: bucket })).then(
    (r) => JSON.parse(r.Policy ?? "{}") as Policy,
    (error: { name?: string }) => (error.name === "NoSuchBucketPolicy" ? {} : fail("read the bucket policy of")(error)),
  );
  const statement = {
    Sid: POLICY_SID,
    Effect: "Allow",
    Principal: "*",
    Action: "s3:GetObject",
    Resource: `arn:aws:s3:::${bucket}/${config.site.prefix}*`,
  };
  const others = (current.Statement ?? []).filter((s) => s.Sid !== POLICY_SID);
  const existing = (current.Statement ?? []).find((s) => s.Sid === POLICY_SID);
  if (existing && JSON.stringify(existing) === JSON.stringify(statement)) return;
  changes.push(
    `grant public s3:GetObject on ${bucket}/${config.site.prefix}* with a bucket policy statement (${POLICY_SID})`,
  );
  if (dryRun) return;
  const policy = { Version: current.Version ?? "2012-10-17", Statement: [...others, statement] };
  await client
    .send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }))
    .catch(fail("set the bucket policy of"));
}

/** In acl mode a statement left from policy mode still makes the whole prefix public, `acl KEY private` or not. */
async function warnAboutLeftoverPolicy(client: S3Client, config: SiteConfig, logger: Logger): Promise<void> {
  const bucket = config.site.bucket;
  const text = await client.send(new GetBucketPolicyCommand({ Bucket: bucket })).then(
    (r) => r.Policy ?? "",
    () => "",
  );
  if (!new RegExp(`"Sid"\\s*:\\s*"${POLICY_SID}"`).test(text)) return;
  logger.warn(
    `the bucket policy of ${bucket} still has the ${POLICY_SID} statement from policy mode: every object below the site prefix stays public whatever its ACL. ` +
      `If that is not wanted, remove the statement (aws s3api get-bucket-policy --bucket ${bucket}, then put-bucket-policy without it, or delete-bucket-policy if it is the only one).`,
  );
}
