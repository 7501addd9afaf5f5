/** Stream one raw object from S3 into the CSV parser (no download to disk). */
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { Readable } from "node:stream";
import type { SiteConfig } from "../config/index.js";
import { SourceError } from "../errors.js";
import { toS3Error } from "../s3/index.js";
import { parseCsvStream, type ParseOptions, type RawFile } from "./parse.js";

/** Read and parse one raw CSV object. S3 failures become S3Error, bad content SourceError (key + line). */
export async function readCsvObject(
  client: S3Client,
  config: SiteConfig,
  key: string,
  options: ParseOptions,
): Promise<RawFile> {
  let body: Readable;
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: config.raw.bucket, Key: key }));
    body = response.Body as Readable;
  } catch (error) {
    throw toS3Error(error, { operation: "read", bucket: config.raw.bucket, key, endpoint: config.endpoint });
  }
  try {
    return await parseCsvStream(body, key, options);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw toS3Error(error, { operation: "read", bucket: config.raw.bucket, key, endpoint: config.endpoint });
  }
}
