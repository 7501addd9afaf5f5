/** The human lines of a deploy: the plan (for --dry-run) and the one-line summary. */
import { formatSize } from "../units.js";
import { INDEX_DOCUMENT } from "../site-names.js";
import { countUploads, type SyncPlan } from "./plan.js";
import type { SyncReport } from "./execute.js";

/** One line per action, Hugo style, then the counts. */
export function formatPlan(plan: SyncPlan, changes: readonly string[] = []): string[] {
  const lines = changes.map((c) => `setup: would ${c}`);
  for (const upload of plan.groups.flat()) {
    lines.push(
      `upload ${upload.key} (${formatSize(upload.size)}, Content-Type: "${upload.contentType}"): ${upload.reason}${upload.detail ? ` (${upload.detail})` : ""}`,
    );
  }
  lines.push(`upload ${INDEX_DOCUMENT}: rendered from the bucket listing after the uploads (only if it changed)`);
  for (const key of plan.deletes) lines.push(`delete ${key}: not in dist/`);
  if (plan.blockedDeletes) {
    lines.push(
      `not deleting ${plan.blockedDeletes.count} stale files: more than --max-deletes ${plan.blockedDeletes.max}; raise it (--max-deletes ${plan.blockedDeletes.count}) or pass --force`,
    );
  } else if (plan.leftInPlace.length) {
    lines.push(
      `leaving in place ${plan.leftInPlace.length} published file${plan.leftInPlace.length === 1 ? "" : "s"} that dist/ does not have (earlier months stay listed; --delete removes them)`,
    );
  }
  lines.push(
    `Plan: ${countUploads(plan)} to upload, ${plan.unchanged.length} unchanged, ${plan.deletes.length} to delete.`,
  );
  return lines;
}

/** `Uploaded 3, skipped 10, deleted 1 (45.2 kB in 1.2s)` or `No changes required.` */
export function formatReport(report: SyncReport): string {
  if (report.uploaded.length === 0 && report.deleted.length === 0)
    return `No changes required (${report.skipped} files unchanged).`;
  return `Uploaded ${report.uploaded.length}, skipped ${report.skipped}, deleted ${report.deleted.length} (${formatSize(report.bytes)} in ${report.seconds.toFixed(1)}s).`;
}

/**
 * What a deploy that failed before its first upload leaves: no file written, and what bucket setup
 * had already changed (`setupChanges`, as setup words them; a re-run finds them done). Only when setup
 * changed nothing is the live site as it was.
 */
export function nothingUploaded(setupChanges: readonly string[]): string {
  if (!setupChanges.length) return "No file was uploaded or deleted: the live site is as it was.";
  return `${setupChangesMade(setupChanges)} No file was uploaded or deleted: the live site's files are as they were.`;
}

/** `Bucket setup had already made these changes: create the bucket b; set the website configuration (…).` ("" for none) */
export function setupChangesMade(setupChanges: readonly string[]): string {
  return setupChanges.length ? `Bucket setup had already made these changes: ${setupChanges.join("; ")}.` : "";
}
