/** Pure: public URLs of objects and of the website, with each key segment URL-encoded. */
import { encodeKey } from "../key-path.js";

export { encodeKey };

/** The regions whose website endpoint uses a dash (`s3-website-us-east-1`); newer ones use a dot. */
export const DASH_WEBSITE_REGIONS = new Set([
  "us-east-1",
  "us-west-1",
  "us-west-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "eu-west-1",
  "sa-east-1",
  "us-gov-west-1",
]);

/** Where the URLs point: the config's region and optional custom endpoints. */
export interface UrlTarget {
  region: string;
  endpoint?: string;
  websiteEndpoint?: string;
}

/**
 * The public object URL: `https://BUCKET.s3.REGION.amazonaws.com/KEY`, or path style on a custom
 * endpoint and for bucket names with dots (AWS's wildcard certificate does not cover them).
 */
export function objectUrl(target: UrlTarget, bucket: string, key: string): string {
  if (target.endpoint) return `${target.endpoint.replace(/\/+$/, "")}/${bucket}/${encodeKey(key)}`;
  if (bucket.includes("."))
    return `https://s3.${target.region}.${awsDomain(target.region)}/${bucket}/${encodeKey(key)}`;
  return `https://${bucket}.s3.${target.region}.${awsDomain(target.region)}/${encodeKey(key)}`;
}

/** The website URL of a key (or of the site root when key is empty). */
export function websiteUrl(target: UrlTarget, bucket: string, key = ""): string {
  return `${websiteRoot(target, bucket)}${encodeKey(key)}`;
}

/**
 * The published site's home URL, ending in `/`: site.url when the site has a public address of its
 * own (a custom domain in front of the bucket), else the site bucket's website endpoint and prefix.
 */
export function siteUrl(config: UrlTarget & { site: { bucket: string; prefix: string; url?: string } }): string {
  return config.site.url ?? websiteUrl(config, config.site.bucket, config.site.prefix);
}

/** The website endpoint of a bucket, ending in `/`. */
export function websiteRoot(target: UrlTarget, bucket: string): string {
  if (target.websiteEndpoint) return `${target.websiteEndpoint.replace(/\/+$/, "")}/${bucket}/`;
  if (target.endpoint) return `${target.endpoint.replace(/\/+$/, "")}/${bucket}/`;
  const separator = DASH_WEBSITE_REGIONS.has(target.region) ? "-" : ".";
  return `http://${bucket}.s3-website${separator}${target.region}.${awsDomain(target.region)}/`;
}

/** AWS's China regions (cn-north-1, cn-northwest-1) live under their own domain. */
function awsDomain(region: string): string {
  return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
}
