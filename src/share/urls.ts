/** Pure: the public URLs of a key. */
import type { SiteConfig } from "../config/index.js";
import { encodeKey, objectUrl, websiteUrl } from "../s3/index.js";
import type { BucketTarget } from "./target.js";

/** The URLs of a key, and a warning when no URL can address it reliably. */
export interface ObjectUrls {
  objectUrl: string;
  /** For the site bucket: the key on the website endpoint. */
  websiteUrl?: string;
  /** For a key of the site (below site.prefix) when the config has site.url: the key at the site's own address. */
  publicUrl?: string;
  warning?: string;
}

/**
 * The object URL, and for the site bucket the website URL, each key segment URL-encoded.
 * @example objectUrls(config, resolveBucket(config, "site"), "2019/jan/final_report.html").websiteUrl
 */
export function objectUrls(
  config: Pick<SiteConfig, "region" | "endpoint" | "websiteEndpoint"> & { site?: { url?: string } },
  target: BucketTarget,
  key: string,
): ObjectUrls {
  const urls: ObjectUrls = {
    objectUrl: objectUrl(config, target.bucket, key),
    websiteUrl: target.role === "site" ? websiteUrl(config, target.bucket, key) : undefined,
  };
  const prefix = target.prefix ?? "";
  // site.url serves the site prefix at its root: the key's public address drops the prefix
  if (target.role === "site" && config.site?.url && key.startsWith(prefix))
    urls.publicUrl = config.site.url + encodeKey(key.slice(prefix.length));
  // URL parsers (browsers, curl, fetch) collapse "." and "..", even percent-encoded as %2E.
  if (key.split("/").some((s) => s === "." || s === "..")) {
    urls.warning = `the key "${key}" has a "." or ".." segment, which browsers and HTTP clients remove from URLs: these URLs may fetch another object (curl --path-as-is keeps it)`;
  }
  return urls;
}
