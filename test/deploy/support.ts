/** Helpers for deploy tests: a dist/ folder on disk, the deploy effects, reading the bucket back. */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  CopyObjectCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from "@aws-sdk/client-s3";
import { deploySite, type DeployEffects, type DeployOptions, type DeployResult } from "../../src/deploy/index.js";
import type { SiteConfig } from "../../src/config/index.js";
import { memoryLogger } from "../../src/log.js";
import { renderIndexPage } from "../../src/render/index.js";
import { BUILD_MARKER } from "../../src/site/index.js";
import { DEPLOY_LOCK_KEY } from "../../src/site-names.js";
import { testServer } from "../support/s3.js";

/** Replace the config's output folder with exactly these files, marked as a build (deploy publishes only builds). */
export function writeDist(config: SiteConfig, files: Record<string, string | Buffer>): void {
  rmSync(config.output, { recursive: true, force: true });
  mkdirSync(config.output, { recursive: true });
  writeFileSync(join(config.output, BUILD_MARKER), "");
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(config.output, path)), { recursive: true });
    writeFileSync(join(config.output, path), body);
  }
}

/** Run a deploy the way the CLI does; returns the result and what it logged. */
export async function deploy(
  config: SiteConfig,
  options: DeployOptions = {},
  extra: Pick<DeployEffects, "client" | "multipartThreshold" | "ahead"> = {},
): Promise<DeployResult & { logger: ReturnType<typeof memoryLogger> }> {
  const logger = memoryLogger();
  const result = await deploySite(config, options, {
    logger,
    renderIndex: (entries) => renderIndexPage(entries, { title: config.site.title }),
    ...extra,
  });
  return { ...result, logger };
}

/** Keys (relative to the prefix) in the site bucket, but the deploy lock, which every deploy leaves (released). */
export async function bucketKeys(client: S3Client, config: SiteConfig): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: config.site.bucket,
        Prefix: config.site.prefix || undefined,
        ContinuationToken: token,
      }),
    );
    keys.push(...(page.Contents ?? []).map((o) => o.Key!.slice(config.site.prefix.length)));
    token = page.NextContinuationToken;
  } while (token);
  return keys.filter((key) => key !== DEPLOY_LOCK_KEY).sort();
}

/** An object's bytes, Content-Type and whether AllUsers may read it (its ACL). */
export async function readBack(
  client: S3Client,
  config: SiteConfig,
  key: string,
): Promise<{ body: string; contentType?: string; cacheControl?: string; publicRead: boolean }> {
  const object = await client.send(new GetObjectCommand({ Bucket: config.site.bucket, Key: config.site.prefix + key }));
  const acl = await client.send(new GetObjectAclCommand({ Bucket: config.site.bucket, Key: config.site.prefix + key }));
  const publicRead = (acl.Grants ?? []).some(
    (g) => g.Grantee?.URI === "http://acs.amazonaws.com/groups/global/AllUsers" && g.Permission === "READ",
  );
  return {
    body: await object.Body!.transformToString(),
    contentType: object.ContentType,
    cacheControl: object.CacheControl,
    publicRead,
  };
}

/** An anonymous GET through the website endpoint (no credentials), the way a visitor fetches a page. */
export function websiteGet(config: SiteConfig, key: string): Promise<Response> {
  const encoded = key.split("/").map(encodeURIComponent).join("/");
  return fetch(
    `${testServer().websiteEndpoint}/${config.site.bucket}/${config.site.prefix.split("/").map(encodeURIComponent).join("/")}${encoded}`,
    { redirect: "manual" },
  );
}

/** The hrefs of index.html's file table. */
export function indexLinks(html: string): string[] {
  return [...html.matchAll(/<td><a href="([^"]+)">/g)].map((m) => m[1]!);
}

/** Rewrite a published object in place with other headers (Content-Type text/plain): the same bytes and ETag. */
export async function rewriteHeaders(client: S3Client, bucket: string, key: string): Promise<void> {
  await client.send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: key,
      CopySource: `${bucket}/${key}`,
      MetadataDirective: "REPLACE",
      ContentType: "text/plain",
    }),
  );
}
