// Fills the demo's private raw bucket with its generated daily exports (scripts/sample/demo-months.ts:
// 26 months, the last with a planted spike and a new service).
// Uses site-config.json (the demo server's endpoint) and the credentials in the environment.
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { loadConfig } from "../src/config/index.ts";
import { createS3Client } from "../src/s3/index.ts";
import { demoFiles } from "./sample/demo-months.ts";

const config = await loadConfig(process.argv[2] ?? "site-config.json");
const client = createS3Client(config);
await client.send(new CreateBucketCommand({ Bucket: config.raw.bucket })).catch((e: Error) => {
  if (e.name !== "BucketAlreadyOwnedByYou") throw e;
});
const files = demoFiles();
let next = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < files.length) {
      const file = files[next++]!;
      await client.send(
        new PutObjectCommand({
          Bucket: config.raw.bucket,
          Key: `${config.raw.prefix}${file.key}`,
          Body: Buffer.from(file.body),
          ContentType: "text/csv",
        }),
      );
    }
  }),
);
console.log(
  `uploaded ${files.length} daily files (2017-12 .. 2020-01) to the private bucket s3://${config.raw.bucket}/${config.raw.prefix}`,
);
