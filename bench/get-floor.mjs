// The floor: read every object under a prefix with 16 GETs at once and discard the bytes.
// usage: node get-floor.mjs BUCKET PREFIX   (endpoint and credentials from the AWS_* env)
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";

const [bucket, prefix] = process.argv.slice(2);
const client = new S3Client({
  forcePathStyle: true,
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
});
const keys = [];
let token;
do {
  const page = await client.send(
    new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
  );
  keys.push(...(page.Contents ?? []).map((o) => o.Key));
  token = page.NextContinuationToken;
} while (token);
let next = 0;
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (next < keys.length) {
      const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keys[next++] }));
      for await (const _ of response.Body);
    }
  }),
);
