/** Pure: what a deploy must upload, leave alone and delete. No SDK, no fs: the same input gives the same plan. */
/** How published objects are made public. */
export type AccessMode = "acl" | "policy";
/** A local file as the planner needs it: content fingerprint and the headers it will be served with. */
export interface PlannedFile {
    /** Relative to the site root, e.g. `2019/jan/final_report.csv`. */
    key: string;
    path: string;
    size: number;
    md5: string;
    contentType: string;
    cacheControl: string;
}
/** A remote object, relative to the site prefix, with what the gatherer learned about it. */
export interface RemoteObject {
    key: string;
    size: number;
    /** Hex MD5 of the content, when known (single-part ETag, or the md5 stored in metadata). */
    md5?: string;
    contentType?: string;
    cacheControl?: string;
    /** The access mode recorded in metadata at upload. */
    access?: string;
    /** Whether everyone may read it, by its ACL: known only when deploy --verify-access checked it. */
    publicRead?: boolean;
    lastModified?: Date;
}
export type UploadReason = "new" | "size changed" | "content changed" | "headers changed" | "access changed";
/** One object to upload, with why. */
export interface Upload extends PlannedFile {
    reason: UploadReason;
    /** What changed, for "headers changed", e.g. `Cache-Control: "max-age=60" -> "no-cache"`. */
    detail?: string;
}
/** The plan a deploy carries out, in order. */
export interface SyncPlan {
    /** Run one group after the other: data and assets, then pages. index.html is not here: it is rendered after these. */
    groups: Upload[][];
    /** Keys to delete (sorted), only with --delete and within the cap. */
    deletes: string[];
    /** Keys whose content and headers already match. */
    unchanged: string[];
    /** Remote keys not in dist/ that stay (no --delete), or were over the cap. */
    kept: string[];
    /** Set when --delete found more stale keys than --max-deletes allows (and no --force): nothing is deleted. */
    blockedDeletes?: {
        count: number;
        max: number;
    };
}
/** What the planner is told besides the two listings. */
export interface PlanOptions {
    access: AccessMode;
    /** Delete remote keys that are not in dist/. Defaults to false. */
    delete: boolean;
    /** The cap on deletes; more needs force. */
    maxDeletes: number;
    force: boolean;
}
/** The keys the planner never uploads or deletes itself: the executor renders index.html from the bucket listing. */
export declare const INDEX_KEY = "index.html";
export declare const MAX_DELETES_DEFAULT = 100;
/**
 * Compare dist/ with the bucket by content (MD5) and headers, never by timestamps, so a fresh
 * checkout uploads nothing that did not change.
 */
export declare function planSync(local: readonly PlannedFile[], remote: readonly RemoteObject[], options: PlanOptions): SyncPlan;
/** Number of uploads in a plan. */
export declare function countUploads(plan: SyncPlan): number;
