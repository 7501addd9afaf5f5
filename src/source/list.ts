/** List the raw bucket: every page of ListObjectsV2 under the raw prefix. */
import type { S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import { listAllObjects } from "../s3/index.js";
import type { RawObject } from "./month.js";

/** Every object under raw.prefix. Follows continuation tokens (pages may be short), never stops at 1,000 keys. */
export async function listRawObjects(
  client: S3Client,
  config: SiteConfig,
): Promise<{ objects: RawObject[]; pages: number }> {
  const { objects, pages } = await listAllObjects(client, config.raw.bucket, config.raw.prefix, config.endpoint);
  return {
    objects: objects.map((item) => ({
      key: item.Key!,
      size: item.Size ?? 0,
      etag: item.ETag,
      lastModified: item.LastModified,
    })),
    pages,
  };
}
