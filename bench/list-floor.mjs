// The floor of any Node tool on the AWS SDK v3: start Node, load the S3 client, list a bucket (every
// page), exit. The benchmark runs it bundled (as reportsite's CLI is), once per bucket a job lists.
// usage: node list-floor.mjs BUCKET   (endpoint and credentials from the AWS_* env)
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";

const client = new S3Client({ forcePathStyle: true });
let token;
do {
  const page = await client.send(new ListObjectsV2Command({ Bucket: process.argv[2], ContinuationToken: token }));
  token = page.NextContinuationToken;
} while (token);
