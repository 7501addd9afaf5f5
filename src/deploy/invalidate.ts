/**
 * The invalidation step of a deploy with a CloudFront distribution: remember the paths a plan will
 * change before the first write, invalidate them (with whatever an earlier deploy left pending) after
 * the sync, and forget them once CloudFront accepted the invalidation.
 */
import { createHash } from "node:crypto";
import type { CloudFrontClient } from "@aws-sdk/client-cloudfront";
import type { SiteConfig } from "../config/index.js";
import { DeployError, InvalidationError } from "../errors.js";
import type { Logger } from "../log.js";
import {
  clearPendingInvalidation,
  pendingPath,
  readPendingInvalidation,
  writePendingInvalidation,
  type PendingInvalidation,
} from "../state/index.js";
import type * as CloudFrontApi from "./cloudfront.js";
import type { SyncReport } from "./execute.js";
import { changedKeys, collapsePaths, pathsOfKeys, plannedKeys, siteRootPath } from "./invalidation.js";
import type { SyncPlan } from "./plan.js";

/** What a deploy did (or, in a dry run, would do) at CloudFront. */
export interface InvalidationResult {
  distributionId: string;
  /** The paths sent (wildcards past the limit); empty when nothing changed. */
  paths: string[];
  /** Of them, the paths an earlier deploy left pending (before collapsing). */
  pendingBefore: number;
  /** CloudFront's id of the invalidation; undefined when none was sent. */
  id?: string;
  /** `InProgress` or `Completed` (after --wait). */
  status?: string;
}

/** The distribution a deploy invalidates, with what it found pending there. */
export interface CdnTarget {
  distributionId: string;
  /** The path the site root is served at, e.g. `/`. */
  root: string;
  cacheDir: string;
  /** What an earlier deploy left to invalidate. */
  pending?: PendingInvalidation;
  logger: Logger;
  /** The CloudFront requests (loaded only for a site with a distribution: the SDK is large). */
  api: typeof CloudFrontApi;
  /** Made at the first request. */
  client: () => CloudFrontClient;
}

/**
 * The distribution of `--distribution-id` or site.cloudfront, with its pending invalidation; undefined
 * when the site has none.
 */
export async function cdnTargetOf(
  config: SiteConfig,
  distributionId: string | undefined,
  logger: Logger,
): Promise<CdnTarget | undefined> {
  const id = distributionId ?? config.site.cloudfront?.distributionId;
  if (id === undefined) return undefined;
  let client: CloudFrontClient | undefined;
  const api = await import("./cloudfront.js");
  return {
    api,
    distributionId: id,
    root: siteRootPath(config.site),
    cacheDir: config.cache,
    pending: await readPendingInvalidation(config.cache, id, logger),
    logger,
    client: () => (client ??= api.createCloudFrontClient(config.s3)),
  };
}

/** What a dry run would invalidate: the plan's paths (index.html's included) and the pending ones. */
export function plannedInvalidation(cdn: CdnTarget, plan: SyncPlan): InvalidationResult {
  return {
    distributionId: cdn.distributionId,
    paths: collapsePaths(mergedPaths(cdn.pending, pathsOfKeys(cdn.root, plannedKeys(plan)))),
    pendingBefore: cdn.pending?.paths.length ?? 0,
  };
}

/** A dry run's lines: each path it would invalidate, then the count. */
export function formatPlannedInvalidation(planned: InvalidationResult): string[] {
  const { paths, distributionId, pendingBefore } = planned;
  const pending = pendingBefore ? ` (${pendingBefore} left pending by an earlier deploy)` : "";
  return [
    ...paths.map((path) => `invalidate ${path}`),
    paths.length
      ? `Invalidation: ${paths.length} path${paths.length === 1 ? "" : "s"} on CloudFront distribution ${distributionId}${pending}; index.html's only if it changes.`
      : `Invalidation: none (nothing changes on CloudFront distribution ${distributionId}).`,
  ];
}

/**
 * Before the first write: remember what the plan may change, so that a deploy that stops half-way
 * (an upload fails, Ctrl-C) leaves its paths for the next deploy to invalidate. A plan that writes
 * nothing writes no file.
 */
export async function rememberPlanned(cdn: CdnTarget, plan: SyncPlan): Promise<void> {
  const planned = pathsOfKeys(cdn.root, plannedKeys(plan));
  if (!planned.length) return;
  const pending = { ...cdn.pending, distributionId: cdn.distributionId, paths: mergedPaths(cdn.pending, planned) };
  await writePendingInvalidation(cdn.cacheDir, pending).catch((error: Error) =>
    cdn.logger.warn(
      `cannot remember the paths to invalidate in ${cdn.cacheDir} (${error.message}); if this deploy stops before it invalidates them, invalidate them by hand`,
    ),
  );
}

/**
 * After a sync: invalidate what it changed and what was pending, then forget them. A failure leaves
 * them remembered and throws an InvalidationError (the files are published, the caches stale).
 */
