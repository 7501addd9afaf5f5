/** The one place an S3 client is made: region, endpoint, path style, timeouts, the SDK's default credential chain. */
import { S3Client } from "@aws-sdk/client-s3";
import {
  S3_CONNECT_TIMEOUT_MS_DEFAULT,
  S3_MAX_ATTEMPTS_DEFAULT,
  S3_REQUEST_TIMEOUT_MS_DEFAULT,
  type S3Options,
  type SiteConfig,
} from "../config/index.js";

/** What createS3Client reads from the config; `s3` (timeouts, attempts) defaults as in site-config.json. */
export type S3ClientConfig = Pick<SiteConfig, "region" | "endpoint" | "forcePathStyle"> & {
  s3?: Partial<S3Options>;
};

/** Options for createS3Client beyond the config. */
export interface S3ClientOptions {
  /** Overrides `s3.maxAttempts` (e.g. 1 where a caller retries by itself). */
  maxAttempts?: number;
}

/**
 * An S3 client for the config's region and endpoint. Credentials are never read from the config:
 * the SDK's default chain resolves env variables, profiles, SSO and web identity.
 *
 * Every request has a connection timeout and an inactivity timeout (no answer, or no further bytes
 * of one, for `requestTimeoutMs`), so a stalled server fails an attempt instead of hanging the run;
 * the SDK's standard retry mode then retries it with backoff, like throttling, 5xx and resets.
 * @example const client = createS3Client(config); await client.send(new HeadBucketCommand({ Bucket: config.site.bucket }))
 */
export function createS3Client(config: S3ClientConfig, options: S3ClientOptions = {}): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    maxAttempts: options.maxAttempts ?? config.s3?.maxAttempts ?? S3_MAX_ATTEMPTS_DEFAULT,
    requestHandler: {
      connectionTimeout: config.s3?.connectTimeoutMs ?? S3_CONNECT_TIMEOUT_MS_DEFAULT,
      // socketTimeout is the inactivity timeout: it also covers a body that stops arriving mid-way, and
      // never cuts a slow upload or download that keeps making progress (a total timeout would).
      socketTimeout: config.s3?.requestTimeoutMs ?? S3_REQUEST_TIMEOUT_MS_DEFAULT,
    },
    // S3-compatible servers (Ceph RGW, older MinIO) reject the SDK's default aws-chunked bodies with
    // trailing CRC32 checksums (HTTP 411); checksums are still sent where S3 requires them.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}
