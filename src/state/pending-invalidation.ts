/**
 * The pending paths of one CloudFront distribution (`invalidation-<fingerprint>.json`): paths a
 * deploy changed, or was about to change, that CloudFront has not yet accepted an invalidation for.
 * Written before a deploy's first write and when an invalidation fails, removed when CloudFront accepts
 * one, so a deploy cut off or refused by CloudFront leaves them for the next deploy to send.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../log.js";
import { readStateFile, sha256, stateFileText, writeStateFile, type StateFileKind } from "./state-file.js";

/** Bump when the meaning of the data changes. */
const PENDING_INVALIDATION_FORMAT = 1;

/** What is still to invalidate on one distribution. */
export interface PendingInvalidation {
  distributionId: string;
  /** Every path (before collapsing to wildcards), sorted. */
  paths: string[];
  /**
   * The last request sent for them, when it failed: sending the same paths again with its
   * CallerReference cannot create a second invalidation if the first one reached CloudFront after all.
   */
  sent?: { callerReference: string; paths: string[] };
}

const PENDING: StateFileKind<PendingInvalidation> = {
  format: PENDING_INVALIDATION_FORMAT,
  isData: (value): value is PendingInvalidation => {
    if (typeof value !== "object" || value === null) return false;
    const { distributionId, paths, sent } = value as Partial<PendingInvalidation>;
    return typeof distributionId === "string" && isStrings(paths) && (sent === undefined || isStrings(sent.paths));
  },
  instead: "the paths an earlier deploy left to invalidate are not sent (invalidate them by hand if pages look stale)",
};

/** The pending invalidation of `distributionId`, or undefined when nothing is pending (or the file is unusable). */
export async function readPendingInvalidation(
  cacheDir: string,
  distributionId: string,
  logger: Logger,
): Promise<PendingInvalidation | undefined> {
  const read = await readStateFile(pendingPath(cacheDir, distributionId), PENDING, logger);
  return read.data?.distributionId === distributionId ? read.data : undefined;
}

/** Remember what is still to invalidate. */
export async function writePendingInvalidation(cacheDir: string, pending: PendingInvalidation): Promise<void> {
  const text = stateFileText(PENDING_INVALIDATION_FORMAT, pending).text;
  await writeStateFile(pendingPath(cacheDir, pending.distributionId), text);
}

/** Forget the pending invalidation: CloudFront accepted one covering it. */
export async function clearPendingInvalidation(cacheDir: string, distributionId: string): Promise<void> {
  await rm(pendingPath(cacheDir, distributionId), { force: true });
}

/** `<cacheDir>/invalidation-<fingerprint of the distribution id>.json`. */
export function pendingPath(cacheDir: string, distributionId: string): string {
  return join(cacheDir, `invalidation-${sha256(distributionId).slice(0, 16)}.json`);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}
