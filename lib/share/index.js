export { parseExpiry, formatDuration, MAX_EXPIRY_SECONDS } from "./expiry.js";
export { resolveBucket } from "./target.js";
export { presignUrl } from "./presign.js";
export { readObjectAcl, setObjectAcl } from "./acl.js";
export { downloadObject, downloadTarget, localPathFor } from "./download.js";
export { objectUrls } from "./urls.js";
export { keysLinkedFrom, readIndexLinks } from "./index-links.js";
