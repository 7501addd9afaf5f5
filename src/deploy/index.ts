/** deploySite: read dist/ -> list the bucket -> plan -> (dry run: print | execute), Hugo's Deploy() as a list of stage calls. */
import type { S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import { DeployError, ReportsiteError } from "../errors.js";
import type { Logger } from "../log.js";
import type { SiteEntry } from "../render/index.js";
import { startedAhead } from "../concurrency.js";
import { createS3Client, siteUrl } from "../s3/index.js";
import { headersFor } from "../site/headers.js";
import { BUILD_MARKER, isBuiltSite, readOutputFolder, type LocalFile } from "../site/index.js";
import { executeSyncPlan, type SyncReport } from "./execute.js";
import { formatPlan, formatReport, nothingUploaded } from "./format.js";
import { INDEX_DOCUMENT } from "../site-names.js";
import {
  MAX_DELETES_DEFAULT,
  planSync,
  type AccessMode,
  type PlannedFile,
  type RemoteObject,
  type SyncPlan,
} from "./plan.js";
import {
  addRemoteAccess,
  addRemoteHeaders,
  listRemote,
  listRemoteWithLock,
  seenHeadersOf,
  type SiteBucket,
} from "./remote.js";
import { acquireDeployLock } from "./lock.js";
import { LockGate, StaleListingError } from "./lock-gate.js";
import { DEPLOY_LOCK_TTL_SECONDS_DEFAULT } from "./lock-state.js";
import { readPublishedMemory, recordedMd5s, writePublishedMemory } from "../state/index.js";
import {
  cdnTargetOf,
  formatPlannedInvalidation,
  invalidateChanged,
  plannedInvalidation,
  rememberPlanned,
  type CdnTarget,
  type InvalidationResult,
} from "./invalidate.js";
import { ensureSiteBucket, readSiteBucketSettings, type BucketSettings, type SiteBucketState } from "./setup.js";

/** Flags of a deploy. */
export interface DeployOptions {
  dryRun?: boolean;
  /** Delete published files that dist/ does not have. Defaults to false. */
  delete?: boolean;
  /** Defaults to MAX_DELETES_DEFAULT (100). */
  maxDeletes?: number;
  force?: boolean;
  /**
   * Check every published object's ACL (one request each) and upload again those no longer readable
   * by everyone; reports the ones dist/ does not have. Defaults to false: a no-op deploy stays one listing.
   */
  verifyAccess?: boolean;
  /** Seconds to wait for another deploy's lock; defaults to 0: fail at once, naming the holder. */
  waitForLockSeconds?: number;
  /** Take the deploy lock whoever holds it. Defaults to false. */
  breakLock?: boolean;
  /** Defaults to DEPLOY_LOCK_TTL_SECONDS_DEFAULT (300). */
  lockTtlSeconds?: number;
  /** The command named in the lock, for whoever finds it held; defaults to "deploy". */
  command?: string;
  /** The CloudFront distribution to invalidate; defaults to site.cloudfront.distributionId (none: no invalidation). */
  distributionId?: string;
  /** Wait up to this many seconds for the invalidation to complete; undefined: do not wait. */
  waitForInvalidationSeconds?: number;
}

/** Side effects a deploy needs. */
export interface DeployEffects {
  logger: Logger;
  /** Render index.html from the bucket listing (render's renderIndexPage). */
  renderIndex: (entries: SiteEntry[]) => string;
  /** A client to use instead of one made from the config (tests inject faults through it). */
  client?: S3Client;
  /** For testing only! */
  multipartThreshold?: number;
  /** The site bucket's settings and listing, asked earlier with `client` (askSiteBucket). */
  ahead?: SiteBucketAnswers;
}

/** The site bucket's settings and listing, on their way. */
export interface SiteBucketAnswers {
  settings: Promise<BucketSettings | undefined>;
  listing: Promise<{ objects: RemoteObject[]; lockEtag?: string }>;
}

/**
 * Ask the site bucket for its settings and listing now, for a deploy that comes later: `publish` asks
 * while it builds, so its deploy waits for no round trip of its own when nothing changed. Only reads.
 */
export function askSiteBucket(config: SiteConfig, client: S3Client): SiteBucketAnswers {
  const siteBucket = siteBucketOf(config, client);
  return {
    settings: startedAhead(readSiteBucketSettings(client, config)),
    listing: startedAhead(listRemoteWithLock(siteBucket)),
  };
}

/** The result of a deploy: the plan, the report (undefined on a dry run) and the site's URL. */
export interface DeployResult {
  plan: SyncPlan;
  report?: SyncReport;
  url: string;
  /** Bucket setup changes made (or that a dry run would make). */
  setup: string[];
  /** What was invalidated at CloudFront (or, in a dry run, would be); undefined without a distribution. */
  invalidation?: InvalidationResult;
}

/** Publish config.output to the site bucket. */
export async function deploySite(
  config: SiteConfig,
  options: DeployOptions,
  effects: DeployEffects,
): Promise<DeployResult> {
  const { logger } = effects;
  const siteBucket = siteBucketOf(config, effects.client ?? createS3Client(config));
  const url = siteUrl(config);
  const cdn = await cdnTargetOf(config, options.distributionId, logger);
  // the bucket is asked (read-only) while the MD5s of dist/ are taken; nothing changes before both are in
  const ahead = effects.ahead ?? askSiteBucket(config, siteBucket.client);
  const local = await filesToPublish(config, logger);
  const localKeys = new Set(local.map((f) => f.key));
  const bucket = await unchangedOnFailure("setup of the site bucket", () =>
    ensureSiteBucket(siteBucket.client, config, { dryRun: options.dryRun, logger, settings: ahead.settings }),
  );
  // a dry run's changes are only planned: a failure then leaves the bucket as it was
  const setupMade = options.dryRun ? [] : bucket.changes;
  const seen = await seenListing(bucket, options, ahead.listing);
  // a dry run changes nothing, so it takes no lock, and another deploy running does not stop it
  const takeLock = () => acquireDeployLock(siteBucket, { ...lockOptionsOf(options, logger), setupChanges: setupMade });
  const gate = options.dryRun ? undefined : new LockGate(takeLock, seen.lockEtag);
  const inputs = { siteBucket, local, bucket, url, gate, cdn };
  const gather = (listing: Promise<RemoteObject[]>) =>
    gatherRemote(siteBucket, config, options, localKeys, { logger, listing, access: bucket.access, setup: setupMade });
  const result = await syncUnderLock(inputs, options, effects, {
    first: () => gather(Promise.resolve(seen.objects)),
    again: () => gather(unchangedOnFailure("listing the site bucket", () => listRemote(siteBucket), setupMade)),
  });
  // after the lock is released: CloudFront's answer (and --wait) holds up no other deploy
  if (!cdn || !result.report) return result;
  return { ...result, invalidation: await invalidateChanged(cdn, result.report, options.waitForInvalidationSeconds) };
}

/**
 * Sync from the listing seen first; when the lock shows another deploy wrote since, list again under
 * the lock and sync from that. The lock is released however it ends.
 */
async function syncUnderLock(
  inputs: Omit<SyncInputs, "remote">,
  options: DeployOptions,
  effects: DeployEffects,
  remote: { first: () => Promise<RemoteObject[]>; again: () => Promise<RemoteObject[]> },
): Promise<DeployResult> {
  try {
    try {
      return await syncSite({ ...inputs, remote: await remote.first() }, options, effects);
    } catch (error) {
      if (!(error instanceof StaleListingError)) throw error;
    }
    effects.logger.info("another deploy changed the site since it was listed: listing it again under the deploy lock");
    return await syncSite({ ...inputs, remote: await remote.again() }, options, effects);
  } finally {
    await inputs.gate?.release();
  }
}

/** Plan, then print the plan (dry run) or carry it out under the lock. */
async function syncSite(
  { siteBucket, local, remote, bucket, url, gate, cdn }: SyncInputs,
  options: DeployOptions,
  { logger, renderIndex, multipartThreshold }: DeployEffects,
): Promise<DeployResult> {
  const plan = planSync(local, remote, {
    access: bucket.access,
    delete: options.delete ?? false,
    maxDeletes: options.maxDeletes ?? MAX_DELETES_DEFAULT,
    force: options.force ?? false,
  });
  if (options.dryRun) {
    const invalidation = cdn && plannedInvalidation(cdn, plan);
    for (const line of formatPlan(plan, bucket.changes)) logger.info(line);
    for (const line of invalidation ? formatPlannedInvalidation(invalidation) : []) logger.info(line);
    return { plan, url, setup: bucket.changes, invalidation };
  }
  announce(plan, bucket, logger);
  if (cdn) await rememberPlanned(cdn, plan);
  const report = await executeSyncPlan(plan, {
    siteBucket,
    access: bucket.access,
    renderIndex,
    indexHeaders: headersFor(INDEX_DOCUMENT),
    logger,
    multipartThreshold,
    republishIndex: remote.some((r) => r.key === INDEX_DOCUMENT && r.publicRead === false),
    listing: remote,
    beforeWrite: gate ? () => gate.beforeWrite() : undefined,
  });
  logger.info(formatReport(report));
  return { plan, report, url, setup: bucket.changes };
}

/** What syncSite plans from. */
interface SyncInputs {
  siteBucket: SiteBucket;
  local: PlannedFile[];
  remote: RemoteObject[];
  bucket: SiteBucketState;
  url: string;
  gate?: LockGate;
  /** The CloudFront distribution to invalidate, if any. */
  cdn?: CdnTarget;
}

function lockOptionsOf(options: DeployOptions, logger: Logger) {
  return {
    command: options.command ?? "deploy",
    waitSeconds: options.waitForLockSeconds ?? 0,
    breakLock: options.breakLock ?? false,
    ttlSeconds: options.lockTtlSeconds ?? DEPLOY_LOCK_TTL_SECONDS_DEFAULT,
    logger,
  };
}

/**
 * The bucket's objects as the listing asked ahead (while the MD5s of dist/ were taken, or while publish built) saw
 * them, with the deploy lock's ETag then; a bucket setup just created (or, in a dry run, would create)
 * has nothing in it. LockGate tells, when the lock is taken, whether the listing is still current.
 */
async function seenListing(
  bucket: SiteBucketState,
  options: DeployOptions,
  ahead: SiteBucketAnswers["listing"],
): Promise<{ objects: RemoteObject[]; lockEtag?: string }> {
  if (bucket.created || (options.dryRun && bucket.changes.some((c) => c.startsWith("create")))) return { objects: [] };
  return unchangedOnFailure("listing the site bucket", () => ahead, options.dryRun ? [] : bucket.changes);
}

function siteBucketOf(config: SiteConfig, client: S3Client): SiteBucket {
  return { client, bucket: config.site.bucket, prefix: config.site.prefix, endpoint: config.endpoint };
}

/** The files of the output folder `reportsite build` wrote, with the headers they will be served with. */
async function filesToPublish({ output, cache }: SiteConfig, logger: Logger): Promise<PlannedFile[]> {
  // checked before any file's MD5 is taken: a foreign folder may be large
  const built = await isBuiltSite(output);
  const local = built
    ? (await outputFilesWithMd5s(output, cache, logger)).map(({ key, path, size, md5 }) => ({
        key,
        path,
        size,
        md5,
        ...headersFor(key),
      }))
    : [];
  if (!built || !local.some((f) => f.key === INDEX_DOCUMENT)) {
    // an empty or foreign folder must not be synced: with --delete it would unpublish the site
    throw new DeployError(
      `${output} is not a site written by \`reportsite build\` (no ${BUILD_MARKER} marker or no ${INDEX_DOCUMENT}); nothing was uploaded or deleted`,
      { phase: "read", hint: "Run `reportsite build` first, or point --output at the folder it built." },
    );
  }
  for (const file of local.filter((f) => !f.knownType))
    logger.warn(`${file.key}: unknown file type, uploaded as application/octet-stream`);
  return local;
}

/**
 * The output folder's files with their MD5s: a file with the stamp the output record has for it takes the
 * MD5 the build recorded, unread; any other file (edited by hand, or a folder built elsewhere) is read.
 */
async function outputFilesWithMd5s(output: string, cacheDir: string, logger: Logger): Promise<LocalFile[]> {
  return readOutputFolder(output, await recordedMd5s(cacheDir, output, logger));
}

/** Say what setup changed and which deletes the cap holds back, before anything is uploaded. */
function announce(plan: SyncPlan, bucket: SiteBucketState, logger: Logger): void {
  for (const change of bucket.changes) logger.info(`setup: ${change}`);
  if (plan.blockedDeletes)
    logger.warn(
      `not deleting ${plan.blockedDeletes.count} stale files: more than --max-deletes ${plan.blockedDeletes.max}. Raise it (--max-deletes ${plan.blockedDeletes.count}) or pass --force.`,
    );
}

/** What gatherRemote learns from: the listing, the access mode, and what setup changed (named if it fails). */
interface RemoteInputs {
  logger: Logger;
  listing: Promise<RemoteObject[]>;
  access: AccessMode;
  setup: readonly string[];
}

/** Learn each listed object's headers (and with --verify-access its ACL): the plan's remote side. */
async function gatherRemote(
  siteBucket: SiteBucket,
  config: SiteConfig,
  options: DeployOptions,
  localKeys: ReadonlySet<string>,
  { logger, listing, access, setup }: RemoteInputs,
): Promise<RemoteObject[]> {
  const listed = await listing;
  const { bucket, prefix } = siteBucket;
  const place = { cacheDir: config.cache, endpoint: config.endpoint, bucket, prefix };
  const memory = await readPublishedMemory(place, logger);
  const remote = await unchangedOnFailure(
    "reading the published files' headers",
    () => addRemoteHeaders(siteBucket, listed, localKeys, memory),
    setup,
  );
  // what was just seen, for the next deploy (a dry run writes nothing); objects uploaded now get a
  // new ETag and are asked once more
  if (!options.dryRun)
    await writePublishedMemory(place, seenHeadersOf(remote)).catch((error: Error) =>
      logger.warn(
        `cannot remember the published headers in ${config.cache} (${error.message}); the next deploy asks again`,
      ),
    );
  if (!options.verifyAccess) return remote;
  if (access === "policy") {
    logger.info("verify-access: the bucket policy makes every object under the prefix public; no ACL to check");
    return remote;
  }
  const checked = await unchangedOnFailure(
    "reading the published files' ACLs",
    () => addRemoteAccess(siteBucket, remote),
    setup,
  );
  for (const object of checked.filter((o) => o.publicRead === false && !localKeys.has(o.key)))
    logger.warn(
      `${object.key} is listed in index.html but not readable by everyone, and dist/ does not have it to upload again: make it public (reportsite acl ${object.key} public-read) or remove it (deploy --delete)`,
    );
  return checked;
}

/**
 * Run a step that comes before the first upload. Its S3 failures become a DeployError that says what
 * the live site looks like, as every deploy failure does: no file written, and what `setupChanges`
 * (bucket setup, done before) changed; setup's own DeployErrors say it already.
 */
async function unchangedOnFailure<T>(
  step: string,
  work: () => Promise<T>,
  setupChanges: readonly string[] = [],
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DeployError || !(error instanceof ReportsiteError)) throw error;
    throw new DeployError(`${step} failed: ${error.message}. ${nothingUploaded(setupChanges)}`, {
      phase: "prepare",
      hint: [error.hint, "Run deploy again when the cause is fixed."].filter(Boolean).join("\n"),
      cause: error,
    });
  }
}

export { ensureSiteBucket } from "./setup.js";
export { planSync } from "./plan.js";
export type { SyncPlan, PlannedFile, RemoteObject, PlanOptions } from "./plan.js";
export { executeSyncPlan } from "./execute.js";
export type { SyncReport } from "./execute.js";
export { formatPlan, formatReport } from "./format.js";
export { listRemote, addRemoteHeaders } from "./remote.js";
export type { InvalidationResult } from "./invalidate.js";
