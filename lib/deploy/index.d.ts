/** deploySite: read dist/ -> list the bucket -> plan -> (dry run: print | execute), Hugo's Deploy() as a list of stage calls. */
import type { S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import type { Logger } from "../log.js";
import { type IndexEntry, type SyncReport } from "./execute.js";
import { type SyncPlan } from "./plan.js";
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
    renderIndex: (entries: IndexEntry[]) => string;
    /** A client to use instead of one made from the config (tests inject faults through it). */
    client?: S3Client;
    /** For testing only! */
    multipartThreshold?: number;
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
export declare function deploySite(config: SiteConfig, options: DeployOptions, effects: DeployEffects): Promise<DeployResult>;
export { ensureSiteBucket } from "./setup.js";
export type { SiteBucketState } from "./setup.js";
export { planSync, countUploads, MAX_DELETES_DEFAULT, INDEX_KEY } from "./plan.js";
export type { SyncPlan, Upload, UploadReason, PlannedFile, RemoteObject, PlanOptions, AccessMode } from "./plan.js";
export { executeSyncPlan } from "./execute.js";
export type { SyncReport, IndexEntry, ExecuteOptions } from "./execute.js";
export { formatPlan, formatReport } from "./format.js";
export { listRemote, addRemoteHeaders, addRemoteAccess, md5FromEtag } from "./remote.js";
