/** S3 errors of the share commands, told apart: missing bucket, missing key, or no permission. */
import { type S3Client } from "@aws-sdk/client-s3";
/**
 * The error to show for a failed request on `s3://bucket/key`. A HEAD answer has no body, so a 404
 * there says nothing about whether the bucket or the key is missing: HeadBucket tells.
 */
export declare function objectError(client: S3Client, error: unknown, action: string, bucket: string, key: string): Promise<Error>;
