// Real deploys to the suite's S3 server with a CloudFront distribution in front, the local CloudFront
// API of test/support/cloudfront-server.ts answering the real SDK client (pointed at it by
// AWS_ENDPOINT_URL_CLOUDFRONT, as a user would point it at another endpoint).
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SiteConfig } from "../../src/config/index.js";
import { DeployError, InvalidationError } from "../../src/errors.js";
import { pendingPath } from "../../src/state/index.js";
import { startCloudFrontServer, type CloudFrontServer } from "../support/cloudfront-server.js";
import { testClient, testConfig, uniqueBucket } from "../support/s3.js";
import { deploy, websiteGet, writeDist } from "./support.js";

const DISTRIBUTION = "E2TESTDISTRIB";

let server: CloudFrontServer;
beforeAll(async () => {
  server = await startCloudFrontServer({ distributions: [DISTRIBUTION] });
  process.env.AWS_ENDPOINT_URL_CLOUDFRONT = server.endpoint;
});
afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_CLOUDFRONT;
  await server.close();
});

/** A site of three months under a prefix, served by the distribution at the root of its own domain. */
function site(months: Record<string, string>): Record<string, string> {
  const files: Record<string, string> = { "index.html": "<p>home</p>", "assets/site.css": "p{}" };
  for (const [month, text] of Object.entries(months)) {
    files[`2019/${month}/index.html`] = `<p>${month} ${text}</p>`;
    files[`2019/${month}/final_report.csv`] = `service_name,count\n${text},1\n`;
  }
  return files;
}

function configWith(distributionId = DISTRIBUTION, url = "https://reports.example.org/"): SiteConfig {
  return testConfig({
    raw: { bucket: uniqueBucket("cdn-raw") },
    site: { bucket: uniqueBucket("cdn-site"), prefix: "public/", url, cloudfront: { distributionId } },
  });
}

describe.sequential("a deploy invalidates what it changed", () => {
  const config = configWith();
  let sentBefore = 0;
  const sentSince = () => server.created().slice(sentBefore);

  test("two months changed: exactly their paths and the folder paths that serve their index pages", async () => {
    writeDist(config, site({ jan: "a", feb: "b", mar: "c" }));
    const first = await deploy(config);
    // the first deploy publishes every file: all of them, relative to site.url (the prefix is the origin's)
    expect(first.invalidation?.paths).toContain("/2019/mar/");
    expect(first.invalidation?.paths).toContain("/assets/site.css");
    expect(first.invalidation?.paths.some((p) => p.startsWith("/public/"))).toBe(false);
    sentBefore = server.created().length;

    writeDist(config, site({ jan: "a2", feb: "b2", mar: "c" }));
    const second = await deploy(config);
    const expected = [
      "/",
      "/2019/feb/",
      "/2019/feb/final_report.csv",
      "/2019/feb/index.html",
      "/2019/jan/",
      "/2019/jan/final_report.csv",
      "/2019/jan/index.html",
      "/index.html",
    ];
    expect(sentSince()).toEqual([expected]);
    const made = server.invalidations.at(-1)!;
    expect(second.invalidation).toEqual({
      distributionId: DISTRIBUTION,
      paths: expected,
      pendingBefore: 0,
      id: made.id,
      status: "InProgress",
    });
    expect(second.logger.lines.join("\n")).toContain(
      `invalidation ${made.id} on CloudFront distribution ${DISTRIBUTION}: 8 paths`,
    );
    expect(existsSync(pendingPath(config.cache, DISTRIBUTION))).toBe(false);
  });

  test("a deploy with nothing new sends no invalidation", async () => {
    sentBefore = server.created().length;
    const again = await deploy(config);
    expect(again.report?.uploaded).toEqual([]);
    expect(again.invalidation?.paths).toEqual([]);
    expect(again.invalidation?.id).toBeUndefined();
    expect(sentSince()).toEqual([]);
  });

  test("--dry-run prints the paths and sends nothing", async () => {
    writeDist(config, site({ jan: "a2", feb: "b2", mar: "c3" }));
    sentBefore = server.created().length;
    const dry = await deploy(config, { dryRun: true });
    expect(dry.invalidation?.paths).toEqual([
      "/",
      "/2019/mar/",
      "/2019/mar/final_report.csv",
      "/2019/mar/index.html",
      "/index.html",
    ]);
    expect(dry.logger.lines).toContain("invalidate /2019/mar/final_report.csv");
    expect(dry.logger.lines.at(-1)).toMatch(
      /^Invalidation: 5 paths on CloudFront distribution E2TESTDISTRIB; index.html's only if it changes\.$/,
    );
    expect(sentSince()).toEqual([]);
  });

  test("an invalidation refused after a good upload: its own error; the next deploy, with nothing new, sends the pending paths", async () => {
    server.failNext("TooManyInvalidationsInProgress");
    const failed = await deploy(config).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(InvalidationError);
    const error = failed as InvalidationError;
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/^site updated at the origin, caches stale until the invalidation runs: /);
    expect(error.message).toContain("TooManyInvalidationsInProgress");
    expect(error.hint).toMatch(/Re-run deploy/);
    const pending = ["/", "/2019/mar/", "/2019/mar/final_report.csv", "/2019/mar/index.html", "/index.html"];
    expect(error.paths).toEqual(pending);
    // the upload itself went through: the origin serves the new month
    expect(await (await websiteGet(config, "2019/mar/final_report.csv")).text()).toContain("c3");
    expect(existsSync(pendingPath(config.cache, DISTRIBUTION))).toBe(true);

    sentBefore = server.created().length;
    const refused = server.requests.at(-1)!;
    const next = await deploy(config);
    expect(next.report?.uploaded).toEqual([]);
    expect(sentSince()).toEqual([pending]);
    expect(next.invalidation?.pendingBefore).toBe(5);
    // the same batch goes with the failed request's CallerReference: no second invalidation if it had arrived
    expect(server.requests.at(-1)!.callerReference).toBe(refused.callerReference);
    expect(existsSync(pendingPath(config.cache, DISTRIBUTION))).toBe(false);
  });

  test("pending paths and new ones go in one invalidation", async () => {
    server.failNext("AccessDenied");
    writeDist(config, site({ jan: "a4", feb: "b2", mar: "c3" }));
    const denied = (await deploy(config).catch((e: unknown) => e)) as InvalidationError;
    expect(denied.message).toContain(
      "the credentials in use may not invalidate distribution E2TESTDISTRIB (AccessDenied)",
    );
    expect(denied.hint).toContain("cloudfront:CreateInvalidation");
    writeDist(config, site({ jan: "a4", feb: "b5", mar: "c3" }));
    sentBefore = server.created().length;
    await deploy(config);
    expect(sentSince()).toEqual([
      [
        "/",
        "/2019/feb/",
        "/2019/feb/final_report.csv",
        "/2019/feb/index.html",
        "/2019/jan/",
        "/2019/jan/final_report.csv",
        "/2019/jan/index.html",
        "/index.html",
      ],
    ]);
  });
});

