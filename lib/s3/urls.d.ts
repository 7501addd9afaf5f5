/** Pure: public URLs of objects and of the website, with each key segment URL-encoded. */
import { encodeKey } from "../key-path.js";
export { encodeKey };
/** The regions whose website endpoint uses a dash (`s3-website-us-east-1`); newer ones use a dot. */
export declare const DASH_WEBSITE_REGIONS: Set<string>;
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
export declare function objectUrl(target: UrlTarget, bucket: string, key: string): string;
/** The website URL of a key (or of the site root when key is empty). */
export declare function websiteUrl(target: UrlTarget, bucket: string, key?: string): string;
/** The website endpoint of a bucket, ending in `/`. */
export declare function websiteRoot(target: UrlTarget, bucket: string): string;
