// Faults injected into a real client talking to the real server (SDK middleware, no fake store):
// whatever phase fails, the live index.html links only to files that exist, and a re-run converges.
import { GetBucketWebsiteCommand, PutBucketWebsiteCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterEach, describe, expect, test } from "vitest";
import type { SiteConfig, SiteConfigSpec } from "../../src/config/index.js";
import { DeployError } from "../../src/errors.js";
import { DEPLOY_LOCK_KEY } from "../../src/site-names.js";
import { expectReportsiteError } from "../support/errors.js";
import { startFaultProxy, type FaultKind, type FaultProxy, type FaultProxyOptions } from "../support/fault-proxy.js";
import { testClient, testConfig, testServer, uniqueBucket } from "../support/s3.js";
import { bucketKeys, deploy, indexLinks, readBack, websiteGet, writeDist } from "./support.js";

/** A real client whose `nth` call of `command` (optionally for one key) fails before it is sent. */
function faultyClient(
  command: string,
  nth: number,
  key?: string,
  fault = { name: "InternalError", status: 500 },
): S3Client & { calls: () => number } {
  const client = testClient();
  let calls = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = (args as { input: { Key?: string } }).input;
      if (context.commandName === command && (key === undefined || input.Key?.endsWith(key)) && ++calls === nth) {
        throw Object.assign(new Error("injected fault"), {
          name: fault.name,
          $metadata: { httpStatusCode: fault.status },
        });
      }
      return next(args);
    },
    { step: "initialize", name: "injectFault" },
  );
  return Object.assign(client, { calls: () => calls });
}

const PAGE = (t: string) => `<!doctype html><title>${t}</title>`;
const january = {
  "index.html": "x",
  "error.html": PAGE("404"),
  "2019/jan/final_report.csv": "a\n1\n",
  "2019/jan/final_report.html": PAGE("jan"),
};
const withFebruary = {
  ...january,
  "2019/jan/final_report.csv": "a\n2\n",
  "2019/feb/final_report.csv": "a\n3\n",
  "2019/feb/final_report.html": PAGE("feb"),
  "2019/feb/final_chart.html": PAGE("feb chart"),
  "2019/mar/final_report.csv": "a\n4\n",
};

/** Every link of the live index answers 200 to an anonymous visitor. */
async function expectLiveIndexConsistent(config: SiteConfig): Promise<string[]> {
  const links = indexLinks(await (await websiteGet(config, "")).text());
  for (const link of links) expect((await websiteGet(config, decodeURIComponent(link))).status, link).toBe(200);
  return links;
}

async function publishedJanuary(label: string, spec: Partial<SiteConfigSpec> = {}): Promise<SiteConfig> {
  const config = testConfig({
    raw: { bucket: uniqueBucket(`${label}-raw`) },
    site: { bucket: uniqueBucket(`${label}-site`) },
    ...spec,
  });
  writeDist(config, january);
  await deploy(config);
  writeDist(config, withFebruary);
  return config;
}

