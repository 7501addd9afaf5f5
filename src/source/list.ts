/** List the raw bucket: every page of ListObjectsV2 under the raw prefix. */
import { paginateListObjectsV2, type S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import { toS3Error } from "../s3/index.js";
import type { RawObject } from "./month.js";

/** Every object under raw.prefix. Follows continuation tokens (pages may be short), never stops at 1,000 keys. */
export async function listRawObjects(client: S3Client, config: SiteConfig): Promise<{ objects: RawObject[]; pages: number }> {
  const objects: RawObject[] = [];
  let pages = 0;
  try {
    for await (const page of paginateListObjectsV2({ client, pageSize: 1000 }, { Bucket: config.raw.bucket, Prefix: config.raw.prefix || undefined })) {
      pages++;
      for (const item of page.Contents ?? []) {
        if (!item.Key || item.Key.endsWith("/")) continue;
        objects.push({ key: item.Key, size: item.Size ?? 0, etag: item.ETag, lastModified: item.LastModified });
      }
    }
  } catch (error) {
    throw toS3Error(error, { operation: "list", bucket: config.raw.bucket, key: config.raw.prefix || undefined, endpoint: config.endpoint });
  }
  return { objects, pages };
}
