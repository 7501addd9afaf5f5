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
  type GetBucketWebsiteCommandOutput,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import { DeployError, ReportsiteError } from "../errors.js";
import type { Logger } from "../log.js";
import { aclsDisabledHint, toS3Error } from "../s3/index.js";
import { ERROR_DOCUMENT, INDEX_DOCUMENT } from "../site-names.js";
import { nothingUploaded } from "./format.js";
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

/** How setup runs. `settings`: the bucket's settings asked ahead (readSiteBucketSettings), instead of asking now. */
interface SetupOptions {
  dryRun?: boolean;
  logger: Logger;
  settings?: Promise<BucketSettings | undefined>;
}

/**
 * Ensure the site bucket exists and is a public website; idempotent. With dryRun nothing is changed.
 * A request that fails after an earlier one changed the bucket is a DeployError naming those changes.
 */
export async function ensureSiteBucket(
  client: S3Client,
  config: SiteConfig,
  options: SetupOptions,
): Promise<SiteBucketState> {
  const changes: string[] = [];
  try {
    return await setUpBucket(client, config, options, changes);
  } catch (error) {
    throw partlySetUp(error, changes);
  }
}

/** ensureSiteBucket's steps; `changes` gets each change once it is made (or, with dryRun, planned). */
async function setUpBucket(
  client: S3Client,
  config: SiteConfig,
  options: SetupOptions,
  changes: string[],
): Promise<SiteBucketState> {
  const bucket = config.site.bucket;
  let settings = await (options.settings ?? readSiteBucketSettings(client, config));
  const created = !settings;
  if (!settings) {
    if (options.dryRun)
      return {
        access: config.site.publicAccess === "policy" ? "policy" : "acl",
        created: false,
        changes: [
          `create the bucket ${bucket}`,
          "set the website configuration",
          "make the site prefix publicly readable",
        ],
      };
    settings = await createBucket(client, config, options.logger, changes);
  }
  const access = chooseAccess(config, settings, created);
  const step = { changes, dryRun: options.dryRun, fail: failure(config) };
  await ensureWebsite(client, config, settings.website, step);
  if (access === "policy") await ensurePolicy(client, config, settings.policy, step);
  else warnAboutLeftoverPolicy(config, settings.policy, options.logger);
  return { access, created, changes };
}

/** Create the missing site bucket (recorded in `changes`) and read its settings. */
async function createBucket(
  client: S3Client,
  config: SiteConfig,
  logger: Logger,
  changes: string[],
): Promise<BucketSettings> {
  const bucket = config.site.bucket;
  logger.info(`site bucket ${bucket} does not exist; creating it (as \`reportsite setup\` does)`);
  const location =
    config.endpoint || config.region === "us-east-1" ? undefined : { LocationConstraint: config.region as never };
  await client
    .send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: location }))
    .catch(failure(config)("create"));
  changes.push(`create the bucket ${bucket}`);
  const settings = await readSiteBucketSettings(client, config);
  if (!settings)
    throw new DeployError(`the site bucket ${bucket} was created but is not found; nothing was uploaded`, {
      phase: "setup",
      hint: "Run deploy again in a moment: a new bucket can take a while to be seen.",
    });
  return settings;
}

/**
 * A failed setup request, once an earlier one changed the bucket: a DeployError that names the changes
 * made, so nobody reads "as it was" of a bucket that is not. Setup's own DeployErrors say the state already.
 */
function partlySetUp(error: unknown, made: readonly string[]): unknown {
  if (!made.length || error instanceof DeployError || !(error instanceof ReportsiteError)) return error;
  return new DeployError(`setup of the site bucket failed: ${error.message}. ${nothingUploaded(made)}`, {
    phase: "setup",
    hint: [error.hint, "Run it again when the cause is fixed: setup then finds its earlier changes made."]
      .filter(Boolean)
      .join("\n"),
    cause: error,
  });
}

/** A failed request of setup as an S3Error naming the operation and the bucket. */
function failure(config: SiteConfig): Fail {
  return (operation) => (error) =>
    Promise.reject(toS3Error(error, { operation, bucket: config.site.bucket, endpoint: config.endpoint }));
}

/** What setup reads of an existing bucket. */
export interface BucketSettings {
  block: PublicAccessBlock;
  ownership?: string;
  website?: GetBucketWebsiteCommandOutput;
  policy: PolicyText;
}

/** The bucket policy as text, or why it could not be read (policy mode fails on that, acl mode ignores it). */
type PolicyText = { text: string } | { error: unknown };

type Fail = (operation: string) => (error: unknown) => Promise<never>;

/**
 * The site bucket's public-access, ownership, website and policy settings, or undefined when the
 * bucket does not exist. All five requests go out at once: a deploy with nothing new waits one round
 * trip here, not five. Only reads: `publish` asks while it builds.
 */
