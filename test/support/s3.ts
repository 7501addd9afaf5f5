/** Helpers for *.s3.test.ts: the running test server, configs that point at it, unique buckets. */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { inject } from "vitest";
import { configFromSpec, type SiteConfig, type SiteConfigSpec } from "../../src/config/index.js";
import { createS3Client } from "../../src/s3/index.js";

/** The server started by test/support/s3-server.ts. Also puts its credentials into process.env for the SDK chain. */
export function testServer() {
  const s3 = inject("s3");
  process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
  process.env.AWS_REGION = s3.region;
  return s3;
}

/** A bucket name nobody else in this run uses. */
export function uniqueBucket(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}`.toLowerCase().slice(0, 63);
}

/** A fresh temp folder (a project root for configs). */
export function tempDir(label = "reportsite-"): string {
  return mkdtempSync(join(tmpdir(), label));
}

/** A SiteConfig pointing at the test server; `output` defaults to a fresh temp dist. */
export function testConfig(
  spec: Partial<SiteConfigSpec> & { raw: SiteConfigSpec["raw"]; site: SiteConfigSpec["site"] },
  baseDir = tempDir(),
): SiteConfig {
  const s3 = testServer();
  return configFromSpec(
    {
      region: s3.region,
      endpoint: s3.endpoint,
      websiteEndpoint: s3.websiteEndpoint || undefined,
      output: "dist",
      ...spec,
    },
    { file: join(baseDir, "site-config.json"), baseDir },
  );
}

/** A client for the test server with the test credentials. */
export function testClient(): S3Client {
  const s3 = testServer();
  return createS3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true });
}

/** Create a bucket (private) and optionally fill it with objects. */
export async function createBucket(
  client: S3Client,
  bucket: string,
  objects: Record<string, string | Uint8Array> = {},
): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  await putObjects(client, bucket, objects);
}

/** Upload objects with bounded concurrency. */
export async function putObjects(
  client: S3Client,
  bucket: string,
  objects: Record<string, string | Uint8Array>,
  concurrency = 16,
): Promise<void> {
  const entries = Object.entries(objects);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, entries.length) }, async () => {
      while (next < entries.length) {
        const [key, body] = entries[next++]!;
        await client.send(
          new PutObjectCommand({ Bucket: bucket, Key: key, Body: typeof body === "string" ? Buffer.from(body) : body }),
        );
      }
    }),
  );
}

/** A client that counts the GetObject requests it sends (raw data reads). */
export function countingClient(): S3Client & { gets: string[] } {
  const client = testClient() as S3Client & { gets: string[] };
  client.gets = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === "GetObjectCommand") client.gets.push((args.input as { Key: string }).Key);
      return next(args);
    },
    { step: "initialize", name: "countGets" },
  );
  return client;
}
