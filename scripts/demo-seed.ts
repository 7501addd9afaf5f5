// Fills the demo's private raw bucket with 26 months (December 2017 .. January 2020) of generated
// daily exports, with the case_age_days column and the "Closed" status the reports of
// site-config.json read. The last month has a planted spike (Graffiti Removal at about 2.5 times its
// usual volume) and a service no earlier month has (Bulky Item Pickup), which "what changed" tells.
// Uses site-config.json (the demo server's endpoint) and the credentials in the environment.
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { loadConfig } from "../src/config/index.ts";
import { createS3Client } from "../src/s3/index.ts";
import { generateMonth, type ExtraRows } from "./sample/generate.ts";

/** The demo's months, oldest first: [year, month]. */
const MONTHS: [number, number][] = Array.from({ length: 26 }, (_, i) => [
  2017 + Math.floor((11 + i) / 12),
  ((11 + i) % 12) + 1,
]);
/** Graffiti Removal has about 5.8 requests a day (14 of 96 weights of 20..60 rows); 7..11 more is about 2.5 times. */
const LAST_MONTH_EXTRA: ExtraRows[] = [
  { service: "Graffiti Removal", perDay: [7, 11] },
  { service: "Bulky Item Pickup", perDay: [2, 5] },
];

const config = await loadConfig(process.argv[2] ?? "site-config.json");
const client = createS3Client(config);
await client.send(new CreateBucketCommand({ Bucket: config.raw.bucket })).catch((e: Error) => {
  if (e.name !== "BucketAlreadyOwnedByYou") throw e;
});
const files = MONTHS.flatMap(([year, month], i) =>
  generateMonth(year, month, {
    // the encodings the first demo had: CRLF in February 2019, a byte-order mark in March 2019
    crlf: year === 2019 && month === 2,
    bom: year === 2019 && month === 3,
    caseAge: true,
    ...(i === MONTHS.length - 1 ? { extraRows: LAST_MONTH_EXTRA } : {}),
  }),
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
  `uploaded ${files.length} daily files (2017-12 .. 2020-01) to the private bucket s3://${config.raw.bucket}/${config.raw.prefix}`,
);
