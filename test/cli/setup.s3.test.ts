// `reportsite setup`: the bucket-only command, with and without --dry-run, against the real server.
import { GetBucketPolicyCommand, GetBucketWebsiteCommand, HeadBucketCommand } from "@aws-sdk/client-s3";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { runCli } from "../support/cli.js";
import { tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";

test("setup --dry-run says what it would do and creates nothing; setup does it; a second run has nothing to change", async () => {
  const s3 = testServer();
  const client = testClient();
  const site = uniqueBucket("cli-setup");
  const dir = tempDir("cli-setup-");
  writeFileSync(
    join(dir, "site-config.json"),
    JSON.stringify({
      endpoint: s3.endpoint,
      websiteEndpoint: s3.websiteEndpoint,
      raw: { bucket: "cli-setup-raw-unused" },
      site: { bucket: site, prefix: "reports", publicAccess: "policy" },
    }),
  );
  const env = { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, AWS_REGION: s3.region };
  const exists = () =>
    client.send(new HeadBucketCommand({ Bucket: site })).then(
      () => true,
      () => false,
    );

  const dry = await runCli(["setup", "--dry-run"], { cwd: dir, env });
  expect(dry.exitCode).toBe(0);
  expect(dry.stdout).toContain(`would create the bucket ${site}`);
  expect(await exists()).toBe(false);

  const real = await runCli(["setup"], { cwd: dir, env });
  expect(real.exitCode).toBe(0);
  expect(real.stdout.trim().split("\n").at(-1)).toBe(
    `s3://${site} is a public website (bucket policy): ${s3.websiteEndpoint}/${site}/reports/`,
  );
  expect(await exists()).toBe(true);
  const website = await client.send(new GetBucketWebsiteCommand({ Bucket: site }));
  expect([website.IndexDocument?.Suffix, website.ErrorDocument?.Key]).toEqual(["index.html", "reports/error.html"]);
  const policy = JSON.parse((await client.send(new GetBucketPolicyCommand({ Bucket: site }))).Policy!);
  expect(policy.Statement).toEqual([
    expect.objectContaining({ Sid: "ReportsitePublicRead", Resource: `arn:aws:s3:::${site}/reports/*` }),
  ]);

  const again = await runCli(["setup"], { cwd: dir, env });
  expect(again.stdout.trim()).toBe(
    `Nothing to change: s3://${site} is a public website (bucket policy): ${s3.websiteEndpoint}/${site}/reports/`,
  );
});
