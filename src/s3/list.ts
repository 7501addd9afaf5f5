/** List every object under a prefix, page after page, refusing to stop early. */
import { ListObjectsV2Command, type _Object, type S3Client } from "@aws-sdk/client-s3";
import { S3Error } from "../errors.js";
import { toS3Error } from "./errors.js";

/**
 * Every object (folder markers left out) under `prefix`, following continuation tokens. A page that
 * says more keys follow but gives no token is an error, not the end: a build or a sync plan made
 * from part of a listing is wrong without saying so.
 */
export async function listAllObjects(
  client: S3Client,
  bucket: string,
  prefix: string,
  endpoint?: string,
): Promise<{ objects: _Object[]; pages: number }> {
  const objects: _Object[] = [];
  let pages = 0;
  let token: string | undefined;
  do {
    const page = await client
      .send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix || undefined,
          ContinuationToken: token,
          MaxKeys: 1000,
        }),
      )
      .catch((error) =>
        Promise.reject(toS3Error(error, { operation: "list", bucket, key: prefix || undefined, endpoint })),
      );
    pages++;
    objects.push(...(page.Contents ?? []).filter((item) => item.Key && !item.Key.endsWith("/")));
    token = page.NextContinuationToken;
    if (page.IsTruncated && !token) {
      throw new S3Error(
        `cannot list s3://${bucket}/${prefix}: page ${pages} says more keys follow but gives no continuation token; stopped rather than use part of the listing`,
        {
          code: "TruncatedListing",
          hint: "The S3 server does not page ListObjectsV2 correctly; check its version or its ListObjectsV2 support.",
        },
      );
    }
  } while (token);
  return { objects, pages };
}
