/**
 * `raw` and `site` name the config's buckets; anything else is a bucket name. A name equal to a
 * config bucket gets its role (the config keeps the two buckets apart).
 * @example resolveBucket(config, "site") // { bucket: "gid-reports", role: "site", prefix: "" }
 */
export function resolveBucket(config, name) {
    const bucket = name === "raw" ? config.raw.bucket : name === "site" ? config.site.bucket : name;
    if (bucket === config.raw.bucket)
        return { bucket, role: "raw", prefix: config.raw.prefix };
    if (bucket === config.site.bucket)
        return { bucket, role: "site", prefix: config.site.prefix };
    return { bucket, role: "other" };
}