describe("a deploy that fails part way", () => {
  test("an upload fails: exit with the key and the state of the site; the old index stays; a re-run uploads only what is missing", async () => {
    const config = await publishedJanuary("f-up");
    const client = faultyClient("PutObjectCommand", 3);
    const error = await expectReportsiteError(() => deploy(config, {}, { client }), {
      name: "DeployError",
      message:
        /^upload of [\w/.]+ failed: .*The live site is consistent: index\.html was not changed and links only to files that exist \(\d of 5 uploads finished, nothing deleted\)\./,
    });
    expect(error.hint).toMatch(/Run deploy again/);
    expect(await expectLiveIndexConsistent(config)).toEqual([
      "2019/jan/final_report.csv",
      "2019/jan/final_report.html",
    ]);
    const before = await bucketKeys(testClient(), config);
    const rerun = await deploy(config);
    const reuploaded = rerun.report!.uploaded.filter((u) => u.key !== "index.html").map((u) => u.key);
    const missing = Object.keys(withFebruary).filter((k) => k !== "index.html" && !before.includes(k));
    expect(reuploaded.length).toBeLessThan(5);
    for (const key of missing) expect(reuploaded).toContain(key);
    expect(await expectLiveIndexConsistent(config)).toHaveLength(6);
    expect((await deploy(config)).report!.uploaded).toEqual([]);
  });

  test("the index upload fails: every report is up, the live index is the previous one; a re-run uploads only the index", async () => {
    const config = await publishedJanuary("f-idx");
    const client = faultyClient("PutObjectCommand", 1, "index.html");
    await expectReportsiteError(() => deploy(config, {}, { client }), {
      name: "DeployError",
      message:
        /^upload of index\.html failed: cannot upload s3:\/\/f-idx-site-[0-9a-f]+\/index\.html: the server is busy or failing \(InternalError\)\. Every report file is uploaded; the live index\.html is the previous one, which links only to files that exist\./,
    });
    expect(await expectLiveIndexConsistent(config)).toEqual([
      "2019/jan/final_report.csv",
      "2019/jan/final_report.html",
    ]);
    const rerun = await deploy(config);
    expect(rerun.report!.uploaded.map((u) => u.key)).toEqual(["index.html"]);
    expect(await expectLiveIndexConsistent(config)).toHaveLength(6);
  });

  test("a delete fails: the new index already leaves the stale file out; a re-run deletes the rest", async () => {
    const config = await publishedJanuary("f-del");
    await deploy(config);
    writeDist(config, { ...january, "2019/jan/final_report.csv": "a\n2\n" });
    const client = faultyClient("DeleteObjectCommand", 1);
    await expectReportsiteError(() => deploy(config, { delete: true }, { client }), {
      name: "DeployError",
      message: /^delete of 2019\/(feb|mar)\/[\w.]+ failed: .*index\.html no longer lists the stale files/,
    });
    expect(await expectLiveIndexConsistent(config)).toEqual([
      "2019/jan/final_report.csv",
      "2019/jan/final_report.html",
    ]);
    const rerun = await deploy(config, { delete: true });
    expect(rerun.report!.uploaded).toEqual([]);
    expect(rerun.report!.deleted.length).toBeGreaterThanOrEqual(1);
    expect(await bucketKeys(testClient(), config)).toEqual([
      "2019/jan/final_report.csv",
      "2019/jan/final_report.html",
      "error.html",
      "index.html",
    ]);
  });

  test("the listing for the new index fails: the old index stays, the message says so; a re-run publishes the index", async () => {
    const config = await publishedJanuary("f-list2");
    const client = faultyClient("ListObjectsV2Command", 2); // the first lists for the plan, the second for the index
    const error = await expectReportsiteError(() => deploy(config, {}, { client }), {
      name: "DeployError",
      message:
        /^list for index\.html failed: cannot list s3:\/\/f-list2-site-[0-9a-f]+: the server is busy or failing \(InternalError\)\. Every report file is uploaded; the live index\.html is the previous one/,
    });
    expect(error.hint).toMatch(/Run deploy again to publish the new index/);
    expect(await expectLiveIndexConsistent(config)).toEqual([
      "2019/jan/final_report.csv",
      "2019/jan/final_report.html",
    ]);
    expect((await deploy(config)).report!.uploaded.map((u) => u.key)).toEqual(["index.html"]);
  });

  test("an upload refused for a reason with a fix: the hint keeps the fix and adds the re-run", async () => {
    const config = await publishedJanuary("f-acl");
    const client = faultyClient("PutObjectCommand", 1, undefined, {
      name: "AccessControlListNotSupported",
      status: 400,
    });
    const error = await expectReportsiteError(() => deploy(config, {}, { client }), {
      name: "DeployError",
      message: /the bucket has ACLs disabled/,
    });
    expect(error.hint).toMatch(/"site\.publicAccess": "policy"[\s\S]*\nRun deploy again when the cause is fixed/);
  });

  test("listing the bucket fails: nothing is uploaded, and the message says the live site is as it was", async () => {
    const config = await publishedJanuary("f-list");
    const client = faultyClient("ListObjectsV2Command", 1);
    const error = await expectReportsiteError(() => deploy(config, {}, { client }), {
      name: "DeployError",
      message:
        /^listing the site bucket failed: cannot list s3:\/\/f-list-site-[0-9a-f]+: the server is busy or failing \(InternalError\)\. No file was uploaded or deleted: the live site is as it was\.$/,
    });
    expect(error.hint).toMatch(/^Run again later[\s\S]*\nRun deploy again when the cause is fixed\.$/);
    expect(await expectLiveIndexConsistent(config)).toEqual([
      "2019/jan/final_report.csv",
      "2019/jan/final_report.html",
    ]);
    expect(await bucketKeys(testClient(), config)).toEqual([
      "2019/jan/final_report.csv",
      "2019/jan/final_report.html",
      "error.html",
      "index.html",
    ]);
  });

  test("setup changed the bucket, then listing it fails: the message names the change, not a site as it was", async () => {
    const config = await publishedJanuary("f-setlist");
    // someone pointed the website at another index document: setup sets it back before the listing is read
    await testClient().send(
      new PutBucketWebsiteCommand({
        Bucket: config.site.bucket,
        WebsiteConfiguration: { IndexDocument: { Suffix: "home.html" } },
      }),
    );
    const client = faultyClient("ListObjectsV2Command", 1);
    const error = await expectReportsiteError(() => deploy(config, {}, { client }), {
      name: "DeployError",
      message:
        /^listing the site bucket failed: cannot list s3:\/\/f-setlist-site-[0-9a-f]+: the server is busy or failing \(InternalError\)\. Bucket setup had already made these changes: set the website configuration \(index index\.html, error error\.html\)\. No file was uploaded or deleted: the live site's files are as they were\.$/,
    });
    expect(error.message).not.toMatch(/as it was/);
    const website = await testClient().send(new GetBucketWebsiteCommand({ Bucket: config.site.bucket }));
    expect(website.IndexDocument?.Suffix).toBe("index.html");
    expect(await expectLiveIndexConsistent(config)).toEqual([
      "2019/jan/final_report.csv",
      "2019/jan/final_report.html",
    ]);
  });

  test("setup created the bucket, then setting its website fails: the message names the bucket created", async () => {
    const config = testConfig({
      raw: { bucket: uniqueBucket("f-web-raw") },
      site: { bucket: uniqueBucket("f-web-site") },
    });
    writeDist(config, january);
    const client = faultyClient("PutBucketWebsiteCommand", 1);
    const error = await expectReportsiteError(() => deploy(config, {}, { client }), {
      name: "DeployError",
      message: new RegExp(
        `^setup of the site bucket failed: .*\\(InternalError\\)\\. Bucket setup had already made these changes: create the bucket ${config.site.bucket}\\. No file was uploaded or deleted: the live site's files are as they were\\.$`,
      ),
    });
    expect(error.hint).toMatch(/Run it again when the cause is fixed/);
    expect(await bucketKeys(testClient(), config)).toEqual([]);
    const rerun = await deploy(config);
    expect(rerun.setup).toEqual(["set the website configuration (index index.html, error error.html)"]);
    expect(await expectLiveIndexConsistent(config)).toHaveLength(2);
  });

  test("setup made the bucket a website, then writing the deploy lock fails: the message names both changes", async () => {
    const config = testConfig({
      raw: { bucket: uniqueBucket("f-setlock-raw") },
      site: { bucket: uniqueBucket("f-setlock-site") },
    });
    writeDist(config, january);
    const client = faultyClient("PutObjectCommand", 1, DEPLOY_LOCK_KEY);
    const error = await expectReportsiteError(() => deploy(config, {}, { client }), {
      name: "DeployError",
      message: new RegExp(
        `^writing the deploy lock failed: .*\\(InternalError\\)\\. Bucket setup had already made these changes: create the bucket ${config.site.bucket}; set the website configuration \\(index index\\.html, error error\\.html\\)\\. No file was uploaded or deleted: the live site's files are as they were\\.$`,
      ),
    });
    expect(error.message).not.toMatch(/as it was/);
    expect(await bucketKeys(testClient(), config)).toEqual([]);
  });
});

