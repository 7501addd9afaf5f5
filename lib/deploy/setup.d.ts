/**
 * Make the site bucket a public website: create it when missing, set the website configuration
 * (index and error documents) and choose how objects become public. Checks every blocker before
 * changing anything, so a bucket is never left half-public. Never touches the raw bucket.
 */
import { type S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import type { Logger } from "../log.js";
import type { AccessMode } from "./plan.js";
export declare const INDEX_DOCUMENT = "index.html";
export declare const ERROR_DOCUMENT = "error.html";
/** The Sid of the statement reportsite adds to a bucket policy; other statements are kept. */
export declare const POLICY_SID = "ReportsitePublicRead";
/** What setup found and did. */
export interface SiteBucketState {
    access: AccessMode;
    created: boolean;
    /** Changes made (or, with dryRun, that would be made), as sentences. */
    changes: string[];
}
/** Ensure the site bucket exists and is a public website; idempotent. With dryRun nothing is changed. */
export declare function ensureSiteBucket(client: S3Client, config: SiteConfig, options: {
    dryRun?: boolean;
    logger: Logger;
}): Promise<SiteBucketState>;
