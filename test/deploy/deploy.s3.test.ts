import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  CopyObjectCommand,
  GetBucketWebsiteCommand,
  HeadObjectCommand,
  PutBucketWebsiteCommand,
  PutPublicAccessBlockCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { ensureSiteBucket } from "../../src/deploy/index.js";
import { memoryLogger } from "../../src/log.js";
import { beforeAll, describe, expect, test } from "vitest";
import type { SiteConfig } from "../../src/config/index.js";
import { expectReportsiteError } from "../support/errors.js";
import { createBucket, testClient, testConfig, testServer, uniqueBucket } from "../support/s3.js";
import { bucketKeys, deploy, indexLinks, readBack, websiteGet, writeDist } from "./support.js";

const PAGE = (title: string) => `<!doctype html><title>${title}</title><p>${title}</p>`;
const jan = {
  "index.html": "local index, replaced by the one rendered from the bucket",
  "error.html": PAGE("not found"),
  "assets/chart.js": "void 0;",
  "2019/jan/final_report.csv": "service_name,count\nPothole,2\n",
  "2019/jan/final_report.html": PAGE("jan table"),
  "2019/jan/final_chart.html": PAGE("jan chart"),
  "2019/jan/a b+c#d é.csv": "odd,name\n1,2\n",
};