export async function readSiteBucketSettings(
  client: S3Client,
  config: SiteConfig,
): Promise<BucketSettings | undefined> {
  const bucket = config.site.bucket;
  const fail = failure(config);
  const missing = (error: { $metadata?: { httpStatusCode?: number }; name?: string }) =>
    error.$metadata?.httpStatusCode === 404 || error.name === "NotFound";
  const head = client.send(new HeadBucketCommand({ Bucket: bucket })).then(
    () => true,
    (error: { $metadata?: { httpStatusCode?: number }; name?: string }) =>
      missing(error) ? false : fail("check")(error),
  );
  const block = client.send(new GetPublicAccessBlockCommand({ Bucket: bucket })).then(
    (r): PublicAccessBlock => r.PublicAccessBlockConfiguration ?? {},
    (error: { name?: string }) =>
      error.name === "NoSuchPublicAccessBlockConfiguration" ? {} : fail("read Block Public Access of")(error),
  );
  // Ceph RGW does not implement ownership controls and answers with an empty result: ACLs enabled.
  const ownership = client.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket })).then(
    (r) => r.OwnershipControls?.Rules?.[0]?.ObjectOwnership as string | undefined,
    (error: { name?: string }) =>
      error.name === "OwnershipControlsNotFoundError" ? undefined : fail("read the object ownership of")(error),
  );
  const website = client
    .send(new GetBucketWebsiteCommand({ Bucket: bucket }))
    .catch((error: { name?: string }) =>
      error.name === "NoSuchWebsiteConfiguration" ? undefined : fail("read the website configuration of")(error),
    );
  const policy = client.send(new GetBucketPolicyCommand({ Bucket: bucket })).then(
    (r): PolicyText => ({ text: r.Policy ?? "" }),
    (error: unknown): PolicyText => ({ error }),
  );
  const all = [head, block, ownership, website, policy] as const;
  // every answer is awaited, so none is left to reject unheard when the bucket turns out to be missing
  const settled = await Promise.allSettled(all);
  if (settled[0].status === "fulfilled" && !settled[0].value) return undefined;
  // a HEAD answer has no body, so its 403 cannot tell a wrong secret key from a missing permission:
  // another request's named error (SignatureDoesNotMatch, InvalidAccessKeyId) says more
  const failed = [...settled.slice(1), settled[0]].find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
  return { block: await block, ownership: await ownership, website: await website, policy: await policy };
}

/** `created`: the bucket was just created (a new AWS bucket has Block Public Access on and ACLs disabled). */
function chooseAccess(config: SiteConfig, settings: BucketSettings, created: boolean): AccessMode {
  const bucket = config.site.bucket;
  const blockers = blockersOf(settings);
  const wanted = config.site.publicAccess;
  if (wanted === "acl" || (wanted === "auto" && blockers.acl.length === 0)) {
    if (blockers.acl.length) throw blocked(bucket, "acl", blockers.acl, settings.block, created);
    return "acl";
  }
  if (blockers.policy.length) {
    const mode = wanted === "auto" ? "auto" : "policy";
    const named = mode === "auto" ? [...blockers.acl, ...blockers.policy] : blockers.policy;
    throw blocked(bucket, mode, named, settings.block, created);
  }
  return "policy";
}

/** What stands in the way of each route to public read, as sentences. */
interface Blockers {
  acl: string[];
  policy: string[];
}

/** Block Public Access and Object Ownership, as sentences naming what blocks ACLs and what blocks a policy. */
function blockersOf({ block, ownership }: BucketSettings): Blockers {
  const settingsOn = (keys: readonly (keyof PublicAccessBlock)[]) =>
    keys.filter((k) => block[k]).map((k) => `Block Public Access setting ${k} is on`);
  return {
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

/** Where a setup step records its change once made (or, with dryRun, planned), and how it reports a failed request. */
interface SetupStep {
  changes: string[];
  dryRun?: boolean;
  fail: Fail;
}

async function ensureWebsite(
  client: S3Client,
  config: SiteConfig,
  current: GetBucketWebsiteCommandOutput | undefined,
  { changes, dryRun, fail }: SetupStep,
): Promise<void> {
  const bucket = config.site.bucket;
  const errorKey = `${config.site.prefix}${ERROR_DOCUMENT}`;
  if (current?.IndexDocument?.Suffix === INDEX_DOCUMENT && current.ErrorDocument?.Key === errorKey) return;
  const change = `set the website configuration (index ${INDEX_DOCUMENT}, error ${errorKey})`;
  if (dryRun) {
    changes.push(change);
    return;
  }
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
  changes.push(change);
}

async function ensurePolicy(
  client: S3Client,
  config: SiteConfig,
  read: PolicyText,
  { changes, dryRun, fail }: SetupStep,
): Promise<void> {
  const bucket = config.site.bucket;
  type Policy = { Version?: string; Statement?: { Sid?: string }[] };
  if ("error" in read && (read.error as { name?: string }).name !== "NoSuchBucketPolicy")
    await fail("read the bucket policy of")(read.error);
  const current = ("text" in read && read.text ? JSON.parse(read.text) : {}) as Policy;
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
  const change = `grant public s3:GetObject on ${bucket}/${config.site.prefix}* with a bucket policy statement (${POLICY_SID})`;
  if (dryRun) {
    changes.push(change);
    return;
  }
  const policy = { Version: current.Version ?? "2012-10-17", Statement: [...others, statement] };
  await client
    .send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }))
    .catch(fail("set the bucket policy of"));
  changes.push(change);
}

/** In acl mode a statement left from policy mode still makes the whole prefix public, `acl KEY private` or not. */
function warnAboutLeftoverPolicy(config: SiteConfig, read: PolicyText, logger: Logger): void {
  const bucket = config.site.bucket;
  const text = "text" in read ? read.text : "";
  if (!new RegExp(`"Sid"\\s*:\\s*"${POLICY_SID}"`).test(text)) return;
  logger.warn(
    `the bucket policy of ${bucket} still has the ${POLICY_SID} statement from policy mode: every object below the site prefix stays public whatever its ACL. ` +
      `If that is not wanted, remove the statement (aws s3api get-bucket-policy --bucket ${bucket}, then put-bucket-policy without it, or delete-bucket-policy if it is the only one).`,
  );
}
