/** A presigned GET URL for a private object. */
import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { ShareError } from "../errors.js";
import { objectError } from "./errors.js";
import { formatDuration, MAX_EXPIRY_SECONDS } from "./expiry.js";
/**
 * Check the object exists, then sign a GET for it valid `expiresInSeconds` (1 s to 7 days).
 * @example const { url } = await presignUrl(client, "gid-raw", "2019_jan_10_gid_requests.csv", parseExpiry("1h"))
 */
export async function presignUrl(client, bucket, key, expiresInSeconds, now = new Date()) {
    if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_EXPIRY_SECONDS) {
        throw new ShareError(`cannot share s3://${bucket}/${key} for ${expiresInSeconds} seconds: a presigned URL lives a whole number of seconds from 1 to ${MAX_EXPIRY_SECONDS} (7 days, the Signature Version 4 limit)`);
    }
    await client
        .send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
        .catch(async (error) => Promise.reject(await objectError(client, error, "share", bucket, key)));
    // Resolved before signing: the SDK refreshes credentials that are about to expire on this call and
    // signs with the same cached ones right after, so the expiry checked here is the one that signs.
    const credentials = await client.config.credentials();
    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
        expiresIn: expiresInSeconds,
    });
    const expiresAt = new Date(now.getTime() + expiresInSeconds * 1000);
    const credentialsExpire = credentials.expiration;
    if (credentialsExpire && credentialsExpire < expiresAt) {
        const lifetime = formatDuration((credentialsExpire.getTime() - now.getTime()) / 1000);
        return {
            url,
            expiresAt: credentialsExpire,
            warning: `the credentials in use are temporary and expire at ${credentialsExpire.toISOString()}: this URL stops working then, after ${lifetime}, not after ${formatDuration(expiresInSeconds)}. Sign with long-term credentials for the full time.`,
        };
    }
    return { url, expiresAt };
}
