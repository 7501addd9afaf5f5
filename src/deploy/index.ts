/** deploySite: read dist/ -> list the bucket -> plan -> (dry run: print | execute), Hugo's Deploy() as a list of stage calls. */
import type { S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import { DeployError, ReportsiteError } from "../errors.js";
import type { Logger } from "../log.js";
import { startedAhead } from "../concurrency.js";
import { createS3Client, siteUrl } from "../s3/index.js";
import { headersFor } from "../site/headers.js";
import { BUILD_MARKER, isBuiltSite, readSite, type LocalFile } from "../site/index.js";
import { executeSyncPlan, type SiteEntry, type SyncReport } from "./execute.js";
import { formatPlan, formatReport } from "./format.js";
import { INDEX_DOCUMENT } from "../site-names.js";
import { MAX_DELETES_DEFAULT, planSync, type PlannedFile, type RemoteObject, type SyncPlan } from "./plan.js";
import { addRemoteAccess, addRemoteHeaders, listRemote, type RemoteSite } from "./remote.js";
import { readHashedMemory, writeHashedMemory } from "./hashed-memory.js";
import { readPublishedMemory, writePublishedMemory } from "./published-memory.js";
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
  listing: Promise<RemoteObject[]>;
}

/**
 * Ask the site bucket for its settings and listing now, for a deploy that comes later: `publish` asks
 * while it builds, so its deploy waits for no round trip of its own when nothing changed. Only reads.
 */
export function askSiteBucket(config: SiteConfig, client: S3Client): SiteBucketAnswers {
  const site = remoteSiteOf(config, client);
  return {
    settings: startedAhead(readSiteBucketSettings(client, config)),
    listing: startedAhead(listRemote(site)),
  };
}

/** The result of a deploy: the plan, the report (undefined on a dry run) and the site's URL. */
export interface DeployResult {
  plan: SyncPlan;
  report?: SyncReport;
  url: string;
  /** Bucket setup changes made (or that a dry run would make). */
  setup: string[];
}

/** Publish config.output to the site bucket. */
export async function deploySite(
  config: SiteConfig,
  options: DeployOptions,
  effects: DeployEffects,
): Promise<DeployResult> {
  const { logger } = effects;
  const site = remoteSiteOf(config, effects.client ?? createS3Client(config));
  const url = siteUrl(config);
  // the bucket is asked (read-only) while dist/ is read and hashed; nothing changes before both are in
  const ahead = effects.ahead ?? askSiteBucket(config, site.client);
  const local = await readBuiltSite(config, logger);
  const localKeys = new Set(local.map((f) => f.key));
  const { bucket, remote } = await gatherRemote(site, config, options, localKeys, { logger, ahead });
  const plan = planSync(local, remote, {
    access: bucket.access,
    delete: options.delete ?? false,
    maxDeletes: options.maxDeletes ?? MAX_DELETES_DEFAULT,
    force: options.force ?? false,
  });
  if (options.dryRun) {
    for (const line of formatPlan(plan, bucket.changes)) logger.info(line);
    return { plan, url, setup: bucket.changes };
  }
  announce(plan, bucket, logger);
  const report = await executeSyncPlan(plan, {
    site,
    access: bucket.access,
    renderIndex: effects.renderIndex,
    indexHeaders: headersFor(INDEX_DOCUMENT),
    logger,
    multipartThreshold: effects.multipartThreshold,
    republishIndex: remote.some((r) => r.key === INDEX_DOCUMENT && r.publicRead === false),
    listing: remote,
  });
  logger.info(formatReport(report));
  return { plan, report, url, setup: bucket.changes };
}

function remoteSiteOf(config: SiteConfig, client: S3Client): RemoteSite {
  return { client, bucket: config.site.bucket, prefix: config.site.prefix, endpoint: config.endpoint };
}

