// A deploy lists the site bucket ahead, before it takes the deploy lock at its first write. Another deploy
// that runs in between (takes the lock, deletes a published file, releases) must neither make it fail
// nor leave an index.html that links a deleted object.
import { describe, expect, test } from "vitest";
import type { SiteConfig } from "../../src/config/index.js";
import { askSiteBucket } from "../../src/deploy/index.js";
import { testClient, testConfig, uniqueBucket } from "../support/s3.js";
import { bucketKeys, deploy, indexLinks, readBack, writeDist } from "./support.js";

const PAGE = (t: string) => `<!doctype html><title>${t}</title>`;
const published = {
  "index.html": "x",
  "error.html": PAGE("404"),
  "2019/jan/final_report.csv": "a\n1\n",
  "2019/feb/final_report.csv": "a\n2\n",
};
const { "2019/feb/final_report.csv": _deleted, ...withoutFeb } = published;
const STALE = "another deploy changed the site since it was listed: listing it again under the deploy lock";

/** One site bucket; each config has its own output folder and state, as deploys from two machines would. */
function sameSiteBucket(site: SiteConfig["site"] | undefined, label: string): SiteConfig {
  return testConfig({
    raw: { bucket: uniqueBucket(`${label}-raw`) },
    site: site ?? { bucket: uniqueBucket(`${label}-site`), prefix: "reports", publicAccess: "acl" },
  });
}

describe("a deploy whose listing another deploy made stale", () => {
  test.each([
    // the deleted file is in this deploy's output folder: its HEAD answers NotFound
    { what: "a file it would read the headers of", local: published, verifyAccess: false },
    // the deleted file is not, but --verify-access asks every listed object's ACL: NoSuchKey
    { what: "a file whose ACL --verify-access asks", local: withoutFeb, verifyAccess: true },
  ])(
    "the other deploy deleted $what: no failure, listed again under the lock, the index links what exists",
    async ({ local, verifyAccess }) => {
      const client = testClient();
      const first = sameSiteBucket(undefined, "stale");
      writeDist(first, published);
      await deploy(first);
      const late = sameSiteBucket(first.site, "stale-late");
      const other = sameSiteBucket(first.site, "stale-other");

      // the late deploy lists now (publish lists while it builds)...
      const ahead = askSiteBucket(late, client);
      const listed = await ahead.listing;
      expect(listed.objects.map((o) => o.key)).toContain("2019/feb/final_report.csv");
      await ahead.settings;

      // ...the other deploy takes the lock, deletes feb and releases...
      writeDist(other, withoutFeb);
      const deleted = await deploy(other, { delete: true });
      expect(deleted.report!.deleted).toEqual(["2019/feb/final_report.csv"]);

      // ...then the late deploy plans from its listing, with a new file to write
      writeDist(late, { ...local, "2019/mar/final_report.csv": "a\n3\n" });
      const { report, logger } = await deploy(late, { verifyAccess }, { client, ahead });
      expect(logger.lines).toContain(STALE);
      expect(report!.uploaded.map((u) => u.key)).toContain("2019/mar/final_report.csv");

      const keys = await bucketKeys(client, late);
      const links = indexLinks((await readBack(client, late, "index.html")).body);
      expect(links).toContain("2019/mar/final_report.csv");
      for (const link of links) expect(keys, link).toContain(decodeURIComponent(link));
      expect(keys.includes("2019/feb/final_report.csv")).toBe(links.includes("2019/feb/final_report.csv"));
    },
  );
});
