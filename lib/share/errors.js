/** S3 errors of the share commands, told apart: missing bucket, missing key, or no permission. */
import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { ShareError } from "../errors.js";
import { toS3Error } from "../s3/index.js";
const CREDENTIAL_ERRORS = new Set([
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "ExpiredToken",
    "TokenRefreshRequired",
    "RequestTimeTooSkewed",
]);
/**
 * The error to show for a failed request on `s3://bucket/key`. A HEAD answer has no body, so a 404
 * there says nothing about whether the bucket or the key is missing: HeadBucket tells.
 */
export async function objectError(client, error, action, bucket, key) {
    const e = error;
    const where = `cannot ${action} s3://${bucket}/${key}`;
    const status = e.$metadata?.httpStatusCode;
    if (e.name === "NoSuchBucket" ||
        (status === 404 && e.name !== "NoSuchKey" && !(await bucketExists(client, bucket)))) {
        return new ShareError(`${where}: the bucket ${bucket} does not exist`, {
            hint: "Check --bucket (raw, site or a bucket name) and raw.bucket / site.bucket in site-config.json.",
            cause: error,
        });
    }
    if (status === 404 || e.name === "NoSuchKey") {
        return new ShareError(`${where}: no such object`, {
            hint: "Check the key (keys are case-sensitive and include the prefix) and --bucket.",
            cause: error,
        });
    }
    // a HEAD 403 has no body, so the SDK cannot name it; named credential errors get their own hints
    if (status === 403 && !CREDENTIAL_ERRORS.has(e.name ?? "")) {
        return new ShareError(`${where}: access denied`, {
            hint: "The credentials in use lack s3:GetObject on this object (or s3:GetObjectAcl / s3:PutObjectAcl for acl), or the secret key is wrong.",
            cause: error,
        });
    }
    return toS3Error(error, { operation: action, bucket, key });
}
async function bucketExists(client, bucket) {
    return client.send(new HeadBucketCommand({ Bucket: bucket })).then(() => true, (error) => error.$metadata?.httpStatusCode !== 404);
}
