import { ListBucketsCommand } from "@aws-sdk/client-s3";
import { expect, test } from "vitest";
import { createBucket, testClient, uniqueBucket } from "./support/s3.js";

test("the test S3 server answers and creates buckets", async () => {
  const client = testClient();
  const bucket = uniqueBucket("smoke");
  await createBucket(client, bucket, { "a.csv": "x\n1\n" });
  const { Buckets } = await client.send(new ListBucketsCommand({}));
  expect(Buckets?.map((b) => b.Name)).toContain(bucket);
});
