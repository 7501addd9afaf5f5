export { createS3Client } from "./client.js";
export type { S3ClientOptions, S3ClientConfig } from "./client.js";
export { ACLS_DISABLED, aclsDisabledHint, toS3Error } from "./errors.js";
export { listAllObjects } from "./list.js";
export type { S3ErrorContext } from "./errors.js";
export { encodeKey, objectUrl, siteUrl, websiteUrl, websiteRoot, DASH_WEBSITE_REGIONS } from "./urls.js";
export type { UrlTarget } from "./urls.js";
