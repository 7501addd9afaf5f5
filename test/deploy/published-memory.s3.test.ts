/**
 * A deploy with nothing new does not ask every published object for its headers. What a
 * HEAD answered is remembered per object version (ETag + LastModified) in the cache folder; any
 * change to an object, even one that keeps its bytes, makes deploy ask again.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { beforeEach, describe, expect, test } from "vitest";
import type { SiteConfig } from "../../src/config/index.js";
import { testClient, testConfig, uniqueBucket } from "../support/s3.js";
import { deploy, readBack, rewriteHeaders, writeDist } from "./support.js";
import { DEPLOY_LOCK_KEY } from "../../src/site-names.js";

/**
 * A client that records the keys it sends HeadObject for (the site's objects: not the deploy lock,
 * which a deploy's lock may ask once to learn the server's If-Match form), and every command it sends.
 */
function headCounting(): S3Client & { heads: string[]; commands: string[] } {
  const client = Object.assign(testClient(), { heads: [] as string[], commands: [] as string[] });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      client.commands.push(context.commandName ?? "");
      const key = (args.input as { Key?: string }).Key;
      if (context.commandName === "HeadObjectCommand" && key !== DEPLOY_LOCK_KEY) client.heads.push(key!);
      return next(args);
    },
    { step: "initialize", name: "countHeads" },
  );
  return client;
}

const PAGE = (t: string) => `<!doctype html><title>${t}</title>`;
const FILES = {
  "index.html": "x",
  "error.html": PAGE("404"),
  "2019/jan/final_report.csv": "a\n1\n",
  "2019/jan/final_report.html": PAGE("jan"),
  "2019/feb/final_report.csv": "a\n2\n",
};

describe("the published-headers memory", () => {
  let config: SiteConfig;
  let client: S3Client & { heads: string[]; commands: string[] };

  beforeEach(async () => {
    config = testConfig({ raw: { bucket: uniqueBucket("mem-raw") }, site: { bucket: uniqueBucket("mem-site") } });
    client = headCounting();
    writeDist(config, FILES);
    await deploy(config, {}, { client }); // uploads everything
    await deploy(config, {}, { client }); // asks each new object once, and remembers
    client.heads.length = 0;
    client.commands.length = 0;
  });

  test("a deploy with nothing new sends no HEAD and lists the bucket once", async () => {
    const result = await deploy(config, {}, { client });
    expect(result.report?.uploaded).toEqual([]);
    expect(client.heads).toEqual([]);
    // the bucket's settings (5 requests, sent at once) and one listing, which index.html is rendered from too;
    // nothing to write, so no deploy lock is taken: not one GET or PUT (the lock costs a no-op nothing)
    expect(client.commands.filter((c) => c === "ListObjectsV2Command")).toHaveLength(1);
    expect(client.commands.filter((c) => c === "GetObjectCommand" || c === "PutObjectCommand")).toEqual([]);
    expect(client.commands).toHaveLength(6);
  });

  test("an object rewritten in place with other headers (same bytes, same ETag) is asked again and fixed", async () => {
    const key = "2019/jan/final_report.csv";
    await rewriteHeaders(client, config.site.bucket, key);
    const result = await deploy(config, {}, { client });
    expect(client.heads).toContain(key);
    expect(result.report?.uploaded).toContainEqual({ key, reason: "headers changed" });
    expect((await readBack(client, config, key)).contentType).toBe("text/csv; charset=utf-8");
  });

  test("an unreadable memory is ignored with a warning: every object is asked, nothing breaks", async () => {
    const { readdirSync } = await import("node:fs");
    const [memory] = readdirSync(config.cache).filter((f) => f.startsWith("published-"));
    expect(memory).toBeDefined();
    writeFileSync(join(config.cache, memory!), "{not json");
    const result = await deploy(config, {}, { client });
    expect(result.report?.uploaded).toEqual([]);
    expect(result.logger.warnings).toEqual([
      `ignoring ${join(config.cache, memory!)}: it is not JSON (damaged); every published file's headers are asked again`,
    ]);
    expect(client.heads.filter((k) => k !== "index.html").sort()).toEqual(
      Object.keys(FILES)
        .filter((k) => k !== "index.html")
        .sort(),
    );
  });
});
