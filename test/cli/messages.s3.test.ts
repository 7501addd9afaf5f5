// Each message names the real cause and the next step (run through the real CLI).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../support/cli.js";
import { createBucket, tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";

const STACK = /^\s+at /m;

describe("messages that name the real cause", () => {
  const raw = uniqueBucket("msg-raw");
  const site = uniqueBucket("msg-site");
  const dir = tempDir("cli-messages-");
  const s3 = testServer();
  const env = { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, AWS_REGION: s3.region };

  beforeAll(async () => {
    await createBucket(testClient(), raw, {
      "2019_feb_01_gid_requests.csv": "service_name,case_record_type\nPothole,Request\n",
    });
    const config = {
      endpoint: s3.endpoint,
      websiteEndpoint: s3.websiteEndpoint,
      raw: { bucket: raw },
      site: { bucket: site },
    };
    writeFileSync(join(dir, "site-config.json"), JSON.stringify(config));
    const built = await runCli(["build"], { cwd: dir, env });
    expect(built.exitCode, built.stderr).toBe(0);
  });

  test("a wrong secret key: deploy says the signature does not match, as build does", async () => {
    const wrong = { ...env, AWS_SECRET_ACCESS_KEY: "wrong-secret-key-0000000000000000000000" };
    for (const command of ["build", "deploy"]) {
      const result = await runCli([command], { cwd: dir, env: wrong });
      expect(result.exitCode).toBe(1);
      expect(result.stderr, command).toMatch(/the request signature does not match/);
      expect(result.stderr, command).toMatch(/^hint: Check AWS_SECRET_ACCESS_KEY/m);
      expect(result.stderr, command).not.toMatch(/access denied/);
    }
  });

  test("the website endpoint as --endpoint-url: not an S3 API endpoint (it answered with HTML), and what to use", async () => {
    if (!s3.websiteEndpoint) return; // a reused server without a website port
    for (const command of ["build", "deploy"]) {
      const result = await runCli([command, "--endpoint-url", s3.websiteEndpoint], { cwd: dir, env });
      expect(result.exitCode).toBe(1);
      expect(result.stderr, command).toMatch(
        /answered with an HTML page, not an S3 API response: it is not an S3 API endpoint/,
      );
      expect(result.stderr, command).toMatch(/^hint: Set the S3 API endpoint with --endpoint-url/m);
      expect(result.stderr, command).not.toMatch(/XML parse error|\$response/);
    }
  });

  test("--profile nosuch names the profile and where profiles are looked up", async () => {
    const result = await runCli(["build", "--profile", "nosuch"], { cwd: dir, env: { AWS_REGION: s3.region } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/no AWS credentials found for the profile "nosuch"/);
    expect(result.stderr).toMatch(/\[profile nosuch\]/);
    expect(result.stderr).not.toMatch(STACK);
  });

  test("--output . is blamed on the flag (exit 2), not on site-config.json", async () => {
    const result = await runCli(["build", "--output", "."], { cwd: dir, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^--output \.: .* would replace the project folder/);
    expect(result.stderr).not.toMatch(/site-config\.json is invalid/);
  });

  test("a mistyped key in site-config.json gets a did-you-mean", async () => {
    const typo = tempDir("cli-typo-");
    writeFileSync(
      join(typo, "site-config.json"),
      JSON.stringify({ raw: { bucket: raw }, site: { bucket: site, titel: "T" } }),
    );
    const result = await runCli(["build"], { cwd: typo, env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^ {2}- site\.titel: unknown key; did you mean "title"\?$/m);
  });
});
