export { createS3Client } from "./client.js";
export { toS3Error } from "./errors.js";
export { listAllObjects } from "./list.js";
export { encodeKey, objectUrl, websiteUrl, websiteRoot, DASH_WEBSITE_REGIONS } from "./urls.js";
