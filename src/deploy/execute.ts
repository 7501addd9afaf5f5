/**
 * Carry out a SyncPlan. Order keeps the live site consistent at every moment:
 *   1. upload groups one after the other (data and assets, then pages); a failure stops here;
 *   2. list the bucket and render index.html from it, leaving out the keys about to be deleted,
 *      so reports published by earlier runs stay listed and nothing listed is missing;
 *   3. upload index.html (only when its bytes or headers changed);
 *   4. delete stale keys, which the live index no longer lists.
 */
import { DeleteObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { mapWithConcurrency } from "../concurrency.js";
import { DeployError } from "../errors.js";
import type { Logger } from "../log.js";
import type { SiteEntry } from "../render/index.js";
import { toS3Error } from "../s3/index.js";
import { formatSize } from "../units.js";
import { INDEX_DOCUMENT } from "../site-names.js";
import {
  countUploads,
  uploadReason,
  type AccessMode,
  type RemoteObject,
  type SyncPlan,
  type UploadReason,
} from "./plan.js";
import { listRemote, META_ACCESS, META_MD5, type SiteBucket } from "./remote.js";
import { putBytes, uploadFile } from "./upload.js";
import { md5Of } from "../site/index.js";

/** What the executor needs besides the plan. */
export interface ExecuteOptions {
  siteBucket: SiteBucket;
  access: AccessMode;
  /** Render index.html from the site bucket's listing (the CLI passes render's renderIndexPage). */
  renderIndex: (entries: SiteEntry[]) => string;
  /** Headers of index.html. */
  indexHeaders: { contentType: string; cacheControl: string };
  logger: Logger;
  /** Uploads at once within a group; defaults to 8. */
  concurrency?: number;
  /** For testing only! Multipart threshold in bytes. */
  multipartThreshold?: number;
  /** Upload index.html even when unchanged (deploy --verify-access found it private). */
  republishIndex?: boolean;
  /**
   * The bucket as the plan saw it, with the headers learned: when nothing was uploaded, index.html is
   * rendered from it and compared with it, without listing and asking again.
   */
  listing?: readonly RemoteObject[];
  /**
   * Called before the first write (an upload, index.html or a delete), and again before each later
   * phase: takes the deploy lock the first time (so a deploy with nothing to write takes none), then
   * throws when the lock is no longer this deploy's.
   */
  beforeWrite?: () => Promise<void>;
}

/** What a deploy did. */
export interface SyncReport {
  uploaded: { key: string; reason: UploadReason | "index" }[];
  skipped: number;
  deleted: string[];
  /** Published keys not in dist/ left in place (no --delete, or over the cap). */
  leftInPlace: number;
  bytes: number;
  seconds: number;
}

/** Execute the plan; throws DeployError naming the phase, the key and the state of the live site. */
export async function executeSyncPlan(plan: SyncPlan, options: ExecuteOptions): Promise<SyncReport> {
  const started = Date.now();
  const report: SyncReport = {
    uploaded: [],
    skipped: plan.unchanged.length,
    deleted: [],
    leftInPlace: plan.leftInPlace.length,
    bytes: 0,
    seconds: 0,
  };
  if (countUploads(plan)) await options.beforeWrite?.();
  await uploadGroups(plan, options, report);
  const indexBytes = await publishIndex(plan, report.uploaded.length ? { ...options, listing: undefined } : options);
  if (indexBytes !== undefined) {
    report.uploaded.push({ key: INDEX_DOCUMENT, reason: "index" });
    report.bytes += indexBytes;
  }
  if (plan.deletes.length) await options.beforeWrite?.();
  await deleteStale(plan, options, report);
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/** Upload the plan's groups one after the other, recording each upload in `report` in the plan's order. */
async function uploadGroups(plan: SyncPlan, options: ExecuteOptions, report: SyncReport): Promise<void> {
  const { siteBucket } = options;
  const total = countUploads(plan);
  for (const group of plan.groups) {
    await mapWithConcurrency(group, options.concurrency ?? 8, async (upload) => {
      try {
        await uploadFile(siteBucket, upload, options.access, options.multipartThreshold);
      } catch (error) {
        throw failed(
          error,
          { phase: "upload", what: `upload of ${upload.key}`, siteBucket, key: upload.key, operation: "upload" },
          `The live site is consistent: index.html was not changed and links only to files that exist (${report.uploaded.length} of ${total} uploads finished, nothing deleted).`,
          "Run deploy again when the cause is fixed: it uploads only what is still missing or changed.",
        );
      }
      report.uploaded.push({ key: upload.key, reason: upload.reason });
      report.bytes += upload.size;
      options.logger.info(`uploaded ${upload.key} (${formatSize(upload.size)}): ${upload.reason}`);
    });
  }
  // uploads finish in any order; report them in the plan's order
  const order = plan.groups.flat().map((u) => u.key);
  report.uploaded.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

/** Delete the stale keys (the live index no longer lists them), recording each in `report`. */
async function deleteStale(plan: SyncPlan, options: ExecuteOptions, report: SyncReport): Promise<void> {
  const { siteBucket } = options;
  await mapWithConcurrency(plan.deletes, options.concurrency ?? 8, async (key) => {
    try {
      await siteBucket.client.send(
        new DeleteObjectCommand({ Bucket: siteBucket.bucket, Key: siteBucket.prefix + key }),
      );
    } catch (error) {
      throw failed(
        error,
        { phase: "delete", what: `delete of ${key}`, siteBucket, key, operation: "delete" },
        `Every upload finished and index.html no longer lists the stale files; ${plan.deletes.length - report.deleted.length} of them are still in the bucket.`,
        "Run deploy --delete again to remove the rest.",
      );
    }
    report.deleted.push(key);
    options.logger.info(`deleted ${key}: not in dist/`);
  });
}

/** Render index.html from the bucket as it now is, and upload it when it differs. Returns its size when uploaded. */
async function publishIndex(plan: SyncPlan, options: ExecuteOptions): Promise<number | undefined> {
  const fail = indexFailure(options.siteBucket);
  const listing = options.listing ?? (await listRemote(options.siteBucket).catch(fail("list for index.html", "list")));
  const entries = indexEntries(plan, listing);
  const body = Buffer.from(options.renderIndex(entries));
  const md5 = md5Of(body);
  const index = { key: INDEX_DOCUMENT, size: body.byteLength, md5, ...options.indexHeaders };
  // the plan's listing has the index's headers when deploy learned them; else they are asked now
  const published =
    options.listing?.find((o) => o.key === INDEX_DOCUMENT && o.contentType !== undefined) ??
    (await publishedIndex(options.siteBucket).catch(fail("read of index.html", "read")));
  const unchanged = published !== undefined && uploadReason(index, published, options.access) === undefined;
  if (unchanged && !options.republishIndex) return undefined;
  // a deploy that lost its lock (stalled past its expiry) must not write the index or delete: the
  // deploy that took the lock over may be publishing another set of files
  await options.beforeWrite?.();
  await putBytes(options.siteBucket, index, body, options.access).catch(fail("upload of index.html", "upload"));
  options.logger.info(
    `uploaded ${INDEX_DOCUMENT} (${formatSize(body.byteLength)}): rendered from the ${entries.length} other objects in the bucket`,
  );
  return body.byteLength;
}

/** The objects index.html lists: every one in the bucket except itself and the keys about to be deleted. */
function indexEntries(plan: SyncPlan, listing: readonly RemoteObject[]): SiteEntry[] {
  const deleting = new Set(plan.deletes);
  return listing
    .filter((o) => o.key !== INDEX_DOCUMENT && !deleting.has(o.key))
    .map((o) => ({ key: o.key, size: o.size, lastModified: o.lastModified ?? new Date(0) }));
}

/** The live index.html with its headers and stored metadata, or undefined when there is none. */
async function publishedIndex(siteBucket: SiteBucket): Promise<RemoteObject | undefined> {
  const current = await siteBucket.client
    .send(new HeadObjectCommand({ Bucket: siteBucket.bucket, Key: siteBucket.prefix + INDEX_DOCUMENT }))
    .catch((error: { $metadata?: { httpStatusCode?: number } }) => {
      if (error.$metadata?.httpStatusCode === 404) return undefined;
      throw error;
    });
  if (!current) return undefined;
  const { Metadata: meta, ContentLength: size, ContentType: contentType, CacheControl: cacheControl } = current;
  return {
    key: INDEX_DOCUMENT,
    size: size ?? 0,
    md5: meta?.[META_MD5],
    contentType,
    cacheControl,
    access: meta?.[META_ACCESS],
  };
}

/** Failures while publishing index.html: every report file is up, the previous index still stands. */
function indexFailure(siteBucket: SiteBucket) {
  return (what: string, operation: string) =>
    (error: unknown): never => {
      if (error instanceof DeployError) throw error;
      throw failed(
        error,
        { phase: "index", what, siteBucket, key: INDEX_DOCUMENT, operation },
        "Every report file is uploaded; the live index.html is the previous one, which links only to files that exist.",
        "Run deploy again to publish the new index.",
      );
    };
}

/**
 * A DeployError for a failed S3 call: what failed and why (with the S3 hint, e.g. which permission
 * or setting), then the state the live site is in and how a re-run finishes the job.
 */
function failed(
  error: unknown,
  at: { phase: string; what: string; siteBucket: SiteBucket; key: string; operation: string },
  state: string,
  retry: string,
): DeployError {
  const cause = toS3Error(error, {
    operation: at.operation,
    bucket: at.siteBucket.bucket,
    key: at.siteBucket.prefix + at.key,
    endpoint: at.siteBucket.endpoint,
  });
  return new DeployError(`${at.what} failed: ${cause.message}. ${state}`, {
    phase: at.phase,
    key: at.key,
    hint: [cause.hint, retry].filter(Boolean).join("\n"),
    cause: error,
  });
}
