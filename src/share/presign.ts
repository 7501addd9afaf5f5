/** A presigned GET URL for a private object. */
import { GetObjectCommand, HeadObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { ShareError } from "../errors.js";
import { toS3Error } from "../s3/index.js";
import { formatDuration } from "./expiry.js";

/** A presigned URL and when it stops working. */
export interface SharedLink {
  url: string;
  /** When the signature expires. */
  expiresAt: Date;
  /** Set when the credentials that signed it expire first: the URL dies with them. */
  warning?: string;
}

/** Check the object exists, then sign a GET for it valid `expiresInSeconds`. */
export async function presignUrl(client: S3Client, bucket: string, key: string, expiresInSeconds: number, now = new Date()): Promise<SharedLink> {
  await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).catch((error: { $metadata?: { httpStatusCode?: number } }) => {
    if (error.$metadata?.httpStatusCode === 404) throw new ShareError(`cannot share s3://${bucket}/${key}: no such object`, { hint: "Check the key (keys are case-sensitive and include the prefix) and --bucket." });
    throw toS3Error(error, { operation: "share", bucket, key });
  });
  const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: expiresInSeconds });
  const expiresAt = new Date(now.getTime() + expiresInSeconds * 1000);
  const credentials = await client.config.credentials();
  const credentialsExpire = credentials.expiration;
  if (credentialsExpire && credentialsExpire < expiresAt) {
    const lifetime = formatDuration((credentialsExpire.getTime() - now.getTime()) / 1000);
    return { url, expiresAt: credentialsExpire, warning: `the credentials in use are temporary and expire at ${credentialsExpire.toISOString()}: this URL stops working then, after ${lifetime}, not after ${formatDuration(expiresInSeconds)}. Sign with long-term credentials for the full time.` };
  }
  return { url, expiresAt };
}
