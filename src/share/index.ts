export { parseExpiry, formatDuration, MAX_EXPIRY_SECONDS } from "./expiry.js";
export { resolveBucket } from "./target.js";
export type { BucketTarget } from "./target.js";
export { presignUrl } from "./presign.js";
export type { SharedLink } from "./presign.js";
export { readObjectAcl, setObjectAcl } from "./acl.js";
export type { ObjectAccess, CannedAcl } from "./acl.js";
export { downloadObject, downloadTarget, localPathFor } from "./download.js";
export { objectUrls } from "./urls.js";