test("an upload that fails half-way: the next deploy invalidates what the first one published too", async () => {
  const config = configWith();
  writeDist(config, site({ jan: "a", feb: "b" }));
  await deploy(config);
  writeDist(config, site({ jan: "a1", feb: "b1" }));
  const failing = testClient();
  failing.middlewareStack.add(
    (next, context) => async (args) => {
      const key = (args as { input: { Key?: string } }).input.Key ?? "";
      if (context.commandName === "PutObjectCommand" && key.endsWith("2019/feb/final_report.csv"))
        throw Object.assign(new Error("injected fault"), { name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
      return next(args);
    },
    { step: "initialize", name: "injectFault" },
  );
  const error = await deploy(config, {}, { client: failing }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeployError);
  // January's files went up before the failure: CloudFront must still hear of them
  expect(await (await websiteGet(config, "2019/jan/final_report.csv")).text()).toContain("a1");
  const sentBefore = server.created().length;
  const next = await deploy(config);
  expect(next.report?.uploaded.map((u) => u.key)).not.toContain("2019/jan/final_report.csv");
  expect(server.created().slice(sentBefore)).toEqual([
    [
      "/",
      "/2019/feb/",
      "/2019/feb/final_report.csv",
      "/2019/feb/index.html",
      "/2019/jan/",
      "/2019/jan/final_report.csv",
      "/2019/jan/index.html",
      "/index.html",
    ],
  ]);
});

describe("the distribution and --wait", () => {
  test("a distribution that does not exist: named, with where its id comes from", async () => {
    const config = configWith("ENOSUCHDIST");
    writeDist(config, site({ jan: "a" }));
    const error = (await deploy(config).catch((e: unknown) => e)) as InvalidationError;
    expect(error).toBeInstanceOf(InvalidationError);
    expect(error.message).toContain("CloudFront has no distribution ENOSUCHDIST (NoSuchDistribution)");
    expect(error.hint).toContain("site.cloudfront.distributionId");
  });

  test("--distribution-id over the config; --wait polls until the invalidation is completed", async () => {
    const config = configWith("ENOSUCHDIST");
    writeDist(config, site({ jan: "a" }));
    const result = await deploy(config, { distributionId: DISTRIBUTION, waitForInvalidationSeconds: 30 });
    expect(result.invalidation?.status).toBe("Completed");
    const id = result.invalidation!.id!;
    expect(server.requests.filter((r) => r.operation === "GetInvalidation" && r.url.endsWith(`/${id}`))).not.toEqual(
      [],
    );
  });

  test("--wait gives up after its timeout, saying CloudFront finishes by itself", async () => {
    const slow = await startCloudFrontServer({ distributions: [DISTRIBUTION], pollsUntilCompleted: 1000 });
    process.env.AWS_ENDPOINT_URL_CLOUDFRONT = slow.endpoint;
    try {
      const config = configWith();
      writeDist(config, site({ jan: "a" }));
      const error = (await deploy(config, { waitForInvalidationSeconds: 2 }).catch((e: unknown) => e)) as DeployError;
      expect(error).toBeInstanceOf(DeployError);
      expect(error.message).toMatch(
        /^invalidation I\w+ on CloudFront distribution E2TESTDISTRIB is still in progress after 2 s\./,
      );
      expect(error.exitCode).toBe(1);
      // accepted: nothing is left pending
      expect(existsSync(pendingPath(config.cache, DISTRIBUTION))).toBe(false);
      expect(slow.created()).toHaveLength(1);
    } finally {
      process.env.AWS_ENDPOINT_URL_CLOUDFRONT = server.endpoint;
      await slow.close();
    }
  });

  test("without a distribution, no CloudFront request and no invalidation in the result", async () => {
    const config = testConfig({ raw: { bucket: uniqueBucket("cdn-raw") }, site: { bucket: uniqueBucket("cdn-none") } });
    writeDist(config, site({ jan: "a" }));
    const before = server.requests.length;
    const result = await deploy(config);
    expect(result.invalidation).toBeUndefined();
    expect(server.requests.length).toBe(before);
  });
});
