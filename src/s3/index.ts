export { createS3Client } from "./client.js";
export { ACLS_DISABLED, aclsDisabledHint, toS3Error } from "./errors.js";
export { md5FromEtag } from "./etag.js";
export { listAllObjects } from "./list.js";
export { encodeKey, objectUrl, siteUrl, websiteUrl, websiteRoot } from "./urls.js";
