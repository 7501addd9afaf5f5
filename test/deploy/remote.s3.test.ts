import { createHash } from "node:crypto";
import { DeleteObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, test } from "vitest";
import { addRemoteHeaders, listRemote } from "../../src/deploy/index.js";
import { addRemoteAccess, type SiteBucket } from "../../src/deploy/remote.js";
import { createBucket, testClient, uniqueBucket } from "../support/s3.js";

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

describe("listRemote, addRemoteHeaders and addRemoteAccess on a real bucket", () => {
  const siteBucket: SiteBucket = { client: testClient(), bucket: uniqueBucket("remote"), prefix: "reports/" };
  // what reportsite stored at upload; the ETag of the bytes says otherwise (as after SSE-KMS, where
  // the ETag is not an MD5 of the content, or a multipart upload)
  const stored = md5("the content reportsite uploaded");

  beforeAll(async () => {
    await createBucket(siteBucket.client, siteBucket.bucket, { "reports/plain.csv": "a,b\n", "elsewhere.csv": "x" });
    await siteBucket.client.send(
      new PutObjectCommand({
        Bucket: siteBucket.bucket,
        Key: "reports/with-metadata.html",
        Body: "<p>hi</p>",
        ContentType: "text/html; charset=utf-8",
        CacheControl: "no-cache",
        Metadata: { "reportsite-md5": stored, "reportsite-access": "policy" },
      }),
    );
  });

  test("lists only the prefix, keys relative to it, MD5 from the ETag", async () => {
    const listed = await listRemote(siteBucket);
    expect(listed.map((o) => [o.key, o.size, o.md5])).toEqual([
      ["plain.csv", 4, md5("a,b\n")],
      ["with-metadata.html", 9, md5("<p>hi</p>")],
    ]);
  });

  test("the MD5 stored in metadata wins over the ETag; without metadata the ETag's MD5 stays", async () => {
    const listed = await listRemote(siteBucket);
    const objects = await addRemoteHeaders(siteBucket, listed, new Set(["plain.csv", "with-metadata.html"]));
    const byKey = new Map(objects.map((o) => [o.key, o]));
    expect(byKey.get("with-metadata.html")).toMatchObject({
      md5: stored,
      contentType: "text/html; charset=utf-8",
      cacheControl: "no-cache",
      access: "policy",
    });
    expect(byKey.get("plain.csv")?.md5).toBe(md5("a,b\n"));
    expect(byKey.get("plain.csv")?.access).toBeUndefined();
  });

  test("objects not asked for get no HEAD: their headers stay unknown", async () => {
    const objects = await addRemoteHeaders(siteBucket, await listRemote(siteBucket), new Set(["plain.csv"]));
    const other = objects.find((o) => o.key === "with-metadata.html");
    expect(other?.md5).toBe(md5("<p>hi</p>"));
    expect(other?.contentType).toBeUndefined();
  });

  test("an object deleted between the listing and its HEAD is left out, as a listing made now would", async () => {
    const gone: SiteBucket = { ...siteBucket, bucket: uniqueBucket("remote-gone") };
    await createBucket(gone.client, gone.bucket, { "reports/stays.csv": "a\n", "reports/goes.csv": "b\n" });
    const listed = await listRemote(gone);
    expect(listed.map((o) => o.key)).toEqual(["goes.csv", "stays.csv"]);
    // another deploy, holding the lock, deletes it after this one listed
    await gone.client.send(new DeleteObjectCommand({ Bucket: gone.bucket, Key: "reports/goes.csv" }));
    const objects = await addRemoteHeaders(gone, listed, new Set(["goes.csv", "stays.csv"]));
    expect(objects.map((o) => [o.key, o.contentType])).toEqual([["stays.csv", expect.any(String)]]);
  });

  test("an object deleted between the listing and its ACL request is left out too (deploy --verify-access)", async () => {
    const gone: SiteBucket = { ...siteBucket, bucket: uniqueBucket("remote-acl-gone") };
    await createBucket(gone.client, gone.bucket, { "reports/stays.csv": "a\n", "reports/goes.csv": "b\n" });
    const listed = await listRemote(gone);
    expect(listed.map((o) => o.key)).toEqual(["goes.csv", "stays.csv"]);
    await gone.client.send(new DeleteObjectCommand({ Bucket: gone.bucket, Key: "reports/goes.csv" }));
    const objects = await addRemoteAccess(gone, listed);
    expect(objects.map((o) => [o.key, typeof o.publicRead])).toEqual([["stays.csv", "boolean"]]);
  });

  test("a missing bucket still fails the ACL request: only a missing key is tolerated", async () => {
    const missing: SiteBucket = { ...siteBucket, bucket: uniqueBucket("remote-acl-no-bucket") };
    const listed = [{ key: "goes.csv", size: 2 }];
    await expect(addRemoteAccess(missing, listed)).rejects.toMatchObject({ code: "NoSuchBucket" });
  });
});
