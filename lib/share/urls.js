import { objectUrl, websiteUrl } from "../s3/index.js";
/**
 * The object URL, and for the site bucket the website URL, each key segment URL-encoded.
 * @example objectUrls(config, resolveBucket(config, "site"), "2019/jan/final_report.html").websiteUrl
 */
export function objectUrls(config, target, key) {
    const urls = {
        objectUrl: objectUrl(config, target.bucket, key),
        websiteUrl: target.role === "site" ? websiteUrl(config, target.bucket, key) : undefined,
    };
    // URL parsers (browsers, curl, fetch) collapse "." and "..", even percent-encoded as %2E.
    if (key.split("/").some((s) => s === "." || s === "..")) {
        urls.warning = `the key "${key}" has a "." or ".." segment, which browsers and HTTP clients remove from URLs: these URLs may fetch another object (curl --path-as-is keeps it)`;
    }
    return urls;
}
