import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { objectUrls, type BucketTarget } from "../../src/share/index.js";
import { runCli } from "../support/cli.js";
import { tempDir } from "../support/s3.js";

const config = {
  region: "us-east-1",
  raw: { bucket: "city-raw", prefix: "" },
  site: { bucket: "city-site", prefix: "reports/", url: "https://reports.city.gov/" },
};

const site: BucketTarget = { bucket: "city-site", role: "site", prefix: "reports/" };
const raw: BucketTarget = { bucket: "city-raw", role: "raw", prefix: "" };

describe("a key's address at site.url", () => {
  test("a key below the site prefix is at site.url without the prefix, each segment encoded", () => {
    expect(objectUrls(config, site, "reports/2019/jan/a b.csv")).toEqual({
      objectUrl: "https://city-site.s3.us-east-1.amazonaws.com/reports/2019/jan/a%20b.csv",
      websiteUrl: "http://city-site.s3-website-us-east-1.amazonaws.com/reports/2019/jan/a%20b.csv",
      publicUrl: "https://reports.city.gov/2019/jan/a%20b.csv",
    });
  });

  test("none for a key outside the prefix, for the raw bucket, or without site.url", () => {
    expect(objectUrls(config, site, "drafts/x.html").publicUrl).toBeUndefined();
    expect(objectUrls(config, raw, "reports/x.csv").publicUrl).toBeUndefined();
    expect(objectUrls({ region: "us-east-1", site: {} }, site, "reports/x.csv").publicUrl).toBeUndefined();
  });

  test("reportsite url prints it", async () => {
    const dir = tempDir("public-url-");
    writeFileSync(join(dir, "site-config.json"), JSON.stringify(config));
    const run = await runCli(["url", "reports/2019/jan/final_report.html"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      [
        "object:  https://city-site.s3.us-east-1.amazonaws.com/reports/2019/jan/final_report.html",
        "website: http://city-site.s3-website-us-east-1.amazonaws.com/reports/2019/jan/final_report.html",
        "public:  https://reports.city.gov/2019/jan/final_report.html",
        "",
      ].join("\n"),
    );
  });
});
