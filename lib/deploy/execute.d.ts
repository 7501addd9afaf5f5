import type { Logger } from "../log.js";
import { type AccessMode, type SyncPlan, type UploadReason } from "./plan.js";
import { type RemoteSite } from "./remote.js";
/** A published file as index.html lists it. */
export interface IndexEntry {
    key: string;
    size: number;
    lastModified: Date;
}
/** What the executor needs besides the plan. */
export interface ExecuteOptions {
    site: RemoteSite;
    access: AccessMode;
    /** Render index.html from the listing (the CLI passes render's renderIndexPage). */
    renderIndex: (entries: IndexEntry[]) => string;
    /** Headers of index.html. */
    indexHeaders: {
        contentType: string;
        cacheControl: string;
    };
    logger: Logger;
    /** Uploads at once within a group; defaults to 8. */
    concurrency?: number;
    /** For testing only! Multipart threshold in bytes. */
    multipartThreshold?: number;
    /** Upload index.html even when unchanged (deploy --verify-access found it private). */
    republishIndex?: boolean;
}
/** What a deploy did. */
export interface SyncReport {
    uploaded: {
        key: string;
        reason: UploadReason | "index";
    }[];
    skipped: number;
    deleted: string[];
    /** Stale keys left in place (no --delete, or over the cap). */
    kept: number;
    bytes: number;
    seconds: number;
}
/** Execute the plan; throws DeployError naming the phase, the key and the state of the live site. */
export declare function executeSyncPlan(plan: SyncPlan, options: ExecuteOptions): Promise<SyncReport>;