/** The files of a site `reportsite build` wrote, with the headers they will be served with. */
async function readBuiltSite({ output, cache }: SiteConfig, logger: Logger): Promise<PlannedFile[]> {
  // checked before every file is hashed: a foreign folder may be large
  const built = await isBuiltSite(output);
  const local = built
    ? (await hashSite(output, cache, logger)).map(({ key, path, size, md5 }) => ({
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

/** The folder's files with their MD5s: a file deploy hashed before, unchanged since, is not read again. */
async function hashSite(output: string, cacheDir: string, logger: Logger): Promise<LocalFile[]> {
  const known = await readHashedMemory(cacheDir, output);
  const files = await readSite(output, known);
  await writeHashedMemory(cacheDir, output, known, files).catch((error: Error) =>
    logger.warn(
      `cannot remember the MD5s of ${output} in ${cacheDir} (${error.message}); the next deploy reads it again`,
    ),
  );
  return files;
}

/** Say what setup changed and which deletes the cap holds back, before anything is uploaded. */
function announce(plan: SyncPlan, bucket: SiteBucketState, logger: Logger): void {
  for (const change of bucket.changes) logger.info(`setup: ${change}`);
  if (plan.blockedDeletes)
    logger.warn(
      `not deleting ${plan.blockedDeletes.count} stale files: more than --max-deletes ${plan.blockedDeletes.max}. Raise it (--max-deletes ${plan.blockedDeletes.count}) or pass --force.`,
    );
}

/** Set up the bucket, list it, and learn each object's headers (and with --verify-access its ACL): the plan's remote side. */
async function gatherRemote(
  site: RemoteSite,
  config: SiteConfig,
  options: DeployOptions,
  localKeys: ReadonlySet<string>,
  { logger, ahead }: { logger: Logger; ahead: SiteBucketAnswers },
): Promise<{ bucket: SiteBucketState; remote: RemoteObject[] }> {
  // the listing went out with setup's reads; a bucket setup is about to create has none
  const { settings, listing } = ahead;
  const bucket = await unchangedOnFailure("setup of the site bucket", () =>
    ensureSiteBucket(site.client, config, { dryRun: options.dryRun, logger, settings }),
  );
  const listed =
    bucket.created || (options.dryRun && bucket.changes.some((c) => c.startsWith("create")))
      ? []
      : await unchangedOnFailure("listing the site bucket", () => listing);
  const place = { cacheDir: config.cache, endpoint: config.endpoint, bucket: site.bucket, prefix: site.prefix };
  const memory = await readPublishedMemory(place);
  const remote = await unchangedOnFailure("reading the published files' headers", () =>
    addRemoteHeaders(site, listed, localKeys, memory),
  );
  // what was just seen, for the next deploy; objects uploaded now get a new ETag and are asked once more
  await writePublishedMemory(place, remote).catch((error: Error) =>
    logger.warn(
      `cannot remember the published headers in ${config.cache} (${error.message}); the next deploy asks again`,
    ),
  );
  if (!options.verifyAccess) return { bucket, remote };
  if (bucket.access === "policy") {
    logger.info("verify-access: the bucket policy makes every object under the prefix public; no ACL to check");
    return { bucket, remote };
  }
  const checked = await unchangedOnFailure("reading the published files' ACLs", () => addRemoteAccess(site, remote));
  for (const object of checked.filter((o) => o.publicRead === false && !localKeys.has(o.key)))
    logger.warn(
      `${object.key} is listed in index.html but not readable by everyone, and dist/ does not have it to upload again: make it public (reportsite acl ${object.key} public-read) or remove it (deploy --delete)`,
    );
  return { bucket, remote: checked };
}

/**
 * Run a step that comes before the first upload. Its S3 failures become a DeployError that says what
 * the live site looks like (untouched), as every deploy failure does; setup's own DeployErrors say it already.
 */
async function unchangedOnFailure<T>(step: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DeployError || !(error instanceof ReportsiteError)) throw error;
    throw new DeployError(
      `${step} failed: ${error.message}. No file was uploaded or deleted: the live site is as it was.`,
      {
        phase: "prepare",
        hint: [error.hint, "Run deploy again when the cause is fixed."].filter(Boolean).join("\n"),
        cause: error,
      },
    );
  }
}

export { ensureSiteBucket } from "./setup.js";
export { planSync } from "./plan.js";
export type { SyncPlan, PlannedFile, RemoteObject, PlanOptions } from "./plan.js";
export { executeSyncPlan } from "./execute.js";
export type { SyncReport, SiteEntry } from "./execute.js";
export { formatPlan, formatReport } from "./format.js";
export { listRemote, addRemoteHeaders } from "./remote.js";
