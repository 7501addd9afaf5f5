/**
 * Read one raw object's bytes from S3, whole: the byte count must equal the size the listing gave
 * (the MD5 is checked where the bytes are scanned, on a worker thread). A cut or short body is a
 * network fault, retried with backoff, and never taken for a bad file.
 */
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import { S3Error } from "../errors.js";
import { toS3Error } from "../s3/index.js";
import type { RawObject } from "./month.js";

/** Reads of one object before the build gives up (each after the SDK's own retries of 5xx and throttling). */
export const RAW_READ_ATTEMPTS = 4;
const BACKOFF_BASE_MS = 200;

/** Options of readRawObject. */
export interface ReadRawOptions {
  /** Where the bytes go: a buffer of the object's size (the scan pool's, used again); default a new one. */
  buffer?: (size: number) => Buffer;
  /** Defaults to RAW_READ_ATTEMPTS. */
  attempts?: number;
  /** For testing only! Waits between attempts (defaults to exponential backoff with jitter). */
  sleep?: (attempt: number) => Promise<void>;
}

/** The bytes of a raw object did not arrive whole. */
class IncompleteBodyError extends Error {}

/**
 * The object's bytes, checked against the listing. S3 failures (missing key, no permission) throw
 * S3Error at once; network faults and incomplete bodies are retried, then throw S3Error saying so.
 * @example const bytes = await readRawObject(client, config, { key: "2019_jan_10_gid_requests.csv", size: 1234, etag: '"…"' })
 */
export async function readRawObject(
  client: S3Client,
  config: SiteConfig,
  object: RawObject,
  options: ReadRawOptions = {},
): Promise<Buffer> {
  const attempts = options.attempts ?? RAW_READ_ATTEMPTS;
  const sleep = options.sleep ?? backoff;
  const context = { operation: "read", bucket: config.raw.bucket, key: object.key, endpoint: config.endpoint };
  const target = (options.buffer ?? Buffer.allocUnsafeSlow)(object.size);
  for (let attempt = 1; ; attempt++) {
    try {
      return await readOnce(client, config.raw.bucket, object, target);
    } catch (error) {
      const failure = error instanceof IncompleteBodyError ? error : toS3Error(error, context);
      if ((failure instanceof S3Error && !isTransient(failure)) || attempt >= attempts) {
        throw gaveUp(failure, context, attempt);
      }
      await sleep(attempt);
    }
  }
}

async function readOnce(client: S3Client, bucket: string, object: RawObject, target: Buffer): Promise<Buffer> {
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: object.key }));
  if (object.etag && response.ETag && response.ETag !== object.etag) {
    throw new S3Error(
      `s3://${bucket}/${object.key} changed while the build was reading the bucket (its ETag is not the one listed)`,
      { code: "ObjectChanged", hint: "Run the build again once the upload of raw files has finished." },
    );
  }
  let length = 0;
  for await (const chunk of response.Body as AsyncIterable<Buffer>) {
    // more bytes than listed: the object changed or the answer is broken; counted, never written past the end
    if (length + chunk.length <= target.length) chunk.copy(target, length);
    length += chunk.length;
  }
  if (length !== object.size) {
    throw new IncompleteBodyError(`received ${length} of ${object.size} bytes`);
  }
  return target;
}

/** Codes worth another try: the network, timeouts, throttling and server errors. */
function isTransient(error: S3Error): boolean {
  if (error.code === "ObjectChanged" || error.code === "NoSuchKey" || error.code === "AccessDenied") return false;
  if (error.status !== undefined) return error.status >= 500 || error.status === 429;
  return true; // no HTTP answer: a reset, a timeout, a cut body
}

/** The S3Error that ends a read after `attempts` tries. */
export function gaveUp(failure: Error, context: { bucket: string; key: string }, attempts: number): S3Error {
  if (failure instanceof S3Error && !isTransient(failure)) return failure;
  const what =
    failure instanceof S3Error
      ? failure.message
      : `cannot read s3://${context.bucket}/${context.key}: ${failure.message}`;
  return new S3Error(`${what} (tried ${attempts} time${attempts === 1 ? "" : "s"})`, {
    code: failure instanceof S3Error ? failure.code : "IncompleteBody",
    hint: "The connection to S3 failed or the server sent incomplete data; this is not a problem of the file. Nothing was built; run the build again (the cache keeps the months already read).",
    cause: failure,
  });
}

function backoff(attempt: number): Promise<void> {
  const ms = BACKOFF_BASE_MS * 2 ** (attempt - 1) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
