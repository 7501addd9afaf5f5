/** The one place an S3 client is made: region, endpoint, path style, the SDK's default credential chain. */
import { S3Client } from "@aws-sdk/client-s3";
/**
 * An S3 client for the config's region and endpoint. Credentials are never read from the config:
 * the SDK's default chain resolves env variables, profiles, SSO and web identity.
 */
export function createS3Client(config, options = {}) {
    return new S3Client({
        region: config.region,
        endpoint: config.endpoint,
        forcePathStyle: config.forcePathStyle,
        maxAttempts: options.maxAttempts ?? 3,
        // S3-compatible servers (Ceph RGW, older MinIO) reject the SDK's default aws-chunked bodies with
        // trailing CRC32 checksums (HTTP 411); checksums are still sent where S3 requires them.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
    });
}
