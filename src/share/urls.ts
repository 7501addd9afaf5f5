/** Pure: the public URLs of a key. */
import type { SiteConfig } from "../config/index.js";
import { objectUrl, websiteUrl } from "../s3/index.js";
import type { BucketTarget } from "./target.js";

/** The object URL, and for the site bucket the website URL, each key segment URL-encoded. */
export function objectUrls(config: Pick<SiteConfig, "region" | "endpoint" | "websiteEndpoint">, target: BucketTarget, key: string): { objectUrl: string; websiteUrl?: string } {
  return { objectUrl: objectUrl(config, target.bucket, key), websiteUrl: target.role === "site" ? websiteUrl(config, target.bucket, key) : undefined };
}
