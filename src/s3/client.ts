/** The one place an S3 client is made: region, endpoint, path style, the SDK's default credential chain. */
import { S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";

/** Options for createS3Client beyond the config (tests use them to inject middleware). */
export interface S3ClientOptions {
  /** Defaults to 3 attempts (the SDK's standard retry mode retries 5xx and throttling). */
  maxAttempts?: number;
}

/**
 * An S3 client for the config's region and endpoint. Credentials are never read from the config:
 * the SDK's default chain resolves env variables, profiles, SSO and web identity.
 */
export function createS3Client(
  config: Pick<SiteConfig, "region" | "endpoint" | "forcePathStyle">,
  options: S3ClientOptions = {},
): S3Client {
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
