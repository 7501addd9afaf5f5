// Faults injected into a real client talking to the real server (SDK middleware, no fake store):
// whatever phase fails, the live index.html links only to files that exist, and a re-run converges.
import type { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, test } from "vitest";
import type { SiteConfig } from "../../src/config/index.js";
import { expectReportsiteError } from "../support/errors.js";
import { testClient, testConfig, uniqueBucket } from "../support/s3.js";
import { bucketKeys, deploy, indexLinks, websiteGet, writeDist } from "./support.js";

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

async function publishedJanuary(label: string): Promise<SiteConfig> {
  const config = testConfig({
    raw: { bucket: uniqueBucket(`${label}-raw`) },
    site: { bucket: uniqueBucket(`${label}-site`) },
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
        /^upload of index\.html failed: cannot upload s3:\/\/f-idx-site-[0-9a-f]+\/index\.html: InternalError: injected fault\. Every report file is uploaded; the live index\.html is the previous one, which links only to files that exist\./,
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
        /^list for index\.html failed: cannot list s3:\/\/f-list2-site-[0-9a-f]+: InternalError: injected fault\. Every report file is uploaded; the live index\.html is the previous one/,
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

  test("listing the bucket fails: nothing is uploaded", async () => {
    const config = await publishedJanuary("f-list");
    const client = faultyClient("ListObjectsV2Command", 1);
    await expectReportsiteError(() => deploy(config, {}, { client }), {
      name: "S3Error",
      message: /cannot list s3:\/\/f-list-site-[0-9a-f]+: InternalError/,
    });
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
});