export async function invalidateChanged(
  cdn: CdnTarget,
  report: Pick<SyncReport, "uploaded" | "deleted">,
  waitSeconds: number | undefined,
): Promise<InvalidationResult> {
  const paths = mergedPaths(cdn.pending, pathsOfKeys(cdn.root, changedKeys(report)));
  const result: InvalidationResult = {
    distributionId: cdn.distributionId,
    paths: collapsePaths(paths),
    pendingBefore: cdn.pending?.paths.length ?? 0,
  };
  if (!paths.length) return result;
  const created = await send(cdn, paths, result.paths);
  await clearPendingInvalidation(cdn.cacheDir, cdn.distributionId).catch((error: Error) =>
    cdn.logger.warn(
      `cannot forget the invalidated paths in ${cdn.cacheDir} (${error.message}); the next deploy sends them again`,
    ),
  );
  cdn.logger.info(
    `invalidation ${created.id} on CloudFront distribution ${cdn.distributionId}: ${result.paths.length} path${result.paths.length === 1 ? "" : "s"} (${created.status})`,
  );
  const status = waitSeconds === undefined ? created.status : await waitUntilCompleted(cdn, created, waitSeconds);
  return { ...result, id: created.id, status };
}

/** CreateInvalidation; on failure the paths are remembered with the request, and an InvalidationError thrown. */
async function send(cdn: CdnTarget, paths: string[], batch: string[]) {
  for (const path of batch) cdn.logger.info(`invalidate ${path}`);
  // the same paths as a request that failed go with its CallerReference: if it reached CloudFront
  // after all, CloudFront answers with that invalidation instead of making a second one
  const resent = cdn.pending?.sent && sameList(cdn.pending.sent.paths, batch) ? cdn.pending.sent : undefined;
  const callerReference = resent?.callerReference ?? callerReferenceOf(batch);
  try {
    return await cdn.api.createInvalidation(cdn.client(), cdn.distributionId, { paths: batch, callerReference });
  } catch (error) {
    const pending = { distributionId: cdn.distributionId, paths, sent: { callerReference, paths: batch } };
    const remembered = await writePendingInvalidation(cdn.cacheDir, pending).then(
      () => `the ${paths.length} paths are remembered in ${pendingPath(cdn.cacheDir, cdn.distributionId)}`,
      (writeError: Error) => `the paths could not be remembered (${writeError.message}): invalidate them by hand`,
    );
    const { reason, hint } = cdn.api.describeCloudFrontFailure(error, cdn.distributionId);
    throw new InvalidationError(
      `site updated at the origin, caches stale until the invalidation runs: CloudFront did not invalidate the changed paths: ${reason}. Every file is published; ${remembered}.`,
      {
        paths,
        cause: error,
        hint: [
          hint,
          "Re-run deploy when the cause is fixed: it invalidates the remembered paths, even when nothing else changed.",
        ]
          .filter(Boolean)
          .join("\n"),
      },
    );
  }
}

/** Poll GetInvalidation (after 1, 2, 4 … up to 20 seconds) until it is Completed or `seconds` have passed. */
async function waitUntilCompleted(
  cdn: CdnTarget,
  created: { id: string; status: string },
  seconds: number,
): Promise<string> {
  const deadline = Date.now() + seconds * 1000;
  let status = created.status;
  for (let delay = 1000; status !== "Completed"; delay = Math.min(delay * 2, 20_000)) {
    const left = deadline - Date.now();
    if (left <= 0) throw waitFailure(cdn, created.id, `is still in progress after ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, left)));
    try {
      status = await cdn.api.invalidationStatus(cdn.client(), cdn.distributionId, created.id);
    } catch (error) {
      const { reason, hint } = cdn.api.describeCloudFrontFailure(error, cdn.distributionId);
      throw waitFailure(cdn, created.id, `could not be followed: ${reason}`, hint);
    }
  }
  cdn.logger.info(`invalidation ${created.id} completed`);
  return status;
}

/** --wait gave up: the invalidation exists and CloudFront finishes it by itself, so nothing is pending. */
function waitFailure(cdn: CdnTarget, id: string, what: string, hint?: string): DeployError {
  return new DeployError(
    `invalidation ${id} on CloudFront distribution ${cdn.distributionId} ${what}. Every file is published and CloudFront accepted the invalidation: it completes it by itself, nothing needs to be sent again.`,
    {
      phase: "wait",
      hint: [hint, `Follow it with: aws cloudfront get-invalidation --distribution-id ${cdn.distributionId} --id ${id}`]
        .filter(Boolean)
        .join("\n"),
    },
  );
}

/** The pending paths and `paths`, sorted, each once. */
function mergedPaths(pending: PendingInvalidation | undefined, paths: readonly string[]): string[] {
  return [...new Set([...(pending?.paths ?? []), ...paths])].sort();
}

/** Unique per batch and moment; CloudFront takes up to 128 characters. */
function callerReferenceOf(paths: readonly string[]): string {
  const fingerprint = createHash("sha256").update(JSON.stringify(paths)).digest("hex").slice(0, 16);
  return `reportsite-${new Date().toISOString()}-${fingerprint}`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
