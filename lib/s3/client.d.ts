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
export declare function createS3Client(config: Pick<SiteConfig, "region" | "endpoint" | "forcePathStyle">, options?: S3ClientOptions): S3Client;
