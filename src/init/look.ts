/** Look at the raw bucket for init's proposals: the key names, and the first rows of a few files. */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { toS3Error } from "../s3/index.js";
import { parseCsvSample, type CsvSample } from "./csv-sample.js";
import { countMatching, proposeKeyLayout, type KeyLayout } from "./key-layout.js";

/** Keys listed at most (a few pages): enough to see how the exports are named. */
const KEYS_LOOKED_AT_MAX = 5000;
/** Bytes read from the start of each sampled file. */
const SAMPLE_BYTES = 64 * 1024;
/** Files whose first rows are sampled (the newest, the oldest and one between). */
const SAMPLE_FILES = 3;

/** What the raw bucket holds below the prefix init was given. */
export interface RawBucketLook {
  /** Key names relative to the given prefix (folder markers left out). */
  names: string[];
  /** More keys than KEYS_LOOKED_AT_MAX: only the first were looked at. */
  truncated: boolean;
  /** The given prefix and pattern, or those proposed from the names; undefined when nothing is dated. */
  layout?: KeyLayout;
  /** The header and first rows of a few files the layout selects (or any CSV when it selects none). */
  sample?: CsvSample & { keys: string[] };
}

/** What the user already chose: a given pattern is checked, not replaced. */
export interface LookOptions {
  bucket: string;
  /** Empty or ending in `/`. */
  prefix: string;
  keyPattern?: string;
}

/** List the keys under the prefix, propose (or check) the layout, and sample a few of the files it selects. */
export async function lookAtRawBucket(client: S3Client, options: LookOptions): Promise<RawBucketLook> {
  const { names, truncated } = await listNames(client, options);
  const layout =
    options.keyPattern === undefined
      ? proposeKeyLayout(names)
      : {
          prefix: "",
          keyPattern: options.keyPattern,
          matched: countMatching(names, "", options.keyPattern),
          total: names.length,
        };
  const keys = sampleKeys(names, layout).map((n) => options.prefix + n);
  if (keys.length === 0) return { names, truncated, layout };
  const samples = await Promise.all(keys.map((key) => readStart(client, options.bucket, key)));
  const header = samples.find((s) => s.header.length > 0)?.header ?? [];
  const rows = samples.filter((s) => s.header.join(",") === header.join(",")).flatMap((s) => s.rows);
  return { names, truncated, layout, sample: { keys, header, rows } };
}

async function listNames(client: S3Client, { bucket, prefix }: LookOptions) {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await client
      .send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
      .catch((error) => Promise.reject(toS3Error(error, { operation: "list", bucket })));
    for (const o of page.Contents ?? []) if (o.Key && !o.Key.endsWith("/")) names.push(o.Key.slice(prefix.length));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token && names.length < KEYS_LOOKED_AT_MAX);
  return { names, truncated: token !== undefined };
}

/** The newest, oldest and a middle file the layout selects; any CSV files when it selects none. */
function sampleKeys(names: readonly string[], layout: KeyLayout | undefined): string[] {
  let chosen = layout
    ? names.filter((n) => n.startsWith(layout.prefix) && countMatching([n], layout.prefix, layout.keyPattern) === 1)
    : [];
  if (chosen.length === 0) chosen = names.filter((n) => /\.csv$/i.test(n));
  const picks = [chosen.at(-1), chosen[0], chosen[Math.floor(chosen.length / 2)]];
  return [...new Set(picks.filter((k): k is string => k !== undefined))].slice(0, SAMPLE_FILES);
}

async function readStart(client: S3Client, bucket: string, key: string): Promise<CsvSample> {
  const object = await client
    .send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${SAMPLE_BYTES - 1}` }))
    .catch((error) => Promise.reject(toS3Error(error, { operation: "read", bucket, key })));
  const text = (await object.Body?.transformToString("utf8")) ?? "";
  const size = Number(/\/(\d+)$/.exec(object.ContentRange ?? "")?.[1] ?? text.length);
  return parseCsvSample(text, size > SAMPLE_BYTES);
}
