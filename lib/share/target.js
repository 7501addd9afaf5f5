/**
 * `raw` and `site` name the config's buckets; anything else is a bucket name. A name equal to a
 * config bucket gets its role (the config keeps the two buckets apart).
 * @example resolveBucket(config, "site") // { bucket: "gid-reports", role: "site" }
 */
export function resolveBucket(config, name) {
    const bucket = name === "raw" ? config.raw.bucket : name === "site" ? config.site.bucket : name;
    return { bucket, role: bucket === config.raw.bucket ? "raw" : bucket === config.site.bucket ? "site" : "other" };
}
