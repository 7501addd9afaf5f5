// Who can really read an object (ACL grants, bucket policy, Block Public Access), and errors that say
// whether the bucket or the key is missing, against the real server.
import { PutObjectAclCommand, PutPublicAccessBlockCommand, S3Client } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, test } from "vitest";
import type { SiteConfig } from "../../src/config/index.js";
import { ensureSiteBucket } from "../../src/deploy/index.js";
import { memoryLogger } from "../../src/log.js";
import {
  downloadObject,
  MAX_EXPIRY_SECONDS,
  objectUrls,
  presignUrl,
  readObjectAcl,
  resolveBucket,
  setObjectAcl,
} from "../../src/share/index.js";
import { expectReportsiteError } from "../support/errors.js";
import { createBucket, tempDir, testClient, testConfig, testServer, uniqueBucket } from "../support/s3.js";

describe("access as it really is", () => {
  const client = testClient();
  let config: SiteConfig;

  beforeAll(async () => {
    config = testConfig({
      raw: { bucket: uniqueBucket("ac-raw") },
      site: { bucket: uniqueBucket("ac-site"), prefix: "reports", publicAccess: "policy" },
    });
    await createBucket(client, config.raw.bucket, { "a.csv": "raw" });
    await createBucket(client, config.site.bucket, { "reports/index.html": "site", "drafts/x.html": "draft" });
    await ensureSiteBucket(client, config, { logger: memoryLogger() }); // policy mode: s3:GetObject for everyone on reports/*
  });

  test("an object made public by the bucket policy is reported public, by the policy; one outside its prefix is not", async () => {
    const site = resolveBucket(config, "site");
    const published = await readObjectAcl(client, site, "reports/index.html");
    expect(published).toMatchObject({ publicRead: true, publicVia: ["bucket policy"], anyAwsAccount: false });
    expect((await fetch(objectUrls(config, site, "reports/index.html").objectUrl)).status).toBe(200);
    const draft = await readObjectAcl(client, site, "drafts/x.html");
    expect(draft).toMatchObject({ publicRead: false, publicVia: [] });
    expect((await fetch(objectUrls(config, site, "drafts/x.html").objectUrl)).status).toBe(403);
  });

  test("an AuthenticatedUsers grant is named as what it is: readable by any AWS account", async () => {
    const site = resolveBucket(config, "site");
    await client.send(
      new PutObjectAclCommand({ Bucket: site.bucket, Key: "drafts/x.html", ACL: "authenticated-read" }),
    );
    const access = await readObjectAcl(client, site, "drafts/x.html");
    expect(access).toMatchObject({ publicRead: false, anyAwsAccount: true });
    expect(access.grants).toContain("any AWS account (AuthenticatedUsers): READ");
    await setObjectAcl(client, site, "drafts/x.html", "private");
    expect((await readObjectAcl(client, site, "drafts/x.html")).anyAwsAccount).toBe(false);
  });

  test("IgnorePublicAcls makes a public-read grant ineffective, and the reading says so", async () => {
    const bucket = uniqueBucket("ac-ignore");
    await createBucket(client, bucket, { "k.txt": "x" });
    const target = { bucket, role: "other" as const };
    await setObjectAcl(client, target, "k.txt", "public-read");
    expect((await readObjectAcl(client, target, "k.txt")).publicRead).toBe(true);
    await client.send(
      new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { IgnorePublicAcls: true } }),
    );
    const access = await readObjectAcl(client, target, "k.txt");
    expect(access.publicRead).toBe(false);
    expect(access.notes).toContain(
      "the public-read ACL grant has no effect: Block Public Access setting IgnorePublicAcls is on.",
    );
    expect((await fetch(`${testServer().endpoint}/${bucket}/k.txt`)).status).toBe(403);
  });

  test("a missing bucket is named as such by share, acl and download; a missing key as no such object", async () => {
    const missing = { bucket: uniqueBucket("ac-nope"), role: "other" as const };
    const bucketGone = new RegExp(`: the bucket ${missing.bucket} does not exist$`);
    await expectReportsiteError(() => presignUrl(client, missing.bucket, "a.csv", 60), {
      name: "ShareError",
      message: bucketGone,
    });
    await expectReportsiteError(() => readObjectAcl(client, missing, "a.csv"), {
      name: "ShareError",
      message: bucketGone,
    });
    await expectReportsiteError(() => downloadObject(client, missing.bucket, "a.csv", { to: tempDir("ac-dl-") }), {
      name: "ShareError",
      message: bucketGone,
    });
    await expectReportsiteError(() => readObjectAcl(client, resolveBucket(config, "raw"), "b.csv"), {
      name: "ShareError",
      message: /: no such object$/,
    });
  });

  test("presignUrl refuses lifetimes a signature cannot have", async () => {
    for (const seconds of [0, -5, 1.5, Number.NaN, MAX_EXPIRY_SECONDS + 1]) {
      await expectReportsiteError(() => presignUrl(client, config.raw.bucket, "a.csv", seconds), {
        name: "ShareError",
        message: /a whole number of seconds from 1 to 604800/,
      });
    }
    expect((await presignUrl(client, config.raw.bucket, "a.csv", MAX_EXPIRY_SECONDS)).url).toMatch(
      /X-Amz-Expires=604800/,
    );
  });

  test("temporary credentials that outlive the URL: no warning", async () => {
    const s3 = testServer();
    const expiration = new Date(Date.now() + 3 * 3600_000);
    const temporary = new S3Client({
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: () =>
        Promise.resolve({ accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, expiration }),
    });
    const now = new Date();
    const link = await presignUrl(temporary, config.raw.bucket, "a.csv", 3600, now);
    expect(link.warning).toBeUndefined();
    expect(link.expiresAt).toEqual(new Date(now.getTime() + 3600_000));
  });

  test("a bucket with ACLs disabled: setting an ACL says so and points to the policy mode", async () => {
    // RGW cannot disable ACLs: the request is answered with the error AWS gives, and never sent
    const disabled = testClient();
    disabled.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "PutObjectAclCommand") {
          throw Object.assign(new Error("The bucket does not allow ACLs"), {
            name: "AccessControlListNotSupported",
            $metadata: { httpStatusCode: 400 },
          });
        }
        return next(args);
      },
      { step: "finalizeRequest", name: "aclsDisabled" },
    );
    const site = resolveBucket(config, "site");
    await expectReportsiteError(() => setObjectAcl(disabled, site, "reports/index.html", "public-read"), {
      name: "ShareError",
      message: /the bucket has ACLs disabled \(Object Ownership: bucket owner enforced\)/,
      hint: /"site\.publicAccess": "policy"/,
    });
  });
});
