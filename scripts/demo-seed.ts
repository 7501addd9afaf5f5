// Fills the demo's private raw bucket with three months of generated daily exports, with the
// case_age_days column and the "Closed" status the reports of site-config.json read.
// Uses site-config.json (the demo server's endpoint) and the credentials in the environment.
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { loadConfig } from "../src/config/index.ts";
import { createS3Client } from "../src/s3/index.ts";
import { generateMonth } from "./sample/generate.ts";

const config = await loadConfig(process.argv[2] ?? "site-config.json");
const client = createS3Client(config);
await client.send(new CreateBucketCommand({ Bucket: config.raw.bucket })).catch((e: Error) => {
  if (e.name !== "BucketAlreadyOwnedByYou") throw e;
});
const files = [1, 2, 3].flatMap((month) =>
  generateMonth(2019, month, { crlf: month === 2, bom: month === 3, caseAge: true, districts: true }),
);
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
  `uploaded ${files.length} daily files (2019-01 .. 2019-03) to the private bucket s3://${config.raw.bucket}/${config.raw.prefix}`,
);
