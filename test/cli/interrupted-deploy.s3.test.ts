// Ctrl-C in the middle of a deploy: the live site stays consistent and the next run finishes the job.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { BUILD_MARKER } from "../../src/site/index.js";
import { runCli } from "../support/cli.js";
import { tempDir, testServer, uniqueBucket } from "../support/s3.js";

const BIN = fileURLToPath(new URL("../../bin/reportsite.mjs", import.meta.url));
const MONTHS = 120;

function writeMonths(dist: string, count: number): void {
  writeFileSync(join(dist, BUILD_MARKER), "");
  writeFileSync(join(dist, "index.html"), "local");
  writeFileSync(join(dist, "error.html"), "<title>404</title>");
  for (let m = 0; m < count; m++) {
    const dir = join(dist, String(2000 + Math.floor(m / 12)), String((m % 12) + 1).padStart(2, "0"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "final_report.csv"), `service_name,count\nPothole,${m}\n${"x,1\n".repeat(20_000)}`);
  }
}

async function liveLinks(url: string): Promise<string[]> {
  const html = await (await fetch(url)).text();
  return [...html.matchAll(/<td><a href="([^"]+)">/g)].map((m) => m[1]!);
}

test("SIGINT during uploads: exit 130, the old index still works, a re-run uploads only the rest", async () => {
  const s3 = testServer();
  const dir = tempDir("cli-int-");
  const site = uniqueBucket("int-site");
  writeFileSync(
    join(dir, "site-config.json"),
    JSON.stringify({
      endpoint: s3.endpoint,
      websiteEndpoint: s3.websiteEndpoint,
      raw: { bucket: "int-raw-unused" },
      site: { bucket: site },
    }),
  );
  const env = { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, AWS_REGION: s3.region };
  const dist = join(dir, "dist");
  mkdirSync(dist);
  writeMonths(dist, 2);
  expect((await runCli(["deploy"], { cwd: dir, env })).exitCode).toBe(0);
  const siteUrl = `${s3.websiteEndpoint}/${site}/`;
  expect(await liveLinks(siteUrl)).toHaveLength(2);

  writeMonths(dist, MONTHS);
  const child = spawn(process.execPath, [BIN, "deploy"], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", HOME: dir, AWS_EC2_METADATA_DISABLED: "true", ...env },
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (chunk) => (err += chunk));
  let uploadedWhenInterrupted = 0;
  child.stdout.on("data", (chunk) => {
    out += chunk;
    const uploaded = out.match(/^uploaded /gm)?.length ?? 0;
    if (uploaded >= 10 && uploadedWhenInterrupted === 0) {
      uploadedWhenInterrupted = uploaded;
      child.kill("SIGINT");
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(code).toBe(130);
  expect(err).toMatch(
    /interrupted \(SIGINT\): the live site is consistent \(index\.html is replaced only after every upload, and links only to files that exist\); run deploy again to finish\./,
  );
  expect(out).not.toMatch(/^uploaded index\.html/m);

  const links = await liveLinks(siteUrl);
  expect(links).toEqual(["2000/01/final_report.csv", "2000/02/final_report.csv"]);
  for (const link of links) expect((await fetch(new URL(link, siteUrl))).status).toBe(200);

  const rerun = await runCli(["deploy", "--json"], { cwd: dir, env });
  expect(rerun.exitCode).toBe(0);
  const uploaded = JSON.parse(rerun.stdout).report.uploaded as { key: string }[];
  // every file that was reported uploaded before Ctrl-C is skipped now
  expect(uploaded.length).toBeLessThanOrEqual(MONTHS - 2 - uploadedWhenInterrupted + 1);
  expect(uploaded.at(-1)!.key).toBe("index.html");
  expect(await liveLinks(siteUrl)).toHaveLength(MONTHS);
}, 120_000);
