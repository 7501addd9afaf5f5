/** Which bucket a share/acl/url/download command means. */
import type { SiteConfig } from "../config/index.js";
/** The bucket named by `--bucket raw|site|NAME`, and which of the config's buckets it is. */
export interface BucketTarget {
    bucket: string;
    role: "raw" | "site" | "other";
    /** The config's prefix of that bucket (empty or ending in `/`); undefined for other buckets. */
    prefix?: string;
}
/**
 * `raw` and `site` name the config's buckets; anything else is a bucket name. A name equal to a
 * config bucket gets its role (the config keeps the two buckets apart).
 * @example resolveBucket(config, "site") // { bucket: "gid-reports", role: "site", prefix: "" }
 */
export declare function resolveBucket(config: Pick<SiteConfig, "raw" | "site">, name: string): BucketTarget;
