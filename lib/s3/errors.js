/** Turn an SDK or network error into an S3Error whose message says what failed and what to check. */
import { S3Error } from "../errors.js";
const NETWORK_CODES = new Set([
    "ECONNREFUSED",
    "ENOTFOUND",
    "EAI_AGAIN",
    "ECONNRESET",
    "ETIMEDOUT",
    "EHOSTUNREACH",
    "TimeoutError",
]);
/** Map any error thrown by an S3 call to an S3Error with a hint. Already-mapped errors pass through. */
export function toS3Error(error, context) {
    if (error instanceof S3Error)
        return error;
    const e = (error ?? {});
    const status = e.$metadata?.httpStatusCode;
    const code = networkCode(e) ?? (e.name && e.name !== "Unknown" && e.name !== "UnknownError" ? e.name : statusCode(status));
    const where = context.key ? `s3://${context.bucket}/${context.key}` : `s3://${context.bucket}`;
    const { what, hint } = explain(code, context, e.message);
    return new S3Error(`cannot ${context.operation} ${where}: ${what}`, code, status, { hint, cause: error });
}
function networkCode(e) {
    for (let cur = e, depth = 0; cur && depth < 4; cur = cur.cause, depth++) {
        if (cur.code && NETWORK_CODES.has(cur.code))
            return cur.code;
        if (cur.name && NETWORK_CODES.has(cur.name))
            return cur.name;
    }
    if (e.name === "CredentialsProviderError")
        return "CredentialsProviderError";
    return undefined;
}
function statusCode(status) {
    if (status === 403)
        return "AccessDenied";
    if (status === 404)
        return "NotFound";
    if (status === 301)
        return "PermanentRedirect"; // a HEAD answer has no body to name it
    return status ? `HTTP${status}` : "Unknown";
}
function explain(code, c, message) {
    switch (code) {
        case "PermanentRedirect":
        case "AuthorizationHeaderMalformed":
        case "IllegalLocationConstraintException":
            return {
                what: "the bucket is in another region than the one configured",
                hint: `Set "region" in site-config.json to the bucket's region (aws s3api get-bucket-location --bucket ${c.bucket}).`,
            };
        case "NoSuchBucket":
            return {
                what: "the bucket does not exist",
                hint: `Check the bucket name in site-config.json and the region/endpoint; create it if it is new.`,
            };
        case "NoSuchKey":
        case "NotFound":
            return {
                what: c.key ? "no such object" : "not found",
                hint: "Check the key (it is case-sensitive) and the prefix.",
            };
        case "AccessDenied":
        case "AllAccessDisabled":
            return {
                what: "access denied",
                hint: `The credentials in use lack permission for ${c.operation} on this bucket (check the IAM policy, e.g. s3:ListBucket / s3:GetObject / s3:PutObject), or Block Public Access refuses a public ACL or policy.`,
            };
        case "InvalidAccessKeyId":
            return {
                what: "the access key id is not known to the server",
                hint: "Check AWS_ACCESS_KEY_ID / AWS_PROFILE: the SDK's default credential chain picked up a key this server does not know.",
            };
        case "SignatureDoesNotMatch":
            return {
                what: "the request signature does not match",
                hint: "Check AWS_SECRET_ACCESS_KEY (or the profile's secret) for the access key in use.",
            };
        case "ExpiredToken":
        case "TokenRefreshRequired":
            return {
                what: "the session credentials have expired",
                hint: "Refresh them (e.g. `aws sso login`) and run again.",
            };
        case "CredentialsProviderError":
            return {
                what: "no AWS credentials found",
                hint: "Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or log in with `aws sso login`.",
            };
        case "AccessControlListNotSupported":
            return {
                what: "the bucket has ACLs disabled (Object Ownership: bucket owner enforced)",
                hint: 'Set "site.publicAccess": "policy" in site-config.json to publish with a bucket policy instead.',
            };
        case "ECONNREFUSED":
        case "ENOTFOUND":
        case "EAI_AGAIN":
        case "EHOSTUNREACH":
        case "ETIMEDOUT":
        case "TimeoutError":
        case "ECONNRESET":
            return {
                what: `the S3 endpoint cannot be reached (${code})`,
                hint: `Check "endpoint" and "region" in site-config.json${c.endpoint ? ` (now ${c.endpoint})` : ""} and that the server is running.`,
            };
        default:
            // keep what the server said: it is often the only clue (e.g. "InvalidBucketName: ...")
            return { what: message && message !== code && message !== "UnknownError" ? `${code}: ${message}` : code };
    }
}
