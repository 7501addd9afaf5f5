/** Pure: the public URLs of a key. */
import type { SiteConfig } from "../config/index.js";
import type { BucketTarget } from "./target.js";
/** The URLs of a key, and a warning when no URL can address it reliably. */
export interface ObjectUrls {
    objectUrl: string;
    /** For the site bucket: the key on the website endpoint. */
    websiteUrl?: string;
    warning?: string;
}
/**
 * The object URL, and for the site bucket the website URL, each key segment URL-encoded.
 * @example objectUrls(config, resolveBucket(config, "site"), "2019/jan/final_report.html").websiteUrl
 */
export declare function objectUrls(config: Pick<SiteConfig, "region" | "endpoint" | "websiteEndpoint">, target: BucketTarget, key: string): ObjectUrls;
