// `acl KEY private` on a published file left the index linking to it (visitors
// got 403) and no deploy noticed. `acl` now warns; `deploy --verify-access` re-checks and fixes or reports.
import { PutObjectAclCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, test } from "vitest";
import type { SiteConfig } from "../../src/config/index.js";
import { keysLinkedFrom, resolveBucket, setObjectAcl } from "../../src/share/index.js";
import { testClient, testConfig, uniqueBucket } from "../support/s3.js";
import { deploy, readBack, websiteGet, writeDist } from "./support.js";

const PAGE = (t: string) => `<!doctype html><title>${t}</title>`;
const files = {
  "index.html": "x",
  "error.html": PAGE("404"),
  "2019/jan/final_report.csv": "a\n1\n",
  "2019/jan/final_report.html": PAGE("jan"),
};

async function published(label: string, prefix = ""): Promise<SiteConfig> {
  const config = testConfig({
    raw: { bucket: uniqueBucket(`${label}-raw`) },
    site: { bucket: uniqueBucket(`${label}-site`), prefix, publicAccess: "acl" },
  });
  writeDist(config, files);
  await deploy(config);
  return config;
}

describe("a published file made private", () => {
  test("acl private warns that the index links to it; an unlinked key gets no warning", async () => {
    const config = await published("va-acl", "reports");
    const client = testClient();
    const site = resolveBucket(config, "site");
    const { warning } = await setObjectAcl(client, site, "reports/2019/jan/final_report.csv", "private");
    expect(warning).toMatch(
      /^index\.html links to reports\/2019\/jan\/final_report\.csv, so visitors following that link now get 403 Forbidden; .*--verify-access/,
    );
    await client.send(new PutObjectCommand({ Bucket: config.site.bucket, Key: "reports/extra.txt", Body: "x" }));
    expect((await setObjectAcl(client, site, "reports/extra.txt", "private")).warning).toBeUndefined();
    expect((await setObjectAcl(client, site, "reports/2019/jan/final_report.csv", "public-read")).warning).toBe(
      undefined,
    );
  });

  test("deploy leaves it alone by default; --verify-access publishes it again", async () => {
    const config = await published("va-dep");
    const client = testClient();
    await setObjectAcl(client, resolveBucket(config, "site"), "2019/jan/final_report.csv", "private");
    expect((await websiteGet(config, "2019/jan/final_report.csv")).status).toBe(403);

    // RGW moves an object's Last-Modified on an ACL change, so the index (which shows it) may be rendered anew
    const reports = (r: { report?: { uploaded: { key: string }[] } }) =>
      r.report!.uploaded.filter((u) => u.key !== "index.html");
    expect(reports(await deploy(config))).toEqual([]);
    expect((await websiteGet(config, "2019/jan/final_report.csv")).status).toBe(403);

    const { report, plan } = await deploy(config, { verifyAccess: true });
    expect(reports({ report })).toEqual([{ key: "2019/jan/final_report.csv", reason: "access changed" }]);
    expect(plan.groups.flat()[0]!.detail).toMatch(/not readable by everyone/);
    expect((await readBack(client, config, "2019/jan/final_report.csv")).publicRead).toBe(true);
    expect((await websiteGet(config, "2019/jan/final_report.csv")).status).toBe(200);
    expect(reports(await deploy(config, { verifyAccess: true }))).toEqual([]);
  });

  test("--verify-access publishes a private index.html again, and reports private files dist/ does not have", async () => {
    const config = await published("va-idx");
    const client = testClient();
    await client.send(
      new PutObjectCommand({ Bucket: config.site.bucket, Key: "2018/dec/final_report.csv", Body: "a\n0\n" }),
    );
    await deploy(config); // the index now lists 2018/dec too (left in place: dist/ does not have it)
    for (const key of ["index.html", "2018/dec/final_report.csv"])
      await client.send(new PutObjectAclCommand({ Bucket: config.site.bucket, Key: key, ACL: "private" }));
    expect((await websiteGet(config, "")).status).toBe(403);

    const { report, logger } = await deploy(config, { verifyAccess: true });
    expect(report!.uploaded).toEqual([{ key: "index.html", reason: "index" }]);
    expect((await websiteGet(config, "")).status).toBe(200);
    expect(logger.warnings.join("\n")).toMatch(
      /2018\/dec\/final_report\.csv is listed in index\.html but not readable by everyone, and dist\/ does not have it/,
    );
  });
});

describe("keysLinkedFrom", () => {
  test.each([
    ['<a href="2019/jan/a%20b.csv">', "", ["2019/jan/a b.csv"]],
    ['<a href="2019/jan/x.csv">', "reports/", ["reports/2019/jan/x.csv"]],
    ['<a href="./a/../b.html">', "r/", ["r/b.html"]],
    ['<a href="https://example.com/x.html"><a href="//evil.example/y">', "", []],
    ['<a href="a&amp;b.csv">', "", ["a&b.csv"]],
  ])("%s under %j -> %j", (html, prefix, keys) => {
    expect([...keysLinkedFrom(html, prefix)]).toEqual(keys);
  });
});
