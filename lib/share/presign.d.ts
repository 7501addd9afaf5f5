/** A presigned GET URL for a private object. */
import { type S3Client } from "@aws-sdk/client-s3";
/** A presigned URL and when it stops working. */
export interface SharedLink {
    url: string;
    /** When the URL stops working: the signature's expiry, or earlier when the signing credentials expire first. */
    expiresAt: Date;
    /** Set when the credentials that signed it expire first: the URL dies with them. */
    warning?: string;
}
/**
 * Check the object exists, then sign a GET for it valid `expiresInSeconds` (1 s to 7 days).
 * @example const { url } = await presignUrl(client, "gid-raw", "2019_jan_10_gid_requests.csv", parseExpiry("1h"))
 */
export declare function presignUrl(client: S3Client, bucket: string, key: string, expiresInSeconds: number, now?: Date): Promise<SharedLink>;