// Network faults from a proxy in front of the real server: the first deploy
// of each test goes straight to the server; later ones go through the proxy, with short timeouts.
const proxies: FaultProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

/** A published January (written directly) whose later deploys go through a fault proxy. */
async function behindProxy(
  label: string,
  proxyOptions: Omit<FaultProxyOptions, "target">,
  s3: SiteConfigSpec["s3"] = {},
): Promise<{ config: SiteConfig; proxy: FaultProxy }> {
  const direct = await publishedJanuary(label);
  const proxy = await startFaultProxy({ target: testServer().endpoint, ...proxyOptions });
  proxies.push(proxy);
  const config = testConfig(
    {
      raw: { bucket: direct.raw.bucket },
      site: { bucket: direct.site.bucket },
      endpoint: proxy.endpoint,
      s3: { connectTimeoutMs: 1000, requestTimeoutMs: 300, maxAttempts: 3, ...s3 },
    },
    undefined,
  );
  writeDist(config, withFebruary);
  return { config, proxy };
}

/** The site's uploads, not the deploy lock's writes (a fault there stops the deploy before any upload). */
const UPLOADS = { method: "PUT", path: (path: string) => !path.includes(DEPLOY_LOCK_KEY) };

describe("a deploy through a faulty network", () => {
  test("a stalled upload times out and is retried: the deploy finishes", async () => {
    const { config, proxy } = await behindProxy("p-stall1", { script: ["stall"], only: { method: "PUT" } });
    const result = await deploy(config);
    expect(proxy.faults.map((f) => f.kind)).toEqual(["stall"]);
    expect(result.report!.uploaded).toHaveLength(6);
    expect(await expectLiveIndexConsistent(config)).toHaveLength(6);
  });

  test("an upload that stalls on every attempt fails with the operation, the endpoint and the site's state, never hangs", async () => {
    const { config, proxy } = await behindProxy(
      "p-stall",
      { rate: 1, kinds: ["stall"], only: UPLOADS },
      { maxAttempts: 2 },
    );
    const error = await expectReportsiteError(() => deploy(config), {
      name: "DeployError",
      message: new RegExp(
        `^upload of [\\w/.]+ failed: cannot upload s3://p-stall-site-[0-9a-f]+/[\\w/.]+: ${proxy.endpoint.replace(/\./g, "\\.")} stopped answering within the request timeout \\(TimeoutError; retried once\\)\\. The live site is consistent`,
      ),
    });
    expect(error.hint).toMatch(/"s3\.requestTimeoutMs"[\s\S]*Run deploy again/);
    expect(await expectLiveIndexConsistent(config)).toHaveLength(2);
  });

  test("a stalled listing fails as a timeout and says the live site is as it was", async () => {
    const { config } = await behindProxy("p-stlist", { rate: 1, kinds: ["stall"], only: { path: /list-type=2/ } });
    await expectReportsiteError(() => deploy(config), {
      name: "DeployError",
      message:
        /^listing the site bucket failed: cannot list s3:\/\/p-stlist-site-[0-9a-f]+: http:\/\/127\.0\.0\.1:\d+ stopped answering within the request timeout \(TimeoutError; retried 2 times\)\. No file was uploaded or deleted: the live site is as it was\.$/,
    });
  });

  test("throttling on every attempt: the server is busy, retried N times, and the live site's state", async () => {
    const { config } = await behindProxy("p-slow", { rate: 1, kinds: ["slowdown"], only: { method: "HEAD" } });
    const error = await expectReportsiteError(() => deploy(config), {
      name: "DeployError",
      message:
        /^setup of the site bucket failed: cannot check s3:\/\/p-slow-site-[0-9a-f]+: the server is busy or failing \(\w+; retried 2 times\)\. No file was uploaded or deleted: the live site is as it was\.$/,
    });
    expect(error.hint).toMatch(/^Run again later/);
  });

  test("connection resets on every attempt are cut connections, not a server that is down", async () => {
    const { config } = await behindProxy("p-reset", { rate: 1, kinds: ["reset"], only: UPLOADS });
    const error = await expectReportsiteError(() => deploy(config), {
      name: "DeployError",
      message:
        /: the connection to http:\/\/127\.0\.0\.1:\d+ was cut before the answer was complete \(ECONNRESET; retried 2 times\)\. The live site is consistent/,
    });
    expect(error.hint).not.toMatch(/is running/);
  });

  // The review ran deploy against 5-50% faults: after every attempt the live index links only to
  // objects that exist, every failure says the site's state, and repeated runs publish everything.
  const KINDS: FaultKind[] = ["slowdown", "internal", "reset", "stall", "stall-body", "truncate"];
  test.each([
    [0.05, 11],
    [0.2, 12],
    [0.5, 13],
  ])(
    "at %s faults (seed %s), repeated deploys converge and the live index is consistent after every attempt",
    async (rate, seed) => {
      const { config, proxy } = await behindProxy(`p-conv`, { rate, seed, kinds: KINDS, maxFaults: 60 });
      const converge = async (options: { delete?: boolean }) => {
        for (let attempt = 1; attempt <= 25; attempt++) {
          const outcome = await deploy(config, options).then(
            () => undefined,
            (error: unknown) => error,
          );
          await expectLiveIndexConsistent(config);
          if (outcome === undefined) return attempt;
          expect(outcome).toBeInstanceOf(DeployError);
          expect((outcome as Error).message).toMatch(/live site|live index|index\.html no longer lists/);
        }
        throw new Error(`no convergence; faults: ${proxy.faults.length}`);
      };
      await converge({});
      expect(await expectLiveIndexConsistent(config)).toHaveLength(6);
      writeDist(config, { ...january, "2019/jan/final_report.csv": "a\n5\n" });
      await converge({ delete: true });
      expect(await bucketKeys(testClient(), config)).toEqual([
        "2019/jan/final_report.csv",
        "2019/jan/final_report.html",
        "error.html",
        "index.html",
      ]);
      expect(await expectLiveIndexConsistent(config)).toEqual([
        "2019/jan/final_report.csv",
        "2019/jan/final_report.html",
      ]);
      expect((await readBack(testClient(), config, "2019/jan/final_report.csv")).body).toBe("a\n5\n");
      if (rate >= 0.2) expect(proxy.faults.length).toBeGreaterThan(0);
    },
  );
});
