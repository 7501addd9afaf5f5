import { describe, expect, test } from "vitest";
import { listAllObjects } from "../../src/s3/index.js";
import { expectReportsiteError } from "../support/errors.js";
import { createBucket, testClient, uniqueBucket } from "../support/s3.js";

describe("listing every object", () => {
  test("follows the pages past 1,000 keys and leaves out folder markers", async () => {
    const client = testClient();
    const bucket = uniqueBucket("list-all");
    const objects = Object.fromEntries(
      Array.from({ length: 1003 }, (_, i) => [`p/${String(i).padStart(4, "0")}.csv`, "x"]),
    );
    await createBucket(client, bucket, { ...objects, "p/folder/": "", "other/x.csv": "x" });
    const { objects: listed, pages } = await listAllObjects(client, bucket, "p/");
    expect(pages).toBe(2);
    expect(listed.map((o) => o.Key)).toEqual(Object.keys(objects));
  });

  test("a page that says 'more follow' without a continuation token is an error, not the end", async () => {
    const client = testClient();
    const bucket = uniqueBucket("list-cut");
    await createBucket(client, bucket, { "a.csv": "x", "b.csv": "x" });
    // a server bug, reproduced on the real answer: the first page claims to be truncated and has no token
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        Object.assign(result.output as object, { IsTruncated: true, NextContinuationToken: undefined });
        return result;
      },
      { step: "initialize", name: "dropContinuationToken" },
    );
    await expectReportsiteError(() => listAllObjects(client, bucket, ""), {
      name: "S3Error",
      message:
        /page 1 says more keys follow but gives no continuation token; stopped rather than use part of the listing/,
    });
  });
});
