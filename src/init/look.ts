/** Look at the raw bucket for init's proposals: the first page of key names and one file's header. */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { toS3Error } from "../s3/index.js";
import { guessKeyPattern, parseHeader } from "./detect.js";

/** What the raw bucket suggests; fields are undefined when it holds nothing that fits. */
export interface RawBucketLook {
  /** How many keys were looked at (the first page, at most 1000). */
  keys: number;
  keyPattern?: string;
  /** The file whose header was read, and its columns. */
  sample?: { key: string; columns: string[] };
}

/** Header bytes read from a sample file; a header longer than this is cut (its last column may be partial). */
const HEADER_BYTES = 64 * 1024;

/** List the first page under the prefix, guess the key pattern, and read the header of one file that fits it. */
export async function lookAtRawBucket(client: S3Client, bucket: string, prefix: string): Promise<RawBucketLook> {
  const listing = await client
    .send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1000 }))
    .catch((error) => Promise.reject(toS3Error(error, { operation: "list", bucket })));
  const keys = (listing.Contents ?? []).map((o) => o.Key!).filter((k) => k && !k.endsWith("/"));
  const names = keys.map((k) => k.slice(prefix.length)).filter((n) => !n.includes("/"));
  const keyPattern = guessKeyPattern(names);
  const sampleKey = [...keys].reverse().find((k) => /\.csv$/i.test(k)) ?? keys.at(-1);
  if (!sampleKey) return { keys: keys.length, keyPattern };
  const object = await client
    .send(new GetObjectCommand({ Bucket: bucket, Key: sampleKey, Range: `bytes=0-${HEADER_BYTES - 1}` }))
    .catch((error) => Promise.reject(toS3Error(error, { operation: "read", bucket, key: sampleKey })));
  const text = (await object.Body?.transformToString("utf8")) ?? "";
  return { keys: keys.length, keyPattern, sample: { key: sampleKey, columns: parseHeader(text) } };
}
