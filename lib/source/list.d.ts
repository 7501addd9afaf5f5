/** List the raw bucket: every page of ListObjectsV2 under the raw prefix. */
import type { S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import type { RawObject } from "./month.js";
/** Every object under raw.prefix. Follows continuation tokens (pages may be short), never stops at 1,000 keys. */
export declare function listRawObjects(client: S3Client, config: SiteConfig): Promise<{
    objects: RawObject[];
    pages: number;
}>;
