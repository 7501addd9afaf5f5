import type { AccessMode, PlannedFile } from "./plan.js";
import { type RemoteSite } from "./remote.js";
/** Files at or above this size go up in parts (lib-storage); their ETag is then not an MD5, so the MD5 is in metadata. */
export declare const MULTIPART_THRESHOLD_BYTES: number;
/** Upload a file; small ones in one PutObject with Content-MD5 so S3 verifies the bytes. */
export declare function uploadFile(site: RemoteSite, file: PlannedFile, access: AccessMode, multipartThreshold?: number): Promise<void>;
