// Deploy renders index.html again from the bucket listing, in the look the build recorded in dist/: a
// logo (or colour) changed or deleted in the project after the build neither changes the published
// index nor breaks the deploy. Real build and deploy (the CLI, spawned) against the real S3 server.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { SiteConfig } from "../../src/config/index.js";
import { BUILT_THEME } from "../../src/site/index.js";
import { runCli } from "../support/cli.js";
import { createBucket, tempDir, testClient, testConfig, testServer, uniqueBucket } from "../support/s3.js";
import { bucketKeys, readBack } from "./support.js";

const logo = (fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="${fill}"/></svg>`;
const LOGO_A = logo("#7a1f5c");
const LOGO_B = logo("#1f7a3c");
/** The asset path the build gives a logo: named by its bytes' fingerprint. */
const assetOf = (svg: string) => `assets/logo-${createHash("sha256").update(svg).digest("hex").slice(0, 8)}.svg`;

describe.sequential("deploy takes the branding from what the build wrote into dist/", () => {
  const s3 = testServer();
  const root = tempDir("deploy-brand-");
  const env = { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, AWS_REGION: s3.region };
  const spec = {
    raw: { bucket: uniqueBucket("dbrand-raw") },
    site: { bucket: uniqueBucket("dbrand-site"), title: "Branded", logo: "site/logo.svg", accentColor: "#7a1f5c" },
  };
  let config: SiteConfig;
  const writeConfig = (site: Record<string, unknown>) =>
    writeFileSync(
      join(root, "site-config.json"),
      JSON.stringify({ endpoint: s3.endpoint, websiteEndpoint: s3.websiteEndpoint, ...spec, site }),
    );

  beforeAll(async () => {
    config = testConfig(spec, root);
    const days = Array.from({ length: 28 }, (_, i): [string, string] => [
      `2019_feb_${String(i + 1).padStart(2, "0")}_gid_requests.csv`,
      "service_name,case_record_type\nPothole,Request\n",
    ]);
    await createBucket(testClient(), spec.raw.bucket, Object.fromEntries(days));
    mkdirSync(join(root, "site"), { recursive: true });
    writeFileSync(join(root, "site/logo.svg"), LOGO_A);
    writeConfig(spec.site);
    const build = await runCli(["build"], { cwd: root, env });
    expect(build.stderr).toBe("");
    expect(build.exitCode).toBe(0);
  });

  test("the build records its title and theme in dist/, beside the marker", () => {
    const record = JSON.parse(readFileSync(join(config.output, BUILT_THEME), "utf8")) as {
      title: string;
      theme: { logo: string; accentColor: string };
    };
    expect(record).toMatchObject({ title: "Branded", theme: { logo: assetOf(LOGO_A), accentColor: "#7a1f5c" } });
  });

  test("a logo and colour changed after the build: the published index and assets are dist/'s (logo A)", async () => {
    writeFileSync(join(root, "site/logo.svg"), LOGO_B);
    writeConfig({ ...spec.site, accentColor: "#1f7a3c" });
    const deploy = await runCli(["deploy"], { cwd: root, env });
    expect(deploy.stderr).toBe("");
    expect(deploy.exitCode).toBe(0);
    const index = (await readBack(testClient(), config, "index.html")).body;
    expect(index).toContain(assetOf(LOGO_A));
    expect(index).not.toContain(assetOf(LOGO_B));
    expect(index).toContain("#7a1f5c");
    expect(index).not.toContain("#1f7a3c");
    expect((await readBack(testClient(), config, assetOf(LOGO_A))).body).toBe(LOGO_A);
    const keys = await bucketKeys(testClient(), config);
    expect(keys).not.toContain(assetOf(LOGO_B));
    expect(keys).not.toContain(BUILT_THEME); // the record is never deployed, nor listed
    expect(index).not.toContain(BUILT_THEME);
  });

  test("the logo deleted after the build: deploy does not fail, and the published index still shows logo A", async () => {
    rmSync(join(root, "site/logo.svg"));
    const before = (await readBack(testClient(), config, "index.html")).body;
    const deploy = await runCli(["deploy"], { cwd: root, env });
    expect(deploy.stderr).toBe("");
    expect(deploy.exitCode).toBe(0);
    expect(deploy.stdout).toContain("No changes required");
    expect((await readBack(testClient(), config, "index.html")).body).toBe(before);
    expect((await readBack(testClient(), config, assetOf(LOGO_A))).body).toBe(LOGO_A);
  });
});