describe("deploy, step by step on a real bucket", () => {
  const client = testClient();
  let config: SiteConfig;
  let rawKey: string;

  beforeAll(async () => {
    config = testConfig({
      raw: { bucket: uniqueBucket("dep-raw") },
      site: { bucket: uniqueBucket("dep-site"), prefix: "reports", title: "Deploy test" },
    });
    rawKey = "2019_jan_01_gid_requests.csv";
    await createBucket(client, config.raw.bucket, { [rawKey]: "service_name,case_record_type\nPothole,Request\n" });
  });

  test("1. first deploy creates the bucket and uploads everything; anonymous visitors get every page", async () => {
    expect((await fetch(`${testServer().endpoint}/${config.raw.bucket}/${rawKey}`)).status).toBe(403);
    writeDist(config, jan);
    const { report, url, logger } = await deploy(config);
    expect(logger.lines).toContain(
      `site bucket ${config.site.bucket} does not exist; creating it (as \`reportsite setup\` does)`,
    );
    expect(report!.uploaded.map((u) => u.reason)).toEqual([...Array(6).fill("new"), "index"]);
    expect(url).toBe(`${testServer().websiteEndpoint}/${config.site.bucket}/reports/`);
    expect(await bucketKeys(client, config)).toEqual([...Object.keys(jan)].sort());
    for (const key of Object.keys(jan).filter((k) => k !== "index.html")) {
      const object = await readBack(client, config, key);
      expect(object.body, key).toBe(jan[key as keyof typeof jan]);
      expect(object.publicRead, key).toBe(true);
    }
    expect((await readBack(client, config, "2019/jan/final_report.csv")).contentType).toBe("text/csv; charset=utf-8");
    expect((await readBack(client, config, "assets/chart.js")).cacheControl).toBe("public, max-age=3600");
    const index = await websiteGet(config, "");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const links = indexLinks(await index.text());
    expect(links).toEqual([
      "2019/jan/a%20b%2Bc%23d%20%C3%A9.csv",
      "2019/jan/final_chart.html",
      "2019/jan/final_report.csv",
      "2019/jan/final_report.html",
    ]);
    for (const link of links) {
      const response = await fetch(new URL(link, url));
      expect(response.status, link).toBe(200);
      expect(response.headers.get("content-type"), link).toMatch(/^text\/(html|csv); charset=utf-8$/);
    }
    expect((await websiteGet(config, "2019/jan/missing.html")).status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${testServer().endpoint}/${config.raw.bucket}/${rawKey}`)).status).toBe(403);
  });

  test("2. the same dist/ again: zero uploads, zero deletes", async () => {
    const { report, logger } = await deploy(config);
    expect(report!.uploaded).toEqual([]);
    expect(report!.deleted).toEqual([]);
    expect(logger.lines.at(-1)).toBe("No changes required (6 files unchanged).");
  });

  test("3. next month's run has only February: January stays published and listed", async () => {
    writeDist(config, {
      "index.html": "x",
      "error.html": jan["error.html"],
      "assets/chart.js": jan["assets/chart.js"],
      "2019/feb/final_report.csv": "service_name,count\nGraffiti,1\n",
      "2019/feb/final_report.html": PAGE("feb table"),
    });
    const { report, plan } = await deploy(config);
    expect(report!.uploaded.map((u) => u.key)).toEqual([
      "2019/feb/final_report.csv",
      "2019/feb/final_report.html",
      "index.html",
    ]);
    expect(plan.leftInPlace).toHaveLength(4);
    const links = indexLinks(await (await websiteGet(config, "")).text());
    expect(links).toContain("2019/jan/final_report.html");
    expect(links).toContain("2019/feb/final_report.html");
  });

  test("4. dry run with --delete prints the plan and changes nothing", async () => {
    const before = await bucketKeys(client, config);
    const { plan, report, logger } = await deploy(config, { dryRun: true, delete: true });
    expect(report).toBeUndefined();
    expect(plan.deletes).toEqual([
      "2019/jan/a b+c#d é.csv",
      "2019/jan/final_chart.html",
      "2019/jan/final_report.csv",
      "2019/jan/final_report.html",
    ]);
    expect(logger.lines).toContain("delete 2019/jan/final_report.html: not in dist/");
    expect(await bucketKeys(client, config)).toEqual(before);
  });

  test("5. --delete over the cap deletes nothing and says how to go on; with --max-deletes it deletes, index first", async () => {
    const before = await bucketKeys(client, config);
    const capped = await deploy(config, { delete: true, maxDeletes: 3 });
    const stale = [
      "2019/jan/a b+c#d é.csv",
      "2019/jan/final_chart.html",
      "2019/jan/final_report.csv",
      "2019/jan/final_report.html",
    ];
    expect(capped.plan.blockedDeletes).toEqual({ count: 4, max: 3 });
    expect(capped.plan.leftInPlace).toEqual(stale);
    expect(capped.report!.leftInPlace).toBe(4);
    // read the bucket back: every stale key is still published
    expect(before).toEqual(expect.arrayContaining(stale));
    expect(await bucketKeys(client, config)).toEqual(before);
    expect(capped.logger.warnings).toContain(
      "not deleting 4 stale files: more than --max-deletes 3. Raise it (--max-deletes 4) or pass --force.",
    );
    const { report } = await deploy(config, { delete: true, maxDeletes: 4 });
    expect(report!.deleted).toHaveLength(4);
    expect(report!.uploaded.map((u) => u.key)).toEqual(["index.html"]);
    expect(await bucketKeys(client, config)).toEqual([
      "2019/feb/final_report.csv",
      "2019/feb/final_report.html",
      "assets/chart.js",
      "error.html",
      "index.html",
    ]);
    expect(indexLinks(await (await websiteGet(config, "")).text())).toEqual([
      "2019/feb/final_report.csv",
      "2019/feb/final_report.html",
    ]);
  });

  test("6. modify one file, delete one, add one: exactly 2 uploads (+ index) and 1 delete; then 0 again", async () => {
    writeDist(config, {
      "index.html": "x",
      "error.html": jan["error.html"],
      "assets/chart.js": jan["assets/chart.js"],
      "2019/feb/final_report.csv": "service_name,count\nGraffiti,2\n",
      "2019/mar/final_report.csv": "service_name,count\nPothole,9\n",
    });
    const { report } = await deploy(config, { delete: true });
    expect(report!.uploaded.map((u) => [u.key, u.reason])).toEqual([
      ["2019/feb/final_report.csv", "content changed"],
      ["2019/mar/final_report.csv", "new"],
      ["index.html", "index"],
    ]);
    expect(report!.deleted).toEqual(["2019/feb/final_report.html"]);
    expect((await readBack(client, config, "2019/feb/final_report.csv")).body).toBe("service_name,count\nGraffiti,2\n");
    const again = await deploy(config, { delete: true });
    expect(again.report!.uploaded).toEqual([]);
    expect(again.report!.deleted).toEqual([]);
  });

  test("7. a file never goes outside the site prefix, and other prefixes are never deleted", async () => {
    for (const key of ["other/keep.txt", "reports-old/keep.txt"])
      await client.send(new PutObjectCommand({ Bucket: config.site.bucket, Key: key, Body: "not ours" }));
    const { report } = await deploy(config, { delete: true, force: true });
    expect(report!.deleted.every((k) => k.startsWith("reports/"))).toBe(true);
    // listed without the prefix: what lies beside the site ("reports-old/" shares its first letters) is untouched
    const everything = await bucketKeys(client, { ...config, site: { ...config.site, prefix: "" } });
    expect(everything.filter((k) => !k.startsWith("reports/"))).toEqual(["other/keep.txt", "reports-old/keep.txt"]);
    expect(everything.filter((k) => k.startsWith("reports/")).length).toBeGreaterThan(0);
  });

  test("8. an empty folder, or another project's site with an index.html, is refused before anything is uploaded or deleted", async () => {
    const before = await bucketKeys(client, config);
    const refused =
      /is not a site written by `reportsite build` \(no \.reportsite-build marker or no index\.html\); nothing was uploaded or deleted/;
    rmSync(config.output, { recursive: true, force: true });
    mkdirSync(config.output, { recursive: true });
    await expectReportsiteError(() => deploy(config, { delete: true, force: true }), {
      name: "DeployError",
      message: refused,
    });
    writeFileSync(join(config.output, "index.html"), "<h1>another project</h1>");
    await expectReportsiteError(() => deploy(config, { delete: true, force: true }), {
      name: "DeployError",
      message: refused,
    });
    expect(await bucketKeys(client, config)).toEqual(before);
  });
});

describe("public access modes", () => {
  const client = testClient();

  test("policy mode: a bucket policy makes the site public; objects carry no public ACL; the raw bucket stays private", async () => {
    const config = testConfig({
      raw: { bucket: uniqueBucket("pol-raw") },
      site: { bucket: uniqueBucket("pol-site"), publicAccess: "policy" },
    });
    await createBucket(client, config.raw.bucket, { "2019_jan_01_gid_requests.csv": "service_name\nPothole\n" });
    writeDist(config, { "index.html": "x", "error.html": PAGE("404"), "2019/jan/final_report.csv": "a,b\n1,2\n" });
    const { report, logger } = await deploy(config);
    expect(
      logger.lines.some((l) =>
        /grant public s3:GetObject on pol-site-[0-9a-f]+\/\* with a bucket policy statement/.test(l),
      ),
    ).toBe(true);
    expect(report!.uploaded).toHaveLength(3);
    expect((await readBack(client, config, "2019/jan/final_report.csv")).publicRead).toBe(false);
    const response = await websiteGet(config, "2019/jan/final_report.csv");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("a,b\n1,2\n");
    expect((await fetch(`${testServer().endpoint}/${config.raw.bucket}/2019_jan_01_gid_requests.csv`)).status).toBe(
      403,
    );
  });

  test("a header changed behind our back (Content-Type set by another tool) is re-uploaded as 'headers changed'", async () => {
    const config = testConfig({ raw: { bucket: uniqueBucket("hdr-raw") }, site: { bucket: uniqueBucket("hdr-site") } });
    writeDist(config, { "index.html": "x", "2019/jan/final_report.csv": "a\n1\n", "notes.weird": "?" });
    const first = await deploy(config);
    expect(first.logger.warnings).toEqual(["notes.weird: unknown file type, uploaded as application/octet-stream"]);
    expect((await readBack(client, config, "notes.weird")).contentType).toBe("application/octet-stream");
    // same bytes, same metadata, another Content-Type: what a console edit or `aws s3 cp --content-type` leaves
    const head = await client.send(
      new HeadObjectCommand({ Bucket: config.site.bucket, Key: "2019/jan/final_report.csv" }),
    );
    await client.send(
      new CopyObjectCommand({
        Bucket: config.site.bucket,
        Key: "2019/jan/final_report.csv",
        CopySource: `${config.site.bucket}/2019/jan/final_report.csv`,
        MetadataDirective: "REPLACE",
        Metadata: head.Metadata,
        CacheControl: head.CacheControl,
        ContentType: "text/plain",
        ACL: "public-read",
      }),
    );
    expect((await readBack(client, config, "2019/jan/final_report.csv")).contentType).toBe("text/plain");
    const { report } = await deploy(config);
    expect(report!.uploaded.map((u) => [u.key, u.reason])).toEqual([
      ["2019/jan/final_report.csv", "headers changed"],
      ["index.html", "index"],
    ]); // the index shows the new date
    expect((await readBack(client, config, "2019/jan/final_report.csv")).contentType).toBe("text/csv; charset=utf-8");
  });

  test("switching acl -> policy re-uploads every file (headers changed)", async () => {
    const spec = { raw: { bucket: uniqueBucket("sw-raw") }, site: { bucket: uniqueBucket("sw-site") } };
    const acl = testConfig({ ...spec, site: { ...spec.site, publicAccess: "acl" } });
    writeDist(acl, { "index.html": "x", "2019/jan/final_report.csv": "a\n1\n" });
    await deploy(acl);
    const policy = testConfig(
      { ...spec, site: { ...spec.site, publicAccess: "policy" } },
      acl.output.replace(/\/dist$/, ""),
    );
    const { report } = await deploy(policy);
    expect(report!.uploaded.map((u) => [u.key, u.reason])).toEqual([
      ["2019/jan/final_report.csv", "headers changed"],
      ["index.html", "index"],
    ]);
  });

  test("acl mode with Block Public Access fails naming the setting, before anything is uploaded", async () => {
    const config = testConfig({
      raw: { bucket: uniqueBucket("bpa-raw") },
      site: { bucket: uniqueBucket("bpa-site"), publicAccess: "acl" },
    });
    await createBucket(client, config.site.bucket);
    await client.send(
      new PutPublicAccessBlockCommand({
        Bucket: config.site.bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: false,
          BlockPublicPolicy: false,
          RestrictPublicBuckets: false,
        },
      }),
    );
    writeDist(config, { "index.html": "x", "2019/jan/final_report.csv": "a\n1\n" });
    const error = await expectReportsiteError(() => deploy(config), {
      name: "DeployError",
      message:
        /cannot be made public with public-read ACLs: Block Public Access setting BlockPublicAcls is on\. Nothing was uploaded or changed\./,
    });
    expect(error.hint).toContain(
      "--public-access-block-configuration BlockPublicAcls=false,IgnorePublicAcls=false,BlockPublicPolicy=false,RestrictPublicBuckets=false",
    );
    expect(error.hint).toContain('"site.publicAccess": "policy"');
    expect(await bucketKeys(client, config)).toEqual([]);
  });

  // (Ceph RGW 16 refuses every PutObject while BlockPublicAcls is on, unlike AWS, so this uses IgnorePublicAcls.)
  test("auto mode falls back to the policy when public ACLs would be ignored, and names both settings when both are blocked", async () => {
    const config = testConfig({
      raw: { bucket: uniqueBucket("auto-raw") },
      site: { bucket: uniqueBucket("auto-site") },
    });
    await createBucket(client, config.site.bucket);
    await client.send(
      new PutPublicAccessBlockCommand({
        Bucket: config.site.bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: false,
          IgnorePublicAcls: true,
          BlockPublicPolicy: false,
          RestrictPublicBuckets: false,
        },
      }),
    );
    writeDist(config, { "index.html": "x", "2019/jan/final_report.csv": "a\n1\n" });
    await deploy(config);
    expect((await websiteGet(config, "2019/jan/final_report.csv")).status).toBe(200);
    await client.send(
      new PutPublicAccessBlockCommand({
        Bucket: config.site.bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: false,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: false,
        },
      }),
    );
    writeDist(config, { "index.html": "x", "2019/jan/final_report.csv": "a\n2\n" });
    const error = await expectReportsiteError(() => deploy(config), {
      name: "DeployError",
      message:
        /cannot be made public with both public-read ACLs and a public bucket policy: Block Public Access setting IgnorePublicAcls is on; Block Public Access setting BlockPublicPolicy is on\. Nothing was uploaded or changed\./,
    });
    // the smallest route is the policy: only BlockPublicPolicy needs to go, IgnorePublicAcls may stay
    expect(error.hint).toContain(
      "with a bucket policy (the smallest change), turn these settings off: aws s3api put-public-access-block --bucket auto-site-",
    );
    expect(error.hint).toContain(
      "--public-access-block-configuration BlockPublicAcls=false,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false",
    );
    expect(await (await websiteGet(config, "2019/jan/final_report.csv")).text()).toBe("a\n1\n");
  });

  test("a new bucket with AWS's defaults (Block Public Access on, ACLs disabled): created, said to be private and empty, with the policy route", async () => {
    const config = testConfig({ raw: { bucket: uniqueBucket("new-raw") }, site: { bucket: uniqueBucket("new-site") } });
    // RGW creates buckets open; the real answers to these two reads are replaced by what AWS answers for a new bucket
    const awsDefaults = testClient();
    awsDefaults.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === "GetPublicAccessBlockCommand")
          Object.assign(result.output as object, {
            PublicAccessBlockConfiguration: {
              BlockPublicAcls: true,
              IgnorePublicAcls: true,
              BlockPublicPolicy: true,
              RestrictPublicBuckets: true,
            },
          });
        if (context.commandName === "GetBucketOwnershipControlsCommand")
          Object.assign(result.output as object, {
            OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
          });
        return result;
      },
      { step: "initialize", name: "awsNewBucketDefaults" },
    );
    writeDist(config, { "index.html": "x", "2019/jan/final_report.csv": "a\n1\n" });
    const error = await expectReportsiteError(() => deploy(config, {}, { client: awsDefaults }), {
      name: "DeployError",
      message: /The bucket was created and is private and empty; nothing was uploaded\.$/,
    });
    expect(error.message).toContain('Object Ownership is "Bucket owner enforced" (ACLs are disabled)');
    expect(error.hint).toContain(
      "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false",
    );
    expect(error.hint).not.toContain("put-bucket-ownership-controls");
    expect(error.cause).toBeUndefined(); // one message, not a second one contradicting it
    expect(await bucketKeys(client, config)).toEqual([]);
  });

  test("switching policy -> acl warns that the policy statement still makes the whole prefix public", async () => {
    const spec = {
      raw: { bucket: uniqueBucket("back-raw") },
      site: { bucket: uniqueBucket("back-site"), publicAccess: "policy" as const },
    };
    const policy = testConfig(spec);
    writeDist(policy, { "index.html": "x", "2019/jan/final_report.csv": "a\n1\n" });
    expect((await deploy(policy)).logger.warnings).toEqual([]);
    const acl = testConfig(
      { ...spec, site: { ...spec.site, publicAccess: "acl" } },
      policy.output.replace(/\/dist$/, ""),
    );
    const { logger } = await deploy(acl);
    expect(logger.warnings).toEqual([
      expect.stringMatching(
        /still has the ReportsitePublicRead statement from policy mode: every object below the site prefix stays public whatever its ACL/,
      ),
    ]);
  });

  test("setup keeps the website's routing rules when it sets the index and error documents", async () => {
    const config = testConfig({ raw: { bucket: uniqueBucket("rr-raw") }, site: { bucket: uniqueBucket("rr-site") } });
    await createBucket(client, config.site.bucket);
    const RoutingRules = [{ Condition: { KeyPrefixEquals: "old/" }, Redirect: { ReplaceKeyPrefixWith: "2019/" } }];
    await client.send(
      new PutBucketWebsiteCommand({
        Bucket: config.site.bucket,
        WebsiteConfiguration: { IndexDocument: { Suffix: "home.html" }, RoutingRules },
      }),
    );
    await ensureSiteBucket(client, config, { logger: memoryLogger() });
    const website = await client.send(new GetBucketWebsiteCommand({ Bucket: config.site.bucket }));
    expect(website.IndexDocument?.Suffix).toBe("index.html");
    expect(website.ErrorDocument?.Key).toBe("error.html");
    expect(website.RoutingRules).toMatchObject(RoutingRules);
  });
});

describe("large files", () => {
  test("a multipart upload is recognised on the next run by the MD5 in its metadata", async () => {
    const client = testClient();
    const config = testConfig({ raw: { bucket: uniqueBucket("mp-raw") }, site: { bucket: uniqueBucket("mp-site") } });
    const big = Buffer.alloc(6 * 1024 * 1024 + 123, "x");
    writeDist(config, { "index.html": "x", "data/big.csv": big });
    const first = await deploy(config, {}, { multipartThreshold: 5 * 1024 * 1024 });
    expect(first.report!.uploaded.map((u) => u.key)).toEqual(["data/big.csv", "index.html"]);
    const head = await client.send(new HeadObjectCommand({ Bucket: config.site.bucket, Key: "data/big.csv" }));
    expect(head.ETag).toMatch(/-2"$/);
    expect(head.ContentLength).toBe(big.byteLength);
    const second = await deploy(config, {}, { multipartThreshold: 5 * 1024 * 1024 });
    expect(second.report!.uploaded).toEqual([]);
  });
});
